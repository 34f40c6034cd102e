package org.xinfang.organisation.web;

import java.util.List;
import org.xinfang.organisation.Organisation;

/**
 * One organisation with the organs that review its opinions (复查/复核, LAW.md §6): the default first,
 * then those the petitioner may choose instead.
 */
record OrganisationDetail(
    String id,
    String name,
    String level,
    String type,
    String parentId,
    String regionCode,
    String shortName,
    String line,
    boolean vertical,
    List<String> reviewOrgans) {

  static OrganisationDetail of(Organisation o, List<Organisation> reviewOrgans) {
    return new OrganisationDetail(
        o.id(),
        o.name(),
        o.level().name(),
        o.type().name(),
        o.parentId(),
        o.regionCode(),
        o.shortName(),
        o.line(),
        o.vertical(),
        reviewOrgans.stream().map(Organisation::id).toList());
  }
}
