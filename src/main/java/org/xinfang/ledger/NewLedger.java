package org.xinfang.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A ledger to open.
 *
 * @param ownerOrganisation the owning organisation; the creator's own (only the bootstrap
 *     administrator names another)
 * @param targetRate the resolution rate aimed at, in percent (e.g. 90)
 * @param targetResolved the number of cases to resolve in the period
 * @param applyRules apply the rules at once (default true)
 */
public record NewLedger(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 64) String ownerOrganisation,
    @NotNull LocalDate periodFrom,
    @NotNull LocalDate periodTo,
    @Min(0) @Max(100) Integer targetRate,
    @Min(0) @Max(10_000_000) Integer targetResolved,
    @Size(max = 2000) String description,
    @Valid LedgerRules rules,
    Boolean applyRules) {}
