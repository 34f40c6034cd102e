package org.xinfang.attachment.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.Attachments;

/** An opened (hash-checked) attachment as an HTTP response, streamed from its file. */
final class Downloads {

  private Downloads() {}

  static ResponseEntity<Resource> stream(Attachments.Opened opened, boolean inline) {
    Attachment a = opened.attachment();
    ContentDisposition disposition =
        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(a.filename(), StandardCharsets.UTF_8)
            .build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.contentType()))
        .contentLength(a.size())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .eTag("\"" + a.sha256() + "\"")
        .body(new InputStreamResource(opened.content()));
  }
}
