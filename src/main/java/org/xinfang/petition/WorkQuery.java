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
    int size) {

  /**
   * Counting an organisation's duties is bounded: a bureau of a city of 10,000,000 petitions owes
   * hundreds of thousands, and counting them all costs more than the page. The work list counts at
   * most this many (or, deeper in the list, up to the end of the page asked for).
   */
  public static final int COUNTED = 10_000;

  /**
   * The most duties this query counts: a total above it means "more than this many" (and that a
   * page follows this one).
   */
  public long countLimit() {
    return Math.max(COUNTED, ((long) page + 1) * size);
  }
}
