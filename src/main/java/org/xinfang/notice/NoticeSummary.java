package org.xinfang.notice;

import java.time.LocalDate;

/**
 * One notice of a petition, as lists show it.
 *
 * @param documentNumber the 文号, null for a draft
 * @param issuedOn null for a draft
 * @param title the kind's title in the current locale (e.g. 不予受理告知书 / Notice of non-acceptance)
 */
public record NoticeSummary(
    String id,
    NoticeKind kind,
    String documentNumber,
    LocalDate issuedOn,
    NoticeStatus status,
    String title) {}
