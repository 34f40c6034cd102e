package org.xinfang.leadership.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.leadership.LeaderPackage;
import org.xinfang.leadership.NewDuty;
import org.xinfang.leadership.NewPackage;
import org.xinfang.leadership.NewReception;
import org.xinfang.leadership.NewStep;
import org.xinfang.leadership.PackageStatus;
import org.xinfang.leadership.Packages;
import org.xinfang.leadership.ReceptionDuty;
import org.xinfang.leadership.ReceptionKind;
import org.xinfang.leadership.ReceptionPetition;
import org.xinfang.leadership.Receptions;
import org.xinfang.leadership.Resolution;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;

/**
 * The leader's pages: my packages with their next and late steps, a package (petitions masked,
 * plan, reports, resolution), and the reception roster with what each reception recorded.
 */
@Controller
class LeadershipPages {

  private final Packages packages;
  private final Receptions receptions;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final Scopes scopes;
  private final MessageSource messages;

  LeadershipPages(
      Packages packages,
      Receptions receptions,
      CurrentActor currentActor,
      Organisations organisations,
      Scopes scopes,
      MessageSource messages) {
    this.packages = packages;
    this.receptions = receptions;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.scopes = scopes;
    this.messages = messages;
  }

  /** One organisation to choose. */
  record Choice(String value, String label) {}

  /** A package as a list line: its next step and how many are late. */
  record PackageRow(
      String id,
      String title,
      String leader,
      String status,
      String takenOn,
      String nextStep,
      String nextDue,
      String nextOwedBy,
      int late) {}

  PackageRow row(LeaderPackage p, LocalDate today) {
    var next = p.nextStep().orElse(null);
    return new PackageRow(
        p.id(),
        p.title(),
        p.leader(),
        msg("ld.status." + p.status().name()),
        p.takenOn().toString(),
        next == null ? "" : next.title(),
        next == null ? "" : next.due().toString(),
        next == null ? "" : orgName(next.owedBy()),
        p.lateSteps(today).size());
  }

  @GetMapping("/leadership")
  String home(Model model) {
    Actor actor = currentActor.get();
    LocalDate today = scopes.today();
    List<LeaderPackage> visible = packages.visible(false, null);
    model.addAttribute(
        "mine",
        visible.stream()
            .filter(p -> p.leader().equals(actor.username()))
            .map(p -> row(p, today))
            .toList());
    model.addAttribute(
        "others",
        visible.stream()
            .filter(p -> !p.leader().equals(actor.username()))
            .map(p -> row(p, today))
            .toList());
    model.addAttribute("leader", actor.has(Role.LEADER) || actor.bootstrapAdmin());
    model.addAttribute("today", today.toString());
    model.addAttribute("nav", "leadership");
    return "leadership/home";
  }

  @GetMapping("/leadership/packages/new")
  String newPackage(@RequestParam(required = false) String petition, Model model) {
    model.addAttribute("petition", petition == null ? "" : petition);
    model.addAttribute("organisationOptions", choices());
    model.addAttribute("nav", "leadership");
    return "leadership/new";
  }

  @PostMapping("/leadership/packages")
  String take(@RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
    try {
      List<String> ids =
          Arrays.stream(form.getOrDefault("petitionIds", "").split("[\\s,，、]+"))
              .filter(s -> !s.isBlank())
              .toList();
      if (ids.isEmpty() || blank(form.get("title"))) {
        throw new InvalidInput("title", "required");
      }
      LeaderPackage p =
          packages.take(
              new NewPackage(
                  form.get("title"),
                  ids,
                  form.get("receivingOrg"),
                  form.get("handlingOrg"),
                  date(form.get("on"))));
      redirect.addFlashAttribute("flash", msg("ld.flash.taken"));
      return "redirect:/leadership/packages/" + p.id();
    } catch (InvalidInput | LawViolation e) {
      model.addAttribute("problem", e.getMessage() + fields(e));
      return newPackage(form.get("petitionIds"), model);
    }
  }

