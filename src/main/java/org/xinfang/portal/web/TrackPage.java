package org.xinfang.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
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
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Duty;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.RatingTarget;
import org.xinfang.petition.Satisfaction;
import org.xinfang.portal.RateLimiter;
import org.xinfang.portal.RateLimiter.Action;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/**
 * Following a petition (条例 Arts. 18, 21): with the number and query code (and, where the petition
 * has a phone, its last four digits) a browser session may see where the matter stands, the notices
 * addressed to the petitioner, and rate or request review or re-review inside the window (条例 Arts.
 * 35, 36). Wrong details get one generic answer and count against the client address.
 */
@Controller
class TrackPage {

  static final String TRACKED = "portal.tracked";

  /** The acts a petitioner sees in the timeline; internal routing steps are left out. */
  private static final Set<String> SHOWN_ACTS =
      Set.of(
          "register",
          "forward",
          "assign",
          "accept",
          "decline",
          "divert",
          "extend",
          "reply",
          "deliver",
          "request-review",
          "review",
          "request-re-review",
          "start-hearing",
          "end-hearing",
          "re-review",
          "rate",
          "settle",
          "issue-notice");

  private final PetitionService petitions;
  private final Organisations organisations;
  private final RateLimiter limiter;
  private final PetitionerNotices notices;
  private final MessageSource messages;

  TrackPage(
      PetitionService petitions,
      Organisations organisations,
      RateLimiter limiter,
      PetitionerNotices notices,
      MessageSource messages) {
    this.petitions = petitions;
    this.organisations = organisations;
    this.limiter = limiter;
    this.notices = notices;
    this.messages = messages;
  }

  @GetMapping("/portal/track")
  String form(@RequestParam(required = false) String number, Model model) {
    model.addAttribute("number", number == null ? "" : number);
    return "portal/track";
  }

  @PostMapping("/portal/track")
  String lookUp(
      @RequestParam(defaultValue = "") String number,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String phone,
      HttpServletRequest request,
      Model model) {
    String client = request.getRemoteAddr();
    if (limiter.exceeded(client, Action.TRACK_FAILURE)) {
      throw new TooManyRequests(limiter.retryAfter(client, Action.TRACK_FAILURE));
    }
    String n = number.strip();
    String c = code.strip().toUpperCase(Locale.ROOT);
    Optional<PetitionView> found = Optional.empty();
    if (!n.isEmpty() && !c.isEmpty() && n.length() <= 64 && c.length() <= 16) {
      found = petitions.findForPetitioner(n, c);
      if (found.isEmpty() && !normaliseNumber(n).equals(n)) {
        found = petitions.findForPetitioner(normaliseNumber(n), c);
      }
      found = found.filter(p -> phoneMatches(p, phone));
    }
    if (found.isEmpty()) {
      limiter.record(client, Action.TRACK_FAILURE);
      model.addAttribute("number", number);
      model.addAttribute("notFound", true);
      return "portal/track";
    }
    PetitionView p = found.get();
    // a fresh session id for the proven session (no fixation of a session someone else planted)
    HttpSession session = request.getSession();
    request.changeSessionId();
    session.setAttribute(TRACKED, new Tracked(p.id(), p.number(), c));
    return "redirect:/portal/track/status";
  }

  @GetMapping("/portal/track/status")
  String status(HttpSession session, Model model) {
    Tracked t = (Tracked) session.getAttribute(TRACKED);
    if (t == null) {
      return "redirect:/portal/track";
    }
    Optional<PetitionView> p = petitions.findForPetitioner(t.number(), t.queryCode());
    if (p.isEmpty()) {
      session.removeAttribute(TRACKED);
      return "redirect:/portal/track";
    }
    show(p.get(), model);
    return "portal/status";
  }

