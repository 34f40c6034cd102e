package org.xinfang.leadership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.leadership.DutyStatus;
import org.xinfang.leadership.LeadershipEvent;
import org.xinfang.leadership.NewDuty;
import org.xinfang.leadership.NewReception;
import org.xinfang.leadership.ReceptionDuty;
import org.xinfang.leadership.ReceptionKind;
import org.xinfang.leadership.ReceptionRecord;
import org.xinfang.leadership.ReceptionStatus;
import org.xinfang.leadership.Receptions;

/** The leaders' reception roster over HTTP (领导接访 / 下访, 条例 Art. 7). */
@RestController
@RequestMapping("/api/receptions")
@Tag(
    name = "Leaders' reception duty",
    description = "领导接访 / 下访: the roster, what each reception recorded, and the duty days missed")
class ReceptionController {

  private final Receptions receptions;
  private final Scopes scopes;

  ReceptionController(Receptions receptions, Scopes scopes) {
    this.receptions = receptions;
    this.scopes = scopes;
  }

  /** A roster entry with its status as of today (UPCOMING, HELD, MISSED). */
  record DutyView(
      String id,
      ReceptionKind kind,
      LocalDate date,
      String place,
      String destination,
      String leader,
      String organisationId,
      ReceptionStatus status,
      ReceptionRecord record,
      List<LeadershipEvent> history) {}

  DutyView view(ReceptionDuty d) {
    return new DutyView(
        d.id(),
        d.kind(),
        d.date(),
        d.place(),
        d.destination(),
        d.leader(),
        d.organisationId(),
        d.status(scopes.today()),
        d.record(),
        d.history());
  }

  @GetMapping
  @Operation(
      summary = "The roster between two days (default: four weeks back, four weeks ahead)",
      description = "Entries the user may see, by date; visitors' names masked.")
  List<DutyView> roster(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate today = scopes.today();
    return receptions
        .roster(from == null ? today.minusWeeks(4) : from, to == null ? today.plusWeeks(4) : to)
        .stream()
        .map(this::view)
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Put a leader on the roster (leaders and supervisors)",
      description =
          "kind RECEPTION (default) or VISIT_OUT (下访, with a destination); leader and"
              + " organisation default to the signed-in user's.")
  DutyView schedule(@Valid @RequestBody NewDuty body) {
    return view(receptions.schedule(body));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One roster entry")
  DutyView one(@PathVariable String id) {
    return view(receptions.get(id));
  }

  @PostMapping("/{id}/record")
  @Operation(
      summary = "Record the reception held (the leader on duty or the receiving organisation)",
      description =
          "On its day or later, once: visitors (count, names optional), petitions registered or"
              + " advanced (each must be readable by the user), notes.")
  DutyView record(@PathVariable String id, @Valid @RequestBody NewReception body) {
    return view(receptions.record(id, body));
  }

  @GetMapping("/missed")
  @Operation(summary = "The entries whose day passed with no reception recorded")
  List<DutyView> missed(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate today = scopes.today();
    return receptions
        .roster(from == null ? today.minusWeeks(4) : from, to == null ? today : to)
        .stream()
        .map(this::view)
        .filter(d -> d.status() == ReceptionStatus.MISSED)
        .toList();
  }

  @GetMapping("/status")
  @Operation(
      summary = "Reception duty done or missed, in figures",
      description =
          "For an organisation's jurisdiction (default: the user's), between two days (default:"
              + " the last four weeks up to today).")
  DutyStatus status(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate today = scopes.today();
    return receptions.dutyStatus(
        scopes.jurisdiction(organisation),
        from == null ? today.minusWeeks(4) : from,
        to == null ? today : to);
  }
}
