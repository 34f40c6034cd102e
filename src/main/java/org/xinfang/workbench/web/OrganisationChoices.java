package org.xinfang.workbench.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;

/** The organisation tree as select options, and organisation names for display. */
@Component
class OrganisationChoices {

  /** Indents a select option by its depth (a select cannot nest options). */
  private static final String INDENT = "\u3000";

  private static final String CACHE = OrganisationChoices.class.getName() + ".all";

  private final Organisations organisations;

  OrganisationChoices(Organisations organisations) {
    this.organisations = organisations;
  }

  /**
   * The whole tree, read once per request: a page lists it in several selects and names many
   * organisations.
   */
  private List<Organisation> all() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return organisations.all();
    }
    @SuppressWarnings("unchecked")
    List<Organisation> cached =
        (List<Organisation>) request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
    if (cached == null) {
      cached = organisations.all();
      request.setAttribute(CACHE, cached, RequestAttributes.SCOPE_REQUEST);
    }
    return cached;
  }

  /** Every organisation in tree order, indented by level. */
  List<Option> organisations() {
    List<Option> options = new ArrayList<>();
    for (Organisation o : all()) {
      options.add(new Option(o.id(), indent(o) + o.displayName()));
    }
    return options;
  }

  /**
   * The regions of the tree (each government's and village committee's region code), indented, as
   * full codes (for the place a matter happened) or as prefixes (for a work-list filter).
   */
  List<Option> regions(boolean asPrefix) {
    List<Option> options = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Organisation o : all()) {
      if (o.type() != OrgType.GOVERNMENT && o.type() != OrgType.VILLAGE_COMMITTEE) {
        continue;
      }
      if (o.regionCode() == null || !seen.add(o.regionCode())) {
        continue;
      }
      String value = asPrefix ? prefix(o.regionCode()) : o.regionCode();
      options.add(new Option(value, indent(o) + o.displayName() + " " + o.regionCode()));
    }
    return options;
  }

  /** The organs that may review or re-review what {@code organisationId} decided. */
  List<Option> reviewOrgans(String organisationId) {
    if (organisationId == null) {
      return List.of();
    }
    try {
      return organisations.reviewOrgans(organisationId).stream()
          .map(o -> new Option(o.id(), o.displayName()))
          .toList();
    } catch (RuntimeException unknown) {
      return List.of();
    }
  }

  /** Every organisation's display name by id, for one page. */
  Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (Organisation o : all()) {
      names.put(o.id(), o.displayName());
    }
    return names;
  }

  /** The name of the region a code stands for (its government or village committee), or "". */
  String regionName(String code) {
    if (code == null) {
      return "";
    }
    return all().stream()
        .filter(o -> code.equals(o.regionCode()))
        .filter(o -> o.type() == OrgType.GOVERNMENT || o.type() == OrgType.VILLAGE_COMMITTEE)
        .map(Organisation::displayName)
        .findFirst()
        .orElse("");
  }

  String name(String id) {
    if (id == null) {
      return "";
    }
    return all().stream()
        .filter(o -> o.id().equals(id))
        .map(Organisation::displayName)
        .findFirst()
        .orElse(id);
  }

  /** 210000 → 21, 210200 → 2102, 210202 → 210202; longer codes stay whole. */
  static String prefix(String code) {
    if (code.length() != 6) {
      return code;
    }
    String p = code;
    while (p.length() > 2 && p.endsWith("00")) {
      p = p.substring(0, p.length() - 2);
    }
    return p;
  }

  private static String indent(Organisation o) {
    return INDENT.repeat(o.level().ordinal());
  }
}
