package org.xinfang.notice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.notice.NoticeKind;
import org.xinfang.notice.NoticeStatus;
import org.xinfang.notice.NoticeSummary;
import org.xinfang.notice.Notices;
import org.xinfang.petition.PetitionService;

/** The notices API of API.md (Notices): list, fetch as PDF, and issue a completed draft. */
@RestController
@RequestMapping("/api/petitions/{id}/notices")
@Tag(
    name = "Notices",
    description =
        "书面告知: the written notices the acts require, numbered (文号), recorded in the history and"
            + " served as PDF")
class NoticeController {

  private final Notices notices;
  private final PetitionService petitions;

  NoticeController(Notices notices, PetitionService petitions) {
    this.notices = notices;
    this.petitions = petitions;
  }

  /** One notice in a list, with the URL of its PDF. */
  record NoticeLink(
      String id,
      NoticeKind kind,
      String title,
      String documentNumber,
      LocalDate issuedOn,
      NoticeStatus status,
      String url) {

    static NoticeLink of(String petitionId, NoticeSummary n) {
      return new NoticeLink(
          n.id(),
          n.kind(),
          n.title(),
          n.documentNumber(),
          n.issuedOn(),
          n.status(),
          "/api/petitions/" + petitionId + "/notices/" + n.id());
    }
  }

  /** What completes a draft: the legal basis it lacks (条例 Art. 32). */
  record IssueRequest(@Size(max = 10000) String basis) {}

  @GetMapping
  @Operation(summary = "The petition's written notices, drafts included (status DRAFT)")
  List<NoticeLink> list(@PathVariable String id) {
    petitions.requireReadable(id);
    return notices.list(id).stream().map(n -> NoticeLink.of(id, n)).toList();
  }

  @GetMapping("/{noticeId}")
  @Operation(
      summary = "A notice as PDF (A4, rendered once and kept); a draft answers 409",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "application/pdf",
                      schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String noticeId) {
    petitions.requireReadable(id);
    return NoticePdf.response(notices, id, noticeId);
  }

  @PostMapping("/{noticeId}/issue")
  @Operation(
      summary =
          "Complete a draft with its legal basis and issue it (409 notice-content while still"
              + " incomplete)")
  NoticeLink issue(
      @PathVariable String id,
      @PathVariable String noticeId,
      @Valid @RequestBody(required = false) IssueRequest body) {
    petitions.requireReadable(id);
    return NoticeLink.of(id, notices.issue(id, noticeId, body == null ? null : body.basis()));
  }
}
