package org.xinfang.supervision.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.supervision.Cause;
import org.xinfang.supervision.Escalation;
import org.xinfang.supervision.NewOrder;
import org.xinfang.supervision.NewSpotCheck;
import org.xinfang.supervision.SpotCheck;
import org.xinfang.supervision.SpotChecks;
import org.xinfang.supervision.SpotResult;
import org.xinfang.supervision.Stratification;
import org.xinfang.supervision.SupervisionOrder;
import org.xinfang.supervision.SupervisionOrders;
import org.xinfang.supervision.Watch;

/**
 * The supervision pages: the dashboard of overdue duties by organ (with the watch's run form),
 * supervision orders (list with the issue form; one order with its reply and escalation forms and
 * history) and spot checks (list with the draw form; one check with a checklist form per item).
 */
@Controller
class SupervisionPages {

  private final Watch watch;
  private final SupervisionOrders orders;
  private final SpotChecks spotChecks;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final PetitionSelector selector;
  private final MessageSource messages;

  SupervisionPages(
      Watch watch,
      SupervisionOrders orders,
      SpotChecks spotChecks,
      CurrentActor currentActor,
      Organisations organisations,
      PetitionSelector selector,
      MessageSource messages) {
    this.watch = watch;
    this.orders = orders;
    this.spotChecks = spotChecks;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.selector = selector;
    this.messages = messages;
  }

  /** A refused act as the page shows it (the layout's problem box). */
  public record PageProblem(String title, String message, String rule, String article)
      implements java.io.Serializable {}

  /** A choice in a select. */
  public record Choice(String value, String label) {}

  @GetMapping("/supervision")
  String dashboard(@RequestParam(required = false) LocalDate day, Model model) {
    Actor actor = currentActor.get();
    model.addAttribute("nav", "supervision");
    model.addAttribute("dashboard", watch.dashboard(day));
    model.addAttribute("runs", watch.runs(10));
    model.addAttribute(
        "runsWatch",
        actor.bootstrapAdmin()
            || actor.has(Role.SUPERVISOR)
            || actor.has(Role.LEADER)
            || actor.has(Role.ADMIN));
    return "supervision/dashboard";
  }

  @PostMapping("/supervision/watch/runs")
  String run(@RequestParam(required = false) LocalDate day, RedirectAttributes redirect) {
    return act(
        "/supervision",
        redirect,
        () -> {
          Watch.Run r = watch.record(day);
          return r.alreadyRecorded() ? "sup.flash.alreadyRecorded" : "sup.flash.recorded";
        });
  }

  @GetMapping("/supervision/orders")
  String orders(@RequestParam(required = false) String petition, Model model) {
    Actor actor = currentActor.get();
    model.addAttribute("nav", "supervision");
    model.addAttribute("orders", orders.list(200));
    model.addAttribute("causes", Cause.values());
    model.addAttribute("petition", petition == null ? "" : petition);
    if (actor.organisationId() != null) {
      Set<String> jurisdiction = organisations.jurisdiction(actor.organisationId());
      model.addAttribute(
          "organChoices",
          organisations.all().stream()
              .filter(o -> jurisdiction.contains(o.id()) && !o.id().equals(actor.organisationId()))
              .map(o -> new Choice(o.id(), o.displayName()))
              .toList());
    } else {
      model.addAttribute("organChoices", List.of());
    }
    return "supervision/orders";
  }

  @PostMapping("/supervision/orders")
  String issue(
      @RequestParam(required = false) String petitionNumber,
      @RequestParam(required = false) String organisationId,
      @RequestParam(required = false) Cause cause,
      @RequestParam(required = false) String demands,
      @RequestParam(required = false) LocalDate replyDue,
      RedirectAttributes redirect) {
    try {
      String pid =
          selector
              .idOfNumber(petitionNumber)
              .orElseThrow(() -> new InvalidInput("petitionNumber", "no such petition"));
      SupervisionOrder o =
          orders.issue(new NewOrder(pid, organisationId, cause, demands, replyDue));
      redirect.addFlashAttribute("flash", msg("sup.flash.issued"));
      return "redirect:/supervision/orders/" + o.id();
    } catch (InvalidInput | LawViolation | Forbidden | org.xinfang.shared.NotFound e) {
      redirect.addFlashAttribute("problem", problem(e));
      return "redirect:/supervision/orders";
    }
  }

