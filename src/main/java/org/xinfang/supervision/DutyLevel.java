package org.xinfang.supervision;

/**
 * A duty's level on a day.
 *
 * @param grade the overdue grade, null unless {@link Level#OVERDUE}
 * @param workingDays working days left (NORMAL, WARNING) or late (OVERDUE, at least 1)
 */
public record DutyLevel(Level level, Grade grade, int workingDays) {

  /** The badge a list shows: NORMAL, WARNING, LEVEL_1, LEVEL_2 or LEVEL_3. */
  public String badge() {
    return grade != null ? grade.name() : level.name();
  }
}
