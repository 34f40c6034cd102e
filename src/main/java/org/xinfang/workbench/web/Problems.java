package org.xinfang.workbench.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;

/** Turns the domain's refusals into {@link Problem}s and field messages in the user's language. */
@Component
class Problems {

  private static final Pattern RULE = Pattern.compile("^([^(]+?)\\s*\\((.*)\\)\\s*$");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** The domain's field messages (their beginnings) the workbench says in the user's language. */
  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("must not be in the future", "wb.invalid.future");
    KNOWN.put("must not be before the petition's previous act", "wb.invalid.beforePrevious");
    KNOWN.put("must not be before 1990", "wb.invalid.before1990");
    KNOWN.put("must be at least the number of representatives", "wb.invalid.personsBelow");
    KNOWN.put("a subject, the facts or the request", "wb.invalid.subjectOrFacts");
    KNOWN.put("no such organisation", "wb.invalid.noOrganisation");
    KNOWN.put("no such petition", "wb.invalid.noPetition");
    KNOWN.put("must be after the day of the assignment", "wb.invalid.reportDueAfter");
    KNOWN.put("periods are 1–3660 days", "wb.invalid.period");
    KNOWN.put("a grievance goes to exactly one pathway", "wb.invalid.pathwayRequired");
    KNOWN.put("pathways apply to grievances only", "wb.invalid.pathwayGrievanceOnly");
    KNOWN.put("the simplified procedure applies", "wb.invalid.simplified");
    KNOWN.put("only pathways 1–4", "wb.invalid.diversionPathway");
    KNOWN.put("a period is set only with outcome REDO", "wb.invalid.redoDays");
    KNOWN.put("required when the outcome is VARY", "wb.invalid.variedRequired");
    KNOWN.put("given only when the outcome is VARY", "wb.invalid.variedOnlyVary");
    KNOWN.put("required", "wb.error.required");
  }

  private final Labels labels;

  Problems(Labels labels) {
    this.labels = labels;
  }

  Problem of(LawViolation e) {
    String name = e.rule();
    String article = "";
    Matcher m = RULE.matcher(e.rule() == null ? "" : e.rule());
    if (m.matches()) {
      name = m.group(1);
      article = m.group(2);
    }
    String message;
    if (name != null && name.endsWith("-state")) {
      String act = name.substring(0, name.length() - "-state".length());
      message = labels.msg("wb.rule.state", labels.act(act));
    } else {
      message = labels.msgOr("wb.rule." + name, e.getMessage());
    }
    return new Problem(
        labels.msg("wb.problem.law"), message, name, labels.article(article), e.getMessage());
  }

  Problem of(Forbidden e) {
    String name = e.rule() == null ? "" : e.rule();
    Matcher m = RULE.matcher(name);
    if (m.matches()) {
      name = m.group(1);
    }
    return new Problem(
        labels.msg("wb.problem.forbidden"),
        labels.msgOr("wb.forbidden." + name, e.getMessage()),
        name,
        "",
        e.getMessage());
  }

  Problem of(InvalidInput e) {
    return new Problem(
        labels.msg("wb.problem.invalid"), labels.msg("wb.problem.invalid.detail"), "", "", "");
  }

  Problem concurrent() {
    return new Problem(
        labels.msg("wb.problem.concurrent"),
        labels.msg("wb.problem.concurrent.detail"),
        "one-act-at-a-time",
        "",
        "");
  }

  Problem invalidForm() {
    return new Problem(
        labels.msg("wb.problem.invalid"), labels.msg("wb.problem.invalid.detail"), "", "", "");
  }

  /** The domain's field messages of an {@link InvalidInput}, in the user's language. */
  Map<String, String> fields(InvalidInput e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.fields().forEach((field, message) -> fields.put(field, field(field, message)));
    return fields;
  }

  /** One field message of the domain, translated where the workbench knows it. */
  String field(String field, String message) {
    String m = message == null ? "" : message;
    Matcher date = DATE.matcher(m);
    String day = date.find() ? date.group() : "";
    for (Map.Entry<String, String> known : KNOWN.entrySet()) {
      if (m.startsWith(known.getKey())) {
        return labels.msg(known.getValue(), day);
      }
    }
    return labels.msg("wb.invalid.other", m);
  }
}
