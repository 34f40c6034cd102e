package org.xinfang.supervision;

/** How late an overdue duty is, in working days (thresholds: {@code xinfang.supervision.*}). */
public enum Grade {
  /** 1–5 working days late by default. */
  LEVEL_1,
  /** 6–15 working days late by default. */
  LEVEL_2,
  /** More than 15 working days late by default. */
  LEVEL_3
}
