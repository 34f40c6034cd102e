package org.xinfang.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.Attachments;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.portal.PortalSettings;
import org.xinfang.portal.RateLimiter;
import org.xinfang.portal.RateLimiter.Action;
import org.xinfang.portal.Submissions;
import org.xinfang.portal.Submissions.Duplicate;
import org.xinfang.portal.Submissions.Result;
import org.xinfang.portal.Submissions.Stored;
import org.xinfang.portal.Submissions.SubmittedMeanwhile;
import org.xinfang.portal.Submissions.Upload;
import org.xinfang.shared.PersonalData;

/**
 * The online petition form (条例 Arts. 17, 19): validated on the server with messages in the
 * citizen's language, nothing typed lost on an error; on success the number and the query code,
 * printable. Rate-limited per client address; a double submission is recognised, not stored twice.
 */
@Controller
class SubmitPage {

  static final String RECEIPTS = "portal.receipts";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{7,20}");
  private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9()\\-]{5,40}");

  private final Submissions submissions;
  private final Attachments attachments;
  private final Organisations organisations;
  private final RateLimiter limiter;
  private final PortalSettings settings;
  private final Clock clock;

  SubmitPage(
      Submissions submissions,
      Attachments attachments,
      Organisations organisations,
      RateLimiter limiter,
      PortalSettings settings,
      Clock clock) {
    this.submissions = submissions;
    this.attachments = attachments;
    this.organisations = organisations;
    this.limiter = limiter;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping("/portal/submit")
  String form(@RequestParam(required = false) String category, Model model) {
    SubmissionForm form = new SubmissionForm();
    form.setBureau(settings.defaultBureau());
    if (category != null
        && Arrays.stream(Category.values()).anyMatch(c -> c.name().equals(category))) {
      form.setCategory(category);
    }
    return show(form, model);
  }

  @PostMapping("/portal/submit")
  String submit(
      @ModelAttribute("form") SubmissionForm form,
      BindingResult errors,
      @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
      HttpServletRequest request,
      Model model) {
    String client = request.getRemoteAddr();
    if (limiter.exceeded(client, Action.SUBMIT)) {
      throw new TooManyRequests(limiter.retryAfter(client, Action.SUBMIT));
    }
    List<MultipartFile> uploads =
        files == null ? List.of() : files.stream().filter(f -> !f.isEmpty() || named(f)).toList();
    Optional<Organisation> bureau = validate(form, uploads, errors);
    if (errors.hasErrors()) {
      return show(form, model);
    }
    Registration registration = registration(form, bureau.orElseThrow(), uploads);
    List<Upload> files0 =
        uploads.stream()
            .map(f -> new Upload(f.getOriginalFilename(), f.getContentType(), f))
            .toList();
    Result result;
    try {
      result = submissions.submit(registration, files0);
    } catch (SubmittedMeanwhile raced) {
      result = submissions.recent(Submissions.fingerprints(registration)).orElseThrow(() -> raced);
    }
    limiter.record(client, Action.SUBMIT);
    HttpSession session = request.getSession();
    Map<String, Receipt> receipts = receipts(session);
    if (result instanceof Stored stored) {
      PetitionView p = stored.petition();
      Receipt receipt =
          new Receipt(
              p.id(),
              p.number(),
              p.queryCode(),
              OffsetDateTime.ofInstant(clock.instant(), CHINA),
              bureau.get().displayName(),
              stored.attachments().stream().map(Attachment::filename).toList(),
              !blank(form.getPhone()));
      receipts.put(p.id(), receipt);
      while (receipts.size() > 20) {
        receipts.remove(receipts.keySet().iterator().next());
      }
      session.setAttribute(RECEIPTS, receipts);
      session.setAttribute("portal.lastReceipt", p.id());
      return "redirect:/portal/submit/receipt";
    }
    Duplicate duplicate = (Duplicate) result;
    if (receipts.containsKey(duplicate.petitionId())) {
      // this browser session submitted it: it may see its receipt (and query code) again
      session.setAttribute("portal.lastReceipt", duplicate.petitionId());
      return "redirect:/portal/submit/receipt?again";
    }
    // someone else, or another browser: the number, never the query code
    model.addAttribute("duplicate", duplicate);
    return "portal/duplicate";
  }

  @GetMapping("/portal/submit/receipt")
  String receipt(HttpSession session, Model model) {
    Object last = session.getAttribute("portal.lastReceipt");
    Receipt receipt = last == null ? null : receipts(session).get(last.toString());
    if (receipt == null) {
      return "redirect:/portal/submit";
    }
    model.addAttribute("receipt", receipt);
    return "portal/receipt";
  }

  // ------------------------------------------------------------------ the form

  private String show(SubmissionForm form, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("bureaus", bureaus());
    model.addAttribute("categories", Category.values());
    model.addAttribute("maxFiles", settings.maxFiles());
    model.addAttribute("maxMiB", attachments.maxBytes() / (1024 * 1024));
    return "portal/submit";
  }

  private List<Organisation> bureaus() {
    return organisations.all().stream().filter(o -> o.type() == OrgType.PETITION_BUREAU).toList();
  }

  /** Server-side validation; the errors are message keys resolved in the citizen's language. */
  private Optional<Organisation> validate(
      SubmissionForm f, List<MultipartFile> files, BindingResult errors) {
    required(f.getName(), "name", 100, errors);
    required(f.getAddress(), "address", 500, errors);
    if (required(f.getPhone(), "phone", 20, errors)) {
      String phone = f.getPhone().strip();
      if (!PHONE.matcher(phone).matches() || phone.replaceAll("\\D", "").length() < 7) {
        errors.rejectValue("phone", "portal.error.phone");
      }
    }
    if (!blank(f.getIdNumber()) && !validIdNumber(f.getIdNumber().strip())) {
      errors.rejectValue("idNumber", "portal.error.idNumber");
    }
    Optional<Organisation> bureau =
        blank(f.getBureau())
            ? Optional.empty()
            : organisations.find(f.getBureau()).filter(o -> o.type() == OrgType.PETITION_BUREAU);
    if (bureau.isEmpty()) {
      errors.rejectValue("bureau", "portal.error.bureau");
    }
    if (!blank(f.getCategory())
        && Arrays.stream(Category.values()).noneMatch(c -> c.name().equals(f.getCategory()))) {
      errors.rejectValue("category", "portal.error.invalid");
    }
    optional(f.getSubject(), "subject", 200, errors);
    required(f.getRequest(), "request", 100_000, errors);
    required(f.getFacts(), "facts", 100_000, errors);
    required(f.getReasons(), "reasons", 100_000, errors);
    if (!Boolean.TRUE.equals(f.getConsent())) {
      errors.rejectValue("consent", "portal.error.consent");
    }
    if (files.size() > settings.maxFiles()) {
      errors.rejectValue(
          "files", "portal.error.files.tooMany", new Object[] {settings.maxFiles()}, null);
    } else {
      for (MultipartFile file : files) {
        try (InputStream in = file.getInputStream()) {
          attachments
              .inspect(file.getSize(), in)
              .ifPresent(
                  problem ->
                      errors.rejectValue(
                          "files",
                          "portal.error.file." + problem.name(),
                          new Object[] {
                            file.getOriginalFilename(), attachments.maxBytes() / (1024 * 1024)
                          },
                          null));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return bureau;
  }

  private static boolean required(String value, String field, int max, BindingResult errors) {
    if (blank(value)) {
      errors.rejectValue(field, "portal.error.required");
      return false;
    }
    return optional(value, field, max, errors);
  }

  private static boolean optional(String value, String field, int max, BindingResult errors) {
    if (value != null && value.strip().codePointCount(0, value.strip().length()) > max) {
      errors.rejectValue(field, "portal.error.tooLong", new Object[] {max}, null);
      return false;
    }
    return true;
  }

  /** An 18-digit resident ID card number with its check digit (GB 11643), or another document. */
  private boolean validIdNumber(String id) {
    if (id.length() == 18) {
      return PersonalData.validResidentId(id, LocalDate.now(clock.withZone(CHINA)));
    }
    return OTHER_ID.matcher(id).matches();
  }

  private Registration registration(
      SubmissionForm f, Organisation bureau, List<MultipartFile> files) {
    PetitionerData petitioner =
        new PetitionerData(
            f.getName().strip(),
            null,
            null,
            null,
            blank(f.getIdNumber())
                ? null
                : f.getIdNumber().strip().length() == 18 ? "ID_CARD" : "OTHER",
            blank(f.getIdNumber()) ? null : f.getIdNumber().strip(),
            f.getPhone().strip(),
            f.getAddress().strip(),
            null,
            true);
    String evidence =
        files.isEmpty()
            ? null
            : "附件 / attachments: "
                + String.join("、", files.stream().map(MultipartFile::getOriginalFilename).toList());
    if (evidence != null && evidence.length() > 10_000) {
      evidence = evidence.substring(0, 10_000);
    }
    return new Registration(
        Channel.ONLINE,
        LocalDate.now(clock.withZone(CHINA)),
        bureau.id(),
        List.of(petitioner),
        0,
        1,
        false,
        null,
        blank(f.getSubject()) ? null : f.getSubject().strip(),
        f.getFacts().strip(),
        f.getRequest().strip(),
        f.getReasons().strip(),
        blank(f.getCategory()) ? null : Category.valueOf(f.getCategory()),
        null,
        null,
        null,
        bureau.name(),
        null,
        null,
        null,
        null,
        null,
        null,
        evidence,
        null,
        null,
        null);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Receipt> receipts(HttpSession session) {
    Object o = session.getAttribute(RECEIPTS);
    return o instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Receipt>) m)
        : new LinkedHashMap<>();
  }

  private static boolean named(MultipartFile f) {
    return f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
