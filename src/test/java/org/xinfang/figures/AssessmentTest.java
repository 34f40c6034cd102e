package org.xinfang.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xinfang.organisation.Organisations;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The assessment (条例 Art. 39) and the annual report (条例 Art. 41) on a small hand-computed data set
 * in an organisation subtree of its own: a county government with two township governments (A, B),
 * a department (C) and a petition bureau. Period 2026-09-01–2026-10-31.
 *
 * <pre>
 * A: a1, a2 received 09-01, accepted 09-02 (on time); a1 answered 09-10, not rated
 *    notice 2/2 → 100 · first-petition resolution 1/1 → 100 · rating 0/1 → 0 · repeat 0/2 → 100
 *    total (25·100 + 10·100 + 5·0 + 10·100) ÷ 50 = 90.00
 * B: b1 received 09-18 (notice due 10-08 after the holiday), accepted 10-09 (late); b2 a repeat of
 *    b1, its notice never issued → notice 0/2 → 0 · repeat 1/2 → 50 · total (0 + 500) ÷ 20 = 25.00
 * C: c1 received 09-01, accepted 09-02 → notice 100 · repeat 100 · total 100.00
 * bureau: received 03-02 and forwarded 03-03 to C: nothing in the period → no total, rank 0
 * county: notice 3/5 → 60 · repeat 1/5 → 80 · first 1/1 → 100 · rating 0/1 → 0
 *    total (2500 + 600 + 0 + 800) ÷ 50 = 78.00
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentTest extends IntegrationTest {

  static final String PW = "Assess-pw-2026";
  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String gov = "as-gov-" + tag;
  final String a = "as-a-" + tag;
  final String b = "as-b-" + tag;
  final String c = "as-c-" + tag;
  final String bureau = "as-xfj-" + tag;
  final String supervisor = "assup" + tag;
  final String foreign = "asfor" + tag;
  final String q = "&from=2026-09-01&to=2026-10-31";

  @Autowired Figures figures;
  @Autowired Organisations organisations;
  @Autowired FigureEvents events;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  void data() throws Exception {
    organisation(gov, "考核县人民政府", "COUNTY", "GOVERNMENT", "dl-gov", "219902");
    organisation(a, "甲镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "219902001");
    organisation(b, "乙镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "219902002");
    organisation(c, "考核县人社局", "COUNTY", "DEPARTMENT", gov, "219902");
    organisation(bureau, "考核县信访局", "COUNTY", "PETITION_BUREAU", gov, "219902");
    staff(supervisor, PW, gov, "SUPERVISOR");
    staff(foreign, PW, b, "SUPERVISOR");

    String a1 = petition("2026-09-01", a, null);
    String a2 = petition("2026-09-01", a, null);
    accept(a1, "2026-09-02");
    accept(a2, "2026-09-02");
    act(a1, "reply", Map.of("on", "2026-09-10", "outcome", "SUPPORT", "opinion", "支持。"));
    String b1 = petition("2026-09-18", b, null);
    accept(b1, "2026-10-09");
    petition("2026-09-21", b, b1);
    String c1 = petition("2026-09-01", c, null);
    accept(c1, "2026-09-02");
    String f = petition("2026-03-02", bureau, null);
    act(f, "forward", Map.of("on", "2026-03-03", "to", c));
  }

  @Test
  void weightsAppliedAndRanked() throws Exception {
    JsonNode r =
        body(
            getJson("/api/figures/assessment/ranking?organisation=" + gov + q)
                .andExpect(status().isOk()));
    JsonNode rows = r.get("rows");
    assertThat(rows.size()).isEqualTo(4);
    assertRow(rows.get(0), 1, c, "100.00");
    assertRow(rows.get(1), 2, a, "90.00");
    assertRow(rows.get(2), 3, b, "25.00");
    assertThat(rows.get(3).get("rank").asInt()).isZero();
    assertThat(rows.get(3).get("report").get("organisation").asText()).isEqualTo(bureau);
    assertThat(rows.get(3).get("report").get("total").isNull()).isTrue();
    assertThat(r.get("parentReport").get("total").decimalValue()).isEqualByComparingTo("78.00");
    assertThat(r.get("weights").get("firstPetitionResolutionRate").asDouble()).isEqualTo(25.0);

    // the district governments only
    JsonNode g =
        body(
            getJson(
                "/api/figures/assessment/ranking?organisation=" + gov + q + "&type=GOVERNMENT"));
    assertThat(g.get("rows").size()).isEqualTo(2);
    assertRow(g.get("rows").get(0), 1, a, "90.00");
    assertRow(g.get("rows").get(1), 2, b, "25.00");

    // one organ: each figure's score and weighted share
    JsonNode one = body(getJson("/api/figures/assessment?organisation=" + b + q));
    assertThat(one.get("total").decimalValue()).isEqualByComparingTo("25.00");
    for (JsonNode s : one.get("scores")) {
      switch (s.get("key").asText()) {
        case "onTimeNoticeRate" -> {
          assertThat(s.get("score").decimalValue()).isEqualByComparingTo("0");
          assertThat(s.get("figure").get("denominator").asLong()).isEqualTo(2);
        }
        case "repeatRate" -> {
          assertThat(s.get("score").decimalValue()).isEqualByComparingTo("50.00");
          assertThat(s.get("weighted").decimalValue()).isEqualByComparingTo("500.00");
        }
        case "firstPetitionResolutionRate" -> assertThat(s.get("score").isNull()).isTrue();
        default -> {}
      }
    }
    getJson("/api/figures/assessment/ranking?organisation=" + gov + q + "&type=NOPE")
        .andExpect(status().isBadRequest());
  }

  @Test
  void configuredWeightsAndTies() {
    Map<String, Double> w = new LinkedHashMap<>();
    AssessmentProperties.DEFAULTS.keySet().forEach(k -> w.put(k, 0.0));
    w.put("onTimeNoticeRate", 1.0);
    Assessment only = new Assessment(figures, organisations, new AssessmentProperties(w), events);
    asAdmin();
    Assessment.Ranking r =
        only.ranking(
            figures.period(gov, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-31")), "");
    // A and C both 100: they share rank 1; B is third
    assertThat(r.rows().get(0).rank()).isEqualTo(1);
    assertThat(r.rows().get(1).rank()).isEqualTo(1);
    assertThat(
            List.of(
                r.rows().get(0).report().organisation(), r.rows().get(1).report().organisation()))
        .containsExactlyInAnyOrder(a, c);
    assertThat(r.rows().get(2).rank()).isEqualTo(3);
    assertThat(r.rows().get(2).report().total()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(r.parentReport().total()).isEqualByComparingTo("60.00");
    SecurityContextHolder.clearContext();

    assertThatThrownBy(() -> new AssessmentProperties(Map.of("volumeBatches", 1.0)))
        .hasMessageContaining("not a scored figure");
    assertThatThrownBy(() -> new AssessmentProperties(Map.of("repeatRate", -1.0)))
        .hasMessageContaining("≥ 0");
    assertThat(new AssessmentProperties(null).weights().values().stream().mapToDouble(d -> d).sum())
        .isEqualTo(100.0);
  }

  @Test
  void exportsParseBack() throws Exception {
    byte[] xlsx =
        bytes(
            "/api/figures/assessment/ranking.xlsx?organisation=" + gov + q, ADMIN, ADMIN_PASSWORD);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet s = wb.getSheet("考核排名");
      DataFormatter fmt = new DataFormatter();
      Row head = s.getRow(2);
      assertThat(fmt.formatCellValue(head.getCell(0))).isEqualTo("排名");
      assertThat(fmt.formatCellValue(head.getCell(1))).isEqualTo("单位");
      assertThat(fmt.formatCellValue(head.getCell(2))).isEqualTo("综合得分");
      assertThat(fmt.formatCellValue(head.getCell(3))).isEqualTo("初访一次性化解率得分");
      assertThat(fmt.formatCellValue(s.getRow(3).getCell(1))).isEqualTo("考核县人社局");
      assertThat(s.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(2.0);
      assertThat(fmt.formatCellValue(s.getRow(4).getCell(1))).isEqualTo("甲镇人民政府");
      assertThat(s.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(90.0);
      assertThat(s.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(25.0);
      assertThat(wb.getSheet("权重与计分")).isNotNull();
    }
    String pdf =
        pdfText(
            bytes(
                "/api/figures/assessment/ranking.pdf?organisation=" + gov + q,
                ADMIN,
                ADMIN_PASSWORD));
    assertThat(pdf).contains("考核县人民政府信访工作考核", "甲镇人民政府", "90.00", "25.00", "78.00", "第三十九条");

    byte[] annual =
        bytes(
            "/api/figures/annual-report.xlsx?organisation=" + gov + "&year=2026",
            ADMIN,
            ADMIN_PASSWORD);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annual))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(4);
      assertThat(wb.getSheetName(0)).isEqualTo("一、数据统计");
      DataFormatter fmt = new DataFormatter();
      assertThat(fmt.formatCellValue(wb.getSheetAt(0).getRow(0).getCell(0)))
          .isEqualTo("考核县人民政府2026年度信访情况报告");
      Sheet routing = wb.getSheet("二、转送交办督办");
      assertThat(fmt.formatCellValue(routing.getRow(1).getCell(0))).isEqualTo("转送");
      assertThat(routing.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
    }
    String annualPdf =
        pdfText(
            bytes(
                "/api/figures/annual-report.pdf?organisation=" + gov + "&year=2026",
                ADMIN,
                ADMIN_PASSWORD));
    assertThat(annualPdf)
        .contains(
            "考核县人民政府2026年度信访情况报告",
            "被投诉较多的机关、单位",
            "转送1件，交办0件",
            "提出改进工作、完善政策、追究责任建议以及被采纳情况",
            "其他应当报告的事项");
    // each export is recorded in the module's history
    List<FigureEvents.Event> history = events.of(gov);
    assertThat(history)
        .extracting(FigureEvents.Event::act)
        .contains("assessment-export", "annual-report");
    assertThat(history)
        .extracting(FigureEvents.Event::actor)
        .contains(ADMIN)
        .isSubsetOf(ADMIN, supervisor);
    assertThat(history).extracting(FigureEvents.Event::basis).contains("条例 Art. 39", "条例 Art. 41");
  }

  @Test
  void annualReportContents() throws Exception {
    JsonNode r =
        body(
            getAs(supervisor, PW, "/api/figures/annual-report?organisation=" + gov + "&year=2026")
                .andExpect(status().isOk()));
    assertThat(r.get("statistics").get("figures").get("volumeBatches").get("value").asInt())
        .isEqualTo(6);
    JsonNode organs = r.get("statistics").get("mostComplainedAbout");
    assertThat(organs.get(0).get("id").asText()).isEqualTo(a);
    assertThat(organs.get(0).get("count").asLong()).isEqualTo(2);
    assertThat(r.get("routing").get("forwarded").asLong()).isEqualTo(1);
    assertThat(r.get("routing").get("assigned").asLong()).isZero();
    // the supervision module reports the 督办 of the subtree: none were issued here
    assertThat(r.get("routing").get("orders").get("issued").asLong()).isZero();
    assertThat(r.get("other").get("trend").size()).isEqualTo(5);
    getJson("/api/figures/annual-report?organisation=" + gov + "&year=2031")
        .andExpect(status().isBadRequest());
    getJson("/api/figures/annual-report?organisation=" + gov + "&year=x")
        .andExpect(status().isBadRequest());
  }

  @Test
  void scope() throws Exception {
    getAs(foreign, PW, "/api/figures/assessment/ranking?organisation=" + gov + q)
        .andExpect(status().isForbidden());
    getAs(foreign, PW, "/api/figures/annual-report.pdf?organisation=" + gov + "&year=2026")
        .andExpect(status().isForbidden());
    getAs("zs-clerk", "demo12345", "/api/figures/assessment?organisation=" + gov + q)
        .andExpect(status().isForbidden());
    getAs(foreign, PW, "/api/figures/assessment?organisation=" + b + q).andExpect(status().isOk());
    // documented in the OpenAPI description
    String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    assertThat(docs)
        .contains(
            "/api/figures/assessment",
            "/api/figures/assessment/ranking.xlsx",
            "/api/figures/annual-report.pdf",
            "条例 Art. 41");
  }

  @Test
  void dashboardPage() throws Exception {
    String html =
        mvc.perform(get("/figures?organisation=" + gov + q).with(user(supervisor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains(
            "/webjars/echarts/5.3.1/dist/echarts.min.js",
            "/js/figures.js",
            "id=\"chart-regions\"",
            "data-url=\"/figures/data?organisation=" + gov,
            "/figures/onTimeNoticeRate/petitions?organisation=" + gov,
            "href=\"/figures\"",
            "/figures/assessment.xlsx?organisation=" + gov)
        .doesNotContain("<script>", "style=\"");
    // the organisation picker offers the supervisor's jurisdiction only
    assertThat(html).contains("value=\"" + a + "\"").doesNotContain("value=\"zs-gov\"");
    mvc.perform(get("/figures?organisation=" + gov + q).with(user(foreign)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/figures/data?organisation=" + gov + q).with(user(foreign)))
        .andExpect(status().isForbidden());

    String data =
        mvc.perform(get("/figures/data?organisation=" + gov + q).with(user(supervisor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode d = json.readTree(data);
    JsonNode regions = d.get("regions");
    assertThat(regions.get("total").asLong()).isEqualTo(5);
    assertThat(regions.get("children").size()).isEqualTo(2);
    assertThat(d.get("trend").size()).isEqualTo(5);
    assertThat(d.get("channel").get(0).get("name").asText()).isEqualTo("来信");

    String drill =
        mvc.perform(
                get("/figures/repeatRate/petitions?organisation=" + gov + q + "&part=numerator")
                    .with(user(supervisor)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(drill).contains("张*").doesNotContain("张三");

    mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js").with(user(supervisor)))
        .andExpect(status().isOk());
    mvc.perform(get("/figures/assessment.pdf?organisation=" + gov + q).with(user(supervisor)))
        .andExpect(status().isOk());
  }

  // ---------------------------------------------------------------- helpers

  private static void assertRow(JsonNode row, int rank, String org, String total) {
    assertThat(row.get("rank").asInt()).as(org).isEqualTo(rank);
    assertThat(row.get("report").get("organisation").asText()).isEqualTo(org);
    assertThat(row.get("report").get("total").decimalValue()).as(org).isEqualByComparingTo(total);
  }

  private static void asAdmin() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                ADMIN, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
  }

  private byte[] bytes(String url, String who, String pw) throws Exception {
    return mvc.perform(get(url).with(httpBasic(who, pw)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static String pdfText(byte[] bytes) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
    }
  }

  private void accept(String id, String on) throws Exception {
    act(id, "accept", Map.of("on", on, "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
  }

  private String petition(String on, String by, String repeatOf) throws Exception {
    Map<String, Object> body = letter(on, by);
    if (repeatOf != null) {
      body.put("repeatOf", repeatOf);
    }
    String region = by.equals(a) ? "219902001001" : by.equals(b) ? "219902002001" : "219902";
    body.put("regionCode", region);
    return register(body).get("id").asText();
  }
}
