package org.xinfang.supervision;

import java.time.LocalDate;

/**
 * One open duty as the watch recorded it on a day.
 *
 * @param ref the duty's key: {@code <petitionId>:<DUTY>} for a statutory duty, {@code task:<id>}
 *     for an assigned one
 * @param source {@code STATUTORY} (petition_duty) or {@code TASK} (assigned duties)
 * @param duty the statutory duty kind, or the assigning module (CONFERENCE, SUPERVISION, …)
 */
public record WatchedDuty(
    LocalDate day,
    String ref,
    String source,
    String petitionId,
    String duty,
    String owedBy,
    LocalDate due,
    DutyLevel level) {}
