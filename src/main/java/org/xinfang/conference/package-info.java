/**
 * The joint conference (信访工作联席会议, 条例 Arts. 7 and 13): meetings a leader convenes for the
 * organisations of a jurisdiction, an agenda of escalated matters (difficult cases from triage,
 * jurisdiction disputes under Art. 24, supervision, and every open decision of earlier meetings
 * carried over for follow-up), decisions that become assigned duties of the organs named, and the
 * minutes (会议纪要) as a PDF. Every act is an immutable history event. {@link
 * org.xinfang.conference.Conferences} is the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Joint conference")
package org.xinfang.conference;
