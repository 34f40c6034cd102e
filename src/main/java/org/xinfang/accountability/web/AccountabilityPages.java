package org.xinfang.accountability.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.accountability.Accountability;
import org.xinfang.accountability.NewReferral;
import org.xinfang.accountability.Referral;
import org.xinfang.accountability.ReferralDocument;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/**
 * The accountability pages: the trace of a petition (by number) or of an organ for a period, the
 * referral form under a trace, the referrals and one referral with its PDF.
 */
@Controller
class AccountabilityPages {

  private final Accountability accountability;
  private final ReferralDocument document;
  private final PetitionSelector selector;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  AccountabilityPages(
      Accountability accountability,
      ReferralDocument document,
      PetitionSelector selector,
      Organisations organisations,
      CurrentActor currentActor,
      MessageSource messages) {
    this.accountability = accountability;
    this.document = document;
    this.selector = selector;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  /** A refused act as the page shows it. */
  public record PageProblem(String title, String message, String rule, String article)
      implements java.io.Serializable {}

  @ModelAttribute("disciplineOrgans")
  List<Organisation> disciplineOrgans() {
    return organisations.all().stream()
        .filter(o -> o.type() == OrgType.DISCIPLINE_INSPECTION)
        .toList();
  }

  @GetMapping("/accountability")
  String home(Model model) {
    model.addAttribute("nav", "accountability");
    model.addAttribute("referrals", accountability.referrals());
    model.addAttribute(
        "organs",
        currentActor.get().organisationId() == null
            ? organisations.all()
            : organisations.all().stream()
                .filter(
                    o ->
                        organisations
                            .jurisdiction(currentActor.get().organisationId())
                            .contains(o.id()))
                .toList());
    return "accountability/home";
  }

  @GetMapping("/accountability/petitions")
  String byNumber(@RequestParam(required = false) String number, RedirectAttributes redirect) {
    String id =
        selector.idOfNumber(number).orElseThrow(() -> new NotFound("No petition " + number));
    return "redirect:/accountability/petitions/" + id;
  }

  @GetMapping("/accountability/petitions/{id}")
  String petition(@PathVariable String id, Model model) {
    model.addAttribute("nav", "accountability");
    model.addAttribute("trace", accountability.trace(id));
    return "accountability/petition";
  }

  @GetMapping("/accountability/organs")
  String organ(
      @RequestParam String organisationId,
      @RequestParam LocalDate from,
      @RequestParam LocalDate to,
      @RequestParam(defaultValue = "false") boolean subtree,
      Model model) {
    model.addAttribute("nav", "accountability");
    model.addAttribute("trace", accountability.organTrace(organisationId, from, to, subtree));
    return "accountability/organ";
  }

  @PostMapping("/accountability/referrals")
  String refer(
      @RequestParam(required = false) String petitionId,
      @RequestParam(required = false) String organisationId,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) Boolean subtree,
      @RequestParam(required = false) String addressedTo,
      @RequestParam(required = false) List<String> failures,
      @RequestParam(required = false) String remarks,
      RedirectAttributes redirect) {
    try {
      Referral r =
          accountability.refer(
              new NewReferral(
                  petitionId, organisationId, from, to, subtree, addressedTo, failures, remarks));
      redirect.addFlashAttribute("flash", msg("acc.flash.referred") + " " + r.number());
      return "redirect:/accountability/referrals/" + r.id();
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute(
          "problem", new PageProblem(msg("acc.problem.refused"), e.getMessage(), null, null));
      return petitionId != null && !petitionId.isBlank()
          ? "redirect:/accountability/petitions/" + petitionId
          : "redirect:/accountability";
    }
  }

  @GetMapping("/accountability/referrals/{id}")
  String referral(@PathVariable String id, Model model) {
    model.addAttribute("nav", "accountability");
    Referral r = accountability.referral(id);
    model.addAttribute("r", r);
    model.addAttribute(
        "acknowledges",
        r.addressedTo().equals(currentActor.get().organisationId())
            && r.history().stream().noneMatch(e -> "acknowledge".equals(e.act())));
    return "accountability/referral-view";
  }

  @PostMapping("/accountability/referrals/{id}/acknowledge")
  String acknowledge(
      @PathVariable String id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    try {
      accountability.acknowledge(id, note);
      redirect.addFlashAttribute("flash", msg("acc.flash.acknowledged"));
    } catch (LawViolation | InvalidInput e) {
      redirect.addFlashAttribute(
          "problem", new PageProblem(msg("acc.problem.refused"), e.getMessage(), null, null));
    }
    return "redirect:/accountability/referrals/" + id;
  }

  @GetMapping("/accountability/referrals/{id}/document.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    ReferralDocument.Document d = document.pdf(id);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(d.pdf());
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
