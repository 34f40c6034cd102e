package org.xinfang.supervision;

import java.time.LocalDate;

/**
 * A supervision order to issue: to which organ, on which petition, why, what, answered by when.
 *
 * @param issuedOn the day it was issued, for an order issued on paper and entered later (default
 *     today; not in the future)
 */
public record NewOrder(
    String petitionId,
    String organisationId,
    Cause cause,
    String demands,
    LocalDate replyDue,
    LocalDate issuedOn) {

  public NewOrder(
      String petitionId, String organisationId, Cause cause, String demands, LocalDate replyDue) {
    this(petitionId, organisationId, cause, demands, replyDue, null);
  }
}