  @PostMapping("/portal/track/rate")
  String rate(
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String satisfaction,
      @RequestParam(required = false) String reason,
      HttpSession session,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    Optional<Satisfaction> s = parse(Satisfaction.class, satisfaction);
    Optional<RatingTarget> to = parse(RatingTarget.class, target);
    if (s.isEmpty() || to.isEmpty()) {
      return refused(
          session, response, model, 400, message("portal.error.satisfaction", locale), null);
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    // counted as the form counts it: a line break is one character, though it arrives as two
    if (why != null && why.replace("\r\n", "\n").length() > 10_000) {
      // refused, not cut: nothing a petitioner wrote is silently shortened (the API answers 400)
      return refused(
          session, response, model, 400, message("portal.error.reasonTooLong", locale), null);
    }
    return act(
        session, response, model, locale, new Acts.Rate(null, s.get(), to.get(), why), "rated");
  }

  @PostMapping("/portal/track/review")
  String requestReview(
      @RequestParam(required = false) String to,
      HttpSession session,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    return act(
        session,
        response,
        model,
        locale,
        new Acts.RequestReview(null, to == null || to.isBlank() ? null : to),
        "reviewRequested");
  }

  @PostMapping("/portal/track/re-review")
  String requestReReview(
      @RequestParam(required = false) String to,
      HttpSession session,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    return act(
        session,
        response,
        model,
        locale,
        new Acts.RequestReReview(null, to == null || to.isBlank() ? null : to),
        "reReviewRequested");
  }

  @PostMapping("/portal/track/leave")
  String leave(HttpSession session) {
    session.removeAttribute(TRACKED);
    return "redirect:/portal/track";
  }

  @GetMapping("/portal/track/notices/{noticeId}")
  ResponseEntity<byte[]> notice(@PathVariable String noticeId, HttpSession session) {
    Tracked t = (Tracked) session.getAttribute(TRACKED);
    if (t == null) {
      throw new NotFound("No notice");
    }
    PetitionerNotices.Link link =
        notices.list(t.petitionId()).stream()
            .filter(l -> l.id().equals(noticeId))
            .findFirst()
            .orElseThrow(() -> new NotFound("No notice"));
    byte[] pdf = notices.pdf(t.petitionId(), noticeId).orElseThrow(() -> new NotFound("No notice"));
    String name = (link.documentNumber() == null ? link.kind() : link.documentNumber()) + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(pdf);
  }

  // ------------------------------------------------------------------ acts

  private String act(
      HttpSession session,
      HttpServletResponse response,
      Model model,
      Locale locale,
      Acts.Act act,
      String done) {
    Tracked t = (Tracked) session.getAttribute(TRACKED);
    if (t == null) {
      return "redirect:/portal/track";
    }
    try {
      petitions.actAsPetitioner(t.number(), t.queryCode(), act);
    } catch (LawViolation e) {
      return refused(session, response, model, 409, ruleMessage(e, locale), e.rule());
    } catch (InvalidInput e) {
      return refused(
          session, response, model, 400, message("portal.error.badRequest", locale), null);
    } catch (NotFound e) {
      session.removeAttribute(TRACKED);
      return "redirect:/portal/track";
    }
    return "redirect:/portal/track/status?done=" + done;
  }

  private String refused(
      HttpSession session,
      HttpServletResponse response,
      Model model,
      int status,
      String message,
      String rule) {
    Tracked t = (Tracked) session.getAttribute(TRACKED);
    if (t == null) {
      return "redirect:/portal/track";
    }
    Optional<PetitionView> p = petitions.findForPetitioner(t.number(), t.queryCode());
    if (p.isEmpty()) {
      return "redirect:/portal/track";
    }
    response.setStatus(status);
    model.addAttribute("refusal", message);
    model.addAttribute("refusalRule", rule);
    show(p.get(), model);
    return "portal/status";
  }

  /** The domain's refusal in the citizen's language where there is a text for its rule. */
  private String ruleMessage(LawViolation e, Locale locale) {
    String rule = e.rule() == null ? "" : e.rule();
    int paren = rule.indexOf(" (");
    String name = paren < 0 ? rule : rule.substring(0, paren);
    if (name.endsWith("-state")) {
      name = "state";
    }
    return messages.getMessage("portal.rule." + name, null, e.getMessage(), locale);
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  // ------------------------------------------------------------------ the page

  private void show(PetitionView p, Model model) {
    List<String> allowed = p.allowedActs();
    boolean canRate = allowed.contains("rate");
    boolean canReview = allowed.contains("request-review");
    boolean canReReview = allowed.contains("request-re-review");
    List<Duty> windows = p.duties().stream().filter(d -> d.duty().isPetitionersWindow()).toList();
    List<Duty> owed = p.duties().stream().filter(d -> !d.duty().isPetitionersWindow()).toList();
    Map<String, String> names = new LinkedHashMap<>();
    name(names, p.receivedBy());
    name(names, p.handlingOrganisation());
    owed.forEach(d -> name(names, d.owedBy()));
    List<Organisation> appealOrgans = List.of();
    if ((canReview || canReReview) && p.opinion() != null && p.opinion().issuedBy() != null) {
      try {
        appealOrgans = organisations.reviewOrgans(p.opinion().issuedBy());
      } catch (NotFound e) {
        appealOrgans = List.of();
      }
    }
    List<PetitionView.HistoryView> timeline = new ArrayList<>();
    for (PetitionView.HistoryView h : p.history()) {
      if (SHOWN_ACTS.contains(h.act())) {
        timeline.add(h);
      }
    }
    model.addAttribute("p", p);
    model.addAttribute("names", names);
    model.addAttribute("windows", windows);
    model.addAttribute("owed", owed);
    model.addAttribute("canRate", canRate);
    model.addAttribute("canReview", canReview);
    model.addAttribute("canReReview", canReReview);
    model.addAttribute("appealOrgans", appealOrgans);
    model.addAttribute("timeline", timeline);
    model.addAttribute("notices", notices.list(p.id()));
    Map<String, String> ratings = new LinkedHashMap<>();
    p.ratings().forEach((target, s) -> ratings.put(target.name(), s.name()));
    model.addAttribute("ratings", ratings);
    model.addAttribute("satisfactions", Satisfaction.values());
    model.addAttribute("targets", RatingTarget.values());
  }

  private void name(Map<String, String> names, String id) {
    if (id != null && !names.containsKey(id)) {
      names.put(id, organisations.find(id).map(Organisation::displayName).orElse(id));
    }
  }

  // ------------------------------------------------------------------ checks

  /** Where the petition has a phone, the last four digits of one of its phones must be given. */
  static boolean phoneMatches(PetitionView p, String given) {
    List<String> phones =
        p.petitioners().stream()
            .map(x -> x.phone() == null ? "" : x.phone().replaceAll("\\D", ""))
            .filter(s -> s.length() >= 4)
            .toList();
    if (phones.isEmpty()) {
      return true;
    }
    String digits = given == null ? "" : given.replaceAll("\\D", "");
    return digits.length() == 4 && phones.stream().anyMatch(ph -> ph.endsWith(digits));
  }

  /** Brackets as people type them: [2026], 【2026】, (2026) all mean 〔2026〕. */
  static String normaliseNumber(String number) {
    return number
        .strip()
        .replaceAll("\\s+", "")
        .replaceAll("[\\[【(（]", "〔")
        .replaceAll("[\\]】)）]", "〕");
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
