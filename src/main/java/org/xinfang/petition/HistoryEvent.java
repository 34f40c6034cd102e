package org.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One immutable entry of a petition's history: the act, the day it happened, who did it for which
 * organisation, when it was recorded, the article it rests on, whether it was entered after the
 * fact, whether the bootstrap administrator did it, and the act's own data. Every later module
 * (notices, supervision, figures) reads these.
 *
 * @param payload the act's data: a record from {@link Acts} or {@link Registered}
 */
public record HistoryEvent(
    int seq,
    String act,
    LocalDate on,
    String by,
    String organisationId,
    Instant at,
    String article,
    boolean backEntered,
    boolean adminAct,
    Object payload) {}