  @GetMapping("/supervision/orders/{id}")
  String order(@PathVariable String id, Model model) {
    Actor actor = currentActor.get();
    SupervisionOrder o = orders.get(id);
    model.addAttribute("nav", "supervision");
    model.addAttribute("o", o);
    model.addAttribute("history", orders.history(id));
    model.addAttribute(
        "mayReply",
        o.status() == org.xinfang.supervision.OrderStatus.ISSUED
            && (o.organisationId().equals(actor.organisationId()) || actor.bootstrapAdmin()));
    model.addAttribute(
        "mayEscalate",
        actor.bootstrapAdmin() || actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER));
    model.addAttribute("escalations", Escalation.values());
    return "supervision/order";
  }

  @PostMapping("/supervision/orders/{id}/reply")
  String reply(
      @PathVariable String id,
      @RequestParam(required = false) String reply,
      RedirectAttributes redirect) {
    return act(
        "/supervision/orders/" + id,
        redirect,
        () -> {
          orders.reply(id, reply);
          return "sup.flash.replied";
        });
  }

  @PostMapping("/supervision/orders/{id}/escalations")
  String escalate(
      @PathVariable String id,
      @RequestParam(required = false) Escalation escalation,
      @RequestParam(required = false) String decisionRef,
      @RequestParam(required = false) LocalDate decidedOn,
      @RequestParam(required = false) String conferenceId,
      RedirectAttributes redirect) {
    return act(
        "/supervision/orders/" + id,
        redirect,
        () -> {
          orders.escalate(id, escalation, decisionRef, decidedOn, conferenceId);
          return "sup.flash.escalated";
        });
  }

  @GetMapping("/supervision/spot-checks")
  String checks(Model model) {
    Actor actor = currentActor.get();
    model.addAttribute("nav", "supervision");
    model.addAttribute("checks", spotChecks.list());
    model.addAttribute("draws", actor.bootstrapAdmin() || actor.has(Role.SUPERVISOR));
    model.addAttribute("stratifications", Stratification.values());
    return "supervision/checks";
  }

  @PostMapping("/supervision/spot-checks")
  String draw(
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) Long seed,
      @RequestParam(required = false) Stratification stratification,
      @RequestParam(required = false) Integer size,
      RedirectAttributes redirect) {
    try {
      SpotCheck c = spotChecks.draw(new NewSpotCheck(from, to, seed, stratification, size));
      redirect.addFlashAttribute("flash", msg("sup.flash.drawn"));
      return "redirect:/supervision/spot-checks/" + c.id();
    } catch (InvalidInput | LawViolation | Forbidden e) {
      redirect.addFlashAttribute("problem", problem(e));
      return "redirect:/supervision/spot-checks";
    }
  }

  @GetMapping("/supervision/spot-checks/{id}")
  String check(@PathVariable String id, Model model) {
    Actor actor = currentActor.get();
    SpotCheck c = spotChecks.get(id);
    model.addAttribute("nav", "supervision");
    model.addAttribute("c", c);
    model.addAttribute("history", spotChecks.history(id));
    model.addAttribute("stratificationLabel", msg("sup.stratification." + c.stratification()));
    model.addAttribute("checks", actor.bootstrapAdmin() || actor.has(Role.SUPERVISOR));
    model.addAttribute(
        "rates",
        c.byOrgan().stream()
            .map(
                r ->
                    new PassRateRow(
                        r.organisationId(),
                        organisations
                            .find(r.organisationId())
                            .map(Organisation::displayName)
                            .orElse(r.organisationId()),
                        r.numerator(),
                        r.denominator(),
                        percent(r.value(), r.denominator())))
            .toList());
    model.addAttribute("overallPercent", percent(c.overall().value(), c.overall().denominator()));
    return "supervision/check";
  }

  /** A pass rate as the page shows it. */
  public record PassRateRow(
      String organisationId, String name, int numerator, int denominator, String percent) {}

  @PostMapping("/supervision/spot-checks/{id}/items/{seq}")
  String checkItem(
      @PathVariable String id,
      @PathVariable int seq,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    Map<String, Boolean> answers = new HashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("answer.") && !v.isBlank()) {
            answers.put(k.substring("answer.".length()), "true".equals(v));
          }
        });
    SpotResult result =
        form.get("result") == null || form.get("result").isBlank()
            ? null
            : SpotResult.valueOf(form.get("result"));
    return act(
        "/supervision/spot-checks/" + id,
        redirect,
        () -> {
          spotChecks.check(id, seq, answers, result, form.get("remarks"));
          return "sup.flash.checked";
        });
  }

  private static String percent(double value, int denominator) {
    return denominator == 0 ? "—" : String.format("%.1f%%", value * 100);
  }

  private String act(String back, RedirectAttributes redirect, Supplier<String> act) {
    try {
      redirect.addFlashAttribute("flash", msg(act.get()));
    } catch (InvalidInput | LawViolation | Forbidden e) {
      redirect.addFlashAttribute("problem", problem(e));
    }
    return "redirect:" + back;
  }

  private PageProblem problem(RuntimeException e) {
    if (e instanceof InvalidInput i) {
      String detail =
          i.fields() == null || i.fields().isEmpty() ? i.getMessage() : i.fields().toString();
      return new PageProblem(msg("sup.problem.invalid"), detail, null, null);
    }
    String rule =
        e instanceof LawViolation l ? l.rule() : e instanceof Forbidden f ? f.rule() : null;
    String article = null;
    if (rule != null && rule.contains("(") && rule.endsWith(")")) {
      article = rule.substring(rule.indexOf('(') + 1, rule.length() - 1);
    }
    return new PageProblem(
        msg(e instanceof Forbidden ? "sup.problem.forbidden" : "sup.problem.refused"),
        e.getMessage(),
        rule,
        article);
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
