package org.xinfang.organisation;

/** The administrative level of an organisation, top to bottom. */
public enum OrgLevel {
  PROVINCE,
  CITY,
  /** 区 / 县 / 县级市 */
  COUNTY,
  /** 乡 / 镇 / 街道 */
  TOWNSHIP,
  /** 村 / 社区 */
  VILLAGE;

  /** Whether this level is strictly above {@code other} (PROVINCE is above CITY). */
  public boolean isAbove(OrgLevel other) {
    return ordinal() < other.ordinal();
  }
}
