package org.xinfang.calendar;

import java.util.List;

/**
 * One year of the calendar as the product knows it.
 *
 * @param year the year
 * @param loaded true if the year's official notice is loaded; false means the statutory holidays
 *     are assumed (and deadlines in the year are provisional)
 * @param sources where the data came from: the notice URL(s), or the statutory basis assumed
 * @param daysOff the days off in the year (holidays, including those falling on a weekend)
 * @param workingWeekends the weekend days that are worked (调休)
 */
public record CalendarYear(
    int year,
    boolean loaded,
    List<String> sources,
    List<CalendarDay> daysOff,
    List<CalendarDay> workingWeekends) {}
