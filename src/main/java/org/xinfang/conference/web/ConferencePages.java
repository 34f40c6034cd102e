package org.xinfang.conference.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.conference.AgendaReason;
import org.xinfang.conference.Attendance;
import org.xinfang.conference.ConferenceView;
import org.xinfang.conference.Conferences;
import org.xinfang.conference.DecisionKind;
import org.xinfang.conference.Minutes;
import org.xinfang.conference.NewConference;
import org.xinfang.conference.NewDecision;
import org.xinfang.conference.NewItem;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;

/**
 * The joint conference pages: the meetings list with the schedule form, one meeting (attendance,
 * agenda, decisions, follow-up, history) and the minutes download. Each form posts one act and
 * comes back to the page with what happened, or with why the act was refused.
 */
@Controller
class ConferencePages {

  private final Conferences conferences;
  private final Minutes minutes;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final Users users;
  private final MessageSource messages;

  ConferencePages(
      Conferences conferences,
      Minutes minutes,
      CurrentActor currentActor,
      Organisations organisations,
      Users users,
      MessageSource messages) {
    this.conferences = conferences;
    this.minutes = minutes;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.users = users;
    this.messages = messages;
  }

  /** A refused act as the page shows it (the layout's problem box). */
  public record PageProblem(String title, String message, String rule, String article)
      implements java.io.Serializable {}

  /** A choice in a select or a checkbox list. */
  public record Choice(String value, String label) {}

  @GetMapping("/conferences")
  String list(Model model) {
    Actor actor = currentActor.get();
    model.addAttribute("nav", "conferences");
    model.addAttribute("meetings", conferences.list());
    boolean schedules =
        actor.bootstrapAdmin() || actor.has(Role.LEADER) || actor.has(Role.SUPERVISOR);
    model.addAttribute("schedules", schedules && actor.organisationId() != null);
    if (schedules && actor.organisationId() != null) {
      Set<String> jurisdiction = organisations.jurisdiction(actor.organisationId());
      model.addAttribute(
          "leaders",
          users.all().stream()
              .filter(u -> u.has(Role.LEADER) && jurisdiction.contains(u.organisationId()))
              .map(
                  u ->
                      new Choice(
                          u.username(),
                          (u.displayName() == null ? u.username() : u.displayName())
                              + " · "
                              + conferencesName(u.organisationId())))
              .toList());
      model.addAttribute("memberChoices", memberChoices(jurisdiction));
    }
    return "conference/list";
  }

