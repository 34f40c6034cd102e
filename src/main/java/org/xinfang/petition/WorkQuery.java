package org.xinfang.petition;

/**
 * A work-list query: the duties one organisation owes, optionally of one kind, category, channel or
 * region (a region-code prefix), soonest due first.
 */
public record WorkQuery(
    String owedBy,
    DutyKind duty,
    Category category,
    Channel channel,
    String regionPrefix,
    boolean includeOptional,
    int page,
    int size) {}
