package org.xinfang.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One section of the daily bulletin, computed from the record. Any module may contribute one by
 * declaring a Spring bean implementing this interface; the bulletin reads every implementation, in
 * {@link #order()}. A section reports on organisations, not on behalf of a user: it must leave
 * accusations out of what it names and counts (条例 Art. 30 para. 3), and personal data out.
 */
public interface BulletinSection {

  /** A stable name, e.g. {@code receptions}, {@code supervision}. */
  String key();

  /** Where it stands in the bulletin, smallest first (receptions 10, packages 20, overdue 30). */
  default int order() {
    return 100;
  }

  /** The section's content for the period and the jurisdiction. */
  Content render(Period period);

  /**
   * What a bulletin covers.
   *
   * @param organisationId the organisation issuing it (a petition bureau)
   * @param jurisdiction the organisations it reports on
   * @param from first day of the period
   * @param to last day of the period
   * @param asOf the day duties are counted overdue against (a duty due before it is overdue)
   */
  record Period(
      String organisationId,
      Set<String> jurisdiction,
      LocalDate from,
      LocalDate to,
      LocalDate asOf) {}

  /**
   * A rendered section: a title, a one-line summary and its lines (Chinese: the bulletin is an
   * official document).
   */
  record Content(String key, String title, String summary, List<Line> lines) {}

  /**
   * One line of a section.
   *
   * @param organisationId the organisation it names, may be null
   * @param adverse whether it names a failure (shown marked)
   */
  record Line(String text, String organisationId, boolean adverse) {}
}
