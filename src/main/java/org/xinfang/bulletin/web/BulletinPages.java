package org.xinfang.bulletin.web;

import java.time.LocalDate;
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
import org.xinfang.bulletin.Bulletin;
import org.xinfang.bulletin.BulletinDocument;
import org.xinfang.bulletin.Bulletins;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;

/** The bulletin pages: the list with the generate form, one bulletin (review, publish), its PDF. */
@Controller
class BulletinPages {

  private final Bulletins bulletins;
  private final BulletinDocument document;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  BulletinPages(
      Bulletins bulletins,
      BulletinDocument document,
      Organisations organisations,
      CurrentActor currentActor,
      MessageSource messages) {
    this.bulletins = bulletins;
    this.document = document;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  /** A refused act as the page shows it. */
  public record PageProblem(String title, String message, String rule, String article)
      implements java.io.Serializable {}

  @GetMapping("/bulletins")
  String list(Model model) {
    model.addAttribute("nav", "bulletins");
    model.addAttribute("bulletins", bulletins.list());
    String org = currentActor.get().organisationId();
    model.addAttribute("own", org);
    model.addAttribute("generates", org != null && bulletins.mayEdit(org));
    return "bulletin/list";
  }

  @PostMapping("/bulletins")
  String generate(
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      RedirectAttributes redirect) {
    try {
      Bulletin b = bulletins.generate(currentActor.get().organisationId(), from, to);
      redirect.addFlashAttribute("flash", msg("bulletin.flash.generated"));
      return "redirect:/bulletins/" + b.id();
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute("problem", problem(e));
      return "redirect:/bulletins";
    }
  }

  @GetMapping("/bulletins/{id}")
  String bulletin(@PathVariable String id, Model model) {
    model.addAttribute("nav", "bulletins");
    Bulletin b = bulletins.get(id);
    model.addAttribute("b", b);
    model.addAttribute(
        "edits", b.status().name().equals("DRAFT") && bulletins.mayEdit(b.organisationId()));
    return "bulletin/bulletin";
  }

  @PostMapping("/bulletins/{id}/remarks")
  String remark(
      @PathVariable String id,
      @RequestParam(required = false) String remarks,
      RedirectAttributes redirect) {
    try {
      bulletins.remark(id, remarks);
      redirect.addFlashAttribute("flash", msg("bulletin.flash.remarked"));
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute("problem", problem(e));
    }
    return "redirect:/bulletins/" + id;
  }

  @PostMapping("/bulletins/{id}/publish")
  String publish(@PathVariable String id, RedirectAttributes redirect) {
    try {
      Bulletin b = bulletins.publish(id);
      redirect.addFlashAttribute("flash", msg("bulletin.flash.published") + " " + b.number());
    } catch (InvalidInput | LawViolation e) {
      redirect.addFlashAttribute("problem", problem(e));
    }
    return "redirect:/bulletins/" + id;
  }

  @GetMapping("/bulletins/{id}/bulletin.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    BulletinDocument.Document d = document.pdf(id);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(d.pdf());
  }

  private PageProblem problem(RuntimeException e) {
    return new PageProblem(msg("bulletin.problem.refused"), e.getMessage(), null, null);
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
