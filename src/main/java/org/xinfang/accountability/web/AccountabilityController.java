package org.xinfang.accountability.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.accountability.Accountability;
import org.xinfang.accountability.NewReferral;
import org.xinfang.accountability.OrganTrace;
import org.xinfang.accountability.PetitionTrace;
import org.xinfang.accountability.Referral;
import org.xinfang.accountability.ReferralDocument;

/** The accountability trace and referrals over HTTP. */
@RestController
@RequestMapping("/api/accountability")
@Tag(
    name = "Accountability trace",
    description =
        "责任倒查 (条例 Arts. 43–46): the duties of a petition's life, or of an organ over a period,"
            + " who owed them, when each was done or missed, the liability article; referrals to a"
            + " discipline-inspection organ (移送函 / 问责建议书) as PDF")
class AccountabilityController {

  private final Accountability accountability;
  private final ReferralDocument document;

  AccountabilityController(Accountability accountability, ReferralDocument document) {
    this.accountability = accountability;
    this.document = document;
  }

  record AcknowledgeRequest(String note) {}

  @GetMapping("/petitions/{id}")
  @Operation(
      summary = "The trace of one petition",
      description =
          "Every duty an organ owed on the petition (arose on, due, done on by which act and user,"
              + " or OPEN / MISSED) and the failures found with their article: NOT_REGISTERED"
              + " (Art. 43 / Art. 44 item 1, to check), NOT_ROUTED_IN_TIME (Art. 43), NOT_ACCEPTED"
              + " (Art. 44 item 2), NOTICE_LATE (Art. 44 item 3), CONCLUSION_LATE (Art. 45 item 1),"
              + " REQUEST_NOT_SUPPORTED (Art. 45 item 2), MAJOR_REPORTED_LATE (Art. 46 item 4),"
              + " ACCUSATION_LEAKED (Art. 46 item 5). SUPERVISOR or LEADER within scope; an"
              + " accusation hidden from the reader answers 404.")
  PetitionTrace petition(@PathVariable String id) {
    return accountability.trace(id);
  }

  @GetMapping("/organs/{organisationId}")
  @Operation(
      summary = "The trace of an organ for a period",
      description =
          "Duties the organ (with subtree=true: and the organs below it) owed that fell due in"
              + " from–to (at most 400 days), how they ended, and the failures whose day falls in"
              + " the period. SUPERVISOR or LEADER with the organ in their jurisdiction.")
  OrganTrace organ(
      @PathVariable String organisationId,
      @RequestParam LocalDate from,
      @RequestParam LocalDate to,
      @RequestParam(defaultValue = "false") boolean subtree) {
    return accountability.organTrace(organisationId, from, to, subtree);
  }

  @PostMapping("/referrals")
  @Operation(
      summary = "Refer failures to a discipline-inspection organ",
      description =
          "From a petition's trace (petitionId) or an organ's (organisationId, from, to, subtree);"
              + " failures: the keys to refer (default: every failure except those to check);"
              + " addressedTo: a DISCIPLINE_INSPECTION organisation. Recorded with its number and a"
              + " history event.")
  ResponseEntity<Referral> refer(@RequestBody NewReferral n) {
    Referral r = accountability.refer(n);
    return ResponseEntity.created(URI.create("/api/accountability/referrals/" + r.id())).body(r);
  }

  @GetMapping("/referrals")
  @Operation(
      summary = "The referrals the user may read (own organisation, jurisdiction, addressee)")
  List<Referral> referrals() {
    return accountability.referrals();
  }

  @GetMapping("/referrals/{id}")
  @Operation(summary = "One referral with its failures and history")
  Referral referral(@PathVariable String id) {
    return accountability.referral(id);
  }

  @GetMapping("/referrals/{id}/history")
  @Operation(summary = "The acts on a referral: actor, day, time, basis")
  List<Referral.ReferralEvent> history(@PathVariable String id) {
    return accountability.referral(id).history();
  }

  @PostMapping("/referrals/{id}/acknowledge")
  @Operation(summary = "The addressed discipline organ records receipt")
  Referral acknowledge(
      @PathVariable String id, @RequestBody(required = false) AcknowledgeRequest r) {
    return accountability.acknowledge(id, r == null ? null : r.note());
  }

  @GetMapping(value = "/referrals/{id}/document.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The referral document (移送函 / 问责建议书) as PDF")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    ReferralDocument.Document d = document.pdf(id);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(d.pdf());
  }
}
