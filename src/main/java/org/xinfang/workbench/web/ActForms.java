package org.xinfang.workbench.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Acts.Act;
import org.xinfang.petition.Category;
import org.xinfang.petition.Complexity;
import org.xinfang.petition.DeclineGround;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.RatingTarget;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.petition.Satisfaction;

/**
 * The short form of each act (the fields of its {@link Acts} record), how the petition page shows
 * it, and how a submitted form becomes the act — or the field errors, in the user's language.
 */
@Component
class ActForms {

  private final org.xinfang.petition.PetitionService petitions;

  /** How a field is entered. */
  enum Kind {
    DATE,
    TEXT,
    TEXTAREA,
    NUMBER,
    SELECT,
    CHECKBOX
  }

  /** One field of an act's form; {@code options} for selects, given the petition. */
  record FieldSpec(
      String name, Kind kind, boolean required, Function<PetitionView, List<Option>> options) {}

  /** One field as the page shows it: the value typed (or none) and its error (or none). */
  public record FieldView(
      String name,
      String id,
      String label,
      String kind,
      boolean required,
      String value,
      List<Option> options,
      String error) {

    public boolean checked() {
      return "true".equals(value);
    }

    /** The select's options, the value typed selected (written in Java: see SelectOptions). */
    public String optionsHtml() {
      return SelectOptions.html(options, value);
    }
  }

  /** One act's form as the page shows it; {@code open} when it comes back refused. */
  public record ActFormView(
      String act, String label, String action, boolean open, List<FieldView> fields) {}

  /** A submitted form read: the act, or the errors by field. */
  record Parsed(Act act, Map<String, String> errors) {}

  private final Map<String, List<FieldSpec>> specs = new LinkedHashMap<>();
  private final Labels labels;
  private final Validator validator;

  ActForms(
      Labels labels,
      OrganisationChoices organisations,
      Validator validator,
      org.xinfang.petition.PetitionService petitions) {
    this.petitions = petitions;
    this.labels = labels;
    this.validator = validator;
    Function<PetitionView, List<Option>> orgs = p -> organisations.organisations();
    Function<PetitionView, List<Option>> appealOrgans =
        p ->
            organisations.reviewOrgans(
                p.opinion() != null ? p.opinion().issuedBy() : p.handlingOrganisation());
    Function<PetitionView, List<Option>> outcomes =
        p -> Params.options(Outcome.class, "outcome", labels, null);
    spec("forward", select("to", true, orgs));
    spec("assign", select("to", true, orgs), field("reportDue", Kind.DATE, true));
    spec("object", field("reason", Kind.TEXTAREA, true));
    spec(
        "decide-objection",
        select(
            "accepted",
            true,
            p ->
                List.of(
                    new Option("true", labels.msg("wb.objection.accept")),
                    new Option("false", labels.msg("wb.objection.reject")))),
        field("reason", Kind.TEXTAREA, false));
    spec(
        "accept",
        select("category", true, p -> Params.options(Category.class, "category", labels, null)),
        select("pathway", false, p -> Params.options(Pathway.class, "wb.pathway", labels, null)),
        select("complexity", false, p -> complexityOptions(p)),
        field("simplified", Kind.CHECKBOX, false));
    spec(
        "decline",
        select(
            "ground",
            true,
            p -> Params.options(DeclineGround.class, "wb.declineGround", labels, null)),
        field("detail", Kind.TEXTAREA, true),
        select("competentOrganisation", false, orgs),
        field("earlierPetition", Kind.TEXT, false));
    spec(
        "divert",
        select(
            "pathway",
            true,
            p ->
                Params.options(
                    Pathway.class,
                    "wb.pathway",
                    labels,
                    List.of(Pathway.values()).stream().filter(Pathway::isDiversion).toList())),
        field("guidance", Kind.TEXTAREA, true));
    spec(
        "extend",
        field("days", Kind.NUMBER, true),
        field("reason", Kind.TEXTAREA, true),
        field("approvedBy", Kind.TEXT, false));
    spec(
        "reply",
        select("outcome", true, outcomes),
        field("opinion", Kind.TEXTAREA, true),
        field("basis", Kind.TEXTAREA, false));
    spec("settle", field("agreement", Kind.TEXTAREA, true));
    spec("deliver");
    spec("request-review", select("to", false, appealOrgans));
    spec(
        "review",
        select(
            "outcome",
            true,
            p -> Params.options(ReviewOutcome.class, "wb.reviewOutcome", labels, null)),
        select("variedOutcome", false, outcomes),
        field("opinion", Kind.TEXTAREA, true),
        field("basis", Kind.TEXTAREA, false),
        field("redoDays", Kind.NUMBER, false));
    spec("request-re-review", select("to", false, appealOrgans));
    spec("start-hearing");
    spec("end-hearing", field("summary", Kind.TEXTAREA, false));
    spec(
        "re-review",
        select(
            "outcome",
            true,
            p ->
                Params.options(
                    ReviewOutcome.class,
                    "wb.reviewOutcome",
                    labels,
                    List.of(ReviewOutcome.UPHOLD, ReviewOutcome.VARY))),
        select("variedOutcome", false, outcomes),
        field("opinion", Kind.TEXTAREA, true),
        field("basis", Kind.TEXTAREA, false));
    spec(
        "rate",
        select(
            "satisfaction",
            true,
            p -> Params.options(Satisfaction.class, "satisfaction", labels, null)),
        select(
            "target",
            false,
            p -> Params.options(RatingTarget.class, "wb.ratingTarget", labels, null)),
        field("reason", Kind.TEXTAREA, false));
    spec("report", field("summary", Kind.TEXTAREA, true));
    spec("follow-up", field("note", Kind.TEXTAREA, true));
    spec("resolve", field("how", Kind.TEXTAREA, true));
    spec("flag-major", field("reason", Kind.TEXTAREA, true));
    spec("report-major", select("to", false, orgs));
    spec(
        "link-repeat",
        select(
            "earlierPetition",
            true,
            p ->
                petitions.repeatCandidates(p.id()).stream()
                    .map(c -> new Option(c.id(), c.number() + " · " + c.subject()))
                    .toList()),
        field("basis", Kind.TEXTAREA, false));
  }

