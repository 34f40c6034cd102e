package org.xinfang.petition;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One duty in a petition's life, as reconstructed from its history (the accountability trace,
 * 责任倒查): which duty arose when and by which act, who owed it, by when, and how it ended — by which
 * act, done by which user for which organisation — or that it is still open or was missed.
 *
 * @param aroseSeq the history event that made it owed
 * @param due the last due date it had (an extension or a hearing moves it)
 * @param endedSeq the history event after which it was no longer owed; null while open
 * @param endedBy the user name recorded on that event
 */
public record DutyRecord(
    DutyKind duty,
    String owedBy,
    String basis,
    LocalDate aroseOn,
    int aroseSeq,
    String aroseByAct,
    LocalDate due,
    boolean provisional,
    LocalDate endedOn,
    Integer endedSeq,
    String endedByAct,
    String endedBy,
    String endedByOrganisation,
    Outcome outcome) {

  /** How a duty stands: done in time, done late, still open (in time or paused), or missed. */
  public enum Outcome {
    DONE,
    DONE_LATE,
    OPEN,
    MISSED
  }

  /** Calendar days past the due date: when it was done late, or as of {@code today} if missed. */
  public long daysLate(LocalDate today) {
    LocalDate end = endedOn != null ? endedOn : today;
    return Math.max(0, ChronoUnit.DAYS.between(due, end));
  }

  /** Done late or missed. */
  public boolean failed() {
    return outcome == Outcome.DONE_LATE || outcome == Outcome.MISSED;
  }
}
