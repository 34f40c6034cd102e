package org.xinfang.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A ledger as stored: who owns it, its period, target and rules. */
public record Ledger(
    String id,
    String name,
    String ownerOrganisation,
    String ownerUser,
    LocalDate periodFrom,
    LocalDate periodTo,
    Integer targetRate,
    Integer targetResolved,
    String description,
    LedgerRules rules,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime rulesAppliedAt) {}
