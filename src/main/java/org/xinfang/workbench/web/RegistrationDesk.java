package org.xinfang.workbench.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Duty;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.LetterRecord;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.petition.Registration.PhoneRecord;
import org.xinfang.petition.Registration.VisitRecord;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.workbench.web.RegistrationForm.AccusedRow;
import org.xinfang.workbench.web.RegistrationForm.PetitionerRow;

/**
 * The registration desk (登记): one form for every channel with the fields of the registration
 * record; on save the number, the query code and the first duty with its due date.
 */
@Controller
class RegistrationDesk {

  /** Rules of the law that concern one field of the form: the refusal is shown beside it too. */
  private static final Map<String, String> RULE_FIELDS =
      Map.of("collective-visit-representatives", "representatives");

  /** The route map of legal pathways (the guide module's page, shared with the portal). */
  static final String GUIDE = "/portal/guide";

  private final PetitionService petitions;
  private final CurrentActor currentActor;
  private final OrganisationChoices organisations;
  private final WorkingDays workingDays;
  private final Labels labels;
  private final Problems problems;
  private final Validator validator;
  private final AttachmentsPanel attachments;
  private final TransactionTemplate transactions;

  RegistrationDesk(
      PetitionService petitions,
      CurrentActor currentActor,
      OrganisationChoices organisations,
      WorkingDays workingDays,
      Labels labels,
      Problems problems,
      Validator validator,
      AttachmentsPanel attachments,
      PlatformTransactionManager transactionManager) {
    this.petitions = petitions;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.workingDays = workingDays;
    this.labels = labels;
    this.problems = problems;
    this.validator = validator;
    this.attachments = attachments;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @GetMapping("/register")
  String desk(@RequestParam(required = false) String channel, Model model) {
    Actor actor = currentActor.get();
    RegistrationForm form = new RegistrationForm();
    form.setChannel(Params.isEnum(Channel.class, channel) ? channel.strip() : "LETTER");
    form.setReceivedOn(Labels.date(workingDays.today()));
    form.setReceivedBy(actor.organisationId());
    return page(form, actor, null, model);
  }

  @PostMapping("/register")
  String register(
      @ModelAttribute("form") RegistrationForm form,
      BindingResult errors,
      @RequestParam(required = false) String addPetitioner,
      @RequestParam(required = false) String addAccused,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Model model,
      HttpServletResponse response) {
    Actor actor = currentActor.get();
    List<MultipartFile> scans = AttachmentsPanel.chosen(files);
    if (addPetitioner != null) {
      // without JavaScript the "add a petitioner" button asks the server for one more row
      form.getPetitioners().add(new PetitionerRow());
      return page(form, actor, null, model, !scans.isEmpty());
    }
    if (addAccused != null) {
      form.getAccused().add(new AccusedRow());
      return page(form, actor, null, model, !scans.isEmpty());
    }
    Registration registration = toRegistration(form, actor, errors);
    Optional<String> badFile = attachments.problem(scans);
    if (registration == null || errors.hasErrors() || badFile.isPresent()) {
      response.setStatus(400);
      model.addAttribute("filesError", badFile.orElse(null));
      return page(form, actor, problems.invalidForm(), model, !scans.isEmpty());
    }
    try {
      // the petition and its scans are recorded together, or neither is
      PetitionView p =
          transactions.execute(
              status -> {
                PetitionView registered = petitions.register(registration);
                attachments.store(registered.id(), scans, actor.username());
                return registered;
              });
      return "redirect:/register/done/" + p.id();
    } catch (LawViolation e) {
      Problem problem = problems.of(e);
      String field = RULE_FIELDS.get(problem.rule());
      if (field != null) {
        errors.rejectValue(field, "wb.invalid.domain", new Object[] {problem.message()}, null);
      }
      response.setStatus(409);
      return page(form, actor, problem, model, !scans.isEmpty());
    } catch (InvalidInput e) {
      problems
          .fields(e)
          .forEach(
              (field, message) -> {
                if (errors.getFieldType(field) != null || isFormProperty(field)) {
                  errors.rejectValue(field, "wb.invalid.domain", new Object[] {message}, null);
                } else {
                  errors.reject("wb.invalid.domain", new Object[] {message}, null);
                }
              });
      response.setStatus(400);
      return page(form, actor, problems.of(e), model, !scans.isEmpty());
    } catch (Forbidden e) {
      response.setStatus(403);
      return page(form, actor, problems.of(e), model, !scans.isEmpty());
    }
  }

  /** The confirmation: number, query code and the first duty with its due date. */
  public record Confirmation(
      String id,
      String number,
      String queryCode,
      String channel,
      String receivedOn,
      String receivedBy,
      String subject,
      String duty,
      String due,
      String owedBy,
      String basis,
      boolean provisional) {}

  @GetMapping("/register/done/{id}")
  String done(@PathVariable String id, Model model) {
    PetitionView p = petitions.get(id);
    Duty first = p.duties().isEmpty() ? null : p.duties().get(0);
    model.addAttribute("nav", "register");
    model.addAttribute(
        "done",
        new Confirmation(
            p.id(),
            p.number(),
            p.queryCode(),
            labels.of("channel", p.channel()),
            Labels.date(p.receivedOn()),
            organisations.name(p.receivedBy()),
            p.subject(),
            first == null ? "" : labels.of("duty", first.duty()),
            first == null ? "" : Labels.date(first.due()),
            first == null ? "" : organisations.name(first.owedBy()),
            first == null ? "" : labels.article(first.basis()),
            first != null && first.provisional()));
    model.addAttribute("channel", p.channel().name());
    // 同人: earlier petitions of the same citizen, to link this one to as a repeat (issue 5)
    model.addAttribute("candidates", petitions.repeatCandidates(id));
    return "workbench/registered";
  }

  private String page(RegistrationForm form, Actor actor, Problem problem, Model model) {
    return page(form, actor, problem, model, false);
  }

  /**
   * @param filesChosen scans were chosen: a browser cannot put them back into the form, so the page
   *     asks for them again
   */
  private String page(
      RegistrationForm form, Actor actor, Problem problem, Model model, boolean filesChosen) {
    model.addAttribute("filesChosen", filesChosen);
    if (form.getPetitioners().isEmpty()) {
      form.getPetitioners().add(new PetitionerRow());
    }
    if (form.getAccused().isEmpty()) {
      form.getAccused().add(new AccusedRow());
    }
    model.addAttribute("form", form);
    model.addAttribute("nav", "register");
    model.addAttribute("problem", problem);
    model.addAttribute("picksOrganisation", WorkbenchAdvice.picksOrganisation(actor));
    model.addAttribute("receivedByName", organisations.name(actor.organisationId()));
    model.addAttribute("channelOptions", Params.options(Channel.class, "channel", labels, null));
    model.addAttribute("categoryOptions", Params.options(Category.class, "category", labels, null));
    model.addAttribute("regionOptions", organisations.regions(false));
    model.addAttribute("organisationOptions", organisations.organisations());
    model.addAttribute("sexOptions", List.of(option("M", "wb.sex.M"), option("F", "wb.sex.F")));
    model.addAttribute(
        "idTypeOptions",
        List.of(
            option("ID_CARD", "wb.idType.ID_CARD"),
            option("PASSPORT", "wb.idType.PASSPORT"),
            option("OTHER", "wb.idType.OTHER")));
    model.addAttribute("selfUrl", "/register?channel=" + form.getChannel());
    model.addAttribute("guideUrl", GUIDE);
    return "workbench/register";
  }

  private Option option(String value, String key) {
    return new Option(value, labels.msg(key));
  }

  private static boolean isFormProperty(String field) {
    return List.of("accused", "petitioners", "visit", "letter", "phone").contains(field);
  }

  // ------------------------------------------------------------------ form → registration

  /**
   * The registration the form describes, or null with the errors recorded (unparseable dates and
   * numbers, then the limits of {@link Registration}'s own constraints).
   */
  Registration toRegistration(RegistrationForm f, Actor actor, BindingResult errors) {
    Channel channel = Params.enumOf(Channel.class, f.getChannel());
    if (channel == null) {
      errors.rejectValue("channel", "wb.error.required");
    }
    LocalDate receivedOn = date(f.getReceivedOn(), "receivedOn", errors);
    if (Params.blank(f.getReceivedOn())) {
      errors.rejectValue("receivedOn", "wb.error.required");
    }
    String receivedBy =
        WorkbenchAdvice.picksOrganisation(actor)
            ? Params.trimmed(f.getReceivedBy())
            : actor.organisationId();
    if (receivedBy == null) {
      errors.rejectValue("receivedBy", "wb.error.required");
    }

    // blank rows are dropped before anything is checked, so that error paths match the rows shown
    List<PetitionerRow> rows =
        new ArrayList<>(
            f.getPetitioners().stream().filter(r -> r != null && !r.isBlank()).toList());
    if (rows.isEmpty()) {
      rows.add(new PetitionerRow()); // an anonymous matter is registered too
    }
    f.setPetitioners(rows);
    List<PetitionerData> people = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      PetitionerRow r = rows.get(i);
      people.add(
          new PetitionerData(
              Params.trimmed(r.getName()),
              Params.trimmed(r.getSex()),
              Params.trimmed(r.getEthnicity()),
              date(r.getBirthDate(), "petitioners[" + i + "].birthDate", errors),
              Params.trimmed(r.getIdType()),
              Params.trimmed(r.getIdNumber()),
              Params.trimmed(r.getPhone()),
              Params.trimmed(r.getAddress()),
              Params.trimmed(r.getOccupation()),
              r.isLead() ? Boolean.TRUE : null));
    }
    List<AccusedRow> accusedRows =
        new ArrayList<>(f.getAccused().stream().filter(r -> r != null && !r.isBlank()).toList());
    f.setAccused(accusedRows);
    List<AccusedData> accused =
        accusedRows.stream()
            .map(
                r ->
                    new AccusedData(
                        Params.trimmed(r.getName()),
                        Params.trimmed(r.getOrganisationId()),
                        Params.trimmed(r.getPost()),
                        Params.trimmed(r.getRank())))
            .toList();

    Integer representatives =
        channel == Channel.VISIT ? number(f.getRepresentatives(), "representatives", errors) : null;
    Integer persons = number(f.getPersons(), "persons", errors);
    Category category = null;
    if (!Params.blank(f.getCategory())) {
      category = Params.enumOf(Category.class, f.getCategory());
      if (category == null) {
        errors.rejectValue("category", "wb.error.choice");
      }
    }
    VisitRecord visit = null;
    if (channel == Channel.VISIT) {
      RegistrationForm.VisitFields v = f.getVisit();
      LocalTime time = time(v.getReceptionTime(), "visit.receptionTime", errors);
      visit =
          new VisitRecord(
              time,
              Params.trimmed(v.getReceptionWindow()),
              Params.trimmed(v.getReceivingOfficer()),
              Params.trimmed(v.getMaterials()),
              Params.trimmed(v.getConversation()),
              Params.trimmed(v.getToldOnTheSpot()));
      if (time == null && allNull(visit)) {
        visit = null;
      }
    }
    LetterRecord letter = null;
    if (channel == Channel.LETTER) {
      LocalDate postmark = date(f.getLetter().getPostmarkDate(), "letter.postmarkDate", errors);
      Integer pages = number(f.getLetter().getPages(), "letter.pages", errors);
      letter = postmark == null && pages == null ? null : new LetterRecord(postmark, pages);
    }
    PhoneRecord phone = null;
    if (channel == Channel.PHONE) {
      RegistrationForm.PhoneFields ph = f.getPhone();
      LocalTime callTime = time(ph.getCallTime(), "phone.callTime", errors);
      String caller = Params.trimmed(ph.getCallerNumber());
      String summary = Params.trimmed(ph.getSummary());
      phone =
          callTime == null && caller == null && summary == null
              ? null
              : new PhoneRecord(caller, callTime, summary);
    }
    if (errors.hasErrors()) {
      return null;
    }
    Registration r =
        new Registration(
            channel,
            receivedOn,
            receivedBy,
            people,
            representatives,
            persons,
            null,
            Params.trimmed(f.getRegionCode()),
            Params.trimmed(f.getSubject()),
            Params.trimmed(f.getFacts()),
            Params.trimmed(f.getRequest()),
            Params.trimmed(f.getReasons()),
            category,
            accused.isEmpty() ? null : accused,
            Params.trimmed(f.getTopic()),
            Params.trimmed(f.getExternalNumber()),
            Params.trimmed(f.getAddressee()),
            Params.trimmed(f.getRepeatOf()),
            flag(f.isLitigationRelated()),
            flag(f.isMajor()),
            flag(f.isThreatMade()),
            flag(f.isForeignRelated()),
            flag(f.isPublicOnline()),
            Params.trimmed(f.getEvidence()),
            visit,
            letter,
            phone);
    for (ConstraintViolation<Registration> v : validator.validate(r)) {
      String path = v.getPropertyPath().toString();
      String code =
          "wb.error."
              + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      Object[] args = constraintArgs(v.getConstraintDescriptor().getAttributes());
      if (errors.getFieldType(path) != null || isFormProperty(path)) {
        errors.rejectValue(path, code, args, v.getMessage());
      } else {
        errors.reject(code, args, v.getMessage());
      }
    }
    return errors.hasErrors() ? null : r;
  }

  static Object[] constraintArgs(Map<String, Object> attributes) {
    if (attributes.containsKey("max") && attributes.get("max") instanceof Integer max) {
      return new Object[] {max};
    }
    if (attributes.containsKey("value")) {
      return new Object[] {attributes.get("value")};
    }
    return new Object[0];
  }

  private static boolean allNull(VisitRecord v) {
    return v.receptionTime() == null
        && v.receptionWindow() == null
        && v.receivingOfficer() == null
        && v.materials() == null
        && v.conversation() == null
        && v.toldOnTheSpot() == null;
  }

  private static Boolean flag(boolean on) {
    return on ? Boolean.TRUE : null;
  }

  private static LocalDate date(String value, String field, BindingResult errors) {
    try {
      return Params.date(value);
    } catch (DateTimeParseException e) {
      errors.rejectValue(field, "wb.error.date");
      return null;
    }
  }

  private static LocalTime time(String value, String field, BindingResult errors) {
    if (Params.blank(value)) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.rejectValue(field, "wb.error.time");
      return null;
    }
  }

  private static Integer number(String value, String field, BindingResult errors) {
    if (Params.blank(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      errors.rejectValue(field, "wb.error.number");
      return null;
    }
  }
}
