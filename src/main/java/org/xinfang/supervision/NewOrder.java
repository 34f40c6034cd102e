package org.xinfang.supervision;

import java.time.LocalDate;

/** A supervision order to issue: to which organ, on which petition, why, what, answered by when. */
public record NewOrder(
    String petitionId, String organisationId, Cause cause, String demands, LocalDate replyDue) {}
