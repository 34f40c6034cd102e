package org.xinfang.guide;

import static org.xinfang.guide.Route.Unit.DAYS;
import static org.xinfang.guide.Route.Unit.MONTHS;
import static org.xinfang.guide.Route.Unit.WORKING_DAYS;
import static org.xinfang.guide.Route.Unit.YEARS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.xinfang.guide.Route.Organ;
import org.xinfang.guide.Route.TimeLimit;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Category;
import org.xinfang.petition.Pathway;
import org.xinfang.shared.InvalidInput;

/**
 * The route map: the pathways of LAW.md §4 (条例 Arts. 29–31) as plain questions and the routes they
 * lead to. Used by the citizen portal and by clerks at the registration desk; every rule about
 * "where does this matter belong" lives here.
 *
 * <p>The questions follow the order of 条例 Art. 31: a matter before the courts, procuratorate or
 * police (item 1, and the separation of litigation from petitions, Art. 28 para. 2) comes first,
 * then arbitration (item 2), a Party member's appeal (item 3), administrative procedures (item 4),
 * a request that an organ perform its duty (item 5); what is none of these is handled as a petition
 * (item 6). Suggestions (Art. 29) and accusations (Art. 30) are asked about first.
 */
@Service
public class RouteMap {

  // ------------------------------------------------------------------ the questions

  static final String KIND = "kind";
  static final String COURT = "court";
  static final String DISPUTE = "dispute";
  static final String PARTY = "party";
  static final String ADMIN = "admin";
  static final String DUTY = "duty";
  static final String TOPIC = "topic";

  private static final List<Question> QUESTIONS =
      List.of(
          // what kind of matter: 申诉求决 (Art. 31), 检举控告 (Art. 30), 建议意见 (Art. 29)
          new Question(KIND, List.of("REQUEST", "ACCUSE", "SUGGEST"), Map.of()),
          // Art. 31 item 1: before a court, procuratorate or police, or decided by a court
          new Question(
              COURT,
              List.of("NO", "PENDING", "DECIDED", "CRIME"),
              Map.of(KIND, List.of("REQUEST"))),
          // Art. 31 item 2: arbitration
          new Question(
              DISPUTE,
              List.of("NONE", "LABOUR", "LAND_CONTRACT", "CONTRACT_ARBITRATION"),
              Map.of(COURT, List.of("NO"))),
          // Art. 31 item 3: a Party member's appeal, a request for re-examination
          new Question(PARTY, List.of("NO", "YES"), Map.of(DISPUTE, List.of("NONE"))),
          // Art. 31 item 4: administrative reconsideration, ruling, confirmation, licensing,
          // penalty
          new Question(ADMIN, List.of("NO", "DECISION", "RULING"), Map.of(PARTY, List.of("NO"))),
          // Art. 31 item 5: an organ is asked to act against a violation or protect one's rights
          new Question(DUTY, List.of("NO", "YES"), Map.of(ADMIN, List.of("NO"))),
          new Question(
              TOPIC,
              List.of("OTHER", "WAGES", "HOUSING", "LAND", "SAFETY"),
              Map.of(DUTY, List.of("YES"))));

  // ------------------------------------------------------------------ where organs are found

  /** Finds an organ of a type (and functional line) beside the home petition bureau. */
  @FunctionalInterface
  interface OrganFinder {
    Optional<Organisation> find(OrgType type, String line);
  }

  private final OrganFinder finder;

  @Autowired
  public RouteMap(
      Organisations organisations,
      @Value("${xinfang.guide.home-bureau:dl-xfj}") String homeBureau) {
    this(
        (type, line) ->
            organisations
                .find(homeBureau)
                .flatMap(
                    bureau -> {
                      if (type == OrgType.PETITION_BUREAU) {
                        return Optional.of(bureau);
                      }
                      if (type == OrgType.GOVERNMENT) {
                        return organisations.find(bureau.parentId());
                      }
                      return organisations.children(bureau.parentId()).stream()
                          .filter(o -> o.type() == type)
                          .filter(o -> line == null || line.equals(o.line()))
                          .findFirst();
                    }));
  }

  RouteMap(OrganFinder finder) {
    this.finder = finder;
  }

  /** Every question, in the order they are asked. */
  public List<Question> questions() {
    return QUESTIONS;
  }

