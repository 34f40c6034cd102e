package org.xinfang.workbench.web;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.DeclineGround;
import org.xinfang.petition.Duty;
import org.xinfang.petition.DutyKind;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionState;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.RatingTarget;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.petition.Satisfaction;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/**
 * The petition page: the matter, its petitioners (masked until asked for), duties, notices,
 * attachments, the timeline of every act, and a short form for each act allowed now.
 */
@Controller
class PetitionPage {

  /** The message prefix of each enum a history entry may carry. */
  private static final Map<Class<?>, String> ENUM_PREFIX =
      Map.of(
          Category.class, "category",
          Channel.class, "channel",
          Outcome.class, "outcome",
          Satisfaction.class, "satisfaction",
          PetitionState.class, "state",
          DutyKind.class, "duty",
          Pathway.class, "wb.pathway",
          DeclineGround.class, "wb.declineGround",
          ReviewOutcome.class, "wb.reviewOutcome",
          RatingTarget.class, "wb.ratingTarget");

  /** Fields of history entries that name an organisation. */
  private static final Set<String> ORGANISATION_FIELDS =
      Set.of("to", "competentOrganisation", "receivedBy", "organisationId");

  /** Fields of history entries not worth a line (shown elsewhere, or internal). */
  private static final Set<String> HIDDEN_FIELDS = Set.of("on", "noticeId");

  private final PetitionService petitions;
  private final OrganisationChoices organisations;
  private final ActForms actForms;
  private final WorkingDays workingDays;
  private final Labels labels;
  private final Problems problems;
  private final NoticesPanel notices;
  private final AttachmentsPanel attachments;

  PetitionPage(
      PetitionService petitions,
      OrganisationChoices organisations,
      ActForms actForms,
      WorkingDays workingDays,
      Labels labels,
      Problems problems,
      NoticesPanel notices,
      AttachmentsPanel attachments) {
    this.petitions = petitions;
    this.organisations = organisations;
    this.actForms = actForms;
    this.workingDays = workingDays;
    this.labels = labels;
    this.problems = problems;
    this.notices = notices;
    this.attachments = attachments;
  }

  /** A label and its value. */
  public record Fact(String label, String value) {}

  /** A group of facts under a heading (the intake details of a visit, letter or call). */
  public record Section(String title, List<Fact> facts) {}

  /** One petitioner as shown: masked unless revealed. */
  public record PetitionerLine(
      String name,
      String sex,
      String ethnicity,
      String birthDate,
      String idType,
      String idNumber,
      String phone,
      String address,
      String occupation,
      boolean lead) {}

  /** One accused person or unit. */
  public record AccusedLine(String name, String organisation, String post, String rank) {}

  /** One duty owed now. */
  public record DutyLine(
      String duty,
      String due,
      String owedBy,
      String basis,
      boolean provisional,
      boolean optional,
      boolean overdue,
      boolean paused,
      int daysLeft,
      String classes) {}

  /** One entry of the timeline. */
  public record HistoryLine(
      int seq,
      String act,
      String on,
      String by,
      String organisation,
      String at,
      String article,
      boolean backEntered,
      boolean adminAct,
      List<Fact> details) {}

  @GetMapping("/petitions/{id}")
  String show(@PathVariable String id, Model model) {
    return render(petitions.get(id), false, null, Map.of(), Map.of(), null, model);
  }

  /** Shows the personal data unmasked; the reveal is recorded (who, when, which petition). */
  @PostMapping("/petitions/{id}/reveal")
  String reveal(@PathVariable String id, Model model) {
    PetitionView p = petitions.get(id);
    p = p.withPetitioners(petitions.revealPersonalData(id, "web"));
    return render(p, true, null, Map.of(), Map.of(), null, model);
  }

