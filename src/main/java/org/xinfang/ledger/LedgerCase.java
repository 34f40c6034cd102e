package org.xinfang.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionState;

/**
 * One case on a ledger, tracked to resolution: the petition's standing now (personal data masked)
 * and the ledger's own record of it.
 *
 * @param source {@code RULE} (selected by the rules) or {@code MANUAL}
 * @param holder the responsible organ (责任单位): the organisation holding the petition
 * @param overdue not resolved, and a statutory duty on it is past due or the ledger's period ended
 */
public record LedgerCase(
    int ordinal,
    String petitionId,
    String number,
    String petitioner,
    String regionCode,
    Category category,
    Channel channel,
    LocalDate receivedOn,
    String subject,
    String holder,
    PetitionState state,
    boolean concluded,
    boolean resolved,
    boolean overdue,
    LocalDate lastActOn,
    boolean repeat,
    String source,
    String note,
    String noteBy,
    OffsetDateTime noteAt,
    String addedBy,
    OffsetDateTime addedAt) {}
