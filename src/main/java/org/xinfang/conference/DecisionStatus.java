package org.xinfang.conference;

/** Where a decision stands, derived from its duty and whether a meeting closed it. */
public enum DecisionStatus {
  /** Its duty is done. */
  DONE,
  /** Its duty is open and not yet due. */
  OPEN,
  /** Its duty is open and past due. */
  OVERDUE,
  /** Its duty was withdrawn. */
  CANCELLED,
  /** A coordination result without a duty. */
  NO_DUTY
}
