package org.xinfang.organisation;

/** What kind of body an organisation is. */
public enum OrgType {
  /** 信访局 / 信访办: receives, routes and supervises petitions. */
  PETITION_BUREAU,
  /** 人民政府, 街道办事处: the body that heads its region. */
  GOVERNMENT,
  /** a functional department of a government (人社、住建、公安 …). */
  DEPARTMENT,
  /** 纪委监委 */
  DISCIPLINE_INSPECTION,
  /** 政法委 */
  POLITICAL_LEGAL,
  /** 村民委员会 / 居民委员会 */
  VILLAGE_COMMITTEE
}
