package org.xinfang.petition;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a rule-based list (a ledger, 台账) selects among the petitions: the kinds {@code repeat} and
 * {@code backlog} (either one, when both are asked for), narrowed by every other criterion given.
 * Null or blank criteria are ignored.
 *
 * @param repeat repeat petitions (重复信访): those naming an earlier one, and those others repeat
 * @param backlogBefore backlog (积案): not resolved and received before this day
 * @param regionPrefix a region code (GB/T 2260) or its prefix
 * @param receivedFrom received on or after
 * @param receivedTo received on or before
 * @param organisations held or received by one of these organisations
 */
public record Selection(
    boolean repeat,
    LocalDate backlogBefore,
    String regionPrefix,
    Category category,
    Channel channel,
    LocalDate receivedFrom,
    LocalDate receivedTo,
    Set<String> organisations) {}
