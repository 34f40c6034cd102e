package org.xinfang.ledger.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.ledger.ImportReport;
import org.xinfang.ledger.LedgerEvent;
import org.xinfang.ledger.LedgerRules;
import org.xinfang.ledger.LedgerView;
import org.xinfang.ledger.Ledgers;
import org.xinfang.ledger.NewLedger;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/**
 * The ledger pages (台账): the list, a ledger with its target against the live rate and its cases,
 * the form that opens one from rules, and the Excel export and import with a preview.
 */
@Controller
class LedgerPages {

  private static final String IMPORT = "ledger-import:";

  private final Ledgers ledgers;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  LedgerPages(Ledgers ledgers, CurrentActor currentActor, MessageSource messages) {
    this.ledgers = ledgers;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  /** A refusal shown above a form (the layout's problem box). */
  public record Problem(String title, String message, String rule, String article)
      implements java.io.Serializable {}

  @GetMapping("/ledgers")
  String list(Model model) {
    model.addAttribute("nav", "ledgers");
    model.addAttribute("ledgers", ledgers.list());
    return "ledger/list";
  }

  @GetMapping("/ledgers/new")
  String form(Model model) {
    model.addAttribute("nav", "ledgers");
    model.addAttribute("values", Map.of());
    return newForm(model);
  }

  private String newForm(Model model) {
    model.addAttribute("nav", "ledgers");
    model.addAttribute("categories", Category.values());
    model.addAttribute("channels", Channel.values());
    return "ledger/new";
  }

  @PostMapping("/ledgers")
  String create(@RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
    try {
      LedgerRules rules =
          new LedgerRules(
              "true".equals(p.get("repeat")),
              "true".equals(p.get("backlog")),
              integer(p, "backlogMonths"),
              blankToNull(p.get("regionPrefix")),
              enumOf(Category.class, p.get("category"), "category"),
              enumOf(Channel.class, p.get("channel"), "channel"),
              date(p, "receivedFrom"),
              date(p, "receivedTo"),
              "true".equals(p.get("ownerJurisdiction")));
      if (rules.regionPrefix() != null && !rules.regionPrefix().matches("\\d{1,12}")) {
        throw new InvalidInput("regionPrefix", msg("ledger.error.region"));
      }
      String name = blankToNull(p.get("name"));
      if (name == null || name.length() > 200) {
        throw new InvalidInput("name", msg("ledger.error.name"));
      }
      LocalDate from = date(p, "periodFrom");
      LocalDate to = date(p, "periodTo");
      if (from == null || to == null) {
        throw new InvalidInput("periodFrom", msg("ledger.error.period"));
      }
      Integer rate = integer(p, "targetRate");
      if (rate != null && (rate < 0 || rate > 100)) {
        throw new InvalidInput("targetRate", "0–100");
      }
      LedgerView v =
          ledgers.create(
              new NewLedger(
                  name,
                  blankToNull(p.get("ownerOrganisation")),
                  from,
                  to,
                  rate,
                  integer(p, "targetResolved"),
                  blankToNull(p.get("description")),
                  rules,
                  true));
      redirect.addFlashAttribute("flash", msg("ledger.flash.created", v.cases()));
      return "redirect:/ledgers/" + v.ledger().id();
    } catch (InvalidInput | LawViolation | Forbidden e) {
      model.addAttribute("problem", problem(e));
      model.addAttribute("values", p);
      return newForm(model);
    }
  }

  @GetMapping("/ledgers/{id}")
  String ledger(
      @PathVariable String id, @RequestParam(required = false) String filter, Model model) {
    Ledgers.Filter f;
    try {
      f = LedgerController.filter(filter);
    } catch (InvalidInput e) {
      f = Ledgers.Filter.ALL;
    }
    LedgerView v = ledgers.view(id);
    model.addAttribute("nav", "ledgers");
    model.addAttribute("v", v);
    model.addAttribute("filter", f.name());
    model.addAttribute("filters", Ledgers.Filter.values());
    model.addAttribute("cases", ledgers.cases(id, f));
    List<LedgerEvent> history = new ArrayList<>(ledgers.history(id));
    Collections.reverse(history);
    model.addAttribute("history", history);
    model.addAttribute("writable", ledgers.writable(id));
    model.addAttribute("names", new Names(ledgers));
    return "ledger/ledger";
  }

  /** Organisation names for the templates. */
  public record Names(Ledgers ledgers) {
    public String of(String orgId) {
      return ledgers.organisationName(orgId);
    }
  }

  @PostMapping("/ledgers/{id}/apply")
  String apply(@PathVariable String id, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> {
          Ledgers.Applied a = ledgers.applyRules(id);
          return msg("ledger.flash.applied", a.matched(), a.added());
        });
  }

