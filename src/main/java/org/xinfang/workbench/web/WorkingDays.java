package org.xinfang.workbench.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.xinfang.calendar.WorkingCalendar;

/**
 * Days left until a due date on the working-day calendar: the working days after today up to and
 * including the due date; negative once overdue (the working days since, at least one).
 */
@Component
class WorkingDays {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** Counting stops here: beyond ten years the exact figure helps nobody. */
  private static final int MAX_DAYS = 3660;

  /** Due-soon: this many working days left or fewer. */
  static final int SOON = 3;

  private final WorkingCalendar calendar;
  private final Clock clock;

  WorkingDays(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  int left(LocalDate due) {
    return left(today(), due);
  }

  int left(LocalDate today, LocalDate due) {
    if (due.isBefore(today)) {
      return -Math.max(1, count(due, today));
    }
    return count(today, due);
  }

  /** Working days in (from, to], counting at most {@code MAX_DAYS} days. */
  private int count(LocalDate from, LocalDate to) {
    LocalDate end = to.isAfter(from.plusDays(MAX_DAYS)) ? from.plusDays(MAX_DAYS) : to;
    try {
      return calendar.workingDaysBetween(from, end);
    } catch (RuntimeException outOfRange) {
      // a day beyond the calendar's years: day by day, the weekday rule where it has no data
      return countDayByDay(from, to);
    }
  }

  private int countDayByDay(LocalDate from, LocalDate to) {
    int n = 0;
    LocalDate d = from.plusDays(1);
    for (int i = 0; !d.isAfter(to) && i < MAX_DAYS; i++, d = d.plusDays(1)) {
      if (working(d)) {
        n++;
      }
    }
    return n;
  }

  private boolean working(LocalDate d) {
    try {
      return calendar.isWorkingDay(d);
    } catch (RuntimeException outOfRange) {
      return d.getDayOfWeek().getValue() <= 5;
    }
  }

  /** The CSS class of a due date: overdue, due-soon or none. */
  static String urgency(LocalDate today, LocalDate due, int left) {
    if (due.isBefore(today)) {
      return "overdue";
    }
    return left <= SOON ? "due-soon" : "";
  }
}
