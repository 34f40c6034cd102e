package org.xinfang.leadership;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the leaders' reception roster (值班接访 / 领导接访日 / 下访).
 *
 * @param destination where an outreach visit (VISIT_OUT) goes; null for a reception
 * @param leader the user name of the leader on duty
 * @param record what was recorded; null while nothing is
 */
public record ReceptionDuty(
    String id,
    ReceptionKind kind,
    LocalDate date,
    String place,
    String destination,
    String leader,
    String organisationId,
    String createdBy,
    ReceptionRecord record,
    List<LeadershipEvent> history) {

  /** Upcoming, held or missed on {@code today}. */
  public ReceptionStatus status(LocalDate today) {
    if (record != null) {
      return ReceptionStatus.HELD;
    }
    return date.isBefore(today) ? ReceptionStatus.MISSED : ReceptionStatus.UPCOMING;
  }
}
