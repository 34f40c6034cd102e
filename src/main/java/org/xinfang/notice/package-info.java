/**
 * Written notices (书面告知) as documents: the notice an act requires is composed from the petition in
 * the act's own transaction, numbered (文号), recorded in the history as an act of its own, and
 * rendered on first request as an A4 PDF with the WenQuanYi Micro Hei font embedded. A notice that
 * lacks required content (e.g. an opinion without its legal basis, 条例 Art. 32) stays a draft until
 * staff complete and issue it. {@link org.xinfang.notice.Notices} is the face other modules use;
 * {@link org.xinfang.notice.Pdf} lays out any module's official document with the same font.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Written notices")
package org.xinfang.notice;