  @PostMapping("/petitions/{id}/acts/{act}")
  String act(
      @PathVariable String id,
      @PathVariable String act,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    if (!actForms.knows(act)) {
      throw new NotFound("no act " + act);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : actForms.fieldNames(act)) {
      if (params.containsKey(field)) {
        values.put(field, params.get(field));
      }
    }
    ActForms.Parsed parsed = actForms.parse(act, values);
    if (parsed.act() == null) {
      response.setStatus(400);
      return render(
          petitions.get(id), false, act, values, parsed.errors(), problems.invalidForm(), model);
    }
    try {
      petitions.act(id, parsed.act());
    } catch (LawViolation e) {
      response.setStatus(409);
      return render(petitions.get(id), false, act, values, Map.of(), problems.of(e), model);
    } catch (InvalidInput e) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      List<String> known = actForms.fieldNames(act);
      Problem problem = problems.of(e);
      List<String> elsewhere = new ArrayList<>();
      problems
          .fields(e)
          .forEach(
              (field, message) -> {
                if (known.contains(field)) {
                  errors.put(field, message);
                } else {
                  elsewhere.add(message);
                }
              });
      if (!elsewhere.isEmpty()) {
        problem =
            new Problem(problem.title(), String.join("; ", elsewhere), "", "", e.getMessage());
      }
      return render(petitions.get(id), false, act, values, errors, problem, model);
    } catch (Forbidden e) {
      response.setStatus(403);
      return render(petitions.get(id), false, act, values, Map.of(), problems.of(e), model);
    } catch (OptimisticLockingFailureException e) {
      response.setStatus(409);
      return render(petitions.get(id), false, act, values, Map.of(), problems.concurrent(), model);
    }
    redirect.addFlashAttribute("flash", labels.msg("wb.flash.acted", labels.act(act)));
    return "redirect:/petitions/" + id;
  }

  /** Completes a draft notice with its legal basis and issues it (the notice module numbers it). */
  @PostMapping("/petitions/{id}/notices/{noticeId}/issue")
  String issueNotice(
      @PathVariable String id,
      @PathVariable String noticeId,
      @RequestParam(required = false) String basis,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Problem problem = null;
    if (Params.blank(basis)) {
      response.setStatus(400);
      problem =
          new Problem(
              labels.msg("wb.problem.invalid"), labels.msg("wb.notice.basisRequired"), "", "", "");
    } else {
      try {
        notices.issue(id, noticeId, basis.strip());
        redirect.addFlashAttribute("flash", labels.msg("wb.flash.noticeIssued"));
        return "redirect:/petitions/" + id + "#notices";
      } catch (LawViolation e) {
        response.setStatus(409);
        problem = problems.of(e);
      } catch (InvalidInput e) {
        response.setStatus(400);
        problem =
            new Problem(
                labels.msg("wb.problem.invalid"),
                String.join("; ", problems.fields(e).values()),
                "",
                "",
                e.getMessage());
      } catch (Forbidden e) {
        response.setStatus(403);
        problem = problems.of(e);
      }
    }
    String view = render(petitions.get(id), false, null, Map.of(), Map.of(), problem, model);
    model.addAttribute("draftBasis", Map.of(noticeId, basis == null ? "" : basis));
    return view;
  }

  private String render(
      PetitionView p,
      boolean revealed,
      String failedAct,
      Map<String, String> values,
      Map<String, String> errors,
      Problem problem,
      Model model) {
    Map<String, String> names = organisations.names();
    model.addAttribute("nav", "");
    model.addAttribute("selfUrl", "/petitions/" + p.id());
    model.addAttribute("p", p);
    model.addAttribute("revealed", revealed);
    model.addAttribute("problem", problem);
    model.addAttribute("failedAct", failedAct);
    model.addAttribute("state", labels.of("state", p.state()));
    model.addAttribute("summary", summary(p, names));
    model.addAttribute("matter", matter(p));
    model.addAttribute("intake", intake(p));
    model.addAttribute("petitioners", petitioners(p.petitioners(), revealed));
    model.addAttribute(
        "accused",
        (p.accused() == null ? List.<AccusedData>of() : p.accused())
            .stream()
                .map(
                    a ->
                        new AccusedLine(
                            nz(a.name()),
                            a.organisationId() == null
                                ? ""
                                : names.getOrDefault(a.organisationId(), a.organisationId()),
                            nz(a.post()),
                            nz(a.rank())))
                .toList());
    model.addAttribute("duties", duties(p, names));
    model.addAttribute("history", history(p, names));
    model.addAttribute("forms", actForms.forms(p, failedAct, values, errors));
    model.addAttribute("notices", notices.list(p.id()));
    model.addAttribute("draftBasis", Map.of());
    model.addAttribute("attachments", attachments.list(p.id()));
    return "workbench/petition";
  }

  private List<Fact> summary(PetitionView p, Map<String, String> names) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(labels.msg("wb.field.number"), p.number()));
    facts.add(new Fact(labels.msg("wb.field.queryCode"), p.queryCode()));
    if (p.externalNumber() != null) {
      facts.add(new Fact(labels.msg("wb.field.externalNumber"), p.externalNumber()));
    }
    facts.add(new Fact(labels.msg("wb.field.state"), labels.of("state", p.state())));
    facts.add(new Fact(labels.msg("wb.field.channel"), labels.of("channel", p.channel())));
    facts.add(new Fact(labels.msg("wb.field.receivedOn"), Labels.date(p.receivedOn())));
    facts.add(new Fact(labels.msg("wb.field.receivedBy"), org(names, p.receivedBy())));
    facts.add(
        new Fact(
            labels.msg("wb.field.registeredBy"),
            nz(p.registeredBy()) + " · " + Labels.timestamp(p.registeredAt())));
    facts.add(
        new Fact(
            labels.msg("wb.field.handlingOrganisation"), org(names, p.handlingOrganisation())));
    facts.add(
        new Fact(
            labels.msg("wb.field.category"),
            p.category() == null ? labels.msg("wb.none") : labels.of("category", p.category())));
    if (p.pathway() != null) {
      facts.add(new Fact(labels.msg("wb.field.pathway"), labels.of("wb.pathway", p.pathway())));
    }
    if (p.acceptedOn() != null) {
      facts.add(new Fact(labels.msg("wb.field.acceptedOn"), Labels.date(p.acceptedOn())));
    }
    if (p.extensionDays() > 0) {
      facts.add(new Fact(labels.msg("wb.field.extensionDays"), "" + p.extensionDays()));
    }
    if (p.opinion() != null) {
      PetitionView.OpinionView o = p.opinion();
      facts.add(
          new Fact(
              labels.msg("wb.field.opinion"),
              labels.msgOr("wb.opinionKind." + o.kind(), o.kind())
                  + " · "
                  + labels.of("outcome", o.outcome())
                  + " · "
                  + Labels.date(o.issuedOn())
                  + (o.deliveredOn() == null
                      ? " · " + labels.msg("wb.opinion.notDelivered")
                      : " · " + labels.msg("wb.opinion.delivered", Labels.date(o.deliveredOn())))));
    }
    if (p.ratings() != null) {
      p.ratings()
          .forEach(
              (target, s) ->
                  facts.add(
                      new Fact(
                          labels.msg("wb.field.rating")
                              + " · "
                              + labels.of("wb.ratingTarget", target),
                          labels.of("satisfaction", s))));
    }
    if (p.concludedOn() != null) {
      facts.add(new Fact(labels.msg("wb.field.concludedOn"), Labels.date(p.concludedOn())));
    }
    if (p.resolved()) {
      facts.add(new Fact(labels.msg("wb.field.resolved"), labels.msg("wb.yes")));
    }
    if (p.isFinal()) {
      facts.add(new Fact(labels.msg("wb.field.final"), labels.msg("wb.yes")));
    }
    return facts;
  }

  private List<Fact> matter(PetitionView p) {
    List<Fact> facts = new ArrayList<>();
    add(facts, "subject", p.subject());
    add(facts, "facts", p.facts());
    add(facts, "request", p.request());
    add(facts, "reasons", p.reasons());
    add(facts, "evidence", p.evidence());
    if (p.regionCode() != null) {
      facts.add(
          new Fact(
              labels.msg("wb.field.regionCode"),
              (organisations.regionName(p.regionCode()) + " " + p.regionCode()).strip()));
    }
    add(facts, "topic", p.topic());
    add(facts, "addressee", p.addressee());
    facts.add(new Fact(labels.msg("wb.field.persons"), "" + p.persons()));
    if (p.representatives() > 0) {
      facts.add(new Fact(labels.msg("wb.field.representatives"), "" + p.representatives()));
    }
    List<String> flags = new ArrayList<>();
    if (p.collective()) flags.add(labels.msg("wb.flag.collective"));
    if (p.anonymous()) flags.add(labels.msg("wb.flag.anonymous"));
    if (!p.noticeOwed()) flags.add(labels.msg("wb.flag.noNoticeOwed"));
    if (p.litigationRelated()) flags.add(labels.msg("wb.flag.litigationRelated"));
    if (p.major()) flags.add(labels.msg("wb.flag.major"));
    if (p.threatMade()) flags.add(labels.msg("wb.flag.threatMade"));
    if (p.foreignRelated()) flags.add(labels.msg("wb.flag.foreignRelated"));
    if (p.publicOnline()) flags.add(labels.msg("wb.flag.publicOnline"));
    flags.add(
        p.repeatOf() == null
            ? labels.msg("wb.flag.first")
            : labels.msg("wb.flag.repeatOf", p.repeatOf()));
    facts.add(new Fact(labels.msg("wb.field.flags"), String.join("、", flags)));
    return facts;
  }

  private List<Section> intake(PetitionView p) {
    List<Section> sections = new ArrayList<>();
    if (p.intake() == null) {
      return sections;
    }
    p.intake()
        .forEach(
            (kind, details) -> {
              List<Fact> facts = new ArrayList<>();
              if (details instanceof Map<?, ?> map) {
                map.forEach(
                    (k, v) -> {
                      if (v != null && !v.toString().isBlank()) {
                        facts.add(new Fact(fieldLabel(k.toString()), v.toString()));
                      }
                    });
              }
              if (!facts.isEmpty()) {
                sections.add(new Section(labels.msgOr("wb.intake." + kind, kind), facts));
              }
            });
    return sections;
  }

  private List<PetitionerLine> petitioners(List<PetitionerData> people, boolean revealed) {
    List<PetitionerLine> lines = new ArrayList<>();
    for (PetitionerData d : people == null ? List.<PetitionerData>of() : people) {
      lines.add(
          new PetitionerLine(
              d.name() == null ? labels.msg("wb.flag.anonymous") : d.name(),
              d.sex() == null ? "" : labels.msgOr("wb.sex." + d.sex(), d.sex()),
              nz(d.ethnicity()),
              revealed ? Labels.date(d.birthDate()) : d.birthDate() == null ? "" : "****",
              d.idType() == null ? "" : labels.msgOr("wb.idType." + d.idType(), d.idType()),
              nz(d.idNumber()),
              nz(d.phone()),
              nz(d.address()),
              nz(d.occupation()),
              Boolean.TRUE.equals(d.lead())));
    }
    return lines;
  }

  private List<DutyLine> duties(PetitionView p, Map<String, String> names) {
    LocalDate today = workingDays.today();
    List<DutyLine> lines = new ArrayList<>();
    for (Duty d : p.duties()) {
      int left = workingDays.left(today, d.due());
      String classes =
          (WorkingDays.urgency(today, d.due(), left) + (d.provisional() ? " provisional" : ""))
              .strip();
      lines.add(
          new DutyLine(
              labels.of("duty", d.duty()),
              Labels.date(d.due()),
              d.owedBy() == null ? labels.msg("wb.duty.petitioner") : org(names, d.owedBy()),
              labels.article(d.basis()),
              d.provisional(),
              d.optional(),
              d.overdue(),
              d.paused(),
              left,
              classes));
    }
    return lines;
  }

  private List<HistoryLine> history(PetitionView p, Map<String, String> names) {
    List<HistoryLine> lines = new ArrayList<>();
    for (PetitionView.HistoryView h : p.history()) {
      lines.add(
          new HistoryLine(
              h.seq(),
              labels.act(h.act()),
              Labels.date(h.on()),
              h.by(),
              h.organisationId() == null ? "" : org(names, h.organisationId()),
              Labels.timestamp(h.at()),
              labels.article(h.article()),
              h.backEntered(),
              h.adminAct(),
              details(h.details(), names)));
    }
    return lines;
  }

  /** The data of an act, each field with its label and value in the user's language. */
  private List<Fact> details(Object payload, Map<String, String> names) {
    List<Fact> facts = new ArrayList<>();
    if (payload == null) {
      return facts;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    if (payload.getClass().isRecord()) {
      for (RecordComponent c : payload.getClass().getRecordComponents()) {
        try {
          fields.put(c.getName(), c.getAccessor().invoke(payload));
        } catch (ReflectiveOperationException e) {
          // an unreadable component is left out of the timeline
        }
      }
    } else if (payload instanceof Map<?, ?> map) {
      map.forEach((k, v) -> fields.put(String.valueOf(k), v));
    }
    fields.forEach(
        (name, value) -> {
          if (HIDDEN_FIELDS.contains(name)) {
            return;
          }
          String shown = value(name, value, names);
          if (!shown.isBlank()) {
            facts.add(new Fact(fieldLabel(name), shown));
          }
        });
    return facts;
  }

  private String value(String name, Object value, Map<String, String> names) {
    if (value == null) {
      return "";
    }
    if (value instanceof Enum<?> e) {
      String prefix = ENUM_PREFIX.get(e.getDeclaringClass());
      return prefix == null ? e.name() : labels.of(prefix, e);
    }
    if (value instanceof Boolean b) {
      return b ? labels.msg("wb.yes") : "";
    }
    if (value instanceof LocalDate d) {
      return Labels.date(d);
    }
    if (value instanceof Collection<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(
            "accusedOrganisations".equals(name)
                ? org(names, String.valueOf(o))
                : value(name, o, names));
      }
      return String.join("、", parts);
    }
    if ("kind".equals(name)) {
      return labels.msgOr("notice.kind." + value, value.toString());
    }
    if (ORGANISATION_FIELDS.contains(name)) {
      return org(names, value.toString());
    }
    return value.toString();
  }

  private String fieldLabel(String name) {
    return labels.msgOr("wb.field." + name, name);
  }

  private void add(List<Fact> facts, String field, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(new Fact(labels.msg("wb.field." + field), value));
    }
  }

  private static String org(Map<String, String> names, String id) {
    return id == null ? "" : names.getOrDefault(id, id);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
