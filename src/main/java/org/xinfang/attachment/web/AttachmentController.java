package org.xinfang.attachment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.Attachments;
import org.xinfang.shared.InvalidInput;

/** The attachments of a petition in the API: list, upload (multipart), download. */
@RestController
@RequestMapping("/api/petitions/{id}/attachments")
@Tag(name = "Attachments", description = "Scanned letters and evidence: PDF and images")
class AttachmentController {

  private final Attachments attachments;
  private final AttachmentAccess access;

  AttachmentController(Attachments attachments, AttachmentAccess access) {
    this.attachments = attachments;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "The attachments of a petition, oldest first")
  List<Attachment> list(@PathVariable String id) {
    access.mayRead(id);
    return attachments.list(id);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Upload a scanned attachment (part 'file'): PDF, PNG, JPEG, GIF or WebP",
      description =
          "The type is recognised from the content; at most xinfang.attachments.max-size (10 MiB)."
              + " Registrars and handlers of the receiving or handling organisation.")
  ResponseEntity<Attachment> upload(
      @PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    String by = access.mayUpload(id);
    if (file == null) {
      throw new InvalidInput("file", "a multipart part named 'file' is required");
    }
    try (InputStream in = file.getInputStream()) {
      Attachment a =
          attachments.store(id, file.getOriginalFilename(), file.getContentType(), in, by);
      return ResponseEntity.created(URI.create("/api/petitions/" + id + "/attachments/" + a.id()))
          .body(a);
    }
  }

  @GetMapping("/{attachmentId}")
  @Operation(summary = "Download an attachment (its SHA-256 is checked before it is served)")
  ResponseEntity<Resource> download(
      @PathVariable String id,
      @PathVariable String attachmentId,
      @RequestParam(defaultValue = "false") boolean inline) {
    access.mayRead(id);
    return Downloads.stream(attachments.open(id, attachmentId), inline);
  }
}
