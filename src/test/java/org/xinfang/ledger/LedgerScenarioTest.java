package org.xinfang.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * 治重访化积案: a city petition bureau opens a ledger from rules (repeat petitions and backlog in one
 * region), re-applies them, adds and removes cases by hand, follows the live resolution rate, and
 * works the ledger through its Excel workbook — always within each user's data scope.
 */
class LedgerScenarioTest extends IntegrationTest {

  private static final String SUPERVISOR = DemoData.CITY_SUPERVISOR; // @dl-xfj
  private static final String LEADER = DemoData.CITY_LEADER; // @dl-gov
  private static final String PW = DemoData.PASSWORD;

  /** A region code of this run only: the rules select exactly this test's petitions. */
  private final String region =
      "210202" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));

  @Test
  @DisplayName(
      "a ledger from rules: repeat and backlog selected, re-apply idempotent, manual add and"
          + " remove, live rate, scope, accusation hidden")
  void ledgerFromRules() throws Exception {
    JsonNode a = petition("2026-01-10", null, false); // the first petition, repeated by b
    JsonNode b = petition("2026-10-01", a.get("id").asString(), false); // a repeat petition
    JsonNode c = petition("2026-02-01", null, false); // backlog
    JsonNode d = petition("2026-11-01", null, false); // recent: not selected
    JsonNode e = petition("2026-03-01", null, false); // old but resolved: not backlog
    resolve(e.get("id").asString());
    JsonNode x = petition("2026-02-15", null, true); // an accusation against 大连市人社局, backlog

    JsonNode ledger = create(SUPERVISOR, "治重访化积案", rules(true, true), 201);
    String id = ledger.get("ledger").get("id").asString();
    assertThat(ledger.get("ownerName").asString()).contains("信访局");
    assertThat(numbers(SUPERVISOR, id, null))
        .containsExactlyInAnyOrder(num(a), num(b), num(c), num(x));
    assertThat(ledger.get("cases").asInt()).isEqualTo(4);
    assertThat(ledger.get("rate").asDouble()).isZero();

    // re-applying adds nothing; a new backlog case is added
    JsonNode applied = body(postJsonAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/apply-rules", ""));
    assertThat(applied.get("added").asInt()).isZero();
    assertThat(applied.get("alreadyOn").asInt()).isEqualTo(4);
    JsonNode f = petition("2026-04-01", null, false);
    applied = body(postJsonAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/apply-rules", ""));
    assertThat(applied.get("added").asInt()).isEqualTo(1);

    // by hand: d added (by number), c removed with its reason; the rules neither drop d nor
    // bring c back
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/ledgers/" + id + "/cases",
                    Map.of("petition", num(d), "note", "领导关注"))))
        .isEqualTo(201);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR, PW, "/api/ledgers/" + id + "/cases", Map.of("petition", num(d)))))
        .isEqualTo(409);
    String cid = c.get("id").asString();
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR, PW, "/api/ledgers/" + id + "/cases/" + cid + "/remove", "{}")))
        .isEqualTo(400);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/ledgers/" + id + "/cases/" + cid + "/remove",
                    Map.of("reason", "已由区级台账管理"))))
        .isEqualTo(204);
    body(postJsonAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/apply-rules", ""));
    assertThat(numbers(SUPERVISOR, id, null))
        .containsExactlyInAnyOrder(num(a), num(b), num(x), num(f), num(d));

    // the live rate: a resolved → 1 of 5
    resolve(a.get("id").asString());
    JsonNode view = body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id));
    assertThat(view.get("cases").asInt()).isEqualTo(5);
    assertThat(view.get("resolved").asInt()).isEqualTo(1);
    assertThat(view.get("rate").asDouble()).isEqualTo(20.0);
    assertThat(view.get("removed").asInt()).isEqualTo(1);
    assertThat(numbers(SUPERVISOR, id, "RESOLVED")).containsExactly(num(a));
    assertThat(numbers(SUPERVISOR, id, "UNRESOLVED")).hasSize(4).doesNotContain(num(a));
    List<String> overdue = numbers(SUPERVISOR, id, "OVERDUE");
    assertThat(overdue).isNotEmpty().doesNotContain(num(a)); // old matters with duties past due
    JsonNode cases = body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/cases"));
    JsonNode caseB = find(cases, num(b));
    assertThat(caseB.get("repeat").asBoolean()).isTrue();
    assertThat(caseB.get("petitioner").asString()).isEqualTo("张*");
    assertThat(caseB.get("source").asString()).isEqualTo("RULE");
    assertThat(find(cases, num(d)).get("note").asString()).isEqualTo("领导关注");
    assertThat(find(cases, num(a)).get("resolved").asBoolean()).isTrue();

    // a note, and the history of every act with its actor
    body(
        postJsonAs(
            SUPERVISOR,
            PW,
            "/api/ledgers/" + id + "/cases/" + b.get("id").asString() + "/note",
            Map.of("note", "已约见信访人")));
    JsonNode history = body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/history"));
    assertThat(history.findValuesAsString("act"))
        .contains("create", "apply-rules", "add-case", "remove-case", "note");
    assertThat(history.findValuesAsString("actor")).containsOnly(SUPERVISOR);

    // scope: another district's clerk and the department's handler may not read it; unknown → 404
    assertThat(status(getAs("zs-clerk", PW, "/api/ledgers/" + id))).isEqualTo(403);
    assertThat(status(getAs("dl-handler", PW, "/api/ledgers/" + id))).isEqualTo(403);
    assertThat(status(getAs(SUPERVISOR, PW, "/api/ledgers/no-such-ledger"))).isEqualTo(404);
    assertThat(body(getAs("zs-clerk", PW, "/api/ledgers")).findValuesAsString("name"))
        .doesNotContain("治重访化积案-" + region);
    // the city's leader reads it (jurisdiction) but works only their own organisation's ledgers,
    // and never sees the accusation against a unit below the city government
    assertThat(numbers(LEADER, id, null)).containsExactlyInAnyOrder(num(a), num(b), num(f), num(d));
    assertThat(status(postJsonAs(LEADER, PW, "/api/ledgers/" + id + "/apply-rules", "")))
        .isEqualTo(403);
    JsonNode own = create(LEADER, "万件化访", rules(false, true), 201);
    String ownId = own.get("ledger").get("id").asString();
    assertThat(numbers(LEADER, ownId, null))
        .doesNotContain(num(x), num(a))
        .contains(num(f), num(c));
    assertThat(
            status(
                postJsonAs(
                    LEADER, PW, "/api/ledgers/" + ownId + "/cases", Map.of("petition", num(x)))))
        .isEqualTo(404);
    // a petition of another district is not theirs to add
    JsonNode zs = register(letterWith("2026-05-01", "zs-xfj", null, false));
    JsonNode zsLedger = create("zs-clerk", "中山区积案", rules(false, true), 201);
    assertThat(
            status(
                postJsonAs(
                    "zs-clerk",
                    PW,
                    "/api/ledgers/" + zsLedger.get("ledger").get("id").asString() + "/cases",
                    Map.of("petition", num(a)))))
        .isEqualTo(403);
    assertThat(numbers("zs-clerk", zsLedger.get("ledger").get("id").asString(), null))
        .doesNotContain(num(a));
    assertThat(zs.get("id")).isNotNull();

    // bad input: a period ending before it starts, a rate over 100
    Map<String, Object> bad = ledgerBody("坏台账", rules(true, false));
    bad.put("periodTo", "2025-01-01");
    assertThat(status(postJsonAs(SUPERVISOR, PW, "/api/ledgers", bad))).isEqualTo(400);
    bad = ledgerBody("坏台账", rules(true, false));
    bad.put("targetRate", 120);
    assertThat(status(postJsonAs(SUPERVISOR, PW, "/api/ledgers", bad))).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "Excel: export in the bureaus' layout, parse back, change a note and rows, preview, import;"
          + " bad rows reported, hostile files refused")
  void excelRoundTrip() throws Exception {
    JsonNode a = petition("2026-01-10", null, false);
    JsonNode b = petition("2026-02-10", null, false);
    JsonNode c = petition("2026-03-10", null, false);
    JsonNode extra =
        petition("2026-11-20", null, false); // not selected: to be added by the workbook
    // the province's petition is outside the city supervisor's jurisdiction: not visible
    JsonNode zs = register(letterWith("2026-05-01", "ln-xfj", null, false));
    String id =
        create(SUPERVISOR, "万件化访", rules(false, true), 201).get("ledger").get("id").asString();
    body(
        postJsonAs(
            SUPERVISOR,
            PW,
            "/api/ledgers/" + id + "/cases/" + a.get("id").asString() + "/note",
            Map.of("note", "首次约谈")));

    byte[] xlsx = export(SUPERVISOR, id);
    List<String> header;
    Map<String, Integer> rowOf = new HashMap<>();
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).contains("台账名称").contains("万件化访");
      assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains("2026-01-01").contains("至");
      header = new ArrayList<>();
      for (Cell cell : s.getRow(2)) {
        header.add(cell.getStringCellValue());
      }
      assertThat(header)
          .containsExactly(
              "序号", "信访编号", "信访人", "所属地区", "问题类别", "反映问题", "责任单位", "包案领导", "办理状态", "是否办结", "是否化解",
              "化解情况/备注", "最近办理日期");
      assertThat(s.getLastRowNum()).isEqualTo(2 + 3);
      for (int r = 3; r <= s.getLastRowNum(); r++) {
        Row row = s.getRow(r);
        rowOf.put(row.getCell(1).getStringCellValue(), r);
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo("张*");
        assertThat(row.getCell(3).getStringCellValue()).startsWith(region);
        assertThat(row.getCell(5).getStringCellValue()).isEqualTo("拖欠农民工工资");
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo("大连市信访局");
        assertThat(row.getCell(7).getStringCellValue()).isEmpty();
        assertThat(row.getCell(8).getStringCellValue()).isEqualTo("已登记");
        assertThat(row.getCell(9).getStringCellValue()).isEqualTo("否");
        assertThat(row.getCell(10).getStringCellValue()).isEqualTo("否");
      }
      assertThat(rowOf).containsOnlyKeys(num(a), num(b), num(c));
      assertThat(s.getRow(rowOf.get(num(a))).getCell(11).getStringCellValue()).isEqualTo("首次约谈");
    }

    // the bureau edits the workbook: a note changed, c's row deleted, rows added
    byte[] edited;
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.getSheetAt(0);
      s.getRow(rowOf.get(num(b))).getCell(11).setCellValue("已化解，息访承诺已签");
      s.removeRow(s.getRow(rowOf.get(num(c))));
      int r = s.getLastRowNum() + 1;
      row(s, r++, num(extra), "新纳入");
      row(s, r++, "大信〔2026〕第99999号", "");
      row(s, r++, "", "有备注无编号");
      row(s, r++, num(zs), "");
      row(s, r++, num(a), "重复一行");
      Row formula = s.createRow(r++);
      formula.createCell(1).setCellValue(num(b) + "x");
      formula.createCell(11).setCellFormula("1+1");
      wb.write(out);
      edited = out.toByteArray();
    }

    // the preview changes nothing
    ResultActions previewed = importFile(SUPERVISOR, id, edited, false, true);
    JsonNode preview = body(previewed);
    assertThat(status(previewed)).as(preview.toString()).isEqualTo(200);
    assertThat(preview.get("applied").asBoolean()).isFalse();
    assertThat(preview.get("added").asInt()).isEqualTo(1);
    assertThat(preview.get("noted").asInt()).isEqualTo(1);
    assertThat(preview.get("removed").asInt()).isEqualTo(1);
    assertThat(preview.get("refused").asInt()).isEqualTo(5);
    Map<String, String> reasons = new LinkedHashMap<>();
    for (JsonNode l : preview.get("lines")) {
      if ("REFUSED".equals(l.get("outcome").asString())) {
        reasons.put(l.get("number").asString(), l.get("detail").asString());
      }
    }
    assertThat(reasons.get("大信〔2026〕第99999号")).contains("unknown");
    assertThat(reasons.get(num(zs))).contains("not visible");
    assertThat(reasons.get("")).contains("malformed");
    assertThat(reasons.get(num(a))).contains("duplicate");
    assertThat(reasons.get(num(b) + "x")).contains("formula");
    assertThat(
            find(body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/cases")), num(b))
                .get("note")
                .isNull())
        .isTrue();

    // without confirmation missing rows are kept; applied, the changes are made
    JsonNode kept = body(importFile(SUPERVISOR, id, edited, false, false));
    assertThat(kept.get("kept").asInt()).isEqualTo(1);
    assertThat(kept.get("removed").asInt()).isZero();
    JsonNode applied = body(importFile(SUPERVISOR, id, edited, true, true));
    assertThat(applied.get("applied").asBoolean()).isTrue();
    JsonNode cases = body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/cases"));
    assertThat(cases.findValuesAsString("number"))
        .containsExactlyInAnyOrder(num(a), num(b), num(extra));
    assertThat(find(cases, num(b)).get("note").asString()).isEqualTo("已化解，息访承诺已签");
    assertThat(find(cases, num(extra)).get("note").asString()).isEqualTo("新纳入");
    assertThat(find(cases, num(a)).get("note").asString()).isEqualTo("首次约谈");
    JsonNode history = body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/history"));
    assertThat(history.findValuesAsString("act")).contains("import", "remove-case", "note");

    // hostile and broken files: refused with 400, never 500, nothing changed
    assertThat(status(importFile(SUPERVISOR, id, "not a workbook".getBytes(), true, true)))
        .isEqualTo(400);
    assertThat(status(importFile(SUPERVISOR, id, zipBomb(edited), true, true))).isEqualTo(400);
    assertThat(status(importFile(SUPERVISOR, id, tooManyRows(), true, true))).isEqualTo(400);
    assertThat(body(getAs(SUPERVISOR, PW, "/api/ledgers/" + id + "/cases")).size()).isEqualTo(3);
    // another organisation may not import into it
    assertThat(status(importFile("zs-clerk", id, edited, true, true))).isEqualTo(403);
  }

  @Test
  @DisplayName("the demo city's two ledgers, built from rules over real petitions")
  void demoLedgers() throws Exception {
    JsonNode list = body(getAs(SUPERVISOR, PW, "/api/ledgers"));
    Map<String, JsonNode> byName = new HashMap<>();
    list.forEach(l -> byName.putIfAbsent(l.get("ledger").get("name").asString(), l));
    assertThat(byName).containsKeys("治重访化积案", "万件化访");
    assertThat(byName.get("治重访化积案").get("cases").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(byName.get("万件化访").get("resolved").asInt()).isGreaterThanOrEqualTo(2);
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode petition(String receivedOn, String repeatOf, boolean accusation)
      throws Exception {
    return register(letterWith(receivedOn, DemoData.CITY_PETITION_BUREAU, repeatOf, accusation));
  }

  private Map<String, Object> letterWith(
      String receivedOn, String receivedBy, String repeatOf, boolean accusation) {
    Map<String, Object> body = letter(receivedOn, receivedBy);
    body.put("regionCode", region);
    if (repeatOf != null) {
      body.put("repeatOf", repeatOf);
    }
    if (accusation) {
      body.put("category", "ACCUSATION");
      body.put("subject", "检举人社局工作人员");
      body.put("accused", List.of(Map.of("name", "李某", "organisationId", "dl-rsj")));
    }
    return body;
  }

  /** Forwarded, accepted, answered, delivered and resolved (化解, 条例 Art. 37), as the admin. */
  private void resolve(String id) throws Exception {
    act(id, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    act(
        id,
        "reply",
        Map.of("outcome", "SUPPORT", "opinion", "责令支付。", "basis", "《保障农民工工资支付条例》第十五条"));
    act(id, "deliver", Map.of());
    act(id, "resolve", Map.of("how", "工资已足额支付，信访人签署息访承诺。"));
  }

  private Map<String, Object> rules(boolean repeat, boolean backlog) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("repeat", repeat);
    r.put("backlog", backlog);
    r.put("regionPrefix", region);
    return r;
  }

  private Map<String, Object> ledgerBody(String name, Map<String, Object> rules) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name + "-" + region);
    body.put("periodFrom", "2026-01-01");
    body.put("periodTo", "2026-12-31");
    body.put("targetRate", 90);
    body.put("rules", rules);
    return body;
  }

  private JsonNode create(String user, String name, Map<String, Object> rules, int expected)
      throws Exception {
    ResultActions r = postJsonAs(user, PW, "/api/ledgers", ledgerBody(name, rules));
    JsonNode node = body(r);
    assertThat(status(r)).as(node.toString()).isEqualTo(expected);
    return node;
  }

  private List<String> numbers(String user, String id, String filter) throws Exception {
    ResultActions r =
        getAs(
            user,
            PW,
            "/api/ledgers/" + id + "/cases" + (filter == null ? "" : "?filter=" + filter));
    assertThat(status(r)).isEqualTo(200);
    return body(r).findValuesAsString("number");
  }

  private static JsonNode find(JsonNode cases, String number) {
    for (JsonNode c : cases) {
      if (number.equals(c.get("number").asString())) {
        return c;
      }
    }
    throw new AssertionError("no case " + number + " in " + cases);
  }

  private static String num(JsonNode petition) {
    return petition.get("number").asString();
  }

  private static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }

  private byte[] export(String user, String id) throws Exception {
    var response =
        mvc.perform(get("/api/ledgers/" + id + "/export.xlsx").with(httpBasic(user, PW)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).contains("spreadsheetml");
    assertThat(response.getHeader("Content-Disposition")).contains("attachment");
    return response.getContentAsByteArray();
  }

  private ResultActions importFile(
      String user, String id, byte[] bytes, boolean apply, boolean confirm) throws Exception {
    return mvc.perform(
        multipart("/api/ledgers/" + id + "/import")
            .file(
                new MockMultipartFile(
                    "file",
                    "ledger.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bytes))
            .param("apply", Boolean.toString(apply))
            .param("confirmRemovals", Boolean.toString(confirm))
            .with(httpBasic(user, PW)));
  }

  private static void row(Sheet s, int r, String number, String note) {
    Row row = s.createRow(r);
    row.createCell(0).setCellValue(r - 2);
    row.createCell(1).setCellValue(number);
    row.createCell(5).setCellValue("x");
    row.createCell(11).setCellValue(note);
  }

  /** The workbook with one more entry that inflates 50 MB of zeros from a few kilobytes. */
  private static byte[] zipBomb(byte[] xlsx) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("xl/media/bomb.bin"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 50; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] tooManyRows() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet();
      s.createRow(0).createCell(1).setCellValue("信访编号");
      for (int r = 1; r <= 6000; r++) {
        s.createRow(r).createCell(1).setCellValue("大信〔2026〕第" + r + "号");
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
