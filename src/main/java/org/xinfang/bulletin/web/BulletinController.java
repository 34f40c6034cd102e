package org.xinfang.bulletin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.bulletin.Bulletin;
import org.xinfang.bulletin.BulletinDocument;
import org.xinfang.bulletin.Bulletins;

/** Daily bulletins over HTTP. */
@RestController
@RequestMapping("/api/bulletins")
@Tag(
    name = "Bulletins",
    description =
        "通报 (条例 Arts. 38–40): daily bulletins generated from the record — reception duty,"
            + " package progress, overdue duties by organ, supervision — reviewed and published by"
            + " a supervisor; published ones never change")
class BulletinController {

  private final Bulletins bulletins;
  private final BulletinDocument document;

  BulletinController(Bulletins bulletins, BulletinDocument document) {
    this.bulletins = bulletins;
    this.document = document;
  }

  record GenerateRequest(String organisationId, LocalDate from, LocalDate to) {}

  record RemarkRequest(String remarks) {}

  @GetMapping
  @Operation(summary = "The bulletins the user may read, latest first")
  List<Bulletin.Summary> list() {
    return bulletins.list();
  }

  @PostMapping
  @Operation(
      summary = "Generate the bulletin of an organisation for a day or period",
      description =
          "One bulletin per organisation and period: generating again replaces the draft; a"
              + " published bulletin is refused (409 bulletin-published-immutable). SUPERVISOR of"
              + " a jurisdiction holding the organisation. to defaults to from.")
  ResponseEntity<Bulletin> generate(@RequestBody GenerateRequest r) {
    Bulletin b = bulletins.generate(r.organisationId(), r.from(), r.to());
    return ResponseEntity.created(URI.create("/api/bulletins/" + b.id())).body(b);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One bulletin with its sections, remarks and history")
  Bulletin get(@PathVariable String id) {
    return bulletins.get(id);
  }

  @PostMapping("/{id}/remarks")
  @Operation(summary = "The reviewing supervisor's remarks on a draft")
  Bulletin remark(@PathVariable String id, @RequestBody RemarkRequest r) {
    return bulletins.remark(id, r.remarks());
  }

  @PostMapping("/{id}/publish")
  @Operation(summary = "Publish a draft with its number; from then on it never changes")
  Bulletin publish(@PathVariable String id) {
    return bulletins.publish(id);
  }

  @GetMapping(value = "/{id}/bulletin.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The bulletin as PDF (a draft is marked 草稿)")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    BulletinDocument.Document d = document.pdf(id);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(d.pdf());
  }
}