  @PostMapping("/ledgers/{id}/cases")
  String add(
      @PathVariable String id,
      @RequestParam(required = false) String petition,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> {
          ledgers.addCase(id, petition, note);
          return msg("ledger.flash.added");
        });
  }

  @PostMapping("/ledgers/{id}/cases/{pid}/remove")
  String remove(
      @PathVariable String id,
      @PathVariable String pid,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> {
          ledgers.removeCase(id, pid, reason);
          return msg("ledger.flash.removed");
        });
  }

  @PostMapping("/ledgers/{id}/cases/{pid}/note")
  String note(
      @PathVariable String id,
      @PathVariable String pid,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> {
          ledgers.note(id, pid, note == null ? "" : note);
          return msg("ledger.flash.noted");
        });
  }

  @GetMapping("/ledgers/{id}/export.xlsx")
  ResponseEntity<byte[]> export(@PathVariable String id) {
    LedgerView v = ledgers.view(id);
    return LedgerController.workbook(v.ledger().name(), ledgers.export(id));
  }

  /** The upload: a preview of what the workbook changes; the file waits in the session. */
  @PostMapping("/ledgers/{id}/import")
  String preview(
      @PathVariable String id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String confirmRemovals,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    boolean confirm = "true".equals(confirmRemovals);
    try {
      byte[] bytes = LedgerController.bytes(file);
      ImportReport report = ledgers.importWorkbook(id, bytes, false, confirm);
      session.setAttribute(IMPORT + id, bytes);
      model.addAttribute("nav", "ledgers");
      model.addAttribute("v", ledgers.view(id));
      model.addAttribute("report", report);
      model.addAttribute("confirm", confirm);
      return "ledger/import";
    } catch (InvalidInput | LawViolation | Forbidden e) {
      redirect.addFlashAttribute("problem", problem(e));
      return "redirect:/ledgers/" + id;
    }
  }

  @PostMapping("/ledgers/{id}/import/apply")
  String applyImport(
      @PathVariable String id,
      @RequestParam(required = false) String confirmRemovals,
      HttpSession session,
      RedirectAttributes redirect) {
    Object bytes = session.getAttribute(IMPORT + id);
    if (!(bytes instanceof byte[] b)) {
      redirect.addFlashAttribute(
          "problem", new Problem(msg("ledger.error.title"), msg("ledger.import.expired"), "", ""));
      return "redirect:/ledgers/" + id;
    }
    return act(
        id,
        redirect,
        () -> {
          ImportReport r = ledgers.importWorkbook(id, b, true, "true".equals(confirmRemovals));
          session.removeAttribute(IMPORT + id);
          return msg("ledger.flash.imported", r.added(), r.noted(), r.removed(), r.refused());
        });
  }

  private interface Act {
    String run();
  }

  private String act(String id, RedirectAttributes redirect, Act act) {
    try {
      redirect.addFlashAttribute("flash", act.run());
    } catch (InvalidInput | LawViolation | Forbidden e) {
      redirect.addFlashAttribute("problem", problem(e));
    } catch (NotFound e) {
      ledgers.view(id); // an unknown or unreadable ledger answers as such
      redirect.addFlashAttribute(
          "problem", new Problem(msg("ledger.error.title"), msg("ledger.error.notFound"), "", ""));
    }
    return "redirect:/ledgers/" + id;
  }

  private Problem problem(RuntimeException e) {
    String rule = e instanceof LawViolation l ? l.rule() : e instanceof Forbidden f ? f.rule() : "";
    String message = e.getMessage();
    if (e instanceof InvalidInput i && i.fields() != null && !i.fields().isEmpty()) {
      StringBuilder b = new StringBuilder();
      i.fields().forEach((k, v) -> b.append(label(k)).append(": ").append(v).append(" "));
      message = b.toString().strip();
    }
    return new Problem(msg("ledger.error.title"), message, rule, "");
  }

  private String label(String field) {
    return messages.getMessage(
        "ledger.field." + field, null, field, LocaleContextHolder.getLocale());
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static LocalDate date(Map<String, String> p, String field) {
    String s = blankToNull(p.get(field));
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "yyyy-MM-dd");
    }
  }

  private static Integer integer(Map<String, String> p, String field) {
    String s = blankToNull(p.get(field));
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      throw new InvalidInput(field, "a whole number");
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String s, String field) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, "unknown value");
    }
  }
}
