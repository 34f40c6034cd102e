package org.xinfang.leadership;

import java.time.LocalDate;

/**
 * One step of a package's plan: an assigned duty of {@code owedBy}; done when its duty is done.
 *
 * @param taskId the assigned duty (GET /api/tasks/{taskId})
 */
public record PlanStep(
    String id,
    int seq,
    String title,
    String owedBy,
    LocalDate due,
    String taskId,
    LocalDate doneOn,
    String doneBy,
    String outcome,
    boolean cancelled) {

  public boolean done() {
    return doneOn != null;
  }

  public boolean open() {
    return doneOn == null && !cancelled;
  }

  /** Open and past its due date on {@code today}. */
  public boolean late(LocalDate today) {
    return open() && due.isBefore(today);
  }
}
