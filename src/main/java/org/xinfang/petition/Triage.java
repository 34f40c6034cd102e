package org.xinfang.petition;

import java.util.ArrayList;
import java.util.List;

/**
 * The triage suggestion offered when a matter is accepted (简单问题马上办、一般问题限时办、疑难问题提级办): the officer
 * decides; the suggestion and the decision are both recorded with the acceptance.
 *
 * <ul>
 *   <li>DIFFICULT when the matter is collective (5 or more persons), repeats earlier petitions
 *       twice or more, is major or urgent (条例 Art. 25), a threat was made, or it is related to
 *       litigation and was raised before;
 *   <li>SIMPLE when a single person's first petition is a suggestion, or a grievance for the
 *       petition-handling pathway raised by phone or online;
 *   <li>GENERAL otherwise.
 * </ul>
 *
 * @param suggested the suggested complexity
 * @param reasons why, as stable codes (message keys {@code triage.reason.<code>})
 * @param repeatCount how many earlier petitions this one repeats (its repeat chain)
 * @param finalEarlier an earlier petition of the chain that is final after re-review: a repeat of
 *     it on the same facts is offered for decline as 不再受理 (条例 Art. 36 para. 3); null if none
 */
public record Triage(
    Complexity suggested, List<String> reasons, int repeatCount, String finalEarlier) {

  static final int COLLECTIVE_PERSONS = 5;

  static Triage suggest(
      Category category,
      Pathway pathway,
      Channel channel,
      int persons,
      int repeatCount,
      boolean major,
      boolean threatMade,
      boolean litigationRelated,
      String finalEarlier) {
    List<String> difficult = new ArrayList<>();
    if (persons >= COLLECTIVE_PERSONS) difficult.add("collective");
    if (repeatCount >= 2) difficult.add("repeated");
    if (major) difficult.add("major");
    if (threatMade) difficult.add("threat");
    if (litigationRelated && repeatCount >= 1) difficult.add("litigation-repeat");
    if (finalEarlier != null) difficult.add("final-earlier");
    if (!difficult.isEmpty()) {
      return new Triage(Complexity.DIFFICULT, difficult, repeatCount, finalEarlier);
    }
    if (persons <= 1 && repeatCount == 0) {
      if (category == Category.SUGGESTION) {
        return new Triage(Complexity.SIMPLE, List.of("suggestion"), 0, null);
      }
      if (category == Category.GRIEVANCE
          && pathway == Pathway.PETITION_HANDLING
          && (channel == Channel.PHONE || channel == Channel.ONLINE)) {
        return new Triage(Complexity.SIMPLE, List.of("single-first-remote"), 0, null);
      }
    }
    List<String> general = new ArrayList<>();
    general.add(repeatCount == 1 ? "repeated-once" : "statutory");
    return new Triage(Complexity.GENERAL, general, repeatCount, finalEarlier);
  }
}
