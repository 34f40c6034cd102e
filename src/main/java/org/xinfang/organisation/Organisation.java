package org.xinfang.organisation;

/**
 * One body in the organisation tree.
 *
 * @param id a stable id matching {@code [A-Za-z0-9_-]{1,64}}
 * @param shortName the everyday name (e.g. 大连市信访局 for a longer formal name), may be null
 * @param parentId the body one step up the tree: a department's own government, a government's
 *     government one level up, a village committee's township; null at the root
 * @param regionCode GB/T 2260 code (6 digits), township (9) or village (12) statistics code
 * @param line the functional line of a department (e.g. 人社, 住建, 信访, 纪检监察, 政法), null for governments
 *     and village committees
 * @param vertical a vertically managed body (垂直管理), whose superior is its parent
 */
public record Organisation(
    String id,
    String name,
    String shortName,
    OrgLevel level,
    OrgType type,
    String parentId,
    String regionCode,
    String line,
    boolean vertical) {

  /** The short name where there is one, else the name. */
  public String displayName() {
    return shortName != null && !shortName.isBlank() ? shortName : name;
  }
}
