package org.xinfang.organisation;

/**
 * What it takes to create an organisation; {@code id} may be null (a UUID is given) or a stable id
 * matching {@code [A-Za-z0-9_-]{1,64}}.
 */
public record NewOrganisation(
    String id,
    String name,
    String shortName,
    OrgLevel level,
    OrgType type,
    String parentId,
    String regionCode,
    String line,
    boolean vertical) {}
