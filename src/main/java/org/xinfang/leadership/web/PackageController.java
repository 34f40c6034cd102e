package org.xinfang.leadership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.leadership.LeaderPackage;
import org.xinfang.leadership.LeadershipEvent;
import org.xinfang.leadership.NewPackage;
import org.xinfang.leadership.NewStep;
import org.xinfang.leadership.PackagePetition;
import org.xinfang.leadership.PackageProgress;
import org.xinfang.leadership.PackageStatus;
import org.xinfang.leadership.Packages;
import org.xinfang.leadership.PlanStep;
import org.xinfang.leadership.ProgressReport;
import org.xinfang.leadership.Resolution;

/** Leader case packages over HTTP (领导包案, 条例 Art. 7). */
@RestController
@RequestMapping("/api/packages")
@Tag(
    name = "Leader case packages",
    description =
        "领导包案: a leader takes charge of hard petitions; plan steps become the owing"
            + " organisations' assigned duties (/api/tasks); progress reports; resolution (化解)")
class PackageController {

  private final Packages packages;
  private final Scopes scopes;

  PackageController(Packages packages, Scopes scopes) {
    this.packages = packages;
    this.scopes = scopes;
  }

  /** A package as the API shows it: the record, its petitions (masked) and the late steps. */
  record PackageView(
      String id,
      String title,
      String leader,
      String leaderOrg,
      String receivingOrg,
      String handlingOrg,
      PackageStatus status,
      LocalDate takenOn,
      LocalDate endedOn,
      Resolution resolution,
      String closedReason,
      List<PackagePetition> petitions,
      List<PlanStep> plan,
      PlanStep nextStep,
      List<String> lateSteps,
      List<ProgressReport> reports,
      List<LeadershipEvent> history) {}

  record Report(LocalDate on, @NotBlank @Size(max = 10000) String text) {}

  record Done(LocalDate on, @Size(max = 10000) String outcome) {}

  record Resolve(
      LocalDate on,
      @NotBlank @Size(max = 10000) String how,
      Boolean agreement,
      Boolean commitmentSigned,
      @Size(max = 2000) String helpGiven) {}

  record Close(LocalDate on, @NotBlank @Size(max = 2000) String reason) {}

  PackageView view(LeaderPackage p) {
    LocalDate today = scopes.today();
    return new PackageView(
        p.id(),
        p.title(),
        p.leader(),
        p.leaderOrg(),
        p.receivingOrg(),
        p.handlingOrg(),
        p.status(),
        p.takenOn(),
        p.endedOn(),
        p.resolution(),
        p.closedReason(),
        packages.petitionsOf(p),
        p.plan(),
        p.nextStep().orElse(null),
        p.lateSteps(today).stream().map(PlanStep::id).toList(),
        p.reports(),
        p.history());
  }

  @GetMapping
  @Operation(
      summary = "The packages the user may see",
      description =
          "Those they lead, their organisation takes part in, and for supervisors and leaders"
              + " those within their jurisdiction; newest first.")
  List<PackageView> list(
      @Parameter(description = "only the packages the user leads")
          @RequestParam(defaultValue = "false")
          boolean mine,
      @RequestParam(required = false) PackageStatus status) {
    return packages.visible(mine, status).stream().map(this::view).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "A leader takes charge of petitions (领导包案)",
      description =
          "Each petition must be readable by the leader (an accusation hidden from them answers"
              + " 404); a petition already in an open package answers 409.")
  PackageView take(@Valid @RequestBody NewPackage body) {
    return view(packages.take(body));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One package, its petitions masked")
  PackageView one(@PathVariable String id) {
    return view(packages.get(id));
  }

  @PostMapping("/{id}/steps")
  @Operation(
      summary = "Add a plan step (the leader)",
      description = "The step becomes an assigned duty of the owing organisation (/api/tasks).")
  PackageView step(@PathVariable String id, @Valid @RequestBody NewStep body) {
    return view(packages.addStep(id, body));
  }

  @PostMapping("/{id}/steps/{stepId}/complete")
  @Operation(summary = "Record a step done (by the organisation owing it)")
  PackageView complete(
      @PathVariable String id,
      @PathVariable String stepId,
      @Valid @RequestBody(required = false) Done body) {
    return view(
        packages.completeStep(
            id, stepId, body == null ? null : body.on(), body == null ? null : body.outcome()));
  }

  @PostMapping("/{id}/reports")
  @Operation(summary = "Report progress (the leader or an organisation working on it)")
  PackageView report(@PathVariable String id, @Valid @RequestBody Report body) {
    return view(packages.report(id, body.on(), body.text()));
  }

  @PostMapping("/{id}/resolve")
  @Operation(
      summary = "Record the resolution (化解) (the leader)",
      description =
          "Open steps are withdrawn. For each concluded petition the petition's own resolve act"
              + " (条例 Art. 37) is recorded where the leader may record it; the history says"
              + " which were and why not.")
  PackageView resolve(@PathVariable String id, @Valid @RequestBody Resolve body) {
    return view(
        packages.resolve(
            id,
            body.on(),
            new Resolution(
                body.how(),
                Boolean.TRUE.equals(body.agreement()),
                Boolean.TRUE.equals(body.commitmentSigned()),
                body.helpGiven())));
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Close the package unresolved, with the reason (the leader)")
  PackageView close(@PathVariable String id, @Valid @RequestBody Close body) {
    return view(packages.close(id, body.on(), body.reason()));
  }

  @GetMapping("/progress")
  @Operation(
      summary = "Packages in figures for an organisation's jurisdiction",
      description =
          "Open, resolved, closed, open and late steps of the packages of the organisation's"
              + " jurisdiction (default: the user's); within the user's own scope.")
  PackageProgress progress(@RequestParam(required = false) String organisation) {
    return packages.progress(scopes.jurisdiction(organisation), scopes.today());
  }
}
