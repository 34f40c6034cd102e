package org.xinfang.supervision;

/** Where an open duty stands on a day (the deadline watch). */
public enum Level {
  /** More working days left than the pre-warning. */
  NORMAL,
  /** Due within the pre-warning's working days (due today included). */
  WARNING,
  /** Past its due date; graded by the working days late ({@link Grade}). */
  OVERDUE
}
