package org.xinfang.calendar;

/** How a period is counted (LAW.md §7): plain 日 are calendar days, 工作日 are working days. */
public enum PeriodUnit {
  /** Calendar days (日). */
  CALENDAR,
  /** Working days (工作日): Monday–Friday, minus public holidays, plus swapped working weekends. */
  WORKING
}
