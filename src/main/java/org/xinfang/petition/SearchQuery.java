package org.xinfang.petition;

import java.time.LocalDate;

/**
 * A petition search (by number, query code, a petitioner's name, phone or identity number, text in
 * the subject, facts or request, the received date range, the state and the holder); blank criteria
 * are ignored. Only what the searching user may see is found (issue 4).
 */
public record SearchQuery(
    String number,
    String queryCode,
    String name,
    String phone,
    String idNumber,
    String text,
    LocalDate from,
    LocalDate to,
    PetitionState state,
    String holder,
    int page,
    int size) {}
