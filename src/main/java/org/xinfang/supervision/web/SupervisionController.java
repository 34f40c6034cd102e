package org.xinfang.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.supervision.Cause;
import org.xinfang.supervision.Escalation;
import org.xinfang.supervision.NewOrder;
import org.xinfang.supervision.NewSpotCheck;
import org.xinfang.supervision.PassRate;
import org.xinfang.supervision.SpotCheck;
import org.xinfang.supervision.SpotChecks;
import org.xinfang.supervision.SpotResult;
import org.xinfang.supervision.Stratification;
import org.xinfang.supervision.SupervisionEvent;
import org.xinfang.supervision.SupervisionOrder;
import org.xinfang.supervision.SupervisionOrders;
import org.xinfang.supervision.Watch;

/** Supervision over HTTP: the deadline watch, supervision orders, spot checks. */
@RestController
@RequestMapping("/api/supervision")
@Tag(
    name = "Supervision",
    description =
        "督查督办 (条例 Arts. 38–40): the daily deadline watch, supervision orders with written"
            + " replies and escalation, spot checks of concluded petitions")
class SupervisionController {

  private final Watch watch;
  private final SupervisionOrders orders;
  private final SpotChecks spotChecks;
  private final CurrentActor currentActor;
  private final Organisations organisations;

  SupervisionController(
      Watch watch,
      SupervisionOrders orders,
      SpotChecks spotChecks,
      CurrentActor currentActor,
      Organisations organisations) {
    this.watch = watch;
    this.orders = orders;
    this.spotChecks = spotChecks;
    this.currentActor = currentActor;
    this.organisations = organisations;
  }

  record RunRequest(LocalDate day) {}

  record OrderRequest(
      String petitionId,
      String organisationId,
      Cause cause,
      String demands,
      LocalDate replyDue,
      LocalDate issuedOn) {}

  record ReplyRequest(String reply, LocalDate on) {}

  record EscalationRequest(
      Escalation escalation, String decisionRef, LocalDate decidedOn, String conferenceId) {}

  record SpotCheckRequest(
      LocalDate from, LocalDate to, Long seed, Stratification stratification, Integer size) {}

  record ItemCheckRequest(Map<String, Boolean> answers, SpotResult result, String remarks) {}

  // --- the deadline watch ---

  @PostMapping("/watch/runs")
  @Operation(
      summary = "Record the deadline watch for a day",
      description =
          "The daily job's run, by hand (supervisors, leaders, administrators): every open duty's"
              + " level on that day (default today; not in the future). A day already recorded"
              + " is left unchanged (alreadyRecorded: true); a past day is marked backFilled.")
  Watch.Run run(@RequestBody(required = false) RunRequest r) {
    return watch.record(r == null ? null : r.day());
  }

  @GetMapping("/watch/runs")
  @Operation(summary = "The latest recorded days of the deadline watch")
  List<Watch.Run> runs() {
    return watch.runs(60);
  }

  @GetMapping("/watch")
  @Operation(
      summary = "Overdue duties by organ",
      description =
          "A recorded day (default the latest): the organs of the reader's jurisdiction with their"
              + " overdue duties (levels 1–3) and pre-warnings, worst first; petitions the reader"
              + " may not see are left out.")
  Watch.Dashboard dashboard(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day) {
    return watch.dashboard(day);
  }

  // --- supervision orders ---

  @PostMapping("/orders")
  @Operation(
      summary = "Issue a supervision order (督办, 条例 Art. 40 para. 1)",
      description =
          "By a supervisor, or a registrar or leader of a petition bureau, to an organ of their"
              + " jurisdiction: the cause (DELAY, SHIRKING, PERFUNCTORY, FALSIFICATION,"
              + " REFUSAL_TO_EXECUTE), the demands and the reply date; the organ owes a written"
              + " reply as an assigned duty (My work).")
  ResponseEntity<SupervisionOrder> issue(@RequestBody OrderRequest r) {
    SupervisionOrder o =
        orders.issue(
            new NewOrder(
                r.petitionId(),
                r.organisationId(),
                r.cause(),
                r.demands(),
                r.replyDue(),
                r.issuedOn()));
    return ResponseEntity.created(URI.create("/api/supervision/orders/" + o.id())).body(o);
  }

  @GetMapping("/orders")
  @Operation(summary = "The supervision orders issued by or to organisations the user oversees")
  List<SupervisionOrder> orders() {
    return orders.list(500);
  }

  @GetMapping("/orders/{id}")
  @Operation(summary = "One supervision order")
  SupervisionOrder order(@PathVariable String id) {
    return orders.get(id);
  }

  @GetMapping("/orders/{id}/history")
  @Operation(summary = "An order's history: actor, day, time, article")
  List<SupervisionEvent> orderHistory(@PathVariable String id) {
    return orders.history(id);
  }

