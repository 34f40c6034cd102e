/**
 * Accountability trace (责任倒查, 条例 Arts. 43–46): for a petition, or for an organ and a period, the
 * duties owed (reconstructed from the petition's history by {@link
 * org.xinfang.petition.DutyTimelines}), who owed them, when each was done or missed, and the
 * liability article each failure falls under; and referrals (移送函 / 问责建议书) of failures to a
 * discipline-inspection organ, recorded with their history and printed as PDF. {@link
 * org.xinfang.accountability.Accountability} is the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accountability trace")
package org.xinfang.accountability;
