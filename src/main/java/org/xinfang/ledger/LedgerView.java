package org.xinfang.ledger;

/**
 * A ledger with its live figures, counted over the cases the reader may see.
 *
 * @param rate resolved / cases in percent, one decimal (0 for an empty ledger)
 * @param targetMet whether the rate (and the number resolved) reach the target
 * @param cleared every case resolved (清零), on a ledger with cases
 */
public record LedgerView(
    Ledger ledger,
    String ownerName,
    int cases,
    int resolved,
    int unresolved,
    int concluded,
    int overdue,
    int removed,
    double rate,
    boolean targetMet,
    boolean cleared) {}
