package org.xinfang.calendar;

/**
 * A year's holiday notice was loaded: every due date counted through that year may have moved and
 * is no longer provisional (LAW.md §7).
 */
public record CalendarYearLoaded(int year) {}
