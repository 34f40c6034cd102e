package org.xinfang.petition.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Category;
import org.xinfang.petition.HistoryEvent;
import org.xinfang.petition.Page;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionService.PetitionSummary;
import org.xinfang.petition.PetitionState;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.SearchQuery;
import org.xinfang.petition.Triage;

/** The petitions API of API.md: register, read, and the acts as POST sub-resources. */
@RestController
@RequestMapping("/api/petitions")
@Tag(name = "Petitions", description = "信访事项: registration and the acts of the 《信访工作条例》")
class PetitionController {

  private final PetitionService petitions;

  PetitionController(PetitionService petitions) {
    this.petitions = petitions;
  }

  @PostMapping
  @Operation(summary = "Register a petition (登记, 条例 Arts. 17–21)")
  ResponseEntity<PetitionView> register(@Valid @RequestBody Registration body) {
    PetitionView p = petitions.register(body);
    return ResponseEntity.created(URI.create("/api/petitions/" + p.id())).body(p);
  }

  @GetMapping
  @Operation(
      summary = "Find petitions, newest first",
      description =
          "Only what the signed-in user may see (their organisation's petitions; a supervisor's or"
              + " leader's jurisdiction; never an accusation against their own unit). The total"
              + " is in the X-Total-Count header.")
  ResponseEntity<List<PetitionSummary>> list(
      @RequestParam(required = false) String holder,
      @RequestParam(required = false) PetitionState state,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Page<PetitionSummary> found =
        petitions.search(
            new SearchQuery(
                number, null, name, phone, idNumber, text, from, to, state, holder, page, size));
    return ResponseEntity.ok()
        .header("X-Total-Count", Long.toString(found.total()))
        .body(found.items());
  }

  @PostMapping("/{id}/reveal")
  @Operation(
      summary = "The petitioners' personal data in full",
      description =
          "Names, phones, identity numbers and addresses are masked everywhere else; each reveal"
              + " is recorded (who, when, which petition).")
  List<Registration.PetitionerData> reveal(@PathVariable String id) {
    return petitions.revealPersonalData(id, "api");
  }

