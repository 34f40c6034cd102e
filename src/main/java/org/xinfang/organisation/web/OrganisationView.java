package org.xinfang.organisation.web;

import org.xinfang.organisation.Organisation;

/** An organisation as the API shows it (API.md Organisations, plus shortName, line, vertical). */
record OrganisationView(
    String id,
    String name,
    String level,
    String type,
    String parentId,
    String regionCode,
    String shortName,
    String line,
    boolean vertical) {

  static OrganisationView of(Organisation o) {
    return new OrganisationView(
        o.id(),
        o.name(),
        o.level().name(),
        o.type().name(),
        o.parentId(),
        o.regionCode(),
        o.shortName(),
        o.line(),
        o.vertical());
  }
}
