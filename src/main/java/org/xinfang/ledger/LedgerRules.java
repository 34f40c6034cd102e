package org.xinfang.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;

/**
 * The rules that select a ledger's petitions. The kinds {@code repeat} and {@code backlog} select
 * either (when both are set); every other rule narrows the selection. Only petitions the user
 * applying the rules may see are ever selected.
 *
 * @param repeat repeat petitions (重复信访): naming an earlier petition, or repeated by a later one
 * @param backlog backlog (积案): not resolved and received more than {@code backlogMonths} months
 *     before the day the rules are applied
 * @param backlogMonths the age of a backlog case; default {@code xinfang.backlog.months} (6)
 * @param regionPrefix the region code (GB/T 2260) or a prefix of it, e.g. 2102 for 大连市
 * @param ownerJurisdiction held or received by an organisation in the owner's jurisdiction
 */
public record LedgerRules(
    Boolean repeat,
    Boolean backlog,
    @Min(1) @Max(240) Integer backlogMonths,
    @Pattern(regexp = "\\d{0,12}", message = "digits of a region code") String regionPrefix,
    Category category,
    Channel channel,
    LocalDate receivedFrom,
    LocalDate receivedTo,
    Boolean ownerJurisdiction) {

  /** An absent flag is false. */
  public LedgerRules {
    repeat = Boolean.TRUE.equals(repeat);
    backlog = Boolean.TRUE.equals(backlog);
    ownerJurisdiction = Boolean.TRUE.equals(ownerJurisdiction);
  }

  /** No rule at all: only manual additions. */
  public static final LedgerRules NONE =
      new LedgerRules(false, false, null, null, null, null, null, null, false);

  /** Whether any rule selects anything (a ledger of manual additions only has none). */
  public boolean any() {
    return repeat
        || backlog
        || (regionPrefix != null && !regionPrefix.isBlank())
        || category != null
        || channel != null
        || receivedFrom != null
        || receivedTo != null
        || ownerJurisdiction;
  }
}
