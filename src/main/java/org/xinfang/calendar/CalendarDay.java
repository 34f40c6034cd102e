package org.xinfang.calendar;

import java.time.LocalDate;

/** A listed day: a day off or a worked weekend day, with the holiday it belongs to (e.g. 春节). */
public record CalendarDay(LocalDate date, String name) {}
