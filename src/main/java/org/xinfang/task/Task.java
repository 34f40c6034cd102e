package org.xinfang.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One assigned duty.
 *
 * @param source what created it: {@code CONFERENCE}, {@code PACKAGE}, {@code SUPERVISION}, …
 * @param sourceId the record in the source module (a decision, a plan step, an order)
 * @param petitionId the petition it concerns, if any
 * @param owedBy the organisation that owes it
 * @param basis where the duty comes from, e.g. "联席会议 2026-11-20 决定"
 */
public record Task(
    String id,
    String source,
    String sourceId,
    String petitionId,
    String owedBy,
    String title,
    String basis,
    LocalDate due,
    String createdBy,
    OffsetDateTime createdAt,
    LocalDate doneOn,
    String doneBy,
    String outcome,
    boolean cancelled) {

  /** Neither done nor cancelled. */
  public boolean open() {
    return doneOn == null && !cancelled;
  }

  /** Open and past its due date on {@code today}. */
  public boolean overdue(LocalDate today) {
    return open() && due != null && due.isBefore(today);
  }
}