  @PostMapping("/conferences")
  String schedule(
      @RequestParam(required = false) LocalDate heldOn,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) String convenor,
      @RequestParam(required = false) List<String> members,
      @RequestParam(required = false) String title,
      RedirectAttributes redirect) {
    try {
      String id = conferences.schedule(new NewConference(heldOn, place, convenor, members, title));
      redirect.addFlashAttribute("flash", msg("conf.flash.scheduled"));
      return "redirect:/conferences/" + id;
    } catch (InvalidInput | LawViolation | Forbidden e) {
      redirect.addFlashAttribute("problem", problem(e));
      return "redirect:/conferences";
    }
  }

  @GetMapping("/conferences/{id}")
  String meeting(@PathVariable String id, Model model) {
    ConferenceView c = conferences.get(id);
    model.addAttribute("nav", "conferences");
    model.addAttribute("c", c);
    model.addAttribute("history", conferences.history(id));
    model.addAttribute(
        "reasons",
        List.of(AgendaReason.values()).stream().filter(r -> r != AgendaReason.FOLLOW_UP).toList());
    model.addAttribute("kinds", DecisionKind.values());
    if (c.mayManage()) {
      Set<String> jurisdiction = organisations.jurisdiction(c.organisationId());
      model.addAttribute("organChoices", memberChoices(jurisdiction));
      model.addAttribute(
          "leaders",
          users.all().stream()
              .filter(u -> u.has(Role.LEADER) && jurisdiction.contains(u.organisationId()))
              .map(
                  u ->
                      new Choice(
                          u.username(), (u.displayName() == null ? u.username() : u.displayName())))
              .toList());
    }
    return "conference/meeting";
  }

  @PostMapping("/conferences/{id}/items")
  String addItem(
      @PathVariable String id,
      @RequestParam(required = false) String petitionNumber,
      @RequestParam(required = false) AgendaReason reason,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "conf.flash.itemAdded",
        () -> conferences.addItem(id, new NewItem(null, petitionNumber, reason, note)));
  }

  @PostMapping("/conferences/{id}/attendance")
  String attendance(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    List<Attendance> list = new ArrayList<>();
    for (ConferenceView.Member m : conferences.get(id).members()) {
      String org = m.organisationId();
      list.add(
          new Attendance(
              org, "true".equals(form.get("attended." + org)), form.get("attendee." + org)));
    }
    return act(id, redirect, "conf.flash.attendance", () -> conferences.attendance(id, list));
  }

  @PostMapping("/conferences/{id}/items/{itemId}/decisions")
  String decide(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String leader,
      @RequestParam(required = false) LocalDate due,
      @RequestParam(required = false) String content,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "conf.flash.decided",
        () ->
            conferences.decide(
                id,
                itemId,
                new NewDecision(
                    kind,
                    kind == DecisionKind.LEADER_PACKAGE ? null : blankToNull(assignee),
                    kind == DecisionKind.LEADER_PACKAGE ? blankToNull(leader) : null,
                    due,
                    content)));
  }

  @PostMapping("/conferences/{id}/items/{itemId}/follow-up")
  String followUp(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(id, redirect, "conf.flash.followedUp", () -> conferences.followUp(id, itemId, note));
  }

  @PostMapping("/conferences/{id}/items/{itemId}/close")
  String close(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(id, redirect, "conf.flash.closed", () -> conferences.close(id, itemId, note));
  }

  @PostMapping("/conferences/{id}/minutes")
  String issueMinutes(@PathVariable String id, RedirectAttributes redirect) {
    return act(id, redirect, "conf.flash.minutes", () -> conferences.issueMinutes(id));
  }

  @GetMapping("/conferences/{id}/minutes.pdf")
  ResponseEntity<byte[]> minutesPdf(@PathVariable String id) {
    Minutes.Document d = minutes.pdf(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(d.fileName()).build().toString())
        .body(d.pdf());
  }

  private String act(String id, RedirectAttributes redirect, String done, Runnable act) {
    try {
      act.run();
      redirect.addFlashAttribute("flash", msg(done));
    } catch (InvalidInput | LawViolation | Forbidden e) {
      redirect.addFlashAttribute("problem", problem(e));
    }
    return "redirect:/conferences/" + id;
  }

  private PageProblem problem(RuntimeException e) {
    if (e instanceof InvalidInput i) {
      return new PageProblem(msg("conf.problem.invalid"), i.getMessage(), null, null);
    }
    String rule =
        e instanceof LawViolation l ? l.rule() : e instanceof Forbidden f ? f.rule() : null;
    String article = null;
    if (rule != null && rule.contains("(") && rule.endsWith(")")) {
      article = rule.substring(rule.indexOf('(') + 1, rule.length() - 1);
    }
    return new PageProblem(
        msg(e instanceof Forbidden ? "conf.problem.forbidden" : "conf.problem.refused"),
        e.getMessage(),
        rule,
        article);
  }

  /** The government at the top of a jurisdiction and the bodies directly under it. */
  private List<Choice> memberChoices(Set<String> jurisdiction) {
    Map<String, Choice> choices = new LinkedHashMap<>();
    for (String id : jurisdiction) {
      Organisation o = organisations.find(id).orElse(null);
      if (o != null && (o.parentId() == null || !jurisdiction.contains(o.parentId()))) {
        choices.put(o.id(), new Choice(o.id(), o.displayName()));
        organisations
            .children(o.id())
            .forEach(ch -> choices.put(ch.id(), new Choice(ch.id(), ch.displayName())));
      }
    }
    return new ArrayList<>(choices.values());
  }

  private String conferencesName(String organisationId) {
    return organisations.find(organisationId).map(Organisation::displayName).orElse(organisationId);
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
