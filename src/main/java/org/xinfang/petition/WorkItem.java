package org.xinfang.petition;

import java.time.LocalDate;

/** One line of a work list: a duty an organisation owes on a petition, with its due date. */
public record WorkItem(
    String petitionId,
    String number,
    String subject,
    Channel channel,
    Category category,
    PetitionState state,
    String regionCode,
    LocalDate receivedOn,
    DutyKind duty,
    LocalDate due,
    String owedBy,
    String basis,
    boolean provisional,
    boolean optional,
    boolean paused) {}