  @GetMapping("/{id}/reveals")
  @Operation(summary = "Who revealed this petition's personal data, and when")
  List<PetitionService.RevealView> reveals(@PathVariable String id) {
    return petitions.reveals(id);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A petition with its duties, allowed acts and history")
  PetitionView get(@PathVariable String id) {
    return petitions.get(id);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The petition's immutable history")
  List<HistoryEvent> history(@PathVariable String id) {
    return petitions.history(id);
  }

  @PostMapping("/{id}/forward")
  @Operation(summary = "转送 to the competent organ (条例 Art. 22)")
  PetitionView forward(@PathVariable String id, @Valid @RequestBody Acts.Forward body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/assign")
  @Operation(summary = "交办 with a result report due (条例 Art. 22 item 3)")
  PetitionView assign(@PathVariable String id, @Valid @RequestBody Acts.Assign body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/object")
  @Operation(summary = "异议: not within competence, within 5 working days (条例 Art. 23 para. 3)")
  PetitionView object(@PathVariable String id, @Valid @RequestBody Acts.Objection body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/decide-objection")
  @Operation(summary = "The sender accepts or rejects an objection (条例 Art. 23 para. 3)")
  PetitionView decideObjection(
      @PathVariable String id, @Valid @RequestBody Acts.DecideObjection body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/accept")
  @Operation(summary = "受理 with category and pathway (条例 Arts. 23, 29–31)")
  PetitionView accept(@PathVariable String id, @Valid @RequestBody Acts.Accept body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/decline")
  @Operation(summary = "不予受理 / 不再受理 with a ground (LAW.md §3)")
  PetitionView decline(@PathVariable String id, @Valid @RequestBody Acts.Decline body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/divert")
  @Operation(summary = "导入 a legal procedure (条例 Art. 31 items 1–4)")
  PetitionView divert(@PathVariable String id, @Valid @RequestBody Acts.Divert body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/extend")
  @Operation(summary = "延期: once, at most 30 days (条例 Art. 34)")
  PetitionView extend(@PathVariable String id, @Valid @RequestBody Acts.Extend body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/reply")
  @Operation(summary = "信访处理意见书 (条例 Art. 32)")
  PetitionView reply(@PathVariable String id, @Valid @RequestBody Acts.Reply body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/settle")
  @Operation(summary = "调解、和解 agreement (条例 Art. 33)")
  PetitionView settle(@PathVariable String id, @Valid @RequestBody Acts.Settle body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/deliver")
  @Operation(summary = "送达 of the latest written opinion")
  PetitionView deliver(
      @PathVariable String id, @Valid @RequestBody(required = false) Acts.Deliver body) {
    return petitions.act(id, body == null ? new Acts.Deliver(null) : body);
  }

  @PostMapping("/{id}/request-review")
  @Operation(summary = "复查 requested within 30 days of delivery (条例 Art. 35)")
  PetitionView requestReview(
      @PathVariable String id, @Valid @RequestBody(required = false) Acts.RequestReview body) {
    return petitions.act(id, body == null ? new Acts.RequestReview(null, null) : body);
  }

  @PostMapping("/{id}/review")
  @Operation(summary = "复查意见: UPHOLD, VARY or REDO (条例 Art. 35)")
  PetitionView review(@PathVariable String id, @Valid @RequestBody Acts.Review body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/request-re-review")
  @Operation(summary = "复核 requested within 30 days of delivery of the review (条例 Art. 36)")
  PetitionView requestReReview(
      @PathVariable String id, @Valid @RequestBody(required = false) Acts.RequestReReview body) {
    return petitions.act(id, body == null ? new Acts.RequestReReview(null, null) : body);
  }

  @PostMapping("/{id}/start-hearing")
  @Operation(summary = "听证 begins: the re-review clock pauses (条例 Art. 36 para. 2)")
  PetitionView startHearing(
      @PathVariable String id, @Valid @RequestBody(required = false) Acts.StartHearing body) {
    return petitions.act(id, body == null ? new Acts.StartHearing(null) : body);
  }

  @PostMapping("/{id}/end-hearing")
  @Operation(summary = "听证 ends: the re-review clock runs again")
  PetitionView endHearing(
      @PathVariable String id, @Valid @RequestBody(required = false) Acts.EndHearing body) {
    return petitions.act(id, body == null ? new Acts.EndHearing(null, null) : body);
  }

  @PostMapping("/{id}/re-review")
  @Operation(summary = "复核意见: UPHOLD or VARY; final (条例 Art. 36)")
  PetitionView reReview(@PathVariable String id, @Valid @RequestBody Acts.ReReview body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/rate")
  @Operation(summary = "满意度评价 (条例 Art. 21)")
  PetitionView rate(@PathVariable String id, @Valid @RequestBody Acts.Rate body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/report")
  @Operation(summary = "办结报告 to the assigning organ (条例 Art. 22 item 3)")
  PetitionView report(@PathVariable String id, @Valid @RequestBody Acts.Report body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/follow-up")
  @Operation(summary = "Follow-up work on a concluded matter (条例 Art. 37 para. 3)")
  PetitionView followUp(@PathVariable String id, @Valid @RequestBody Acts.FollowUp body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/resolve")
  @Operation(summary = "化解: the conflict is settled (条例 Art. 37)")
  PetitionView resolve(@PathVariable String id, @Valid @RequestBody Acts.Resolve body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/flag-major")
  @Operation(summary = "Flag a major or urgent matter (条例 Art. 25)")
  PetitionView flagMajor(@PathVariable String id, @Valid @RequestBody Acts.FlagMajor body) {
    return petitions.act(id, body);
  }

  @PostMapping("/{id}/report-major")
  @Operation(summary = "Report a major or urgent matter (条例 Art. 25)")
  PetitionView reportMajor(
      @PathVariable String id, @Valid @RequestBody(required = false) Acts.ReportMajor body) {
    return petitions.act(id, body == null ? new Acts.ReportMajor(null, null) : body);
  }

  @PostMapping("/{id}/link-repeat")
  @Operation(
      summary = "Link as a repeat of an earlier petition (同人同事; 条例 Art. 36 para. 3)",
      description =
          "The explicit, recorded link that repeat counts, first-petition status and the 不再受理"
              + " check rest on.")
  PetitionView linkRepeat(@PathVariable String id, @Valid @RequestBody Acts.LinkRepeat body) {
    return petitions.act(id, body);
  }

  @GetMapping("/{id}/triage")
  @Operation(
      summary = "The triage suggestion for acceptance (简单/一般/疑难: SIMPLE, GENERAL, DIFFICULT)",
      description =
          "From category, pathway, collective size, the repeat chain and flags; the officer decides"
              + " with `complexity` on accept, and both are recorded.")
  Triage triage(
      @PathVariable String id,
      @RequestParam(required = false) Category category,
      @RequestParam(required = false) Pathway pathway) {
    return petitions.triage(id, category, pathway);
  }

  @GetMapping("/{id}/repeat-candidates")
  @Operation(
      summary =
          "Earlier petitions of the same petitioner (same phone, identity number, or name at"
              + " the same address)")
  List<PetitionSummary> repeatCandidates(@PathVariable String id) {
    return petitions.repeatCandidates(id);
  }
}
