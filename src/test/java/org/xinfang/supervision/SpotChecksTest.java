package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Spot checks (网上抽查, 条例 Art. 38 para. 2): a seeded sample of the petitions concluded in June 2025,
 * stratified by handling organ, each checked against the checklist pre-filled from the record
 * (Arts. 19, 21, 22, 23, 32); pass rates per organ and for the figures.
 */
class SpotChecksTest extends IntegrationTest {

  private static final String PW = DemoData.PASSWORD;
  private static final String SUPERVISOR = DemoData.CITY_SUPERVISOR;
  private static final String CHECKS = "/api/supervision/spot-checks";
  private static final String FROM = "2025-06-01";
  private static final String TO = "2025-06-30";

  @Autowired SpotChecks spotChecks;

  @Test
  @DisplayName(
      "条例 Art. 38 para. 2: the same seed draws the same sample; PER_ORGAN takes n from each"
          + " organ, PROPORTIONAL spreads the total by the organs' shares")
  void seededAndStratified() throws Exception {
    population();
    JsonNode a = draw(42, "PER_ORGAN", 2);
    JsonNode b = draw(42, "PER_ORGAN", 2);
    assertThat(ids(b)).isEqualTo(ids(a));
    Map<String, Integer> perOrgan = perOrgan(a);
    assertThat(perOrgan.values()).allMatch(n -> n <= 2);
    assertThat(perOrgan.get(DemoData.CITY_HUMAN_RESOURCES)).isEqualTo(2);
    assertThat(perOrgan.get(DemoData.CITY_HOUSING)).isEqualTo(2);
    assertThat(a.get("seed").asLong()).isEqualTo(42);

    // the arithmetic of the strata, on a fixed population: 6 + 3 + 1 with 5 in total → 3, 2, 0
    List<SpotChecks.Candidate> pop = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pop.add(new SpotChecks.Candidate("a" + i, "A", LocalDate.parse(FROM)));
    }
    for (int i = 0; i < 3; i++) {
      pop.add(new SpotChecks.Candidate("b" + i, "B", LocalDate.parse(FROM)));
    }
    pop.add(new SpotChecks.Candidate("c0", "C", LocalDate.parse(FROM)));
    List<SpotChecks.Candidate> s = SpotChecks.sample(pop, 7, Stratification.PROPORTIONAL, 5);
    assertThat(s.stream().filter(c -> c.organisationId().equals("A")).count()).isEqualTo(3);
    assertThat(s.stream().filter(c -> c.organisationId().equals("B")).count()).isEqualTo(2);
    assertThat(s).hasSize(5);
    assertThat(SpotChecks.sample(pop, 7, Stratification.PROPORTIONAL, 5)).isEqualTo(s);
    assertThat(SpotChecks.sample(pop, 7, Stratification.PER_ORGAN, 2)).hasSize(5);
  }

  @Test
  @DisplayName(
      "条例 Arts. 19, 21, 22, 23, 32: the checklist is pre-filled from the record — routed and told"
          + " in time, the opinion's basis, delivery, rating — and the checker's verdicts give the"
          + " pass rate per organ and the figure spotCheckPassRate")
  void prefilledAndPassRate() throws Exception {
    Map<String, String> mine = population();
    var before =
        spotChecks.passRate(
            Set.of(DemoData.CITY_HUMAN_RESOURCES), LocalDate.parse(FROM), LocalDate.parse(TO));
    JsonNode check = draw(7, "PER_ORGAN", 20);
    String id = check.get("id").asString();
    JsonNode good = item(check, mine.get("good"));
    JsonNode bad = item(check, mine.get("bad"));
    Map<String, JsonNode> g = answers(good);
    assertThat(g.get("REGISTRATION_COMPLETE").get("prefilled").asBoolean()).isTrue();
    assertThat(g.get("ROUTED_IN_TIME").get("prefilled").asBoolean()).isTrue();
    assertThat(g.get("NOTICE_IN_TIME").get("prefilled").asBoolean()).isTrue();
    assertThat(g.get("OPINION_CITES_BASIS").get("prefilled").asBoolean()).isTrue();
    assertThat(g.get("DELIVERED").get("prefilled").asBoolean()).isTrue();
    assertThat(g.get("RATED").get("prefilled").asBoolean()).isTrue();
    assertThat(g.get("DOCUMENTS_COMPLETE").get("prefilled").isNull()).isTrue();
    Map<String, JsonNode> b = answers(bad);
    assertThat(b.get("ROUTED_IN_TIME").get("prefilled").asBoolean()).isFalse();
    assertThat(b.get("OPINION_CITES_BASIS").get("prefilled").asBoolean()).isFalse();
    assertThat(b.get("DELIVERED").get("prefilled").asBoolean()).isFalse();
    assertThat(b.get("RATED").get("prefilled").asBoolean()).isFalse();

    String goodItem = CHECKS + "/" + id + "/items/" + good.get("seq").asInt();
    String badItem = CHECKS + "/" + id + "/items/" + bad.get("seq").asInt();
    // what the record cannot tell, the checker must answer
    assertThat(status(postJsonAs(SUPERVISOR, PW, goodItem, Map.of()))).isEqualTo(400);
    // a FAIL needs remarks
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    badItem,
                    Map.of("answers", Map.of("DOCUMENTS_COMPLETE", true)))))
        .isEqualTo(400);
    JsonNode after =
        body(
            postJsonAs(
                SUPERVISOR, PW, goodItem, Map.of("answers", Map.of("DOCUMENTS_COMPLETE", true))));
    assertThat(item(after, mine.get("good")).get("result").asString()).isEqualTo("PASS");
    after =
        body(
            postJsonAs(
                SUPERVISOR,
                PW,
                badItem,
                Map.of(
                    "answers",
                    Map.of("DOCUMENTS_COMPLETE", true),
                    "result",
                    "FAIL",
                    "remarks",
                    "转送超期，答复意见未引用依据，未送达。")));
    assertThat(item(after, mine.get("bad")).get("result").asString()).isEqualTo("FAIL");
    assertThat(
            status(postJsonAs(SUPERVISOR, PW, goodItem, Map.of("result", "FAIL", "remarks", "x"))))
        .isEqualTo(409);
    JsonNode rsj = null;
    for (JsonNode r : after.get("byOrgan")) {
      if (r.get("organisationId").asString().equals(DemoData.CITY_HUMAN_RESOURCES)) {
        rsj = r;
      }
    }
    assertThat(rsj.get("numerator").asInt()).isEqualTo(1);
    assertThat(rsj.get("denominator").asInt()).isEqualTo(2);
    assertThat(after.get("overall").get("denominator").asInt()).isEqualTo(2);

    var figure =
        spotChecks.passRate(
            Set.of(DemoData.CITY_HUMAN_RESOURCES), LocalDate.parse(FROM), LocalDate.parse(TO));
    assertThat(figure.numerator() - before.numerator()).isEqualTo(1);
    assertThat(figure.denominator() - before.denominator()).isEqualTo(2);
    JsonNode api =
        body(
            getAs(
                SUPERVISOR,
                PW,
                CHECKS + "/pass-rate?organisation=dl-rsj&from=" + FROM + "&to=" + TO));
    assertThat(api.get("numerator").asInt()).isEqualTo(figure.numerator());
    // LAW.md §9: the figure is drillable to its petitions — the passed ones, and all checked
    String drill =
        "/api/figures/spotCheckPassRate/petitions?organisation=dl-rsj&from="
            + FROM
            + "&to="
            + TO
            + "&size=200&part=";
    List<String> passed =
        body(getAs(SUPERVISOR, PW, drill + "numerator")).get("items").findValuesAsString("id");
    List<String> checked =
        body(getAs(SUPERVISOR, PW, drill + "denominator")).get("items").findValuesAsString("id");
    assertThat(passed).contains(mine.get("good")).doesNotContain(mine.get("bad"));
    assertThat(checked).contains(mine.get("good"), mine.get("bad"));
    // the history: the draw and two checks, under Art. 38 para. 2
    JsonNode history = body(getAs(SUPERVISOR, PW, CHECKS + "/" + id + "/history"));
    assertThat(history.findValuesAsString("act")).containsExactly("draw", "check", "check");
    assertThat(history.findValuesAsString("article")).containsOnly("条例第三十八条第二款");
    // a handler neither draws nor reads the supervisor's check
    assertThat(status(getAs(DemoData.CITY_HANDLER, PW, CHECKS + "/" + id))).isEqualTo(403);
    assertThat(
            status(
                postJsonAs(
                    DemoData.CITY_HANDLER,
                    PW,
                    CHECKS,
                    Map.of("from", FROM, "to", TO, "stratification", "PER_ORGAN", "size", 1))))
        .isEqualTo(403);
  }

  private static boolean seeded;
  private static final Map<String, String> MINE = new HashMap<>();

  /**
   * Concluded in June 2025: three at 人社局 (one done by the book, one late and incomplete, one more)
   * and two at 住建局. Once per run (the test database is shared).
   */
  private Map<String, String> population() throws Exception {
    if (seeded) {
      return MINE;
    }
    today("2025-06-02");
    String good = received("2025-06-02", DemoData.CITY_HUMAN_RESOURCES);
    act(good, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    today("2025-06-10");
    act(
        good,
        "reply",
        Map.of("outcome", "SUPPORT", "opinion", "责令支付。", "basis", "《保障农民工工资支付条例》第十五条"));
    act(good, "deliver", Map.of());
    act(good, "rate", Map.of("satisfaction", "SATISFIED"));
    MINE.put("good", good);

    today("2025-05-20");
    String bad = register(letter("2025-05-20", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    today("2025-06-12"); // routed 23 days after receipt (条例 Art. 22: 15)
    act(bad, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    act(bad, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    today("2025-06-20");
    act(bad, "reply", Map.of("outcome", "NOT_SUPPORT", "opinion", "不予支持。"));
    MINE.put("bad", bad);

    for (String organ :
        List.of(DemoData.CITY_HUMAN_RESOURCES, DemoData.CITY_HOUSING, DemoData.CITY_HOUSING)) {
      today("2025-06-03");
      String id = received("2025-06-03", organ);
      act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
      today("2025-06-16");
      act(id, "reply", Map.of("outcome", "SUPPORT", "opinion", "支持。", "basis", "有关规定"));
    }
    today("2025-07-01");
    seeded = true;
    return MINE;
  }

  /** Forwarded on the day of receipt by the city bureau. */
  private String received(String on, String organ) throws Exception {
    String id = register(letter(on, DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(id, "forward", Map.of("to", organ));
    return id;
  }

  private JsonNode draw(long seed, String how, int size) throws Exception {
    today("2025-07-01");
    ResultActions r =
        postJsonAs(
            SUPERVISOR,
            PW,
            CHECKS,
            Map.of("from", FROM, "to", TO, "seed", seed, "stratification", how, "size", size));
    assertThat(status(r)).as(body(r).toString()).isEqualTo(201);
    return body(r);
  }

  private static List<String> ids(JsonNode check) {
    return check.get("items").findValuesAsString("petitionId");
  }

  private static Map<String, Integer> perOrgan(JsonNode check) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (JsonNode i : check.get("items")) {
      n.merge(i.get("handlingOrganisation").asString(), 1, Integer::sum);
    }
    return n;
  }

  private static JsonNode item(JsonNode check, String petitionId) {
    for (JsonNode i : check.get("items")) {
      if (i.get("petitionId").asString().equals(petitionId)) {
        return i;
      }
    }
    throw new AssertionError("not sampled: " + petitionId);
  }

  private static Map<String, JsonNode> answers(JsonNode item) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode a : item.get("answers")) {
      m.put(a.get("point").asString(), a);
    }
    return m;
  }

  private static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }
}
