package org.xinfang.petition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.xinfang.calendar.Due;
import org.xinfang.organisation.Organisation;

/**
 * What the aggregate needs to know of the world to apply the law: the period rules on the
 * working-day calendar, the organisation tree, and earlier petitions.
 */
interface Law {

  /** The due date of the named period rule counted from {@code event} (LAW.md §7). */
  Due due(LocalDate event, String rule);

  /** The same, with the rule's length lengthened by {@code extra} days (extension, hearing). */
  Due due(LocalDate event, String rule, int extra);

  /** The same unit and roll-forward as the named rule, with another length (a REDO period). */
  Due dueWithLength(LocalDate event, String rule, int length);

  /** The configured length of a rule, e.g. the extension maximum. */
  int length(String rule);

  Optional<Organisation> organisation(String id);

  /** Whether {@code id} is {@code ancestorId} or lies in its subtree (the organisation tree). */
  boolean isWithin(String id, String ancestorId);

  /** Every organisation of the tree (a snapshot), for where a matter's region belongs. */
  List<Organisation> organisations();

  /** The organs one level up, the default first (LAW.md §6). */
  List<Organisation> reviewOrgans(String id);

  /** An earlier petition's state and finality, for 不再受理 and repeat checks. */
  Optional<EarlierPetition> earlier(String petitionId);

  /** Whether level-skipping visits are refused for every category or for grievances only. */
  boolean levelSkippingAllCategories();

  /** The state of an earlier petition. */
  record EarlierPetition(
      String id,
      PetitionState state,
      boolean isFinal,
      String handlingOrganisation,
      String repeatOf,
      LocalDate receivedOn) {}
}
