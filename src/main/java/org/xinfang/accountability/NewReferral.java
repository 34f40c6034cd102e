package org.xinfang.accountability;

import java.time.LocalDate;
import java.util.List;

/**
 * A referral to make: from a petition's trace ({@code petitionId}) or an organ's for a period
 * ({@code organisationId}, {@code from}, {@code to}, {@code subtree}); to which
 * discipline-inspection organ; which failures (their keys; all of the trace's when none are named);
 * remarks.
 */
public record NewReferral(
    String petitionId,
    String organisationId,
    LocalDate from,
    LocalDate to,
    Boolean subtree,
    String addressedTo,
    List<String> failures,
    String remarks) {}