  @PostMapping("/orders/{id}/reply")
  @Operation(
      summary = "The organ's written reply (条例 Art. 40 para. 4)",
      description =
          "By a user of the organ, on a day (default today) between the issue and today; closes"
              + " its duty; after the reply date it is late.")
  SupervisionOrder reply(@PathVariable String id, @RequestBody ReplyRequest r) {
    return orders.reply(id, r.reply(), r.on());
  }

  @PostMapping("/orders/{id}/escalations")
  @Operation(
      summary = "Record the joint conference's escalation (条例 Art. 39 para. 3)",
      description =
          "PLAQUE (挂牌督办), SUMMONS (约谈) or BULLETIN (通报), with the decision's reference; with"
              + " conferenceId the petition also goes on that meeting's agenda (reason"
              + " SUPERVISION).")
  SupervisionOrder escalate(@PathVariable String id, @RequestBody EscalationRequest r) {
    return orders.escalate(id, r.escalation(), r.decisionRef(), r.decidedOn(), r.conferenceId());
  }

  @GetMapping("/orders/replies")
  @Operation(
      summary = "Orders answered on time, late or not, per organ (for the bulletin)",
      description =
          "The orders issued to organs of the organisation's subtree (within the reader's"
              + " jurisdiction) whose reply date falls in [from, to].")
  List<SupervisionOrders.ReplyTally> replies(
      @RequestParam String organisation,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return orders.replies(subtreeInScope(organisation), from, to);
  }

  // --- spot checks ---

  @PostMapping("/spot-checks")
  @Operation(
      summary = "Draw a spot check (网上抽查, 条例 Art. 38 para. 2)",
      description =
          "By a supervisor: petitions concluded in [from, to] within their jurisdiction, sampled"
              + " with the seed (the same seed draws the same sample), PER_ORGAN (size from each"
              + " handling organisation) or PROPORTIONAL (size in total); each item's checklist"
              + " pre-filled from the record where it can tell.")
  ResponseEntity<SpotCheck> draw(@RequestBody SpotCheckRequest r) {
    SpotCheck c =
        spotChecks.draw(new NewSpotCheck(r.from(), r.to(), r.seed(), r.stratification(), r.size()));
    return ResponseEntity.created(URI.create("/api/supervision/spot-checks/" + c.id())).body(c);
  }

  @GetMapping("/spot-checks")
  @Operation(summary = "The spot checks drawn within the user's jurisdiction")
  List<SpotChecks.Summary> spotChecks() {
    return spotChecks.list();
  }

  @GetMapping("/spot-checks/{id}")
  @Operation(summary = "One spot check: items, answers, pass rates per organ and overall")
  SpotCheck spotCheck(@PathVariable String id) {
    return spotChecks.get(id);
  }

  @GetMapping("/spot-checks/{id}/history")
  @Operation(summary = "A spot check's history")
  List<SupervisionEvent> spotCheckHistory(@PathVariable String id) {
    return spotChecks.history(id);
  }

  @PostMapping("/spot-checks/{id}/items/{seq}")
  @Operation(
      summary = "Check one sampled petition",
      description =
          "answers: point → true/false (a point left out takes the pre-filled answer where the"
              + " record can tell); result PASS or FAIL (default: PASS when every point is yes);"
              + " a FAIL needs remarks. Once per item.")
  SpotCheck checkItem(
      @PathVariable String id, @PathVariable int seq, @RequestBody ItemCheckRequest r) {
    return spotChecks.check(id, seq, r.answers(), r.result(), r.remarks());
  }

  @GetMapping("/spot-checks/pass-rate")
  @Operation(
      summary = "The spot-check pass rate of an organisation's subtree (spotCheckPassRate)",
      description =
          "Checked items handled in the subtree, concluded in [from, to]: passed / checked.")
  Map<String, Object> passRate(
      @RequestParam String organisation,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    PassRate r = spotChecks.passRate(subtreeInScope(organisation), from, to);
    return Map.of(
        "value", r.value(),
        "numerator", r.numerator(),
        "denominator", r.denominator(),
        "formula", r.formula());
  }

  private Set<String> subtreeInScope(String organisation) {
    if (organisations.find(organisation).isEmpty()) {
      throw new InvalidInput("organisation", "no such organisation");
    }
    var actor = currentActor.get();
    if (!(actor.bootstrapAdmin()
        || ((actor.has(org.xinfang.organisation.Role.SUPERVISOR)
                || actor.has(org.xinfang.organisation.Role.LEADER))
            && actor.organisationId() != null
            && organisations.jurisdiction(actor.organisationId()).contains(organisation)))) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "Supervisors and leaders read figures within their jurisdiction.");
    }
    return organisations.subtree(organisation);
  }
}
