package org.xinfang.conference.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.xinfang.conference.AgendaReason;
import org.xinfang.conference.Attendance;
import org.xinfang.conference.ConferenceEvent;
import org.xinfang.conference.ConferenceView;
import org.xinfang.conference.Conferences;
import org.xinfang.conference.DecisionKind;
import org.xinfang.conference.Minutes;
import org.xinfang.conference.NewConference;
import org.xinfang.conference.NewDecision;
import org.xinfang.conference.NewItem;
import org.xinfang.shared.InvalidInput;

/** The joint conference over HTTP: meetings, agenda, decisions, follow-up, minutes. */
@RestController
@RequestMapping("/api/conferences")
@Tag(
    name = "Joint conference",
    description =
        "联席会议 (条例 Arts. 13, 24): meetings, escalated matters, decisions that become assigned"
            + " duties, follow-up at the next meeting, minutes as PDF")
class ConferenceController {

  private final Conferences conferences;
  private final Minutes minutes;

  ConferenceController(Conferences conferences, Minutes minutes) {
    this.conferences = conferences;
    this.minutes = minutes;
  }

  record ScheduleRequest(
      LocalDate heldOn, String place, String convenor, List<String> members, String title) {}

  record ItemRequest(String petitionId, String petitionNumber, AgendaReason reason, String note) {}

  record DecisionRequest(
      DecisionKind kind, String assignee, String leader, LocalDate due, String content) {}

  record AttendanceRequest(List<Attendance> attendance) {}

  record NoteRequest(String note) {}

  @GetMapping
  @Operation(summary = "The meetings the user runs or whose member organisation they belong to")
  List<Conferences.Summary> list() {
    return conferences.list();
  }

  @PostMapping
  @Operation(
      summary = "Schedule a meeting",
      description =
          "Convened by a leader (convenor) for member organisations of the convenor's"
              + " jurisdiction; open decisions of earlier meetings are carried over to its agenda."
              + " Needs LEADER or SUPERVISOR with the convenor's organisation in jurisdiction.")
  ResponseEntity<ConferenceView> schedule(@RequestBody ScheduleRequest r) {
    String id =
        conferences.schedule(
            new NewConference(r.heldOn(), r.place(), r.convenor(), r.members(), r.title()));
    return ResponseEntity.created(URI.create("/api/conferences/" + id)).body(conferences.get(id));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One meeting: members, attendance, agenda with decisions and their duty status",
      description =
          "Petitions appear masked and only as the reader may see them: outside the reader's"
              + " scope without number and subject, an accusation hidden from them not at all.")
  ConferenceView one(@PathVariable String id) {
    return conferences.get(id);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Every act on the meeting, with actor, time and article")
  List<ConferenceEvent> history(@PathVariable String id) {
    return conferences.history(id);
  }

  @PostMapping("/{id}/items")
  @Operation(
      summary = "Put a petition on the agenda",
      description =
          "By petitionId or petitionNumber; reason DIFFICULT, JURISDICTION_DISPUTE (条例 Art. 24),"
              + " SUPERVISION or OTHER. The petition must be one the user may see, of the"
              + " convening organisation's jurisdiction.")
  ResponseEntity<ConferenceView> addItem(@PathVariable String id, @RequestBody ItemRequest r) {
    conferences.addItem(id, new NewItem(r.petitionId(), r.petitionNumber(), r.reason(), r.note()));
    return ResponseEntity.status(201).body(conferences.get(id));
  }

  @PostMapping("/{id}/attendance")
  @Operation(summary = "Record which member organisations attended and who came")
  ConferenceView attendance(@PathVariable String id, @RequestBody AttendanceRequest r) {
    if (r == null || r.attendance() == null) {
      throw new InvalidInput("attendance", "required");
    }
    conferences.attendance(id, r.attendance());
    return conferences.get(id);
  }

  @PostMapping("/{id}/items/{itemId}/decisions")
  @Operation(
      summary = "Decide on a matter",
      description =
          "ASSIGN (assignee, due, content: what to do) and LEADER_PACKAGE (leader, due) create an"
              + " assigned duty of the assignee (the leader's organisation) shown on /api/tasks;"
              + " COORDINATION records the result (with assignee and due also a duty).")
  ResponseEntity<Map<String, Object>> decide(
      @PathVariable String id, @PathVariable String itemId, @RequestBody DecisionRequest r) {
    String decisionId =
        conferences.decide(
            id, itemId, new NewDecision(r.kind(), r.assignee(), r.leader(), r.due(), r.content()));
    return ResponseEntity.status(201)
        .body(Map.of("decisionId", decisionId, "conference", conferences.get(id)));
  }

  @PostMapping("/{id}/items/{itemId}/follow-up")
  @Operation(summary = "Follow up an earlier decision carried over: its status now, and a note")
  ConferenceView followUp(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestBody(required = false) NoteRequest r) {
    conferences.followUp(id, itemId, r == null ? null : r.note());
    return conferences.get(id);
  }

  @PostMapping("/{id}/items/{itemId}/close")
  @Operation(
      summary = "Close an earlier decision at this meeting",
      description = "It is no longer carried over; a duty still open is withdrawn.")
  ConferenceView close(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestBody(required = false) NoteRequest r) {
    conferences.close(id, itemId, r == null ? null : r.note());
    return conferences.get(id);
  }

  @PostMapping("/{id}/minutes")
  @Operation(
      summary = "Issue the minutes (会议纪要) with their document number; the record is then closed")
  ConferenceView issueMinutes(@PathVariable String id) {
    conferences.issueMinutes(id);
    return conferences.get(id);
  }

  @GetMapping(value = "/{id}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The issued minutes as PDF (matters outside the reader's scope not named)")
  ResponseEntity<byte[]> minutesPdf(@PathVariable String id) {
    Minutes.Document d = minutes.pdf(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .body(d.pdf());
  }
}
