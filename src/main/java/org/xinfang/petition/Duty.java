package org.xinfang.petition;

import java.time.LocalDate;

/**
 * Something owed now on a petition: its due date on the working-day calendar, who owes it (null for
 * the petitioner's own windows), the legal basis, and whether the date is provisional because the
 * calendar year it counts through is not loaded yet.
 */
public record Duty(
    DutyKind duty,
    LocalDate due,
    String owedBy,
    String basis,
    boolean provisional,
    boolean optional,
    boolean overdue,
    boolean paused) {}
