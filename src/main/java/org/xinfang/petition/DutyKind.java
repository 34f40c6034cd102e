package org.xinfang.petition;

/** What is owed on a petition, and by whom (API.md duties). */
public enum DutyKind {
  /** A petition bureau registers and routes within 15 days (条例 Art. 22). */
  ROUTE,
  /** Written notice of receipt within 15 days (条例 Art. 23 paras. 1–3). */
  NOTIFY_RECEIPT,
  /** The right to object within 5 working days of receipt (条例 Art. 23 para. 3); optional. */
  OBJECT,
  /** The sender decides an objection (条例 Art. 23 para. 3). */
  DECIDE_OBJECTION,
  /** Accept or transfer an accusation within 5 working days (discipline-inspection rules). */
  DISPOSE,
  /** Conclude a pathway-6 matter within 60 days, plus any extension (条例 Art. 34). */
  CONCLUDE,
  /** The result report of an assignment by its due date (条例 Art. 22 item 3). */
  REPORT,
  /** Report a major or urgent matter at once (条例 Art. 25). */
  REPORT_MAJOR,
  /** Answer a review request within 30 days (条例 Art. 35). */
  REVIEW,
  /** Answer a re-review request within 30 days, hearings excluded (条例 Art. 36). */
  RE_REVIEW,
  /** The petitioner's window to request review (条例 Art. 35); owed by no organ. */
  REVIEW_WINDOW,
  /** The petitioner's window to request re-review (条例 Art. 36); owed by no organ. */
  RE_REVIEW_WINDOW;

  public boolean isPetitionersWindow() {
    return this == REVIEW_WINDOW || this == RE_REVIEW_WINDOW;
  }
}
