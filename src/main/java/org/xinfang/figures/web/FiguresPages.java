package org.xinfang.figures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xinfang.figures.AnnualReport;
import org.xinfang.figures.Figure;
import org.xinfang.figures.Figures;
import org.xinfang.figures.ReportExports;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.shared.NotFound;

/**
 * The figures dashboard (/figures): the figures with their formulas and drill-down links, charts
 * (Apache ECharts from the webjar, fed by /figures/data as JSON), the assessment and annual-report
 * downloads; organisation and period pickers limited to the reader's jurisdiction.
 */
@Controller
class FiguresPages {

  private final Figures figures;
  private final AnnualReport annual;
  private final ReportExports exports;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final MessageSource messages;
  private final Clock clock;

  FiguresPages(
      Figures figures,
      AnnualReport annual,
      ReportExports exports,
      Organisations organisations,
      CurrentActor currentActor,
      MessageSource messages,
      Clock clock) {
    this.figures = figures;
    this.annual = annual;
    this.exports = exports;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.messages = messages;
    this.clock = clock;
  }

  /** One figure row of the page. */
  public record Row(String key, Figure figure, String shown, boolean rate) {}

  @GetMapping("/figures")
  String dashboard(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    Figures.Period p = period(organisation, from, to);
    Map<String, Object> all = figures.figures(p);
    List<Row> rows = new ArrayList<>();
    for (String key : Figures.KEYS) {
      Figure f = (Figure) all.get(key);
      rows.add(new Row(key, f, ReportExports.shownValue(key, f), f.denominator() != null));
    }
    model.addAttribute("nav", "figures");
    model.addAttribute("period", p);
    model.addAttribute("rows", rows);
    model.addAttribute("yearOnYear", all.get("yearOnYear"));
    model.addAttribute("organisations", readable());
    model.addAttribute("query", query(p));
    model.addAttribute("reportYear", Math.min(p.to().getYear(), LocalDate.now(clock).getYear()));
    return "figures/dashboard";
  }

  /** The charts' data: the breakdowns, trend, top overdue and the region tree, as JSON. */
  @GetMapping(value = "/figures/data", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> data(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Figures.Period p = period(organisation, from, to);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("channel", named(figures.breakdown(p, "channel"), "channel."));
    out.put("category", named(figures.breakdown(p, "category"), "category."));
    out.put("trend", figures.trend(p));
    out.put("topOverdue", figures.topOverdue(p, 10));
    out.put("regions", figures.regionTree(p));
    Map<String, Object> levels = new LinkedHashMap<>();
    figures
        .resolvedAtLevel(p)
        .forEach(
            (OrgLevel l, long[] c) ->
                levels.put(l.name(), Map.of("concluded", c[0], "resolved", c[1])));
    out.put("resolvedAtLevel", levels);
    return out;
  }

  @GetMapping("/figures/{key}/petitions")
  String drill(
      @PathVariable String key,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "denominator") String part,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    if (!Figures.KEYS.contains(key)) {
      throw new NotFound("No figure " + key);
    }
    Figures.Period p = period(organisation, from, to);
    boolean numerator = part.equals("numerator");
    Page<PetitionSelector.Standing> items = figures.drill(key, p, numerator, page, 20);
    model.addAttribute("nav", "figures");
    model.addAttribute("key", key);
    model.addAttribute("part", numerator ? "numerator" : "denominator");
    model.addAttribute("period", p);
    model.addAttribute("items", items);
    model.addAttribute("formula", figures.formula(key));
    model.addAttribute("query", query(p));
    model.addAttribute("pageNo", page);
    model.addAttribute("pages", Math.max(1, (items.total() + 19) / 20));
    return "figures/drill";
  }

  @GetMapping("/figures/assessment.xlsx")
  ResponseEntity<byte[]> assessmentXlsx(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String type) {
    return ReportsController.download(
        exports.assessmentXlsx(period(organisation, from, to), type), ReportsController.XLSX);
  }

  @GetMapping("/figures/assessment.pdf")
  ResponseEntity<byte[]> assessmentPdf(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String type) {
    return ReportsController.download(
        exports.assessmentPdf(period(organisation, from, to), type), MediaType.APPLICATION_PDF);
  }

  @GetMapping("/figures/annual-report.xlsx")
  ResponseEntity<byte[]> annualXlsx(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String year) {
    return ReportsController.download(
        exports.annualXlsx(annual.period(organisation, ReportsController.year(year))),
        ReportsController.XLSX);
  }

  @GetMapping("/figures/annual-report.pdf")
  ResponseEntity<byte[]> annualPdf(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String year) {
    return ReportsController.download(
        exports.annualPdf(annual.period(organisation, ReportsController.year(year))),
        MediaType.APPLICATION_PDF);
  }

  // ------------------------------------------------------------------ helpers

  /** Defaults: the reader's organisation, this calendar year up to today. */
  private Figures.Period period(String organisation, String from, String to) {
    Actor actor = currentActor.get();
    String org = organisation;
    if (org == null || org.isBlank()) {
      org =
          actor.organisationId() != null
              ? actor.organisationId()
              : organisations.root().map(Organisation::id).orElse(null);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate f =
        from == null || from.isBlank()
            ? LocalDate.of(today.getYear(), 1, 1)
            : FiguresController.date("from", from);
    LocalDate t = to == null || to.isBlank() ? today : FiguresController.date("to", to);
    return figures.period(org, f, t);
  }

  /** The organisations whose figures the reader may read, in tree order. */
  private List<Organisation> readable() {
    return organisations.all().stream().filter(o -> figures.readable(o.id())).toList();
  }

  /** A breakdown cell with the name the reader's language gives its code. */
  public record NamedCell(
      String label, String name, Long count, Long persons, boolean suppressed) {}

  private List<NamedCell> named(List<Figures.Cell> cells, String prefix) {
    return cells.stream()
        .map(
            c ->
                new NamedCell(
                    c.label(),
                    c.label().equals("-") ? msg("fig.uncategorised") : msg(prefix + c.label()),
                    c.count(),
                    c.persons(),
                    c.suppressed()))
        .toList();
  }

  private static String query(Figures.Period p) {
    return "organisation=" + p.organisation().id() + "&from=" + p.from() + "&to=" + p.to();
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
