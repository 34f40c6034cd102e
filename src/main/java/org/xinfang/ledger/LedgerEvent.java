package org.xinfang.ledger;

import java.time.OffsetDateTime;

/**
 * One act on a ledger, as recorded (immutable).
 *
 * @param act {@code create}, {@code apply-rules}, {@code add-case}, {@code remove-case}, {@code
 *     note}, {@code import}
 * @param basis why: the campaign rule, the import, a user's decision
 */
public record LedgerEvent(
    long id,
    String ledgerId,
    String act,
    String petitionId,
    String actor,
    String organisationId,
    OffsetDateTime at,
    String basis,
    String details) {}
