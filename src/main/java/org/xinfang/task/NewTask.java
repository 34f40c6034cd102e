package org.xinfang.task;

import java.time.LocalDate;

/** What a module assigns: who owes what, by when, on which basis, concerning which petition. */
public record NewTask(
    String source,
    String sourceId,
    String petitionId,
    String owedBy,
    String title,
    String basis,
    LocalDate due) {}
