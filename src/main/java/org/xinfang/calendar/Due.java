package org.xinfang.calendar;

import java.time.LocalDate;

/**
 * A computed due date.
 *
 * @param date the last day of the period
 * @param provisional true if the period reaches into a year whose holiday notice is not loaded: the
 *     date is then computed on the assumed statutory holidays and must be recomputed when the
 *     notice is loaded (LAW.md §7)
 */
public record Due(LocalDate date, boolean provisional) {}
