package org.xinfang.workbench.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.xinfang.notice.NoticeStatus;
import org.xinfang.notice.NoticeSummary;
import org.xinfang.notice.Notices;

/**
 * The notices of a petition as the petition page lists them (from the notice module), with the
 * address of each PDF; drafts carry a form to complete their legal basis.
 */
@Component
class NoticesPanel {

  /** One notice as listed. */
  public record NoticeLine(
      String id,
      String kind,
      String documentNumber,
      String issuedOn,
      String status,
      String title,
      String pdfUrl,
      boolean draft) {}

  private final Notices notices;
  private final Labels labels;

  NoticesPanel(Notices notices, Labels labels) {
    this.notices = notices;
    this.labels = labels;
  }

  List<NoticeLine> list(String petitionId) {
    return notices.list(petitionId).stream().map(n -> line(petitionId, n)).toList();
  }

  /** Completes a draft with its legal basis and issues it. */
  void issue(String petitionId, String noticeId, String basis) {
    notices.issue(petitionId, noticeId, basis);
  }

  private NoticeLine line(String petitionId, NoticeSummary n) {
    boolean draft = n.status() == NoticeStatus.DRAFT;
    return new NoticeLine(
        n.id(),
        n.kind().name(),
        n.documentNumber() == null ? "" : n.documentNumber(),
        Labels.date(n.issuedOn()),
        labels.of("wb.noticeStatus", n.status()),
        n.title(),
        draft ? null : "/petitions/" + petitionId + "/notices/" + n.id() + ".pdf",
        draft);
  }
}
