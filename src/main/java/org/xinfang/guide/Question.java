package org.xinfang.guide;

import java.util.List;
import java.util.Map;

/**
 * One plain question of the route map.
 *
 * @param key the answer's name (also the message key {@code guide.q.<key>})
 * @param options the possible answers, the first being "none of these" (message keys {@code
 *     guide.q.<key>.<option>})
 * @param when the question is asked only when each named earlier question was asked and answered
 *     with one of the listed options (empty: always asked)
 */
public record Question(String key, List<String> options, Map<String, List<String>> when) {

  public Question {
    options = List.copyOf(options);
    when = Map.copyOf(when);
  }

  /** The answer taken when the question is left unanswered: "none of these". */
  public String defaultOption() {
    return options.get(0);
  }
}
