package org.xinfang.figures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.figures.Figures;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;

/** The figures of LAW.md §9 over HTTP (API.md Figures), their breakdowns and their petitions. */
@RestController
@RequestMapping("/api/figures")
@Tag(name = "Figures", description = "LAW.md §9 figures for an organisation's subtree and period")
class FiguresController {

  private final Figures figures;

  FiguresController(Figures figures) {
    this.figures = figures;
  }

  @GetMapping
  @Operation(
      summary = "The figures of LAW.md §9 for an organisation's subtree and a period",
      description =
          "Each figure as {value, numerator, denominator, formula}; volumes as counts (denominator"
              + " null); value null when the denominator is 0; yearOnYear for the volumes.")
  Map<String, Object> figures(
      @Parameter(description = "organisation id") @RequestParam(required = false)
          String organisation,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String from,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String to) {
    return figures.figures(period(organisation, from, to));
  }

  @GetMapping("/breakdown")
  @Operation(summary = "Volume by channel, category, region or topic, and the other views")
  Map<String, Object> breakdown(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Figures.Period p = period(organisation, from, to);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String by : List.of("channel", "category", "region", "topic")) {
      out.put(by, figures.breakdown(p, by));
    }
    out.put("zeroPetitionAreas", figures.zeroPetitionAreas(p));
    out.put("ledgers", figures.ledgers(p));
    Map<String, Object> levels = new LinkedHashMap<>();
    figures
        .resolvedAtLevel(p)
        .forEach(
            (OrgLevel l, long[] c) ->
                levels.put(l.name(), Map.of("concluded", c[0], "resolved", c[1])));
    out.put("resolvedAtLevel", levels);
    out.put("trend", figures.trend(p));
    out.put("topOverdue", figures.topOverdue(p, 10));
    out.put("volumeByOrganisation", figures.volumeByOrganisation(p));
    return out;
  }

  @GetMapping("/{key}/petitions")
  @Operation(
      summary = "The petitions behind a figure",
      description =
          "part=denominator (default) or numerator; paged; masked; those outside the reader's"
              + " scope are left out of the page")
  Page<PetitionSelector.Standing> petitions(
      @PathVariable String key,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "denominator") String part,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (!Figures.KEYS.contains(key)) {
      throw new NotFound("No figure " + key);
    }
    if (!part.equals("numerator") && !part.equals("denominator")) {
      throw new InvalidInput("part", "numerator or denominator");
    }
    return figures.drill(key, period(organisation, from, to), part.equals("numerator"), page, size);
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "not a date (YYYY-MM-DD): " + value);
    }
  }

  Figures.Period period(String organisation, String from, String to) {
    if (organisation == null || organisation.isBlank()) {
      throw new InvalidInput("organisation", "required");
    }
    return figures.period(organisation, date("from", from), date("to", to));
  }
}
