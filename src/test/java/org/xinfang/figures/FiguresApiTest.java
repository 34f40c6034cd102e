package org.xinfang.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * API.md Figures on a hand-computed data set in an organisation subtree of its own (a county with
 * its petition bureau, a department and a township), so that no other test's petitions count.
 * Period 2026-09-01–2026-10-31 runs across the National Day holiday (10-01..10-07): a notice due on
 * 10-03 rolls forward to 10-08, so accepting on 10-08 is on time and on 10-09 is late.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresApiTest extends IntegrationTest {

  static final String PW = "Figures-pw-2026";
  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String gov = "fg-gov-" + tag;
  final String bureau = "fg-xfj-" + tag;
  final String dep = "fg-dep-" + tag;
  final String town = "fg-twn-" + tag;
  final String village = "fg-vil-" + tag;
  final String supervisor = "fgsup" + tag;
  final String depHandler = "fgdep" + tag;
  String a;
  String c;

  String url(String org) {
    return "/api/figures?organisation=" + org + "&from=2026-09-01&to=2026-10-31";
  }

  @BeforeAll
  void data() throws Exception {
    organisation(gov, "测试县人民政府", "COUNTY", "GOVERNMENT", "dl-gov", "219901");
    organisation(bureau, "测试县信访局", "COUNTY", "PETITION_BUREAU", gov, "219901");
    organisation(dep, "测试县人社局", "COUNTY", "DEPARTMENT", gov, "219901");
    organisation(town, "测试镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "219901001");
    organisation(village, "测试村民委员会", "VILLAGE", "VILLAGE_COMMITTEE", town, "219901001001");
    staff(supervisor, PW, gov, "SUPERVISOR");
    staff(depHandler, PW, dep, "HANDLER");

    // A: received 09-18, notice due 10-03 → rolls to 10-08 (holiday); accepted 10-08: on time
    a = petition("2026-09-18", dep, 1, null, "219901001001");
    assertThat(due(getPetition(a), "NOTIFY_RECEIPT")).isEqualTo("2026-10-08");
    accept(a, "2026-10-08");
    act(a, "reply", Map.of("on", "2026-10-20", "outcome", "SUPPORT", "opinion", "支持。"));
    // B: same day, accepted 10-09: late
    String b = petition("2026-09-18", dep, 1, null, "219901001001");
    accept(b, "2026-10-09");
    // C: three persons, accepted next day, replied, delivered, rated satisfied
    c = petition("2026-09-01", dep, 3, null, "219901001001");
    accept(c, "2026-09-02");
    act(c, "reply", Map.of("on", "2026-09-10", "outcome", "SUPPORT", "opinion", "支持。"));
    act(c, "deliver", Map.of("on", "2026-09-11"));
    act(c, "rate", Map.of("on", "2026-09-15", "satisfaction", "SATISFIED"));
    // D: a repeat of C within 90 days of its conclusion; its notice (due 10-08) never issued
    petition("2026-09-21", dep, 1, c, "219901001001");
    // E: an accusation against the department, received by the bureau
    Map<String, Object> e = letter("2026-09-05", bureau);
    e.put("category", "ACCUSATION");
    e.put("accused", List.of(Map.of("name", "某科长", "organisationId", dep)));
    e.put("regionCode", "219901001001");
    register(e);
    // F, G, H: accepted 07-10, conclusion due 09-08: replied on time, late, never
    String f = petition("2026-07-10", dep, 1, null, null);
    accept(f, "2026-07-10");
    String g = petition("2026-07-10", dep, 1, null, null);
    accept(g, "2026-07-10");
    String h = petition("2026-07-10", dep, 1, null, null);
    accept(h, "2026-07-10");
    assertThat(due(getPetition(h), "CONCLUDE")).isEqualTo("2026-09-08");
    act(f, "reply", Map.of("on", "2026-09-07", "outcome", "EXPLAIN", "opinion", "解释。"));
    act(g, "reply", Map.of("on", "2026-09-09", "outcome", "EXPLAIN", "opinion", "解释。"));
  }

  @Test
  void handComputedFigures() throws Exception {
    JsonNode f = body(getJson(url(gov)).andExpect(status().isOk()));
    assertThat(f.get("volumeBatches").get("value").asInt()).isEqualTo(5);
    assertThat(f.get("volumePersons").get("numerator").asLong()).isEqualTo(7);
    assertRate(f, "repeatRate", 1, 5);
    assertRate(f, "onTimeNoticeRate", 2, 4);
    assertRate(f, "onTimeConclusionRate", 1, 3);
    assertRate(f, "firstPetitionResolutionRate", 3, 4);
    assertRate(f, "ratingRate", 1, 4);
    assertRate(f, "satisfactionRate", 1, 1);
    assertRate(f, "spotCheckPassRate", 0, 0);
    assertThat(f.get("spotCheckPassRate").get("value").isNull()).isTrue();
    assertRate(f, "ledgerResolutionRate", 0, 0);
    assertThat(f.get("yearOnYear").get("volumeBatches").get("denominator").asLong()).isZero();
    assertThat(f.get("yearOnYear").get("volumeBatches").get("value").isNull()).isTrue();
    assertThat(f.get("onTimeNoticeRate").get("value").decimalValue())
        .isEqualByComparingTo("0.5000");
    for (String key : Figures.KEYS) {
      assertThat(f.get(key).has("value")).as(key).isTrue();
      assertThat(f.get(key).has("numerator")).as(key).isTrue();
      assertThat(f.get(key).has("denominator")).as(key).isTrue();
      assertThat(f.get(key).get("formula").asText()).as(key).isNotBlank();
    }
    // the department's own subtree: the bureau's accusation is not received there
    JsonNode d = body(getJson(url(dep)));
    assertThat(d.get("volumeBatches").get("value").asInt()).isEqualTo(4);
  }

  @Test
  void accusationsHiddenFromTheAccusedCountNowhere() throws Exception {
    JsonNode f = body(getAs(supervisor, PW, url(gov)).andExpect(status().isOk()));
    assertThat(f.get("volumeBatches").get("value").asInt()).isEqualTo(4);
    assertThat(f.get("volumePersons").get("value").asInt()).isEqualTo(6);
    assertRate(f, "repeatRate", 1, 4);
    JsonNode b =
        body(getAs(supervisor, PW, url(gov).replace("/api/figures?", "/api/figures/breakdown?")));
    for (JsonNode cell : b.get("category")) {
      assertThat(cell.get("label").asText()).isNotEqualTo("ACCUSATION");
    }
    // the five-year trend leaves it out too (the administrator's 2026 counts 8)
    assertThat(b.get("trend").get(4).get("calendarYear").asInt()).isEqualTo(2026);
    assertThat(b.get("trend").get(4).get("batches").asLong()).isEqualTo(7);
    // the administrator sees it, in a cell of one: shown to them
    JsonNode all = body(getJson(url(gov).replace("/api/figures?", "/api/figures/breakdown?")));
    assertThat(all.get("category").toString()).contains("ACCUSATION");
  }

  @Test
  void aBarredReaderCountsNoDutyOfAHiddenAccusation() throws Exception {
    // an accusation against the department, forwarded to the town: the town's acceptance notice
    // falls due and is never issued; the county's supervisor is barred from it (Art. 30 para. 3)
    Map<String, Object> e = letter("2026-06-10", bureau);
    e.put("category", "ACCUSATION");
    e.put("accused", List.of(Map.of("name", "某股长", "organisationId", dep)));
    e.put("regionCode", "219901001001");
    String id = register(e).get("id").asText();
    act(id, "forward", Map.of("on", "2026-06-11", "to", town));
    String q = "/api/figures?organisation=" + gov + "&from=2026-06-01&to=2026-07-31";
    JsonNode admin = body(getJson(q).andExpect(status().isOk()));
    JsonNode barred = body(getAs(supervisor, PW, q).andExpect(status().isOk()));
    JsonNode a = admin.get("onTimeNoticeRate");
    JsonNode b = barred.get("onTimeNoticeRate");
    assertThat(a.get("denominator").asLong()).isEqualTo(b.get("denominator").asLong() + 1);
    assertThat(a.get("numerator").asLong()).isEqualTo(b.get("numerator").asLong());
    assertThat(admin.get("volumeBatches").get("value").asLong())
        .isEqualTo(barred.get("volumeBatches").get("value").asLong() + 1);
  }

  @Test
  void scopeRefusals() throws Exception {
    // a department's handler reads its own subtree, not its government's
    getAs(depHandler, PW, url(dep)).andExpect(status().isOk());
    getAs(depHandler, PW, url(gov)).andExpect(status().isForbidden());
    // a supervisor reads their jurisdiction, not another county's
    getAs(supervisor, PW, url(town)).andExpect(status().isOk());
    getAs(supervisor, PW, url("zs-gov")).andExpect(status().isForbidden());
    getAs("zs-clerk", "demo12345", url(gov)).andExpect(status().isForbidden());
    getAs(
            depHandler,
            PW,
            "/api/figures/volumeBatches/petitions?organisation="
                + gov
                + "&from=2026-09-01&to=2026-10-31")
        .andExpect(status().isForbidden());
  }

  @Test
  void badInput() throws Exception {
    getJson("/api/figures?organisation=no-such-org&from=2026-01-01&to=2026-02-01")
        .andExpect(status().isNotFound());
    getJson("/api/figures?from=2026-01-01&to=2026-02-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.organisation").exists());
    getJson("/api/figures?organisation=" + gov + "&from=2026-03-01&to=2026-02-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.to").exists());
    getJson("/api/figures?organisation=" + gov + "&from=2010-01-01&to=2026-02-01")
        .andExpect(status().isBadRequest());
    getJson("/api/figures?organisation=" + gov + "&from=2026-13-01&to=2026-02-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.from").exists());
    getJson("/api/figures?organisation=" + gov + "&from=2017-01-05&to=2027-01-01")
        .andExpect(status().isOk());
    getJson(
            "/api/figures/noSuchFigure/petitions?organisation="
                + gov
                + "&from=2026-09-01&to=2026-10-31")
        .andExpect(status().isNotFound());
  }

  @Test
  void drillsToItsPetitions() throws Exception {
    String q = "?organisation=" + gov + "&from=2026-09-01&to=2026-10-31";
    JsonNode den = body(getJson("/api/figures/firstPetitionResolutionRate/petitions" + q));
    assertThat(den.get("total").asLong()).isEqualTo(4);
    JsonNode num =
        body(getJson("/api/figures/firstPetitionResolutionRate/petitions" + q + "&part=numerator"));
    assertThat(num.get("total").asLong()).isEqualTo(3);
    assertThat(num.toString()).doesNotContain(c);
    JsonNode vol = body(getJson("/api/figures/volumeBatches/petitions" + q + "&size=2&page=1"));
    assertThat(vol.get("total").asLong()).isEqualTo(5);
    assertThat(vol.get("items").size()).isEqualTo(2);
    // masked personal data
    assertThat(vol.toString()).doesNotContain("张三").contains("张*");
    JsonNode hidden =
        body(getAs(supervisor, PW, "/api/figures/volumeBatches/petitions" + q + "&size=50"));
    assertThat(hidden.get("total").asLong()).isEqualTo(4);
    assertThat(hidden.get("items").size()).isEqualTo(4);
  }

  @Test
  void breakdownsAndZeroPetitionAreas() throws Exception {
    JsonNode b = body(getJson(url(gov).replace("/api/figures?", "/api/figures/breakdown?")));
    assertThat(b.get("channel").get(0).get("label").asText()).isEqualTo("LETTER");
    assertThat(b.get("channel").get(0).get("count").asLong()).isEqualTo(5);
    assertThat(b.get("trend").size()).isEqualTo(5);
    assertThat(b.get("trend").get(4).get("batches").asLong()).isEqualTo(8);
    // every petition is about the village: no 零访 village; the county's other areas none
    assertThat(b.get("zeroPetitionAreas").toString()).doesNotContain(village);
    assertThat(b.get("resolvedAtLevel").get("COUNTY").get("concluded").asLong()).isEqualTo(4);
    assertThat(b.get("topOverdue").get(0).get("id").asText()).isEqualTo(dep);
  }

  // ---------------------------------------------------------------- helpers

  private static void assertRate(JsonNode f, String key, long num, long den) {
    assertThat(f.get(key).get("numerator").asLong()).as(key + " numerator").isEqualTo(num);
    assertThat(f.get(key).get("denominator").asLong()).as(key + " denominator").isEqualTo(den);
  }

  private JsonNode getPetition(String id) throws Exception {
    return body(getJson("/api/petitions/" + id));
  }

  private void accept(String id, String on) throws Exception {
    act(id, "accept", Map.of("on", on, "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
  }

  private String petition(String on, String by, int persons, String repeatOf, String region)
      throws Exception {
    Map<String, Object> body = letter(on, by);
    body.put("persons", persons);
    if (repeatOf != null) {
      body.put("repeatOf", repeatOf);
    }
    if (region != null) {
      body.put("regionCode", region);
    }
    return register(body).get("id").asText();
  }
}
