package org.xinfang.petition;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.Organisation;

/**
 * Where a matter belongs in the organisation tree, by its administrative division code (GB/T 2260
 * and its township and village extensions), for 条例 Art. 20 para. 1: a visit goes to the organ of
 * the matter's own level or of the one above. Levels are read from the tree, not from the code's
 * length, so a municipality's districts (110105 under 11), a county-level city under its province
 * (429004 under 42) or a city without districts (441900) have the parent they really have; a
 * village has no organ, so its matter belongs to its township.
 */
final class Regions {

  private Regions() {}

  /**
   * The significant part of a division code: 210000 → 21, 210200 → 2102, 210202 → 210202, 210202002
   * → 210202002, 210202002001 → 210202002001; trailing zero-padded parts (210202000000) drop.
   */
  static String unit(String code) {
    if (code == null || code.isEmpty()) {
      return null;
    }
    String c = code;
    if (c.length() == 12 && c.endsWith("000")) {
      c = c.substring(0, 9);
    }
    if (c.length() == 9 && c.endsWith("000")) {
      c = c.substring(0, 6);
    }
    if (c.length() == 6 && c.endsWith("0000")) {
      return c.substring(0, 2);
    }
    if (c.length() == 6 && c.endsWith("00")) {
      return c.substring(0, 4);
    }
    return c;
  }

  /** The matter's own unit and the one above it, as the tree has them. */
  record Place(String own, String above) {

    /** Whether an organ of this unit is the matter's own level or the one above (Art. 20). */
    boolean allows(String unit) {
      return unit != null && (unit.equals(own) || unit.equals(above));
    }

    /** Whether this unit is above the one above the matter: a visit there skipped a level. */
    boolean skippedBy(String unit) {
      return unit != null && above != null && above.startsWith(unit) && !above.equals(unit);
    }
  }

  /**
   * The matter's place: the deepest unit of an organ (not a village's) containing its region, and
   * the deepest unit of an organ containing that one. Empty when its region is not in the tree.
   */
  static Optional<Place> place(String regionCode, Collection<Organisation> organisations) {
    String matter = unit(regionCode);
    if (matter == null) {
      return Optional.empty();
    }
    String own = deepest(organisations, true, u -> matter.startsWith(u));
    if (own == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Place(own, deepest(organisations, false, u -> own.startsWith(u) && !own.equals(u))));
  }

  /** The longest unit of an organ (villages' left out when asked) that {@code holds} accepts. */
  private static String deepest(
      Collection<Organisation> organisations, boolean withoutVillages, Predicate<String> holds) {
    String found = null;
    for (Organisation o : organisations) {
      String u = unit(o.regionCode());
      if (u != null
          && !(withoutVillages && o.level() == OrgLevel.VILLAGE)
          && holds.test(u)
          && (found == null || u.length() > found.length())) {
        found = u;
      }
    }
    return found;
  }
}
