package org.xinfang.notice.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.xinfang.notice.NoticeSummary;
import org.xinfang.notice.Notices;

/** A notice's PDF as an HTTP response: inline, named after its document number. */
final class NoticePdf {

  private NoticePdf() {}

  static ResponseEntity<byte[]> response(Notices notices, String petitionId, String noticeId) {
    byte[] pdf = notices.pdf(petitionId, noticeId);
    NoticeSummary n = notices.get(petitionId, noticeId);
    String name = (n.documentNumber() != null ? n.documentNumber() : n.id()) + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
        .body(pdf);
  }
}
