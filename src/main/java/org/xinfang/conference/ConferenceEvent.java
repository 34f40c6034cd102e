package org.xinfang.conference;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One act on a joint conference, as recorded (never changed).
 *
 * @param act {@code schedule}, {@code add-item}, {@code attendance}, {@code decide}, {@code
 *     follow-up}, {@code close}, {@code issue-minutes}
 * @param basis the article the act rests on
 */
public record ConferenceEvent(
    long seq,
    String conferenceId,
    String act,
    String itemId,
    String decisionId,
    String petitionId,
    LocalDate on,
    String actor,
    String organisationId,
    OffsetDateTime recordedAt,
    String basis,
    String detail) {}