  /** The triage tracks, the suggested one first and marked (简单问题马上办、一般问题限时办、疑难问题提级办). */
  private List<Option> complexityOptions(PetitionView p) {
    Complexity suggested = petitions.triage(p.id(), null, null).suggested();
    List<Option> options = new ArrayList<>();
    options.add(
        new Option(
            suggested.name(),
            labels.msg("wb.complexity." + suggested.name())
                + " · "
                + labels.msg("wb.complexity.suggested")));
    for (Complexity c : Complexity.values()) {
      if (c != suggested) {
        options.add(new Option(c.name(), labels.msg("wb.complexity." + c.name())));
      }
    }
    return options;
  }

  private void spec(String act, FieldSpec... fields) {
    List<FieldSpec> all = new ArrayList<>(List.of(fields));
    all.add(field("on", Kind.DATE, false));
    specs.put(act, List.copyOf(all));
  }

  private static FieldSpec field(String name, Kind kind, boolean required) {
    return new FieldSpec(name, kind, required, null);
  }

  private static FieldSpec select(
      String name, boolean required, Function<PetitionView, List<Option>> options) {
    return new FieldSpec(name, Kind.SELECT, required, options);
  }

  boolean knows(String act) {
    return specs.containsKey(act);
  }

  /** The names of the fields of an act's form. */
  List<String> fieldNames(String act) {
    return specs.get(act).stream().map(FieldSpec::name).toList();
  }

  /**
   * The forms of the acts allowed now, in the order the petition gives them; the refused one (if
   * any) with the values typed and its errors.
   */
  List<ActFormView> forms(
      PetitionView p, String failedAct, Map<String, String> values, Map<String, String> errors) {
    List<ActFormView> forms = new ArrayList<>();
    for (String act : petitions.actsForCurrentUser(p)) {
      List<FieldSpec> fields = specs.get(act);
      if (fields == null) {
        continue;
      }
      boolean failed = act.equals(failedAct);
      List<FieldView> views = new ArrayList<>();
      for (FieldSpec f : fields) {
        views.add(
            new FieldView(
                f.name(),
                "act-" + act + "-" + f.name(),
                fieldLabel(act, f.name()),
                f.kind().name(),
                f.required(),
                failed ? values.getOrDefault(f.name(), "") : "",
                f.options() == null ? List.of() : f.options().apply(p),
                failed ? errors.get(f.name()) : null));
      }
      forms.add(
          new ActFormView(
              act, labels.act(act), "/petitions/" + p.id() + "/acts/" + act, failed, views));
    }
    return forms;
  }

  String fieldLabel(String act, String field) {
    return labels.msgOr("wb.field." + act + "." + field, labels.msgOr("wb.field." + field, field));
  }

