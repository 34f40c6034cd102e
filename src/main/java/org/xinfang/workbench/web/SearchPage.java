package org.xinfang.workbench.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionService.PetitionSummary;
import org.xinfang.petition.PetitionState;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.petition.SearchQuery;

/** Search (查询) by number, query code, name, phone, text, received dates and state. */
@Controller
class SearchPage {

  private static final List<String> CRITERIA =
      List.of("number", "queryCode", "name", "phone", "text", "from", "to", "state");

  private final PetitionService petitions;
  private final OrganisationChoices organisations;
  private final Labels labels;

  SearchPage(PetitionService petitions, OrganisationChoices organisations, Labels labels) {
    this.petitions = petitions;
    this.organisations = organisations;
    this.labels = labels;
  }

  /** One petition found; the petitioners' names masked. */
  public record SearchRow(
      String id,
      String number,
      String subject,
      String petitioners,
      String receivedOn,
      String channel,
      String state,
      String holder) {}

  @GetMapping("/search")
  String search(
      @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String c : CRITERIA) {
      String v = params.get(c);
      values.put(c, v == null ? "" : v);
    }
    model.addAttribute("nav", "search");
    model.addAttribute("values", values);
    model.addAttribute("stateOptions", Params.options(PetitionState.class, "state", labels, null));
    model.addAttribute("rows", List.of());
    boolean asked = values.values().stream().anyMatch(v -> !v.isBlank());
    model.addAttribute("asked", asked);
    if (!asked) {
      return "workbench/search";
    }
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate from = date(values.get("from"), "from", errors);
    LocalDate to = date(values.get("to"), "to", errors);
    PetitionState state = Params.enumOf(PetitionState.class, values.get("state"));
    if (from != null && to != null && to.isBefore(from)) {
      errors.put("to", labels.msg("wb.error.toBeforeFrom"));
    }
    model.addAttribute("errors", errors);
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return "workbench/search";
    }
    int page = Pager.page(params.get("page"));
    int size = Pager.size(params.get("size"));
    Page<PetitionSummary> found =
        petitions.search(
            new SearchQuery(
                Params.trimmed(values.get("number")),
                Params.trimmed(values.get("queryCode")),
                Params.trimmed(values.get("name")),
                Params.trimmed(values.get("phone")),
                Params.trimmed(values.get("idNumber")),
                Params.trimmed(values.get("text")),
                from,
                to,
                state,
                null,
                page - 1,
                size));
    Map<String, String> names = organisations.names();
    model.addAttribute(
        "rows",
        found.items().stream()
            .map(
                s ->
                    new SearchRow(
                        s.id(),
                        s.number(),
                        s.subject(),
                        maskedNames(s.id()),
                        Labels.date(s.receivedOn()),
                        labels.of("channel", s.channel()),
                        labels.of("state", s.state()),
                        s.handlingOrganisation() == null
                            ? ""
                            : names.getOrDefault(
                                s.handlingOrganisation(), s.handlingOrganisation())))
            .toList());
    model.addAttribute("pager", Pager.of("/search", values, page, size, found.total()));
    return "workbench/search";
  }

  /**
   * The petitioners' names, masked. The search summary carries no names, so each petition found is
   * read once (a page holds at most 100).
   */
  private String maskedNames(String id) {
    PetitionView p = petitions.get(id);
    List<String> masked =
        (p.petitioners() == null ? List.<PetitionerData>of() : p.petitioners())
            .stream().map(PetitionerData::name).filter(Objects::nonNull).toList();
    return masked.isEmpty() ? labels.msg("wb.flag.anonymous") : String.join("、", masked);
  }

  private LocalDate date(String value, String field, Map<String, String> errors) {
    try {
      return Params.date(value);
    } catch (DateTimeParseException e) {
      errors.put(field, labels.msg("wb.error.date"));
      return null;
    }
  }
}
