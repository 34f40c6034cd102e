package org.xinfang.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.NotFound;
import org.xinfang.task.Task;
import org.xinfang.task.Tasks;

/** Assigned duties over HTTP: an organisation's open ones, and recording one done. */
@RestController
@RequestMapping("/api/tasks")
@Tag(
    name = "Assigned duties",
    description = "待办: duties joint-conference decisions, case packages and supervision assign")
class TaskController {

  private final Tasks tasks;
  private final CurrentActor currentActor;
  private final Organisations organisations;

  TaskController(Tasks tasks, CurrentActor currentActor, Organisations organisations) {
    this.tasks = tasks;
    this.currentActor = currentActor;
    this.organisations = organisations;
  }

  record Done(LocalDate on, @Size(max = 10000) String outcome) {}

  @GetMapping
  @Operation(summary = "The open duties an organisation owes, soonest due first")
  List<Task> open(@RequestParam(required = false) String owedBy) {
    Actor actor = currentActor.get();
    String org = owedBy == null || owedBy.isBlank() ? actor.organisationId() : owedBy.strip();
    if (org == null) {
      return List.of();
    }
    boolean wide = actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER);
    boolean allowed =
        actor.bootstrapAdmin()
            || org.equals(actor.organisationId())
            || (wide && organisations.jurisdiction(actor.organisationId()).contains(org));
    if (!allowed) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the duties of their own organisation (a supervisor or leader: of their"
              + " jurisdiction).");
    }
    return tasks.open(org, 500);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One assigned duty")
  Task one(@PathVariable String id) {
    Task t = tasks.find(id).orElseThrow(() -> new NotFound("No task " + id));
    open(t.owedBy());
    return t;
  }

  @PostMapping("/{id}/complete")
  @Operation(summary = "Record the duty done (by the organisation that owes it)")
  Task complete(@PathVariable String id, @Valid @RequestBody(required = false) Done body) {
    return tasks.complete(
        id, body == null ? null : body.on(), body == null ? null : body.outcome());
  }
}
