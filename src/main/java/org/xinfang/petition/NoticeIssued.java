package org.xinfang.petition;

import java.time.LocalDate;

/**
 * A written notice was issued to the petitioner or an organ (书面告知): itself an act in the history
 * (the notice module records it through {@link PetitionService#recordNoticeIssued}).
 *
 * @param article the article the notice of this kind rests on (e.g. 条例 Art. 23 for the receipt),
 *     which the history event cites; filled by the notice module
 */
public record NoticeIssued(
    LocalDate on, String kind, String documentNumber, String noticeId, String article) {}