  @GetMapping("/leadership/packages/{id}")
  String pkg(@PathVariable String id, Model model) {
    Actor actor = currentActor.get();
    LeaderPackage p = packages.get(id);
    LocalDate today = scopes.today();
    model.addAttribute("p", p);
    model.addAttribute("statusName", msg("ld.status." + p.status().name()));
    model.addAttribute("petitions", packages.petitionsOf(p));
    model.addAttribute("late", p.lateSteps(today).stream().map(s -> s.id()).toList());
    model.addAttribute("isLeader", actor.bootstrapAdmin() || actor.username().equals(p.leader()));
    model.addAttribute("open", p.status() == PackageStatus.OPEN);
    model.addAttribute("myOrg", actor.bootstrapAdmin() ? null : actor.organisationId());
    model.addAttribute("admin", actor.bootstrapAdmin());
    model.addAttribute("organisationOptions", choices());
    model.addAttribute("names", new OrgNames());
    model.addAttribute("today", today.toString());
    model.addAttribute("nav", "leadership");
    return "leadership/package";
  }

  /** Organisation names for the templates (no logic there). */
  class OrgNames {
    public String of(String id) {
      return orgName(id);
    }
  }

  @PostMapping("/leadership/packages/{id}/steps")
  String step(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "ld.flash.step",
        () -> {
          LocalDate due = date(form.get("due"));
          if (due == null || blank(form.get("title"))) {
            throw new InvalidInput("due", "required");
          }
          return packages.addStep(id, new NewStep(form.get("title"), form.get("owedBy"), due));
        });
  }

  @PostMapping("/leadership/packages/{id}/steps/{stepId}/complete")
  String complete(
      @PathVariable String id,
      @PathVariable String stepId,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "ld.flash.done",
        () -> packages.completeStep(id, stepId, null, form.get("outcome")));
  }

  @PostMapping("/leadership/packages/{id}/reports")
  String report(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "ld.flash.report",
        () -> packages.report(id, date(form.get("on")), form.get("text")));
  }

  @PostMapping("/leadership/packages/{id}/resolve")
  String resolve(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "ld.flash.resolved",
        () ->
            packages.resolve(
                id,
                date(form.get("on")),
                new Resolution(
                    form.get("how"),
                    "true".equals(form.get("agreement")),
                    "true".equals(form.get("commitmentSigned")),
                    form.get("helpGiven"))));
  }

  @PostMapping("/leadership/packages/{id}/close")
  String close(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "ld.flash.closed",
        () -> packages.close(id, date(form.get("on")), form.get("reason")));
  }

  private String act(
      String id, RedirectAttributes redirect, String done, Supplier<LeaderPackage> act) {
    try {
      act.get();
      redirect.addFlashAttribute("flash", msg(done));
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute("problem", e.getMessage() + fields(e));
    }
    return "redirect:/leadership/packages/" + id;
  }

  // ------------------------------------------------------------------------------ receptions

  /** A roster line. */
  record DutyRow(
      String id,
      String date,
      String kind,
      String place,
      String leader,
      String organisation,
      String status,
      String statusName,
      int visitors) {}

  @GetMapping("/leadership/receptions")
  String roster(Model model) {
    LocalDate today = scopes.today();
    List<DutyRow> rows = new ArrayList<>();
    for (ReceptionDuty d : receptions.roster(today.minusWeeks(4), today.plusWeeks(4))) {
      var status = d.status(today);
      rows.add(
          new DutyRow(
              d.id(),
              d.date().toString(),
              msg("ld.kind." + d.kind().name()),
              d.place() + (d.destination() == null ? "" : " → " + d.destination()),
              d.leader(),
              orgName(d.organisationId()),
              status.name(),
              msg("ld.reception." + status.name()),
              d.record() == null ? 0 : d.record().visitors()));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("missed", rows.stream().filter(r -> r.status().equals("MISSED")).count());
    Actor actor = currentActor.get();
    model.addAttribute(
        "schedules",
        actor.bootstrapAdmin() || actor.has(Role.LEADER) || actor.has(Role.SUPERVISOR));
    model.addAttribute("organisationOptions", choices());
    model.addAttribute("today", today.toString());
    model.addAttribute("nav", "leadership");
    return "leadership/receptions";
  }

  @PostMapping("/leadership/receptions")
  String schedule(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    try {
      LocalDate day = date(form.get("date"));
      if (day == null || blank(form.get("place"))) {
        throw new InvalidInput("date", "required");
      }
      receptions.schedule(
          new NewDuty(
              "VISIT_OUT".equals(form.get("kind"))
                  ? ReceptionKind.VISIT_OUT
                  : ReceptionKind.RECEPTION,
              day,
              form.get("place"),
              form.get("destination"),
              form.get("leader"),
              form.get("organisationId")));
      redirect.addFlashAttribute("flash", msg("ld.flash.scheduled"));
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute("problem", e.getMessage() + fields(e));
    }
    return "redirect:/leadership/receptions";
  }

  @GetMapping("/leadership/receptions/{id}")
  String duty(@PathVariable String id, Model model) {
    ReceptionDuty d = receptions.get(id);
    var status = d.status(scopes.today());
    model.addAttribute("d", d);
    model.addAttribute("kindName", msg("ld.kind." + d.kind().name()));
    model.addAttribute("status", status.name());
    model.addAttribute("statusName", msg("ld.reception." + status.name()));
    model.addAttribute("organisationName", orgName(d.organisationId()));
    model.addAttribute("nav", "leadership");
    return "leadership/reception";
  }

  @PostMapping("/leadership/receptions/{id}/record")
  String record(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    try {
      int visitors;
      try {
        visitors = Integer.parseInt(form.getOrDefault("visitors", "").strip());
      } catch (NumberFormatException e) {
        throw new InvalidInput("visitors", "a whole number");
      }
      List<ReceptionPetition> named = new ArrayList<>();
      for (String p : form.getOrDefault("registered", "").split("[\\s,，、]+")) {
        if (!p.isBlank()) {
          named.add(new ReceptionPetition(p, ReceptionPetition.Outcome.REGISTERED));
        }
      }
      for (String p : form.getOrDefault("advanced", "").split("[\\s,，、]+")) {
        if (!p.isBlank()) {
          named.add(new ReceptionPetition(p, ReceptionPetition.Outcome.ADVANCED));
        }
      }
      receptions.record(
          id, new NewReception(visitors, form.get("names"), form.get("notes"), named));
      redirect.addFlashAttribute("flash", msg("ld.flash.recorded"));
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute("problem", e.getMessage() + fields(e));
    }
    return "redirect:/leadership/receptions/" + id;
  }

  // --------------------------------------------------------------------------------- helpers

  private List<Choice> choices() {
    Actor actor = currentActor.get();
    var within =
        actor.bootstrapAdmin() || actor.organisationId() == null
            ? null
            : organisations.jurisdiction(actor.organisationId());
    List<Choice> list = new ArrayList<>();
    for (Organisation o : organisations.all()) {
      if (within == null || within.contains(o.id())) {
        list.add(new Choice(o.id(), o.displayName()));
      }
    }
    return list;
  }

  private String orgName(String id) {
    return id == null ? "" : organisations.find(id).map(Organisation::displayName).orElse(id);
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  private static String fields(RuntimeException e) {
    if (e instanceof InvalidInput i && i.fields() != null && !i.fields().isEmpty()) {
      return " " + i.fields();
    }
    if (e instanceof LawViolation l) {
      return " (" + l.rule() + ")";
    }
    return "";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDate date(String s) {
    if (blank(s)) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput("on", "a date yyyy-MM-dd");
    }
  }
}
