package org.xinfang.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One immutable event of the supervision record: who did what, for which organisation, on which day
 * and under which article.
 *
 * @param subjectKind {@code WATCH} (a watch day), {@code ORDER} or {@code CHECK}
 */
public record SupervisionEvent(
    long id,
    String subjectKind,
    String subjectId,
    String act,
    LocalDate on,
    String actor,
    String organisationId,
    OffsetDateTime recordedAt,
    String article,
    String detail) {}
