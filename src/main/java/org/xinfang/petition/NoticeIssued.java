package org.xinfang.petition;

import java.time.LocalDate;

/**
 * A written notice was issued to the petitioner or an organ (书面告知): itself an act in the history
 * (the notice module records it through {@link PetitionService#recordNoticeIssued}).
 */
public record NoticeIssued(LocalDate on, String kind, String documentNumber, String noticeId) {}
