package org.xinfang.attachment.web;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinfang.attachment.Attachments;

/** Downloads for the workbench pages (a signed-in session, not HTTP Basic). */
@Controller
class AttachmentPageController {

  private final Attachments attachments;
  private final AttachmentAccess access;

  AttachmentPageController(Attachments attachments, AttachmentAccess access) {
    this.attachments = attachments;
    this.access = access;
  }

  @GetMapping("/petitions/{id}/attachments/{attachmentId}")
  ResponseEntity<Resource> download(
      @PathVariable String id,
      @PathVariable String attachmentId,
      @RequestParam(defaultValue = "false") boolean inline) {
    access.mayRead(id);
    return Downloads.stream(attachments.open(id, attachmentId), inline);
  }
}
