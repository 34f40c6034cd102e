package org.xinfang.figures;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the annual report of 条例 Art. 41 items 2 and 3 needs from the supervision module: the
 * supervision orders (督办, Art. 40 para. 1) the petition bureaus of these organisations issued in
 * the period, and their recommendations to improve work, perfect policy or hold to account (Art. 40
 * paras. 1–3) with how many were adopted (Art. 40 para. 4). Without such a bean the report says
 * that the record holds none.
 */
public interface SupervisionSource {

  /** Orders issued, answered in writing, answered late or not at all. */
  Orders orders(Set<String> organisations, LocalDate from, LocalDate to);

  /** Recommendations made and adopted, by kind (IMPROVE_WORK, PERFECT_POLICY, ACCOUNTABILITY). */
  java.util.List<Recommendations> recommendations(
      Set<String> organisations, LocalDate from, LocalDate to);

  /** Supervision orders. */
  record Orders(long issued, long answered, long late) {}

  /** Recommendations of one kind. */
  record Recommendations(String kind, long made, long adopted) {}
}