  /** The question with this key. */
  public Optional<Question> question(String key) {
    return QUESTIONS.stream().filter(q -> q.key().equals(key)).findFirst();
  }

  /**
   * The next question to ask, given the answers so far; empty when the route is decided. Answers to
   * questions that are not asked (their condition does not hold) are ignored.
   *
   * @throws InvalidInput when an answer is not one of its question's options
   */
  public Optional<Question> next(Map<String, String> answers) {
    Map<String, String> asked = asked(answers);
    for (Question q : QUESTIONS) {
      if (applies(q, asked) && !asked.containsKey(q.key())) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /**
   * The questions asked and answered so far, in order, with their answers (the path the citizen
   * took), without the ones that no longer apply.
   */
  public Map<String, String> path(Map<String, String> answers) {
    Map<String, String> asked = asked(answers);
    Map<String, String> path = new LinkedHashMap<>();
    for (Question q : QUESTIONS) {
      if (applies(q, asked) && asked.containsKey(q.key())) {
        path.put(q.key(), asked.get(q.key()));
      }
    }
    return path;
  }

  /**
   * The route for these answers. A question left unanswered counts as "none of these" (its first
   * option): what is none of the other pathways is handled as a petition (条例 Art. 31 item 6).
   *
   * @throws InvalidInput when an answer is not one of its question's options
   */
  public Route route(Map<String, String> answers) {
    Map<String, String> a = new LinkedHashMap<>(asked(answers));
    for (Question q : QUESTIONS) {
      if (applies(q, a)) {
        a.putIfAbsent(q.key(), q.defaultOption());
      }
    }
    return switch (a.get(KIND)) {
      case "SUGGEST" -> suggestion();
      case "ACCUSE" -> accusation();
      default ->
          switch (a.get(COURT)) {
            case "PENDING" -> litigationPending();
            case "DECIDED" -> litigationDecided();
            case "CRIME" -> crimeReport();
            default ->
                switch (a.get(DISPUTE)) {
                  case "LABOUR" -> labourArbitration();
                  case "LAND_CONTRACT" -> landContractArbitration();
                  case "CONTRACT_ARBITRATION" -> contractArbitration();
                  default -> {
                    if ("YES".equals(a.get(PARTY))) {
                      yield partyAppeal();
                    }
                    yield switch (a.get(ADMIN)) {
                      case "DECISION" -> administrativeReconsideration();
                      case "RULING" -> administrativeRuling();
                      default ->
                          "YES".equals(a.get(DUTY))
                              ? dutyPerformance(a.get(TOPIC))
                              : petitionHandling();
                    };
                  }
                };
          };
    };
  }

  // ------------------------------------------------------------------ the routes

  /** 建议意见类 (条例 Art. 29): studied, adopted where sound, answered. */
  private Route suggestion() {
    return new Route(
        "suggestion",
        Category.SUGGESTION,
        null,
        organ("PETITION_BUREAU", OrgType.PETITION_BUREAU, null),
        List.of("suggestion", "contact"),
        List.of(
            new TimeLimit("route", 15, DAYS, "条例 Art. 22"),
            new TimeLimit("notify", 15, DAYS, "条例 Art. 23")),
        List.of("条例 Art. 17", "条例 Art. 29"),
        true,
        null);
  }

  /**
   * 检举控告类 (条例 Art. 30): the discipline inspection and supervision organ; never disclosed to the
   * person or unit accused (Art. 30 para. 3). Petition bureaus pass accusations on to it (Art. 22
   * para. 2), so the petition form is a way in too.
   */
  private Route accusation() {
    return new Route(
        "accusation",
        Category.ACCUSATION,
        null,
        organ("DISCIPLINE_INSPECTION", OrgType.DISCIPLINE_INSPECTION, null),
        List.of("accused", "misconduct", "evidence", "identity"),
        List.of(
            new TimeLimit("accusation-dispose", 5, WORKING_DAYS, "纪检监察机关处理检举控告工作规则"),
            new TimeLimit("accusation-feedback", 15, WORKING_DAYS, "纪检监察机关处理检举控告工作规则")),
        List.of("条例 Art. 30", "条例 Art. 30 para. 3", "条例 Art. 22 para. 2"),
        true,
        "12388");
  }

  /** 条例 Art. 31 item 1: a case before a court, procuratorate or police follows its procedure. */
  private Route litigationPending() {
    return new Route(
        "litigation-pending",
        Category.GRIEVANCE,
        Pathway.LITIGATION,
        organ("CASE_ORGAN", null, null),
        List.of("case-number", "case-documents", "identity"),
        List.of(),
        List.of("条例 Art. 31 item 1", "条例 Art. 20 para. 2", "条例 Art. 28 para. 2"),
        false,
        "12348");
  }

  /**
   * 条例 Art. 31 item 1: a court's decision is challenged by appeal, retrial or the procuratorate's
   * supervision, not by petition (Art. 28 para. 2). Appeal within 15 days of a judgment (10 of a
   * ruling); retrial within 6 months of the decision taking effect (民事诉讼法).
   */
  private Route litigationDecided() {
    return new Route(
        "litigation-decided",
        Category.GRIEVANCE,
        Pathway.LITIGATION,
        organ("COURT", null, null),
        List.of("judgment", "service-date", "evidence", "identity"),
        List.of(
            new TimeLimit("appeal-judgment", 15, DAYS, "民事诉讼法; 行政诉讼法 Art. 85"),
            new TimeLimit("appeal-ruling", 10, DAYS, "民事诉讼法; 行政诉讼法 Art. 85"),
            new TimeLimit("retrial", 6, MONTHS, "民事诉讼法 (再审)")),
        List.of("条例 Art. 31 item 1", "条例 Art. 28 para. 2", "民事诉讼法", "行政诉讼法"),
        false,
        "12348");
  }

  /** 条例 Art. 31 item 1: a crime is reported to the police (刑事诉讼法 Art. 110). */
  private Route crimeReport() {
    return new Route(
        "crime-report",
        Category.GRIEVANCE,
        Pathway.LITIGATION,
        organ("POLICE", OrgType.DEPARTMENT, "公安"),
        List.of("crime-facts", "evidence", "identity"),
        List.of(),
        List.of("条例 Art. 31 item 1", "刑事诉讼法 Art. 110"),
        false,
        "110");
  }

  /**
   * 条例 Art. 31 item 2: labour and personnel disputes go to the labour and personnel dispute
   * arbitration commission (劳动争议调解仲裁法 Arts. 5, 21, 52): one year from knowing of the harm (Art.
   * 27), a written application with a copy for each respondent (Art. 28), an award within 45 days
   * (Art. 43), then court within 15 days of the award (Art. 50).
   */
  private Route labourArbitration() {
    return new Route(
        "labour-arbitration",
        Category.GRIEVANCE,
        Pathway.ARBITRATION,
        organ("LABOUR_ARBITRATION", OrgType.DEPARTMENT, "人社"),
        List.of("arbitration-application", "employment-proof", "evidence", "identity"),
        List.of(
            new TimeLimit("labour-arbitration", 1, YEARS, "劳动争议调解仲裁法 Art. 27"),
            new TimeLimit("labour-award", 45, DAYS, "劳动争议调解仲裁法 Art. 43"),
            new TimeLimit("labour-court", 15, DAYS, "劳动争议调解仲裁法 Art. 50")),
        List.of(
            "条例 Art. 31 item 2",
            "劳动争议调解仲裁法 Art. 5",
            "劳动争议调解仲裁法 Art. 21",
            "劳动争议调解仲裁法 Art. 27",
            "劳动争议调解仲裁法 Art. 28"),
        false,
        "12333");
  }

  /**
   * 条例 Art. 31 item 2: rural land contract disputes go to the rural land contract arbitration
   * commission where the land lies (农村土地承包经营纠纷调解仲裁法 Arts. 4, 21): two years from knowing of the
   * harm (Art. 18); court within 30 days of the award (Art. 48).
   */
  private Route landContractArbitration() {
    return new Route(
        "land-contract-arbitration",
        Category.GRIEVANCE,
        Pathway.ARBITRATION,
        organ("LAND_ARBITRATION", null, null),
        List.of("arbitration-application", "land-contract", "evidence", "identity"),
        List.of(
            new TimeLimit("land-arbitration", 2, YEARS, "农村土地承包经营纠纷调解仲裁法 Art. 18"),
            new TimeLimit("land-court", 30, DAYS, "农村土地承包经营纠纷调解仲裁法 Art. 48")),
        List.of(
            "条例 Art. 31 item 2",
            "农村土地承包经营纠纷调解仲裁法 Art. 4",
            "农村土地承包经营纠纷调解仲裁法 Art. 18",
            "农村土地承包经营纠纷调解仲裁法 Art. 21"),
        false,
        null);
  }

  /**
   * 条例 Art. 31 item 2: a contract with an arbitration agreement goes to the arbitration commission
   * it names (仲裁法); where no other law sets a period, the general three-year limitation applies
   * (民法典 Art. 188).
   */
  private Route contractArbitration() {
    return new Route(
        "contract-arbitration",
        Category.GRIEVANCE,
        Pathway.ARBITRATION,
        organ("ARBITRATION_COMMISSION", null, null),
        List.of("arbitration-agreement", "arbitration-application", "evidence", "identity"),
        List.of(new TimeLimit("civil-limitation", 3, YEARS, "民法典 Art. 188")),
        List.of("条例 Art. 31 item 2", "仲裁法", "民法典 Art. 188"),
        false,
        null);
  }

  /**
   * 条例 Art. 31 item 3: a Party member's appeal (党员申诉) or a request for re-examination (申请复审) goes
   * to the Party organisation or discipline inspection organ; a public official asks the
   * supervision organ that decided for 复审 within one month of receiving the decision (监察法).
   */
  private Route partyAppeal() {
    return new Route(
        "party-appeal",
        Category.GRIEVANCE,
        Pathway.PARTY_APPEAL,
        organ("PARTY_DISCIPLINE", OrgType.DISCIPLINE_INSPECTION, null),
        List.of("disciplinary-decision", "appeal-reasons", "evidence", "identity"),
        List.of(new TimeLimit("re-examination", 1, MONTHS, "监察法 (复审)")),
        List.of("条例 Art. 31 item 3", "中国共产党党员权利保障条例", "监察法"),
        false,
        null);
  }

  /**
   * 条例 Art. 31 item 4: an administrative decision is challenged by administrative reconsideration
   * within 60 days of knowing of it (行政复议法 Art. 20; before the government at the level of the
   * department, Art. 24; in the cases of Art. 23 reconsideration comes first), or by suing directly
   * within 6 months (行政诉讼法 Arts. 44, 46), or within 15 days of the reconsideration decision (Art.
   * 45).
   */
  private Route administrativeReconsideration() {
    return new Route(
        "administrative-reconsideration",
        Category.GRIEVANCE,
        Pathway.ADMIN_RECONSIDERATION,
        organ("RECONSIDERATION_ORGAN", OrgType.GOVERNMENT, null),
        List.of("administrative-decision", "knowledge-date", "evidence", "identity"),
        List.of(
            new TimeLimit("reconsideration", 60, DAYS, "行政复议法 Art. 20"),
            new TimeLimit("administrative-suit", 6, MONTHS, "行政诉讼法 Art. 46"),
            new TimeLimit("suit-after-reconsideration", 15, DAYS, "行政诉讼法 Art. 45")),
        List.of(
            "条例 Art. 31 item 4",
            "行政复议法 Art. 20",
            "行政复议法 Art. 23",
            "行政复议法 Art. 24",
            "行政诉讼法 Art. 44",
            "行政诉讼法 Art. 46"),
        false,
        "12348");
  }

  /**
   * 条例 Art. 31 item 4: a dispute the government rules on (行政裁决), e.g. who owns or may use land
   * (土地管理法 Art. 14): the people's government decides; court within 30 days of its decision.
   */
  private Route administrativeRuling() {
    return new Route(
        "administrative-ruling",
        Category.GRIEVANCE,
        Pathway.ADMIN_PROCEDURE,
        organ("PEOPLES_GOVERNMENT", OrgType.GOVERNMENT, null),
        List.of("title-proof", "evidence", "identity"),
        List.of(new TimeLimit("ruling-suit", 30, DAYS, "土地管理法 Art. 14")),
        List.of("条例 Art. 31 item 4", "土地管理法 Art. 14"),
        false,
        "12348");
  }

  /**
   * 条例 Art. 31 item 5: a request that an organ act against a violation or protect one's person or
   * property: the competent organ performs its duty or answers. It may be submitted as a petition
   * (routed within 15 days, Art. 22; receipt told within 15 days, Art. 23) or to the organ itself.
   */
  private Route dutyPerformance(String topic) {
    Organ organ =
        switch (topic) {
          case "WAGES" -> organ("LABOUR_INSPECTION", OrgType.DEPARTMENT, "人社");
          case "HOUSING" -> organ("HOUSING_DEPARTMENT", OrgType.DEPARTMENT, "住建");
          case "LAND" -> organ("NATURAL_RESOURCES_DEPARTMENT", OrgType.DEPARTMENT, "自然资源");
          case "SAFETY" -> organ("POLICE", OrgType.DEPARTMENT, "公安");
          default -> organ("COMPETENT_ORGAN", OrgType.PETITION_BUREAU, null);
        };
    List<String> basis = new ArrayList<>(List.of("条例 Art. 31 item 5"));
    switch (topic) {
      case "WAGES" -> basis.add("劳动保障监察条例 Art. 9");
      case "SAFETY" -> basis.add("人民警察法 Art. 21");
      default -> {}
    }
    return new Route(
        "duty-performance",
        Category.GRIEVANCE,
        Pathway.DUTY_PERFORMANCE,
        organ,
        List.of("violation", "evidence", "contact"),
        List.of(
            new TimeLimit("route", 15, DAYS, "条例 Art. 22"),
            new TimeLimit("notify", 15, DAYS, "条例 Art. 23")),
        basis,
        true,
        "SAFETY".equals(topic) ? "110" : "12345");
  }

  /**
   * 条例 Art. 31 item 6: none of the above — the petition is heard, investigated and answered with a
   * handling opinion (Art. 32) within 60 days of acceptance, extendable once by at most 30 (Art.
   * 34); review may be asked within 30 days of receiving it (Art. 35), re-review within 30 days of
   * receiving the review opinion (Art. 36).
   */
  private Route petitionHandling() {
    return new Route(
        "petition-handling",
        Category.GRIEVANCE,
        Pathway.PETITION_HANDLING,
        organ("PETITION_BUREAU", OrgType.PETITION_BUREAU, null),
        List.of("petition-contents", "evidence", "contact"),
        List.of(
            new TimeLimit("route", 15, DAYS, "条例 Art. 22"),
            new TimeLimit("notify", 15, DAYS, "条例 Art. 23"),
            new TimeLimit("conclude", 60, DAYS, "条例 Art. 34"),
            new TimeLimit("review", 30, DAYS, "条例 Art. 35"),
            new TimeLimit("re-review", 30, DAYS, "条例 Art. 36")),
        List.of(
            "条例 Art. 19",
            "条例 Art. 31 item 6",
            "条例 Art. 32",
            "条例 Art. 34",
            "条例 Art. 35",
            "条例 Art. 36"),
        true,
        null);
  }

  // ------------------------------------------------------------------ helpers

  private Organ organ(String kind, OrgType type, String line) {
    if (type == null) {
      return new Organ(kind, null, null);
    }
    Optional<Organisation> found = finder.find(type, line);
    return new Organ(
        kind, found.map(Organisation::id).orElse(null), found.map(Organisation::name).orElse(null));
  }

  /** The answers given, checked against the options; blank answers count as not given. */
  private static Map<String, String> asked(Map<String, String> answers) {
    Map<String, String> asked = new LinkedHashMap<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    for (Question q : QUESTIONS) {
      String answer = answers == null ? null : answers.get(q.key());
      if (answer == null || answer.isBlank()) {
        continue;
      }
      if (!q.options().contains(answer.strip())) {
        invalid.put(q.key(), "must be one of " + q.options());
      } else {
        asked.put(q.key(), answer.strip());
      }
    }
    if (!invalid.isEmpty()) {
      throw new InvalidInput(invalid);
    }
    return asked;
  }

  /** A question is asked when every question it depends on was asked and answered as listed. */
  private static boolean applies(Question q, Map<String, String> answers) {
    Set<String> applicable = new LinkedHashSet<>();
    for (Question each : QUESTIONS) {
      boolean holds =
          each.when().entrySet().stream()
              .allMatch(
                  c ->
                      applicable.contains(c.getKey())
                          && answers.get(c.getKey()) != null
                          && c.getValue().contains(answers.get(c.getKey())));
      if (holds) {
        applicable.add(each.key());
      }
      if (each == q) {
        return holds;
      }
    }
    return false;
  }
}
