package org.xinfang.notice.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xinfang.notice.Notices;
import org.xinfang.petition.PetitionService;

/**
 * The notice download of the workbench pages (session sign-in; the {@code /api} chain is HTTP Basic
 * only): {@code /petitions/{id}/notices/{noticeId}.pdf}.
 */
@Controller
@Hidden
class NoticeDownloadController {

  private final Notices notices;
  private final PetitionService petitions;

  NoticeDownloadController(Notices notices, PetitionService petitions) {
    this.notices = notices;
    this.petitions = petitions;
  }

  @GetMapping("/petitions/{id}/notices/{noticeId}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String noticeId) {
    petitions.requireReadable(id);
    return NoticePdf.response(notices, id, noticeId);
  }
}
