package org.xinfang.leadership;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One recorded act on a package or a roster entry: who, for which organisation, when, on which
 * basis.
 *
 * @param on the day the act took effect
 */
public record LeadershipEvent(
    String act,
    String actor,
    String organisationId,
    OffsetDateTime at,
    LocalDate on,
    String basis,
    String detail) {}
