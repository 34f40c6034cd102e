package org.xinfang.petition;

import java.time.LocalDate;

/**
 * A petition search (by number, query code, a petitioner's name or phone, text in the subject,
 * facts or request, the received date range and the state); blank criteria are ignored.
 */
public record SearchQuery(
    String number,
    String queryCode,
    String name,
    String phone,
    String text,
    LocalDate from,
    LocalDate to,
    PetitionState state,
    String holder,
    int page,
    int size) {}
