package org.xinfang.petition;

/**
 * Published after each act is committed, for the modules that react to a petition's history
 * (notices, search, supervision, figures).
 */
public record PetitionActed(String petitionId, String number, HistoryEvent event) {}
