package org.xinfang.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded referral (移送函 / 问责建议书) to a discipline-inspection organ: its number, who made it for
 * which organisation, to whom, what it traced, the failures it names, and its history.
 */
public record Referral(
    String id,
    String number,
    String organisationId,
    String organisationName,
    String addressedTo,
    String addressedToName,
    String petitionId,
    String subjectOrganisation,
    String subjectOrganisationName,
    LocalDate from,
    LocalDate to,
    String remarks,
    List<Failure> failures,
    LocalDate issuedOn,
    String createdBy,
    OffsetDateTime createdAt,
    List<ReferralEvent> history) {

  /** One act on a referral. */
  public record ReferralEvent(
      String act,
      LocalDate on,
      String actor,
      String organisationId,
      OffsetDateTime at,
      String basis,
      String detail) {}
}
