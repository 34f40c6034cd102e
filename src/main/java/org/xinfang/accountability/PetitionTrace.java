package org.xinfang.accountability;

import java.time.LocalDate;
import java.util.List;

/** The accountability trace of one petition: every duty of its life and the failures found. */
public record PetitionTrace(
    String petitionId,
    String number,
    String subject,
    String category,
    String state,
    LocalDate receivedOn,
    String receivedByName,
    LocalDate asOf,
    List<TracedDuty> duties,
    List<Failure> failures) {}
