package org.xinfang.petition;

import java.util.List;
import java.util.Set;

/**
 * What one user may see (issue 4, API.md Users): the petitions one of the {@code readers} has
 * received, held or acted on, except those accusing one of the {@code barred} organisations (条例
 * Art. 30 para. 3: an accusation never reaches the accused).
 *
 * @param all the bootstrap administrator where the deployment lets them act anywhere
 * @param readers the user's organisation; for supervisors and leaders their whole jurisdiction
 * @param barred the user's own organisation and, outside the discipline line, every organisation
 *     below it: accusations against any of them are hidden from this user
 */
record Scope(boolean all, Set<String> readers, Set<String> barred) {

  static final Scope EVERYTHING = new Scope(true, Set.of(), Set.of());

  /** Whether a petition with these parties and these accused organisations is visible. */
  boolean sees(Set<String> parties, List<String> accusedOrganisations) {
    return all || (!hides(accusedOrganisations) && parties.stream().anyMatch(readers::contains));
  }

  /** Whether an accusation against one of these organisations is hidden from this user. */
  boolean hides(List<String> accusedOrganisations) {
    return !all && accusedOrganisations.stream().anyMatch(barred::contains);
  }

  /** An SQL condition on petition alias {@code p} (with its arguments appended to {@code args}). */
  String sql(String petitionId, List<Object> args) {
    if (all) {
      return "1=1";
    }
    if (readers.isEmpty()) {
      return "1=0";
    }
    StringBuilder b =
        new StringBuilder("exists (select 1 from petition_party pp where pp.petition_id = ")
            .append(petitionId)
            .append(" and pp.organisation_id in (")
            .append(placeholders(readers.size()))
            .append("))");
    args.addAll(readers);
    b.append(" and ").append(notBarred(petitionId, args));
    return b.toString();
  }

  /** The SQL condition that hides accusations against the barred organisations. */
  String notBarred(String petitionId, List<Object> args) {
    if (all || barred.isEmpty()) {
      return "1=1";
    }
    args.addAll(barred);
    return "not exists (select 1 from accused ac where ac.petition_id = "
        + petitionId
        + " and ac.organisation_id in ("
        + placeholders(barred.size())
        + "))";
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