  /** Reads a submitted form into its act; errors by field when something is missing or wrong. */
  Parsed parse(String act, Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    Reader r = new Reader(values, errors);
    for (FieldSpec f : specs.get(act)) {
      if (f.required() && f.kind() != Kind.CHECKBOX && Params.blank(values.get(f.name()))) {
        errors.put(f.name(), labels.msg("wb.error.required"));
      }
    }
    LocalDate on = r.date("on");
    Act result =
        switch (act) {
          case "forward" -> new Acts.Forward(on, r.text("to"));
          case "assign" -> new Acts.Assign(on, r.text("to"), r.date("reportDue"));
          case "object" -> new Acts.Objection(on, r.text("reason"));
          case "decide-objection" ->
              new Acts.DecideObjection(on, r.bool("accepted"), r.text("reason"));
          case "accept" ->
              new Acts.Accept(
                  on,
                  r.choice(Category.class, "category"),
                  r.choice(Pathway.class, "pathway"),
                  r.checkbox("simplified"),
                  r.choice(Complexity.class, "complexity"),
                  null);
          case "decline" ->
              new Acts.Decline(
                  on,
                  r.choice(DeclineGround.class, "ground"),
                  r.text("detail"),
                  r.text("competentOrganisation"),
                  r.text("earlierPetition"));
          case "divert" ->
              new Acts.Divert(on, r.choice(Pathway.class, "pathway"), r.text("guidance"));
          case "extend" ->
              new Acts.Extend(on, r.number("days"), r.text("reason"), r.text("approvedBy"));
          case "reply" ->
              new Acts.Reply(
                  on, r.choice(Outcome.class, "outcome"), r.text("opinion"), r.text("basis"));
          case "settle" -> new Acts.Settle(on, r.text("agreement"));
          case "deliver" -> new Acts.Deliver(on);
          case "request-review" -> new Acts.RequestReview(on, r.text("to"));
          case "review" ->
              new Acts.Review(
                  on,
                  r.choice(ReviewOutcome.class, "outcome"),
                  r.choice(Outcome.class, "variedOutcome"),
                  r.text("opinion"),
                  r.number("redoDays"),
                  r.text("basis"));
          case "request-re-review" -> new Acts.RequestReReview(on, r.text("to"));
          case "start-hearing" -> new Acts.StartHearing(on);
          case "end-hearing" -> new Acts.EndHearing(on, r.text("summary"));
          case "re-review" ->
              new Acts.ReReview(
                  on,
                  r.choice(ReviewOutcome.class, "outcome"),
                  r.choice(Outcome.class, "variedOutcome"),
                  r.text("opinion"),
                  r.text("basis"));
          case "rate" ->
              new Acts.Rate(
                  on,
                  r.choice(Satisfaction.class, "satisfaction"),
                  r.choice(RatingTarget.class, "target"),
                  r.text("reason"));
          case "report" -> new Acts.Report(on, r.text("summary"));
          case "follow-up" -> new Acts.FollowUp(on, r.text("note"));
          case "resolve" -> new Acts.Resolve(on, r.text("how"));
          case "flag-major" -> new Acts.FlagMajor(on, r.text("reason"));
          case "report-major" -> new Acts.ReportMajor(on, r.text("to"));
          case "link-repeat" -> new Acts.LinkRepeat(on, r.text("earlierPetition"), r.text("basis"));
          default -> throw new IllegalArgumentException("no form for " + act);
        };
    if (errors.isEmpty()) {
      for (ConstraintViolation<Act> v : validator.validate(result)) {
        String field = v.getPropertyPath().toString();
        String code =
            "wb.error."
                + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        errors.putIfAbsent(
            field,
            labels.msgOr(
                code,
                v.getMessage(),
                RegistrationDesk.constraintArgs(v.getConstraintDescriptor().getAttributes())));
      }
    }
    return new Parsed(errors.isEmpty() ? result : null, errors);
  }

  /** Typed reading of the submitted values; a value that does not read records its error. */
  private final class Reader {
    private final Map<String, String> values;
    private final Map<String, String> errors;

    Reader(Map<String, String> values, Map<String, String> errors) {
      this.values = values;
      this.errors = errors;
    }

    String text(String name) {
      return Params.trimmed(values.get(name));
    }

    LocalDate date(String name) {
      try {
        return Params.date(values.get(name));
      } catch (DateTimeParseException e) {
        errors.putIfAbsent(name, labels.msg("wb.error.date"));
        return null;
      }
    }

    Integer number(String name) {
      String v = text(name);
      if (v == null) {
        return null;
      }
      try {
        return Integer.valueOf(v);
      } catch (NumberFormatException e) {
        errors.putIfAbsent(name, labels.msg("wb.error.number"));
        return null;
      }
    }

    <E extends Enum<E>> E choice(Class<E> type, String name) {
      String v = text(name);
      if (v == null) {
        return null;
      }
      E e = Params.enumOf(type, v);
      if (e == null) {
        errors.putIfAbsent(name, labels.msg("wb.error.choice"));
      }
      return e;
    }

    Boolean bool(String name) {
      String v = text(name);
      if (v == null) {
        return null;
      }
      if (!v.equals("true") && !v.equals("false")) {
        errors.putIfAbsent(name, labels.msg("wb.error.choice"));
        return null;
      }
      return Boolean.valueOf(v);
    }

    Boolean checkbox(String name) {
      return "true".equals(text(name)) || "on".equals(text(name)) ? Boolean.TRUE : null;
    }
  }
}
