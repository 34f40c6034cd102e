package org.xinfang.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.petition.DutyTimelines;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** 通报: the daily bulletin from the record, reviewed and published by a supervisor. */
class BulletinScenarioTest extends IntegrationTest {

  static final String PW = DemoData.PASSWORD;
  static final String SUPERVISOR = DemoData.CITY_SUPERVISOR;
  static final String LEADER = DemoData.CITY_LEADER;

  @Autowired Bulletins bulletins;
  @Autowired DutyTimelines duties;

  JsonNode ok(ResultActions r) throws Exception {
    int s = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    assertThat(s).as("%s", node).isBetween(200, 201);
    return node;
  }

  static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }

  static List<String> lines(JsonNode bulletin, String section) {
    List<String> lines = new ArrayList<>();
    for (JsonNode s : bulletin.get("sections")) {
      if (section.equals(s.get("key").asString())) {
        s.get("lines").forEach(l -> lines.add(l.get("text").asString()));
        lines.add(s.get("summary").asString());
      }
    }
    return lines;
  }

  JsonNode generate(String user, String day) throws Exception {
    return ok(
        postJsonAs(
            user,
            PW,
            "/api/bulletins",
            Map.of("organisationId", DemoData.CITY_PETITION_BUREAU, "from", day)));
  }

  @Test
  @DisplayName(
      "A prepared day: a missed reception, a late package step, an overdue duty; regenerating"
          + " replaces the draft; published, it never changes")
  void preparedDay() throws Exception {
    String day = "2026-11-21";
    // a leader's reception day with nothing recorded
    ok(postJsonAs(LEADER, PW, "/api/receptions", Map.of("date", day, "place", "大连市人民来访接待中心东厅")));
    // a petition forwarded to 住建局 and never answered: its notice is overdue
    String p = register(letter("2026-10-08", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(p, "forward", Map.of("on", "2026-10-09", "to", DemoData.CITY_HOUSING));
    // a leader's package with a step past its day
    String q = register(letter("2026-10-10", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(q, "forward", Map.of("on", "2026-10-12", "to", DemoData.CITY_HUMAN_RESOURCES));
    JsonNode pkg =
        ok(
            postJsonAs(
                LEADER,
                PW,
                "/api/packages",
                Map.of(
                    "title",
                    "通报测试包案",
                    "petitionIds",
                    List.of(q),
                    "receivingOrg",
                    DemoData.CITY_PETITION_BUREAU,
                    "handlingOrg",
                    DemoData.CITY_HUMAN_RESOURCES,
                    "on",
                    "2026-11-10")));
    ok(
        postJsonAs(
            LEADER,
            PW,
            "/api/packages/" + pkg.get("id").asString() + "/steps",
            Map.of(
                "title", "通报测试：约谈用工企业",
                "owedBy", DemoData.CITY_HUMAN_RESOURCES,
                "due", "2026-11-18")));

    JsonNode b = generate(SUPERVISOR, day);
    String id = b.get("id").asString();
    assertThat(b.get("status").asString()).isEqualTo("DRAFT");
    assertThat(b.get("sections").get(0).get("key").asString()).isEqualTo("receptions");
    assertThat(lines(b, "receptions"))
        .anyMatch(l -> l.contains(day) && l.contains("大连市人民来访接待中心东厅") && l.contains("未履行"));
    assertThat(lines(b, "packages")).anyMatch(l -> l.contains("通报测试：约谈用工企业") && l.contains("逾期"));
    assertThat(lines(b, "overdue")).anyMatch(l -> l.startsWith("大连市住建局") && l.contains("告知是否受理"));
    assertThat(b.get("history").get(0).get("act").asString()).isEqualTo("generate");
    assertThat(b.get("history").get(0).get("basis").asString()).contains("条例 Arts. 38–40");

    // idempotent: the same day again replaces the draft, and the daily job adds nothing
    JsonNode again = generate(SUPERVISOR, day);
    assertThat(again.get("id").asString()).isEqualTo(id);
    assertThat(again.get("history").get(1).get("act").asString()).isEqualTo("regenerate");
    bulletins.generateDaily(LocalDate.parse(day)); // the other bureaus' drafts
    assertThat(bulletins.generateDaily(LocalDate.parse(day))).isZero();
    assertThat(
            bulletins.idOf(
                DemoData.CITY_PETITION_BUREAU, LocalDate.parse(day), LocalDate.parse(day)))
        .contains(id);

    // drafts are for supervisors and leaders; only a supervisor generates and publishes
    assertThat(status(getAs(DemoData.CITY_HANDLER, PW, "/api/bulletins/" + id))).isEqualTo(403);
    assertThat(status(getAs(LEADER, PW, "/api/bulletins/" + id))).isEqualTo(200);
    assertThat(
            status(
                postJsonAs(
                    DemoData.CITY_HANDLER,
                    PW,
                    "/api/bulletins",
                    Map.of("organisationId", DemoData.CITY_PETITION_BUREAU, "from", day))))
        .isEqualTo(403);
    assertThat(status(postJsonAs(LEADER, PW, "/api/bulletins/" + id + "/publish", Map.of())))
        .isEqualTo(403);

    // review and publish
    ok(
        postJsonAs(
            SUPERVISOR,
            PW,
            "/api/bulletins/" + id + "/remarks",
            Map.of("remarks", "请住建局于三日内说明逾期原因。")));
    JsonNode published =
        ok(postJsonAs(SUPERVISOR, PW, "/api/bulletins/" + id + "/publish", Map.of()));
    assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
    String number = published.get("number").asString();
    assertThat(number).startsWith("大连市信访局通报〔2026〕");
    assertThat(published.get("remarks").asString()).contains("住建局");

    // immutable: no regeneration, no remarks, no second publication; the job leaves it alone
    ResultActions regen =
        postJsonAs(
            SUPERVISOR,
            PW,
            "/api/bulletins",
            Map.of("organisationId", DemoData.CITY_PETITION_BUREAU, "from", day));
    assertThat(status(regen)).isEqualTo(409);
    assertThat(body(regen).get("rule").asString()).startsWith("bulletin-published-immutable");
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR, PW, "/api/bulletins/" + id + "/remarks", Map.of("remarks", "改"))))
        .isEqualTo(409);
    assertThat(status(postJsonAs(SUPERVISOR, PW, "/api/bulletins/" + id + "/publish", Map.of())))
        .isEqualTo(409);
    assertThat(bulletins.generateDaily(LocalDate.parse(day))).isZero();
    JsonNode kept = ok(getAs(SUPERVISOR, PW, "/api/bulletins/" + id));
    assertThat(kept.get("sections").toString()).isEqualTo(published.get("sections").toString());
    assertThat(kept.get("history")).hasSize(4);

    // published: the jurisdiction's users read it; it is listed; its PDF
    assertThat(status(getAs(DemoData.CITY_HANDLER, PW, "/api/bulletins/" + id))).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    body(getAs(DemoData.CITY_HANDLER, PW, "/api/bulletins"))
        .forEach(x -> listed.add(x.get("id").asString()));
    assertThat(listed).contains(id);
    assertThat(page("/bulletins/" + id, SUPERVISOR)).contains(number).contains("大连市住建局");
    assertThat(page("/bulletins", DemoData.CITY_HANDLER)).contains(number);
    ResultActions pdf = getAs(SUPERVISOR, PW, "/api/bulletins/" + id + "/bulletin.pdf");
    assertThat(status(pdf)).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.andReturn().getResponse().getContentAsByteArray())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s*\\R\\s*", "");
      assertThat(text).contains("信访工作通报").contains(number).contains("领导接访").contains("大连市住建局");
    }
  }

  @Test
  @DisplayName("The daily job: one draft per petition bureau and day, however often it runs")
  void dailyJobIdempotent() throws Exception {
    LocalDate day = LocalDate.parse("2026-11-02");
    today(day);
    int first = bulletins.generateDaily(day);
    assertThat(first).isPositive();
    assertThat(bulletins.generateDaily(day)).isZero();
    String id =
        bulletins
            .idOf(DemoData.CITY_PETITION_BUREAU, day, day)
            .orElseThrow(() -> new AssertionError("no draft for 大连市信访局"));
    JsonNode b = ok(getAs(SUPERVISOR, PW, "/api/bulletins/" + id));
    assertThat(b.get("generatedBy").asString()).isEqualTo(Bulletins.SYSTEM);
    assertThat(b.get("history")).hasSize(1);
  }

  @Test
  @DisplayName("条例 Art. 30 para. 3: an overdue accusation is counted nowhere in a bulletin")
  void accusationsNotCounted() throws Exception {
    LocalDate asOf = LocalDate.parse("2026-11-27");
    int before =
        count(duties.overdueByOrganisation(Set.of(DemoData.CITY_DISCIPLINE_INSPECTION), asOf));
    Map<String, Object> acc = letter("2026-09-01", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put(
        "accused",
        List.of(Map.of("name", "李某", "organisationId", DemoData.CITY_HOUSING, "post", "处长")));
    String id = register(acc).get("id").asString();
    act(id, "forward", Map.of("on", "2026-09-02", "to", DemoData.CITY_DISCIPLINE_INSPECTION));
    assertThat(
            count(duties.overdueByOrganisation(Set.of(DemoData.CITY_DISCIPLINE_INSPECTION), asOf)))
        .isEqualTo(before);
  }

  static int count(List<DutyTimelines.OverdueCount> counts) {
    return counts.stream().mapToInt(DutyTimelines.OverdueCount::count).sum();
  }

  private String page(String url, String username) throws Exception {
    var response =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(username)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
