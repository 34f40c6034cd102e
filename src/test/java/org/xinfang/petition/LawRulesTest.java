package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.demo.DemoData.CITY_DISCIPLINE_INSPECTION;
import static org.xinfang.demo.DemoData.CITY_GOVERNMENT;
import static org.xinfang.demo.DemoData.CITY_HANDLER;
import static org.xinfang.demo.DemoData.CITY_HOUSING;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.CITY_POLITICAL_LEGAL;
import static org.xinfang.demo.DemoData.CITY_REGISTRAR;
import static org.xinfang.demo.DemoData.PASSWORD;
import static org.xinfang.demo.DemoData.PROVINCE_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.QINGNIWAQIAO_STREET;
import static org.xinfang.demo.DemoData.ZHONGSHAN_GOVERNMENT;
import static org.xinfang.demo.DemoData.ZHONGSHAN_HANDLER;
import static org.xinfang.demo.DemoData.ZHONGSHAN_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.ZHONGSHAN_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.ZHONGSHAN_POLITICAL_LEGAL;
import static org.xinfang.demo.DemoData.ZHONGSHAN_REGISTRAR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * One test per duty and refusal of LAW.md §§1–6, each named after its article, driven through the
 * public API as a client would.
 *
 * <p>Expected due dates are computed by hand from LAW.md §7 and written beside each assertion: the
 * day of the event is not counted (民法典 Art. 201); a calendar-day period ending on a rest day ends
 * on the next working day (民法典 Art. 203); working days are Monday–Friday minus the State Council's
 * days off plus its swapped working weekends.
 *
 * <ul>
 *   <li>2025 (国务院办公厅 notice): off 1/1, 1/28–2/4, 4/4–4/6, 5/1–5/5, 5/31–6/2, 10/1–10/8; working
 *       weekends 1/26, 2/8, 4/27, 9/28, 10/11. 26 Sep 2025 is a Friday.
 *   <li>2026: off 1/1–1/3, 2/15–2/23, 4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7; working
 *       weekends 1/4, 2/14, 2/28, 5/9, 9/20, 10/10. Weekdays: 1 Feb is a Sunday, 1 Mar a Sunday, 1
 *       Apr a Wednesday, 1 May a Friday, 1 Jun a Monday, 1 Sep a Tuesday, 1 Oct a Thursday, 1 Nov a
 *       Sunday.
 *   <li>2027: not loaded → provisional.
 * </ul>
 *
 * <p>The demo city (DemoCity): 大连市信访局 {@code dl-xfj} is a petition bureau; 大连市人社局 {@code dl-rsj} a
 * city department; 中山区人社局 {@code zs-rsj} a county department; 青泥洼桥街道 {@code zs-qnwq} a street.
 */
class LawRulesTest extends IntegrationTest {

  private static final String BUREAU = CITY_PETITION_BUREAU;
  private static final String CITY_DEPT = CITY_HUMAN_RESOURCES;
  private static final String COUNTY_DEPT = ZHONGSHAN_HUMAN_RESOURCES;

  // ================================================================== §1 intake (Arts. 17–21)

  @Test
  @DisplayName(
      "条例 Art. 17: every channel (online, letter, phone, fax, visit) enters the same record")
  void everyChannelEntersTheSameRecord() throws Exception {
    for (String channel : List.of("ONLINE", "LETTER", "PHONE", "FAX", "VISIT")) {
      Map<String, Object> body = letter("2026-03-02", BUREAU);
      body.put("channel", channel);
      JsonNode p = register(body);
      assertThat(p.get("channel").asString()).isEqualTo(channel);
      assertThat(p.get("state").asString()).isEqualTo("REGISTERED");
      // the same workflow: ROUTE 03-02 + 15 = 03-17 (Tue)
      assertThat(dueDates(p)).isEqualTo(Map.of("ROUTE", "2026-03-17"));
    }
  }

  @Test
  @DisplayName("LAW.md §1: every petition gets a human-readable number and a query code")
  void numberAndQueryCode() throws Exception {
    JsonNode a = register(letter("2026-03-02", BUREAU));
    JsonNode b = register(letter("2026-03-02", BUREAU));
    assertThat(a.get("number").asString()).matches("大信〔2026〕第\\d{5}号");
    assertThat(b.get("number").asString()).isNotEqualTo(a.get("number").asString());
    assertThat(a.get("queryCode").asString()).matches("[A-Z0-9]{6,}");
    assertThat(b.get("queryCode").asString()).isNotEqualTo(a.get("queryCode").asString());
  }

  @Test
  @DisplayName(
      "条例 Art. 19: a registration needs a petitioner entry and a request, facts or subject")
  void registrationContent() throws Exception {
    Map<String, Object> nothing = letter("2026-03-02", BUREAU);
    nothing.remove("subject");
    nothing.remove("facts");
    nothing.remove("request");
    expect(postJson("/api/petitions", nothing), 400);
    Map<String, Object> nobody = letter("2026-03-02", BUREAU);
    nobody.put("petitioners", List.of());
    expect(postJson("/api/petitions", nobody), 400);
  }

  @Test
  @DisplayName("条例 Art. 20 para. 3: a collective visit with 6 representatives is refused")
  void collectiveVisitRepresentatives() throws Exception {
    Map<String, Object> six = visit("2026-03-02", BUREAU);
    six.put("representatives", 6);
    six.put("persons", 40);
    JsonNode problem = expect(postJson("/api/petitions", six), 409);
    assertThat(problem.get("rule").asString())
        .isEqualTo("collective-visit-representatives (条例 Art. 20 para. 3)");
    // five representatives are allowed; the 40 people present are recorded separately (人次)
    Map<String, Object> five = visit("2026-03-02", BUREAU);
    five.put("representatives", 5);
    five.put("persons", 40);
    JsonNode p = register(five);
    assertThat(p.get("representatives").asInt()).isEqualTo(5);
    assertThat(p.get("persons").asInt()).isEqualTo(40);
    assertThat(p.get("collective").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("条例 Art. 23 para. 2: an anonymous letter owes no written notice")
  void anonymousLetterOwesNoNotice() throws Exception {
    // received directly by a department (not a petition bureau): normally NOTIFY_RECEIPT is owed
    Map<String, Object> anonymous = letter("2026-03-02", CITY_DEPT);
    anonymous.put("petitioners", List.of(Map.of("phone", "13800000001")));
    JsonNode p = register(anonymous);
    assertThat(p.get("anonymous").asBoolean()).isTrue();
    assertThat(p.get("noticeOwed").asBoolean()).isFalse();
    assertThat(dueDates(p)).doesNotContainKey("NOTIFY_RECEIPT");
    // a name without an address: the notice cannot be delivered either ("姓名、住址不清")
    Map<String, Object> noAddress = letter("2026-03-02", CITY_DEPT);
    noAddress.put("petitioners", List.of(Map.of("name", "王五")));
    JsonNode q = register(noAddress);
    assertThat(q.get("noticeOwed").asBoolean()).isFalse();
    assertThat(dueDates(q)).doesNotContainKey("NOTIFY_RECEIPT");
    // forwarded by the bureau: the receiving organ owes no notice either, only its objection window
    Map<String, Object> viaBureau = letter("2026-03-02", BUREAU);
    viaBureau.put("petitioners", List.of(Map.of("phone", "13800000001")));
    String id = id(register(viaBureau));
    JsonNode f = act(id, "forward", on("2026-03-02", "to", CITY_DEPT));
    assertThat(dueDates(f)).doesNotContainKey("NOTIFY_RECEIPT");
    // OBJECT: 5 working days after 03-02 (Mon): 03-03, 03-04, 03-05, 03-06, 03-09 → 03-09
    assertThat(dueDates(f)).isEqualTo(Map.of("OBJECT", "2026-03-09"));
  }

  @Test
  @DisplayName(
      "条例 Art. 23 paras. 1–2: an organ receiving a matter directly owes NOTIFY_RECEIPT in 15 days")
  void directReceiptOwesNotice() throws Exception {
    JsonNode p = register(letter("2026-09-10", CITY_DEPT));
    // 09-10 (Thu) + 15 = 09-25 (Fri), a day off (9/25–9/27); 09-26 Sat, 09-27 Sun off → 09-28 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("NOTIFY_RECEIPT", "2026-09-28"));
    assertThat(duty(p, "NOTIFY_RECEIPT").get("owedBy").asString()).isEqualTo(CITY_DEPT);
    assertThat(duty(p, "NOTIFY_RECEIPT").get("basis").asString()).contains("条例 Art. 23");
  }

  // ================================================================== §2 the 15-day step

  @Test
  @DisplayName("条例 Art. 22: a petition bureau owes ROUTE within 15 days")
  void bureauOwesRoute() throws Exception {
    JsonNode p = register(letter("2026-09-10", BUREAU));
    // 09-10 (Thu) + 15 = 09-25 (Fri), a day off (9/25–9/27) → 09-28 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("ROUTE", "2026-09-28"));
    JsonNode route = duty(p, "ROUTE");
    assertThat(route.get("owedBy").asString()).isEqualTo(BUREAU);
    assertThat(route.get("basis").asString()).contains("条例 Art. 22");
    assertThat(route.get("provisional").asBoolean()).isFalse();
    // routing discharges it
    JsonNode f = act(id(p), "forward", on("2026-09-11", "to", CITY_DEPT));
    assertThat(dueDates(f)).doesNotContainKey("ROUTE");
  }

  @Test
  @DisplayName(
      "条例 Art. 22: a matter forwarded to a lower petition bureau is registered there and routed"
          + " on within 15 days of its receipt (逐级转送)")
  void lowerBureauRoutesOn() throws Exception {
    String id = id(register(letter("2026-04-28", BUREAU)));
    JsonNode p = act(id, "forward", on("2026-04-30", "to", ZHONGSHAN_PETITION_BUREAU));
    assertThat(p.get("state").asString()).isEqualTo("REGISTERED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(ZHONGSHAN_PETITION_BUREAU);
    // received on the day it was sent: 04-30 + 15 = 05-15 (Fri)
    assertThat(dueDates(p)).isEqualTo(Map.of("ROUTE", "2026-05-15"));
    assertThat(duty(p, "ROUTE").get("owedBy").asString()).isEqualTo(ZHONGSHAN_PETITION_BUREAU);
    assertThat(duty(p, "ROUTE").get("basis").asString()).contains("条例 Art. 22");
    // the district bureau forwards it to the competent department, which then owes its notice
    p = act(id, "forward", on("2026-05-06", "to", COUNTY_DEPT));
    assertThat(p.get("state").asString()).isEqualTo("FORWARDED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(COUNTY_DEPT);
    assertThat(dueDates(p)).containsKeys("NOTIFY_RECEIPT", "OBJECT").doesNotContainKey("ROUTE");
    // a matter forwarded to a department stays there: that department does not route it on
    String other = id(register(letter("2026-04-28", BUREAU)));
    act(other, "forward", on("2026-04-30", "to", CITY_DEPT));
    refused(other, "forward", on("2026-05-06", "to", COUNTY_DEPT), "forward-state (条例 Art. 22)");
    // only downwards: a district bureau's forward up to the city bureau is an ordinary forward,
    // so a matter cannot go round between bureaus with fresh 15 days at each
    p =
        act(
            id(register(letter("2026-04-28", ZHONGSHAN_PETITION_BUREAU))),
            "forward",
            on("2026-04-30", "to", BUREAU));
    assertThat(p.get("state").asString()).isEqualTo("FORWARDED");
    assertThat(dueDates(p)).containsKeys("NOTIFY_RECEIPT", "OBJECT").doesNotContainKey("ROUTE");
  }

  @Test
  @DisplayName("条例 Art. 22: a matter is routed to another organ, not to the one holding it")
  void routeToAnotherOrgan() throws Exception {
    String id = id(register(letter("2026-03-02", BUREAU)));
    refused(id, "forward", on("2026-03-02", "to", BUREAU), "route-to-another-organ (条例 Art. 22)");
  }

  @Test
  @DisplayName(
      "条例 Art. 23 para. 3: a forwarded matter owes NOTIFY_RECEIPT in 15 days and OBJECT in 5 working days")
  void forwardedMatterDuties() throws Exception {
    String id = id(register(letter("2025-09-26", BUREAU)));
    JsonNode p = act(id, "forward", on("2025-09-26", "to", CITY_DEPT));
    // received by dl-rsj on the day of the forward (API.md)
    // NOTIFY_RECEIPT: 2025-09-26 + 15 = 10-11, a swapped working Saturday → no roll (LAW.md §7)
    // OBJECT: 5 working days after 09-26 (Fri): 09-27 Sat off; 09-28 Sun worked = 1; 09-29 = 2;
    // 09-30 = 3; 10-01..10-08 off; 10-09 = 4; 10-10 = 5 → 10-10 (LAW.md §7 worked example)
    assertThat(dueDates(p))
        .isEqualTo(Map.of("NOTIFY_RECEIPT", "2025-10-11", "OBJECT", "2025-10-10"));
    assertThat(duty(p, "NOTIFY_RECEIPT").get("owedBy").asString()).isEqualTo(CITY_DEPT);
    assertThat(duty(p, "OBJECT").get("owedBy").asString()).isEqualTo(CITY_DEPT);
    assertThat(duty(p, "OBJECT").get("optional").asBoolean()).isTrue();
    // acceptance is the written notice of receipt: it discharges NOTIFY_RECEIPT and OBJECT
    JsonNode a =
        act(
            id,
            "accept",
            on("2025-09-29", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    assertThat(dueDates(a)).containsOnlyKeys("CONCLUDE");
  }

  @Test
  @DisplayName("条例 Art. 23 para. 3: objection within 5 working days; after → 409 objection-window")
  void objectionWindow() throws Exception {
    String id = id(register(letter("2025-09-26", BUREAU)));
    act(id, "forward", on("2025-09-26", "to", CITY_DEPT));
    // the window ends 2025-10-10 (see above); 10-11 is a working Saturday but the 6th working day
    refused(
        id,
        "object",
        on("2025-10-11", "reason", "不属于本机关职权范围"),
        "objection-window (条例 Art. 23 para. 3)");
    // the reasons are required
    expect(postJson(url(id, "object"), on("2025-10-10")), 400);
    // on the last day it is in time
    JsonNode p = act(id, "object", on("2025-10-10", "reason", "不属于本机关职权范围，应由住建部门处理"));
    assertThat(p.get("state").asString()).isEqualTo("OBJECTED");
    // the sender now decides
    assertThat(duty(p, "DECIDE_OBJECTION").get("owedBy").asString()).isEqualTo(BUREAU);
  }

  @Test
  @DisplayName("条例 Art. 23 para. 3: only a forwarded or assigned matter can be objected to")
  void objectOnlyToRoutedMatters() throws Exception {
    String id = id(register(letter("2026-03-02", CITY_DEPT)));
    refused(
        id,
        "object",
        on("2026-03-02", "reason", "不属于本机关职权范围"),
        "object-state (条例 Art. 23 para. 3)");
  }

  @Test
  @DisplayName(
      "条例 Art. 23 para. 3: the sender accepts the objection → back to REGISTERED at the sender, which owes ROUTE")
  void objectionAccepted() throws Exception {
    String id = id(register(letter("2026-03-02", BUREAU)));
    act(id, "forward", on("2026-03-02", "to", CITY_DEPT));
    act(id, "object", on("2026-03-04", "reason", "属于住建部门职权"));
    JsonNode p = act(id, "decide-objection", on("2026-03-11", "accepted", true, "reason", "异议成立"));
    assertThat(p.get("state").asString()).isEqualTo("REGISTERED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(BUREAU);
    // the bureau routes again: 15 days from taking the matter back, 03-11 (Wed) + 15 = 03-26 (Thu)
    assertThat(dueDates(p)).isEqualTo(Map.of("ROUTE", "2026-03-26"));
    assertThat(duty(p, "ROUTE").get("owedBy").asString()).isEqualTo(BUREAU);
    JsonNode again = act(id, "forward", on("2026-03-12", "to", CITY_HOUSING));
    assertThat(again.get("handlingOrganisation").asString()).isEqualTo(CITY_HOUSING);
  }

  @Test
  @DisplayName(
      "条例 Art. 23 para. 3: the sender rejects the objection → the organ must handle it; a second objection is refused")
  void objectionRejected() throws Exception {
    String id = id(register(letter("2026-03-02", BUREAU)));
    act(id, "forward", on("2026-03-02", "to", CITY_DEPT));
    act(id, "object", on("2026-03-04", "reason", "属于住建部门职权"));
    JsonNode p =
        act(id, "decide-objection", on("2026-03-05", "accepted", false, "reason", "异议不成立"));
    assertThat(p.get("state").asString()).isEqualTo("FORWARDED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_DEPT);
    // still owed: the notice within 15 days of receipt, 03-02 + 15 = 03-17 (Tue); no more objection
    assertThat(dueDates(p)).isEqualTo(Map.of("NOTIFY_RECEIPT", "2026-03-17"));
    refused(
        id,
        "object",
        on("2026-03-06", "reason", "仍不属于本机关职权"),
        "objection-decided (条例 Art. 23 para. 3)");
    JsonNode a =
        act(
            id,
            "accept",
            on("2026-03-06", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    assertThat(a.get("state").asString()).isEqualTo("ACCEPTED");
  }

  @Test
  @DisplayName(
      "条例 Art. 22 item 3: assign only by a petition bureau, REPORT duty at reportDue, report discharges it")
  void assignAndReport() throws Exception {
    // a department cannot assign (交办); it may forward
    String dept = id(register(letter("2026-03-02", CITY_DEPT)));
    refused(
        dept,
        "assign",
        on("2026-03-02", "to", COUNTY_DEPT, "reportDue", "2026-04-30"),
        "assign-by-petition-bureau (条例 Art. 22 item 3)");

    String id = id(register(letter("2026-03-02", BUREAU)));
    JsonNode p = act(id, "assign", on("2026-03-03", "to", CITY_DEPT, "reportDue", "2026-04-30"));
    assertThat(p.get("state").asString()).isEqualTo("ASSIGNED");
    // REPORT at the date the bureau set; NOTIFY_RECEIPT 03-03 (Tue) + 15 = 03-18 (Wed);
    // OBJECT 5 working days after 03-03: 03-04, 03-05, 03-06, 03-09, 03-10 → 03-10
    assertThat(dueDates(p))
        .isEqualTo(
            Map.of("REPORT", "2026-04-30", "NOTIFY_RECEIPT", "2026-03-18", "OBJECT", "2026-03-10"));
    assertThat(duty(p, "REPORT").get("owedBy").asString()).isEqualTo(CITY_DEPT);
    assertThat(duty(p, "REPORT").get("basis").asString()).contains("条例 Art. 22 item 3");

    p =
        act(
            id,
            "accept",
            on("2026-03-05", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    // CONCLUDE 03-05 + 60 = 05-04, inside 5/1–5/5 → 05-06 (Wed); the REPORT is still owed
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-05-06", "REPORT", "2026-04-30"));
    p = act(id, "report", on("2026-04-20", "summary", "已约谈企业，正在核查工资台账。"));
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-05-06"));
    refused(
        id,
        "report",
        on("2026-04-21", "summary", "再次报告"),
        "report-on-assignment (条例 Art. 22 item 3)");
    // a forwarded (not assigned) matter owes no result report
    String fwd = id(register(letter("2026-03-02", BUREAU)));
    act(fwd, "forward", on("2026-03-02", "to", CITY_DEPT));
    act(fwd, "accept", on("2026-03-03", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    refused(
        fwd,
        "report",
        on("2026-03-04", "summary", "报告"),
        "report-on-assignment (条例 Art. 22 item 3)");
  }

  @Test
  @DisplayName("条例 Art. 30 para. 3: forwarding an accusation to the accused unit is refused")
  void accusationNeverToTheAccused() throws Exception {
    Map<String, Object> body = letter("2026-03-02", BUREAU);
    body.put("category", "ACCUSATION");
    body.put("subject", "举报中山区人社局工作人员吃拿卡要");
    body.put("accused", List.of(Map.of("name", "李四", "organisationId", COUNTY_DEPT)));
    String id = id(register(body));
    refused(
        id,
        "forward",
        on("2026-03-02", "to", COUNTY_DEPT),
        "accusation-not-to-accused (条例 Art. 30 para. 3)");
    refused(
        id,
        "assign",
        on("2026-03-02", "to", COUNTY_DEPT, "reportDue", "2026-04-30"),
        "accusation-not-to-accused (条例 Art. 30 para. 3)");
    JsonNode p = act(id, "forward", on("2026-03-02", "to", CITY_DISCIPLINE_INSPECTION));
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_DISCIPLINE_INSPECTION);
  }

  @Test
  @DisplayName(
      "条例 Art. 30 para. 3: a matter naming an accused unit never goes to it, however it is classed")
  void accusedUnitNeverReceivesAnUnclassedMatter() throws Exception {
    Map<String, Object> body = letter("2026-03-02", BUREAU);
    body.put("accused", List.of(Map.of("name", "李四", "organisationId", COUNTY_DEPT)));
    String id = id(register(body)); // no category yet
    refused(
        id,
        "forward",
        on("2026-03-02", "to", COUNTY_DEPT),
        "accusation-not-to-accused (条例 Art. 30 para. 3)");
  }

  @Test
  @DisplayName(
      "条例 Art. 30: accusation periods are working days: DISPOSE in 5, NOTIFY_RECEIPT in 15")
  void accusationWorkingDays() throws Exception {
    Map<String, Object> body = letter("2026-02-12", BUREAU);
    body.put("category", "ACCUSATION");
    body.put("accused", List.of(Map.of("name", "李四", "organisationId", COUNTY_DEPT)));
    String id = id(register(body));
    JsonNode p = act(id, "forward", on("2026-02-12", "to", CITY_DISCIPLINE_INSPECTION));
    // from 02-12 (Thu): 02-13 = 1; 02-14 (swapped working Saturday) = 2; 02-15..02-23 off;
    // 02-24 = 3; 02-25 = 4; 02-26 = 5 → DISPOSE 02-26 (and OBJECT, also 5 working days: 02-26);
    // 02-27 = 6; 02-28 (swapped Saturday) = 7; 03-02..03-06 = 8..12; 03-09, 03-10, 03-11 = 13..15
    // → NOTIFY_RECEIPT 03-11 (a calendar reading would give 02-27)
    assertThat(dueDates(p))
        .isEqualTo(
            Map.of(
                "DISPOSE", "2026-02-26", "NOTIFY_RECEIPT", "2026-03-11", "OBJECT", "2026-02-26"));
    assertThat(duty(p, "DISPOSE").get("owedBy").asString()).isEqualTo(CITY_DISCIPLINE_INSPECTION);
    assertThat(duty(p, "NOTIFY_RECEIPT").get("owedBy").asString())
        .isEqualTo(CITY_DISCIPLINE_INSPECTION);
    // received directly by the discipline inspection organ: the same working-day periods
    Map<String, Object> direct = letter("2026-02-12", CITY_DISCIPLINE_INSPECTION);
    direct.put("category", "ACCUSATION");
    JsonNode d = register(direct);
    assertThat(dueDates(d))
        .isEqualTo(Map.of("DISPOSE", "2026-02-26", "NOTIFY_RECEIPT", "2026-03-11"));
  }

  @Test
  @DisplayName("条例 Art. 22 para. 2: litigation-related matters go to the political-legal organ")
  void litigationToPoliticalLegal() throws Exception {
    Map<String, Object> body = letter("2026-03-02", BUREAU);
    body.put("litigationRelated", true);
    body.put("subject", "不服劳动争议案件判决");
    String id = id(register(body));
    refused(
        id,
        "forward",
        on("2026-03-02", "to", CITY_DEPT),
        "litigation-to-political-legal (条例 Art. 22 para. 2, Art. 28 para. 2)");
    JsonNode p = act(id, "forward", on("2026-03-02", "to", CITY_POLITICAL_LEGAL));
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_POLITICAL_LEGAL);
  }

  @Test
  @DisplayName(
      "条例 Art. 22 para. 2, Art. 28 para. 2: a litigation-related matter leaves the ordinary track:"
          + " not accepted on pathway 6")
  void litigationNotHandledAsAPetition() throws Exception {
    String id = litigationLetter();
    refused(
        id,
        "accept",
        on("2026-03-02", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"),
        "litigation-leaves-ordinary-track (条例 Art. 22 para. 2, Art. 28 para. 2)");
    assertThat(
            act(id, "divert", on("2026-03-02", "pathway", "LITIGATION", "guidance", "依法向法院申请再审"))
                .get("state")
                .asString())
        .isEqualTo("DIVERTED");
  }

  @Test
  @DisplayName(
      "条例 Art. 22 para. 2: a bureau's litigation matter goes to the political-legal organ of its own level")
  void litigationToSameLevelPoliticalLegal() throws Exception {
    // 转送同级政法部门: 大连市信访局 → 大连市委政法委, not 中山区委政法委 (a level below)
    String id = litigationLetter();
    refused(
        id,
        "forward",
        on("2026-03-02", "to", ZHONGSHAN_POLITICAL_LEGAL),
        "litigation-to-political-legal (条例 Art. 22 para. 2, Art. 28 para. 2)");
  }

  // ================================================================== §3 not accepted

  @Test
  @DisplayName("2014 逐级走访办法 Art. 4: LEVEL_SKIPPING is a ground for visits only")
  void levelSkippingOnlyForVisits() throws Exception {
    String letterId = id(register(letter("2026-03-02", BUREAU)));
    refused(
        letterId,
        "decline",
        on("2026-03-02", "ground", "LEVEL_SKIPPING", "detail", "越级"),
        "level-skipping-visits-only (2014 逐级走访办法 Art. 4)");
    String visitId = id(register(visit("2026-03-02", BUREAU)));
    JsonNode p =
        act(
            visitId,
            "decline",
            on("2026-03-02", "ground", "LEVEL_SKIPPING", "detail", "越级走访，请到中山区信访局反映"));
    assertThat(p.get("state").asString()).isEqualTo("DECLINED");
    assertThat(lastAct(p).get("article").asString()).isEqualTo("2014 逐级走访办法 Art. 4");
    assertThat(dueDates(p)).isEmpty();
    // configurable scope (LAW.md §1), by default grievances (申诉求决) only: not a suggestion
    Map<String, Object> suggestion = visit("2026-03-02", BUREAU);
    suggestion.put("category", "SUGGESTION");
    String suggestionId = id(register(suggestion));
    refused(
        suggestionId,
        "decline",
        on("2026-03-02", "ground", "LEVEL_SKIPPING", "detail", "越级"),
        "level-skipping-scope (2014 逐级走访办法 Art. 4)");
  }

  @Test
  @DisplayName(
      "条例 Art. 20 para. 1: a visit to the matter's own level or one above skips none; a street's"
          + " matter visited at the city skips the district")
  void levelSkippingFollowsTheRegion() throws Exception {
    Map<String, Object> district = visit("2026-03-02", BUREAU);
    district.put("regionCode", "210202"); // 中山区: the city is one level up
    refused(
        id(register(district)),
        "decline",
        on("2026-03-02", "ground", "LEVEL_SKIPPING", "detail", "越级"),
        "level-skipping-not-skipped (条例 Art. 20 para. 1; 2014 逐级走访办法 Art. 4)");
    Map<String, Object> city = visit("2026-03-02", BUREAU);
    city.put("regionCode", "210200");
    refused(
        id(register(city)),
        "decline",
        on("2026-03-02", "ground", "LEVEL_SKIPPING", "detail", "越级"),
        "level-skipping-not-skipped (条例 Art. 20 para. 1; 2014 逐级走访办法 Art. 4)");
    Map<String, Object> street = visit("2026-03-02", BUREAU);
    street.put("regionCode", "210202002"); // a street of 中山区: the district was skipped
    String skipped = id(register(street));
    // the visitor is sent to an organ the matter may be raised at, not back here or elsewhere
    refused(
        skipped,
        "decline",
        on(
            "2026-03-02",
            "ground",
            "LEVEL_SKIPPING",
            "detail",
            "越级",
            "competentOrganisation",
            BUREAU),
        "level-skipping-guidance (条例 Art. 20 para. 1; 2014 逐级走访办法 Art. 4)");
    JsonNode p =
        act(
            skipped,
            "decline",
            on("2026-03-02", "ground", "LEVEL_SKIPPING", "detail", "越级走访，请到中山区信访局反映"));
    assertThat(p.get("state").asString()).isEqualTo("DECLINED");
    // 2014 办法 Art. 4: the visitor is guided to the skipped level's bureau, which is informed
    assertThat(lastAct(p).get("details").get("competentOrganisation").asString())
        .isEqualTo(ZHONGSHAN_PETITION_BUREAU);
    JsonNode tasks = body(getJson("/api/tasks?owedBy=" + ZHONGSHAN_PETITION_BUREAU));
    boolean informed = false;
    for (JsonNode t : tasks) {
      informed |=
          t.get("petitionId").asString().equals(skipped)
              && t.get("source").asString().equals("LEVEL_SKIPPED")
              && t.get("basis").asString().contains("2014 逐级走访办法 Art. 4");
    }
    assertThat(informed).as("a task for %s in %s", ZHONGSHAN_PETITION_BUREAU, tasks).isTrue();
  }

  @Test
  @DisplayName(
      "条例 Arts. 35–36: APPEAL_WINDOW_MISSED names the earlier matter whose written answer was not"
          + " appealed in time")
  void appealWindowMissedNamesTheAnswer() throws Exception {
    String answered = delivered(COUNTY_DEPT); // opinion delivered 03-17: review window to 04-16
    today("2026-05-06");
    String late = id(register(letter("2026-05-06", CITY_DEPT)));
    refused(
        late,
        "decline",
        on("2026-05-06", "ground", "APPEAL_WINDOW_MISSED", "detail", "已超过复查期限"),
        "appeal-window-missed (条例 Arts. 35–36)");
    // an "earlier" matter received after this one was not missed by it
    String afterwards = delivered(COUNTY_DEPT);
    String before = id(register(letter("2026-03-01", CITY_DEPT)));
    refused(
        before,
        "decline",
        declining("2026-05-06", "APPEAL_WINDOW_MISSED", "已超过复查期限", "earlierPetition", afterwards),
        "appeal-window-missed (条例 Arts. 35–36)");
    String pending = id(register(letter("2026-05-06", CITY_DEPT)));
    refused(
        late,
        "decline",
        declining("2026-05-06", "APPEAL_WINDOW_MISSED", "已超过复查期限", "earlierPetition", pending),
        "appeal-window-missed (条例 Arts. 35–36)");
    JsonNode p =
        act(
            late,
            "decline",
            declining(
                "2026-05-06",
                "APPEAL_WINDOW_MISSED",
                "已超过复查期限，且无正当理由",
                "earlierPetition",
                answered));
    assertThat(p.get("state").asString()).isEqualTo("DECLINED");
  }

  @Test
  @DisplayName(
      "条例 Art. 23 para. 1; Art. 19 para. 3: NOT_COMPETENT names another organ, not itself;"
          + " ALREADY_IN_PROGRESS names the matter in progress")
  void declineGroundsNameTheirOther() throws Exception {
    String id = id(register(letter("2026-03-02", CITY_DEPT)));
    refused(
        id,
        "decline",
        on(
            "2026-03-02",
            "ground",
            "NOT_COMPETENT",
            "detail",
            "不属本局",
            "competentOrganisation",
            CITY_DEPT),
        "not-competent-names-another (条例 Art. 23 para. 1)");
    refused(
        id,
        "decline",
        on("2026-03-02", "ground", "ALREADY_IN_PROGRESS", "detail", "正在办理"),
        "already-in-progress (条例 Art. 19 para. 3)");
    assertThat(get(id).get("state").asString()).isEqualTo("REGISTERED");
  }

  @Test
  @DisplayName("LAW.md §3: a decline states its ground and its reasons")
  void declineNeedsGroundAndReasons() throws Exception {
    String id = id(register(letter("2026-03-02", CITY_DEPT)));
    expect(postJson(url(id, "decline"), on("2026-03-02", "ground", "NOT_COMPETENT")), 400);
    expect(
        postJson(url(id, "decline"), on("2026-03-02", "ground", "NOT_COMPETENT", "detail", "  ")),
        400);
    expect(postJson(url(id, "decline"), on("2026-03-02", "detail", "不属于本机关职权")), 400);
    expect(
        postJson(url(id, "decline"), on("2026-03-02", "ground", "NO_SUCH_GROUND", "detail", "x")),
        400);
    // nothing was recorded
    assertThat(get(id).get("state").asString()).isEqualTo("REGISTERED");
  }

  @Test
  @DisplayName("条例 Art. 23 para. 1: NOT_COMPETENT names the competent organ")
  void notCompetent() throws Exception {
    String id = id(register(letter("2026-03-02", CITY_DEPT)));
    expect(
        postJson(
            url(id, "decline"),
            on(
                "2026-03-02",
                "ground",
                "NOT_COMPETENT",
                "detail",
                "请向住建局反映",
                "competentOrganisation",
                "no-such-organ")),
        400);
    JsonNode p =
        act(
            id,
            "decline",
            on(
                "2026-03-02",
                "ground",
                "NOT_COMPETENT",
                "detail",
                "不属于本机关职权，请向大连市住建局反映",
                "competentOrganisation",
                CITY_HOUSING));
    assertThat(p.get("state").asString()).isEqualTo("DECLINED");
    assertThat(p.get("concluded").asBoolean()).isTrue();
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 23 para. 1");
    assertThat(dueDates(p)).isEmpty();
  }

  @Test
  @DisplayName(
      "条例 Art. 19 para. 3: ALREADY_IN_PROGRESS only while the earlier petition is in progress")
  void alreadyInProgress() throws Exception {
    String earlier = id(register(letter("2026-03-02", COUNTY_DEPT)));
    act(
        earlier,
        "accept",
        on("2026-03-02", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    String again = id(register(letter("2026-03-10", CITY_DEPT)));
    JsonNode p =
        act(
            again,
            "decline",
            on(
                "2026-03-10",
                "ground",
                "ALREADY_IN_PROGRESS",
                "detail",
                "该事项正在中山区人社局办理中",
                "earlierPetition",
                earlier));
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 19 para. 3");

    String concluded = id(register(letter("2026-03-02", COUNTY_DEPT)));
    act(concluded, "decline", on("2026-03-02", "ground", "NOT_COMPETENT", "detail", "不属于本机关职权"));
    String third = id(register(letter("2026-03-10", CITY_DEPT)));
    refused(
        third,
        "decline",
        on(
            "2026-03-10",
            "ground",
            "ALREADY_IN_PROGRESS",
            "detail",
            "正在办理",
            "earlierPetition",
            concluded),
        "already-in-progress (条例 Art. 19 para. 3)");
  }

  @Test
  @DisplayName(
      "条例 Art. 19 para. 3: ALREADY_IN_PROGRESS is a ground of the superior organ, not of a lower one")
  void alreadyInProgressOnlyAtTheSuperior() throws Exception {
    // 上级机关、单位不予受理: the matter is in handling at 大连市人社局; raised again with 中山区人社局
    // (a level below it), Art. 19 para. 3 gives the lower organ no ground to decline
    String earlier = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    String lower = id(register(letter("2026-03-10", COUNTY_DEPT)));
    refused(
        lower,
        "decline",
        on(
            "2026-03-10",
            "ground",
            "ALREADY_IN_PROGRESS",
            "detail",
            "该事项正在大连市人社局办理中",
            "earlierPetition",
            earlier),
        "already-in-progress (条例 Art. 19 para. 3)");
  }

  @Test
  @DisplayName("条例 Arts. 20, 22, 28: a litigation matter is declined with LITIGATION_MATTER")
  void litigationMatterDeclined() throws Exception {
    Map<String, Object> body = visit("2026-03-02", CITY_DEPT);
    body.put("litigationRelated", true);
    String id = id(register(body));
    JsonNode p =
        act(id, "decline", on("2026-03-02", "ground", "LITIGATION_MATTER", "detail", "请向人民法院申请再审"));
    assertThat(p.get("state").asString()).isEqualTo("DECLINED");
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Arts. 20, 22, 28");
  }

  @Test
  @DisplayName("LAW.md §3: a matter is declined before acceptance, not after")
  void noDeclineAfterAcceptance() throws Exception {
    String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    refused(
        id,
        "decline",
        on("2026-03-03", "ground", "NOT_COMPETENT", "detail", "不属于本机关职权"),
        "decline-state (条例 Art. 23; LAW.md §3)");
  }

  @Test
  @DisplayName("条例 Art. 36 para. 3: FINAL_AFTER_RE_REVIEW only when the earlier petition is final")
  void finalAfterReReview() throws Exception {
    // an earlier matter only answered, not re-reviewed
    String answered = delivered(COUNTY_DEPT);
    String repeat = id(register(repeatOf("2026-06-01", answered)));
    refused(
        repeat,
        "decline",
        finalDecline(answered, "不再受理"),
        "final-after-re-review (条例 Art. 36 para. 3)");
    // a re-reviewed, final matter raised again on the same facts and reasons: 不再受理
    String fin = finalMatter();
    String again = id(register(repeatOf("2026-06-01", fin)));
    JsonNode p = declinedAsFinal(again, fin, "该事项已经复核，信访人以同一事实和理由再次提出，不再受理");
    assertThat(p.get("state").asString()).isEqualTo("DECLINED");
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 36 para. 3");
    assertThat(dueDates(p)).isEmpty();
    assertThat(p.get("repeatOf").asString()).isEqualTo(fin);
    // named only in the decline, the earlier petition makes this one a repeat of it too
    String raisedAgain = id(register(letter("2026-06-01", CITY_PETITION_BUREAU)));
    JsonNode r = declinedAsFinal(raisedAgain, fin, "同一事实和理由，不再受理");
    assertThat(r.get("repeatOf").asString()).isEqualTo(fin);
    assertThat(r.get("first").asBoolean()).isFalse();

    // the earlier petition must be named: in the decline, or as the one this petition repeats
    String unnamed = id(register(letter("2026-06-01", CITY_PETITION_BUREAU)));
    refused(
        unnamed,
        "decline",
        on("2026-06-01", "ground", "FINAL_AFTER_RE_REVIEW", "detail", "不再受理"),
        "final-after-re-review (条例 Art. 36 para. 3)");
    assertThat(get(unnamed).get("state").asString()).isEqualTo("REGISTERED");
    // registered as a repeat of a matter that is not final: refused without earlierPetition too
    refused(
        repeat,
        "decline",
        on("2026-06-01", "ground", "FINAL_AFTER_RE_REVIEW", "detail", "不再受理"),
        "final-after-re-review (条例 Art. 36 para. 3)");
    // registered as a repeat of the final matter: its repeatOf names it
    String repeatOfFinal = id(register(repeatOf("2026-06-01", fin)));
    JsonNode q =
        act(
            repeatOfFinal,
            "decline",
            on("2026-06-01", "ground", "FINAL_AFTER_RE_REVIEW", "detail", "同一事实和理由，不再受理"));
    assertThat(q.get("state").asString()).isEqualTo("DECLINED");
    assertThat(lastAct(q).get("act").asString()).isEqualTo("decline");
    assertThat(lastAct(q).get("article").asString()).isEqualTo("条例 Art. 36 para. 3");
  }

  // ================================================================== §4 pathways (Arts. 29–31)

  @Test
  @DisplayName("条例 Art. 31 items 1–4: divert on pathways 1–4 wherever accept is allowed")
  void divertPathways1To4() throws Exception {
    Map<String, Integer> items =
        Map.of("LITIGATION", 1, "ARBITRATION", 2, "PARTY_APPEAL", 3, "ADMIN_PROCEDURE", 4);
    for (Map.Entry<String, Integer> e : items.entrySet()) {
      String id = id(register(letter("2026-03-02", CITY_DEPT))); // REGISTERED at a department
      JsonNode p = act(id, "divert", on("2026-03-02", "pathway", e.getKey(), "guidance", "请依法申请"));
      assertThat(p.get("state").asString()).isEqualTo("DIVERTED");
      assertThat(p.get("category").asString()).isEqualTo("GRIEVANCE");
      assertThat(p.get("pathway").asString()).isEqualTo(e.getKey());
      assertThat(p.get("concluded").asBoolean()).isTrue();
      assertThat(p.get("resolved").asBoolean()).isFalse(); // concluded, not resolved (LAW.md §4)
      assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 31 item " + e.getValue());
      assertThat(dueDates(p)).isEmpty();
    }
    // from FORWARDED and ASSIGNED too
    String fwd = id(register(letter("2026-03-02", BUREAU)));
    act(fwd, "forward", on("2026-03-02", "to", CITY_DEPT));
    assertThat(
            act(fwd, "divert", on("2026-03-03", "pathway", "ARBITRATION", "guidance", "劳动仲裁"))
                .get("state")
                .asString())
        .isEqualTo("DIVERTED");
    String asg = id(register(letter("2026-03-02", BUREAU)));
    act(asg, "assign", on("2026-03-02", "to", CITY_DEPT, "reportDue", "2026-04-30"));
    assertThat(
            act(asg, "divert", on("2026-03-03", "pathway", "ARBITRATION", "guidance", "劳动仲裁"))
                .get("state")
                .asString())
        .isEqualTo("DIVERTED");
  }

  @Test
  @DisplayName("条例 Art. 31 items 5–6: pathways 5 and 6 are not diversions")
  void pathways5And6AreNotDiversions() throws Exception {
    for (String pathway : List.of("DUTY_PERFORMANCE", "PETITION_HANDLING")) {
      String id = id(register(letter("2026-03-02", CITY_DEPT)));
      ResultActions r =
          postJson(url(id, "divert"), on("2026-03-02", "pathway", pathway, "guidance", "x"));
      int status = r.andReturn().getResponse().getStatus();
      JsonNode problem = body(r);
      // refused as an input outside the act's domain (400 naming the field) or by the law (409)
      assertThat(status).as("divert on %s answered %s", pathway, problem).isIn(400, 409);
      if (status == 400) {
        assertThat(problem.get("fields").has("pathway")).isTrue();
      } else {
        assertThat(problem.get("rule").asString()).contains("条例 Art. 31");
      }
      assertThat(get(id).get("state").asString()).isEqualTo("REGISTERED");
    }
  }

  @Test
  @DisplayName("条例 Art. 31: after acceptance only a matter on pathways 1–4 is diverted")
  void divertAfterAcceptance() throws Exception {
    String arb = id(register(letter("2026-03-02", CITY_DEPT)));
    act(arb, "accept", on("2026-03-02", "category", "GRIEVANCE", "pathway", "ARBITRATION"));
    // exactly one pathway: the one it was accepted on
    refused(
        arb,
        "divert",
        on("2026-03-03", "pathway", "LITIGATION", "guidance", "起诉"),
        "one-pathway (条例 Art. 31)");
    JsonNode p = act(arb, "divert", on("2026-03-03", "pathway", "ARBITRATION", "guidance", "劳动仲裁"));
    assertThat(p.get("state").asString()).isEqualTo("DIVERTED");
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 31 item 2");

    String six = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    refused(
        six,
        "divert",
        on("2026-03-03", "pathway", "ARBITRATION", "guidance", "劳动仲裁"),
        "divert-after-accept (条例 Art. 31)");
    String five = id(register(letter("2026-03-02", CITY_DEPT)));
    act(five, "accept", on("2026-03-02", "category", "GRIEVANCE", "pathway", "DUTY_PERFORMANCE"));
    refused(
        five,
        "divert",
        on("2026-03-03", "pathway", "ARBITRATION", "guidance", "劳动仲裁"),
        "divert-after-accept (条例 Art. 31)");
  }

  @Test
  @DisplayName("条例 Art. 31: a grievance is accepted on exactly one pathway")
  void grievanceNeedsAPathway() throws Exception {
    String id = id(register(letter("2026-03-02", CITY_DEPT)));
    expect(postJson(url(id, "accept"), on("2026-03-02", "category", "GRIEVANCE")), 400);
    expect(
        postJson(
            url(id, "accept"),
            on("2026-03-02", "category", "SUGGESTION", "pathway", "PETITION_HANDLING")),
        400);
    JsonNode p = act(id, "accept", on("2026-03-02", "category", "SUGGESTION"));
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 29");
    // Art. 34's 60 days bind pathway-6 matters only
    assertThat(dueDates(p)).doesNotContainKey("CONCLUDE");
  }

  @Test
  @DisplayName("条例 Art. 31 items 1–4: a diverted pathway is not answered with a handling opinion")
  void divertedPathwayNotAnswered() throws Exception {
    String id = id(register(letter("2026-03-02", CITY_DEPT)));
    act(id, "accept", on("2026-03-02", "category", "GRIEVANCE", "pathway", "ARBITRATION"));
    refused(
        id,
        "reply",
        on("2026-03-03", "outcome", "NOT_SUPPORT", "opinion", "不予支持"),
        "divert-not-reply (条例 Art. 31)");
  }

  // ================================================================== §5 handling (Arts. 32, 34)

  @Test
  @DisplayName("条例 Art. 34: CONCLUDE is due 60 days from acceptance")
  void concludeIn60Days() throws Exception {
    JsonNode p = get(acceptedOnPathway6("2026-02-10", CITY_DEPT));
    // LAW.md §7 worked example: 02-10 + 60 = 04-11, a Saturday; 04-12 Sunday → 04-13 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-04-13"));
    JsonNode conclude = duty(p, "CONCLUDE");
    assertThat(conclude.get("owedBy").asString()).isEqualTo(CITY_DEPT);
    assertThat(conclude.get("basis").asString()).contains("条例 Art. 34");
    assertThat(conclude.get("provisional").asBoolean()).isFalse();
    assertThat(p.get("acceptedOn").asString()).isEqualTo("2026-02-10");
    // across the year end: 2025-12-31 + 60 = 2026-03-01, a Sunday → 03-02 (Mon)
    JsonNode q = get(acceptedOnPathway6("2025-12-31", CITY_DEPT));
    assertThat(dueDates(q)).isEqualTo(Map.of("CONCLUDE", "2026-03-02"));
  }

  @Test
  @DisplayName("条例 Art. 34: the handling period is extended only once")
  void oneExtension() throws Exception {
    String id = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    act(id, "extend", on("2026-03-02", "days", 10, "reason", "情况复杂"));
    refused(
        id, "extend", on("2026-03-03", "days", 10, "reason", "仍需时间"), "one-extension (条例 Art. 34)");
  }

  @Test
  @DisplayName(
      "条例 Art. 34: an extension over 30 days is refused; 30 is allowed; the reasons are required")
  void extensionAtMost30Days() throws Exception {
    String id = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    refused(
        id, "extend", on("2026-03-02", "days", 31, "reason", "情况复杂"), "extension-max (条例 Art. 34)");
    expect(postJson(url(id, "extend"), on("2026-03-02", "days", 30)), 400);
    JsonNode p = act(id, "extend", on("2026-03-02", "days", 30, "reason", "情况复杂"));
    // 02-10 + 90: 02-28 is day 18, 03-31 day 49, 04-30 day 79, 05-11 day 90 (Mon) → 05-11
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-05-11"));
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 34");
  }

  @Test
  @DisplayName("条例 Art. 34: an extension after the original period has ended is refused")
  void extensionBeforeThePeriodEnds() throws Exception {
    // accepted 02-10: the original period ends 04-13 (see above)
    String late = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    refused(
        late,
        "extend",
        on("2026-04-14", "days", 10, "reason", "情况复杂"),
        "extension-before-period-ends (条例 Art. 34)");
    // on the last day of the period it is still in time
    String lastDay = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    JsonNode p = act(lastDay, "extend", on("2026-04-13", "days", 10, "reason", "情况复杂"));
    // 02-10 + 70 = 04-21 (Tue)
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-04-21"));
  }

  @Test
  @DisplayName(
      "条例 Art. 34: the extended due date counts 60 + days from the same start, then rolls forward")
  void extendedDueDateFromTheSameStart() throws Exception {
    // accepted 02-10; the original period ends 04-11 (Sat) → 04-13 (Mon)
    String a = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    JsonNode p = act(a, "extend", on("2026-03-02", "days", 28, "reason", "情况复杂"));
    // 02-10 + 88 = 05-09, a Saturday but a swapped working day → 05-09, no roll
    // (counting from the rolled 04-13 instead would give 05-11)
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-05-09"));
    String b = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    JsonNode q = act(b, "extend", on("2026-03-02", "days", 29, "reason", "情况复杂"));
    // 02-10 + 89 = 05-10, a Sunday → 05-11 (Mon)
    assertThat(dueDates(q)).isEqualTo(Map.of("CONCLUDE", "2026-05-11"));
  }

  @Test
  @DisplayName(
      "条例 Art. 34; 国信发〔2016〕8号: the simplified procedure concludes in 10 working days, unextended")
  void simplifiedProcedure() throws Exception {
    String id = id(register(letter("2026-02-10", CITY_DEPT)));
    JsonNode p =
        act(
            id,
            "accept",
            on(
                "2026-02-10",
                "category",
                "GRIEVANCE",
                "pathway",
                "PETITION_HANDLING",
                "simplified",
                true));
    assertThat(p.get("simplified").asBoolean()).isTrue();
    // 10 working days after 02-10 (Tue): 02-11, 02-12, 02-13 = 1..3; 02-14 (swapped Saturday) = 4;
    // 02-15..02-23 off; 02-24..02-27 = 5..8; 02-28 (swapped Saturday) = 9; 03-02 (Mon) = 10
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-03-02"));
    refused(
        id,
        "extend",
        on("2026-02-24", "days", 10, "reason", "情况复杂"),
        "extension-simplified (国信发〔2016〕8号)");
  }

  @Test
  @DisplayName("条例 Art. 32: the handling opinion is SUPPORT, EXPLAIN or NOT_SUPPORT, with its text")
  void handlingOpinionOutcomes() throws Exception {
    for (String outcome : List.of("SUPPORT", "EXPLAIN", "NOT_SUPPORT")) {
      String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
      JsonNode p =
          act(id, "reply", on("2026-03-20", "outcome", outcome, "opinion", "处理意见：" + outcome));
      assertThat(p.get("state").asString()).isEqualTo("REPLIED");
      assertThat(p.get("opinion").get("outcome").asString()).isEqualTo(outcome);
      assertThat(p.get("opinion").get("kind").asString()).isEqualTo("HANDLING");
      assertThat(p.get("opinion").get("issuedBy").asString()).isEqualTo(CITY_DEPT);
      assertThat(p.get("opinion").get("issuedOn").asString()).isEqualTo("2026-03-20");
      assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 32");
      // CONCLUDE is discharged by the opinion
      assertThat(dueDates(p)).isEmpty();
    }
    String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    expect(postJson(url(id, "reply"), on("2026-03-20", "outcome", "MAYBE", "opinion", "x")), 400);
    expect(postJson(url(id, "reply"), on("2026-03-20", "outcome", "SUPPORT")), 400);
    expect(postJson(url(id, "reply"), on("2026-03-20", "opinion", "无结论")), 400);
  }

  // ================================================================== §6 review (Art. 35)

  @Test
  @DisplayName(
      "条例 Art. 35: review window 30 days from delivery; a request on day 31 → 409 review-window")
  void reviewWindow() throws Exception {
    String id = acceptedOnPathway6("2026-02-10", CITY_DEPT);
    act(id, "reply", on("2026-03-09", "outcome", "NOT_SUPPORT", "opinion", "不予支持"));
    JsonNode p = act(id, "deliver", on("2026-03-10"));
    // 03-10 (Tue) + 30 = 04-09 (Thu), a working day: the window ends 04-09
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW_WINDOW", "2026-04-09"));
    assertThat(duty(p, "REVIEW_WINDOW").get("owedBy").isNull()).isTrue();
    assertThat(duty(p, "REVIEW_WINDOW").get("basis").asString()).contains("条例 Art. 35");
    refused(id, "request-review", on("2026-04-10"), "review-window (条例 Art. 35)");
    JsonNode q = act(id, "request-review", on("2026-04-09"));
    assertThat(q.get("state").asString()).isEqualTo("UNDER_REVIEW");
  }

  @Test
  @DisplayName(
      "条例 Art. 35; 民法典 Art. 203: a review window ending on a rest day ends on the next working day")
  void reviewWindowRollsForward() throws Exception {
    String id = acceptedOnPathway6("2026-07-24", CITY_DEPT);
    act(id, "reply", on("2026-09-17", "outcome", "NOT_SUPPORT", "opinion", "不予支持"));
    JsonNode p = act(id, "deliver", on("2026-09-18"));
    // LAW.md §7 worked example: 09-18 + 30 = 10-18, a Sunday → 10-19 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW_WINDOW", "2026-10-19"));
    assertThat(act(id, "request-review", on("2026-10-19")).get("state").asString())
        .isEqualTo("UNDER_REVIEW");
  }

  @Test
  @DisplayName("条例 Art. 35: no review before the written opinion is delivered")
  void noReviewBeforeDelivery() throws Exception {
    String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    act(id, "reply", on("2026-03-16", "outcome", "NOT_SUPPORT", "opinion", "不予支持"));
    refused(id, "request-review", on("2026-03-17"), "review-window (条例 Art. 35)");
    // and nothing is shown as the petitioner's window yet
    assertThat(dueDates(get(id))).isEmpty();
  }

  @Test
  @DisplayName("条例 Art. 35: review lies against pathway-6 handling opinions only")
  void reviewOnlyForPathway6() throws Exception {
    String five = id(register(letter("2026-03-02", CITY_DEPT)));
    act(five, "accept", on("2026-03-02", "category", "GRIEVANCE", "pathway", "DUTY_PERFORMANCE"));
    act(five, "reply", on("2026-03-16", "outcome", "SUPPORT", "opinion", "依法履行职责"));
    JsonNode p = act(five, "deliver", on("2026-03-17"));
    assertThat(dueDates(p)).doesNotContainKey("REVIEW_WINDOW");
    refused(five, "request-review", on("2026-03-18"), "review-of-handling-opinions (条例 Art. 35)");
    String suggestion = id(register(letter("2026-03-02", CITY_DEPT)));
    act(suggestion, "accept", on("2026-03-02", "category", "SUGGESTION"));
    act(suggestion, "reply", on("2026-03-16", "outcome", "EXPLAIN", "opinion", "感谢建议"));
    act(suggestion, "deliver", on("2026-03-17"));
    refused(
        suggestion, "request-review", on("2026-03-18"), "review-of-handling-opinions (条例 Art. 35)");
  }

  @Test
  @DisplayName(
      "条例 Art. 35: a township's opinion is reviewed by the county government; REVIEW due in 30 days")
  void townshipReviewedByCountyGovernment() throws Exception {
    String id = delivered(QINGNIWAQIAO_STREET);
    // two levels up is not "one level up"
    refused(
        id, "request-review", on("2026-03-20", "to", CITY_GOVERNMENT), "review-organ (条例 Art. 35)");
    // an organ that does not exist is bad input, not a choice the law refuses
    ResultActions unknown = postJson(url(id, "request-review"), on("2026-03-20", "to", "nowhere"));
    assertThat(unknown.andReturn().getResponse().getStatus()).isEqualTo(400);
    assertThat(body(unknown).get("fields").has("to")).isTrue();
    JsonNode p = act(id, "request-review", on("2026-03-20"));
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(ZHONGSHAN_GOVERNMENT);
    // REVIEW: 03-20 (Fri) + 30 = 04-19, a Sunday → 04-20 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW", "2026-04-20"));
    assertThat(duty(p, "REVIEW").get("owedBy").asString()).isEqualTo(ZHONGSHAN_GOVERNMENT);
    assertThat(duty(p, "REVIEW").get("basis").asString()).contains("条例 Art. 35");
  }

  @Test
  @DisplayName(
      "条例 Art. 35: a county department's opinion is reviewed by the city same-line department by default")
  void countyDepartmentReviewedByCityDepartment() throws Exception {
    String id = delivered(COUNTY_DEPT);
    JsonNode p = act(id, "request-review", on("2026-03-20"));
    assertThat(p.get("state").asString()).isEqualTo("UNDER_REVIEW");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_DEPT);
    // REVIEW: 03-20 + 30 = 04-19 (Sun) → 04-20
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW", "2026-04-20"));
    assertThat(duty(p, "REVIEW").get("owedBy").asString()).isEqualTo(CITY_DEPT);
  }

  @Test
  @DisplayName(
      "条例 Art. 35: a county department's opinion is reviewed by its own county government, if chosen")
  void countyDepartmentReviewedByOwnGovernment() throws Exception {
    String id = delivered(COUNTY_DEPT);
    JsonNode p = act(id, "request-review", on("2026-03-20", "to", ZHONGSHAN_GOVERNMENT));
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(ZHONGSHAN_GOVERNMENT);
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW", "2026-04-20"));
  }

  @Test
  @DisplayName("条例 Art. 35: a `to` that is not one level up → 409")
  void reviewOrganNotOneLevelUp() throws Exception {
    String id = delivered(COUNTY_DEPT);
    for (String to :
        List.of(
            CITY_GOVERNMENT, PROVINCE_HUMAN_RESOURCES, ZHONGSHAN_PETITION_BUREAU, CITY_HOUSING)) {
      refused(id, "request-review", on("2026-03-20", "to", to), "review-organ (条例 Art. 35)");
    }
    assertThat(get(id).get("state").asString()).isEqualTo("REPLIED");
  }

  @Test
  @DisplayName("条例 Art. 35: VARY states the new outcome; UPHOLD keeps the original one")
  void reviewOutcomes() throws Exception {
    String vary = underReview();
    expect(
        postJson(url(vary, "review"), on("2026-04-01", "outcome", "VARY", "opinion", "变更")), 400);
    JsonNode p =
        act(
            vary,
            "review",
            on("2026-04-01", "outcome", "VARY", "variedOutcome", "SUPPORT", "opinion", "变更为予以支持"));
    assertThat(p.get("state").asString()).isEqualTo("REVIEWED");
    assertThat(p.get("opinion").get("kind").asString()).isEqualTo("REVIEW");
    assertThat(p.get("opinion").get("outcome").asString()).isEqualTo("SUPPORT");
    assertThat(p.get("opinion").get("issuedBy").asString()).isEqualTo(CITY_DEPT);
    String uphold = underReview();
    JsonNode q = act(uphold, "review", on("2026-04-01", "outcome", "UPHOLD", "opinion", "维持"));
    assertThat(q.get("opinion").get("outcome").asString()).isEqualTo("NOT_SUPPORT");
    assertThat(lastAct(q).get("article").asString()).isEqualTo("条例 Art. 35");

    // a varied opinion rests on a basis of its own (条例 Art. 32): without one its 复查意见书 stays
    // a draft and nothing follows the review; stated with the review, it is issued with it
    assertThat(lastHistoryEvent(p).get("act").asString()).isEqualTo("review");
    String stated = underReview();
    JsonNode r =
        act(
            stated,
            "review",
            on(
                "2026-04-01",
                "outcome",
                "VARY",
                "variedOutcome",
                "SUPPORT",
                "opinion",
                "变更为予以支持",
                "basis",
                "《劳动合同法》第三十条"));
    assertThat(lastAct(r).get("details").get("basis").asString()).isEqualTo("《劳动合同法》第三十条");
    JsonNode notice = lastHistoryEvent(r);
    assertThat(notice.get("act").asString()).isEqualTo(ISSUE_NOTICE);
    assertThat(notice.get("details").get("kind").asString()).isEqualTo("REVIEW_OPINION");
    assertThat(notice.get("article").asString()).isEqualTo("条例 Art. 35");
  }

  @Test
  @DisplayName(
      "条例 Art. 35; LAW.md §6: REDO sends the matter back to the original organ with a new CONCLUDE clock")
  void redo() throws Exception {
    String id = underReview(); // zs-rsj's opinion "不予支持。", under review at dl-rsj since 03-20
    JsonNode p =
        act(
            id,
            "review",
            on("2026-04-13", "outcome", "REDO", "opinion", "事实不清，撤销并责令重新办理", "redoDays", 20));
    assertThat(p.get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(COUNTY_DEPT);
    // the period the reviewer set: 04-13 (Mon) + 20 = 05-03, a Sunday inside 5/1–5/5 → 05-06 (Wed)
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-05-06"));
    assertThat(duty(p, "CONCLUDE").get("owedBy").asString()).isEqualTo(COUNTY_DEPT);
    // the new opinion must not be the same as the one set aside
    refused(
        id,
        "reply",
        on("2026-04-27", "outcome", "NOT_SUPPORT", "opinion", "不予 支持。"),
        "redo-new-opinion (条例 Art. 35; LAW.md §6)");
    // nor substantially the same: other punctuation, full-width forms
    refused(
        id,
        "reply",
        on("2026-04-27", "outcome", "NOT_SUPPORT", "opinion", "“不予支持”！！"),
        "redo-new-opinion (条例 Art. 35; LAW.md §6)");
    // nor by a character no reader sees: a zero-width space, a soft hyphen, a line separator
    for (String invisible : List.of("\u200B", "\u00AD", "\u2028", "\uFEFF", "\u0001")) {
      refused(
          id,
          "reply",
          on("2026-04-27", "outcome", "NOT_SUPPORT", "opinion", "不予" + invisible + "支持。"),
          "redo-new-opinion (条例 Art. 35; LAW.md §6)");
    }
    act(
        id,
        "reply",
        on("2026-04-27", "outcome", "EXPLAIN", "opinion", "经重新调查，请求有一定道理但缺乏法律依据，作解释说明。"));
    JsonNode d = act(id, "deliver", on("2026-04-28"));
    // the new opinion is appealable again: 04-28 (Tue) + 30 = 05-28 (Thu)
    assertThat(dueDates(d)).isEqualTo(Map.of("REVIEW_WINDOW", "2026-05-28"));
    JsonNode again = act(id, "request-review", on("2026-04-29"));
    assertThat(again.get("handlingOrganisation").asString()).isEqualTo(CITY_DEPT);
  }

  // ================================================================== §6 re-review (Art. 36)

  @Test
  @DisplayName(
      "条例 Art. 36: re-review window 30 days from delivery of the review; day 31 → 409 re-review-window")
  void reReviewWindow() throws Exception {
    String id = underReview();
    act(id, "review", on("2026-04-01", "outcome", "UPHOLD", "opinion", "维持"));
    // not before the review opinion is delivered
    refused(id, "request-re-review", on("2026-04-01"), "re-review-window (条例 Art. 36)");
    JsonNode p = act(id, "deliver", on("2026-04-02"));
    // 04-02 (Thu) + 30 = 05-02, a Saturday inside 5/1–5/5; 05-03..05-05 off → 05-06 (Wed)
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW_WINDOW", "2026-05-06"));
    assertThat(duty(p, "RE_REVIEW_WINDOW").get("owedBy").isNull()).isTrue();
    refused(id, "request-re-review", on("2026-05-07"), "re-review-window (条例 Art. 36)");
    JsonNode q = act(id, "request-re-review", on("2026-05-06"));
    assertThat(q.get("state").asString()).isEqualTo("UNDER_RE_REVIEW");
    // RE_REVIEW: 05-06 (Wed) + 30 = 06-05 (Fri)
    assertThat(dueDates(q)).isEqualTo(Map.of("RE_REVIEW", "2026-06-05"));
  }

  @Test
  @DisplayName(
      "条例 Art. 36: the re-reviewer is one level above the reviewer; RE_REVIEW due in 30 days")
  void reReviewOrgan() throws Exception {
    // a street's opinion, reviewed by 中山区政府 → re-reviewed by 大连市政府
    String street = delivered(QINGNIWAQIAO_STREET);
    act(street, "request-review", on("2026-03-20"));
    act(street, "review", on("2026-04-01", "outcome", "UPHOLD", "opinion", "维持"));
    act(street, "deliver", on("2026-04-02"));
    refused(
        street,
        "request-re-review",
        on("2026-04-07", "to", PROVINCE_HUMAN_RESOURCES),
        "re-review-organ (条例 Art. 36)");
    JsonNode p = act(street, "request-re-review", on("2026-04-07"));
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_GOVERNMENT);
    // RE_REVIEW: 04-07 (Tue) + 30 = 05-07 (Thu)
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-07"));
    assertThat(duty(p, "RE_REVIEW").get("owedBy").asString()).isEqualTo(CITY_GOVERNMENT);
    // a county department's opinion reviewed by 大连市人社局 → re-reviewed by 辽宁省人社厅 (default)
    String dept = reviewedAndDelivered();
    JsonNode q = act(dept, "request-re-review", on("2026-04-07"));
    assertThat(q.get("handlingOrganisation").asString()).isEqualTo(PROVINCE_HUMAN_RESOURCES);
    assertThat(dueDates(q)).isEqualTo(Map.of("RE_REVIEW", "2026-05-07"));
  }

  @Test
  @DisplayName("条例 Art. 36 para. 2: a hearing pauses the re-review clock; its days are not counted")
  void hearingPausesTheClock() throws Exception {
    String id = underReReview(); // RE_REVIEW 05-07 without a hearing
    JsonNode p = act(id, "start-hearing", on("2026-04-14"));
    assertThat(duty(p, "RE_REVIEW").get("paused").asBoolean()).isTrue();
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 36 para. 2");
    // no opinion while the hearing is in progress
    refused(
        id,
        "re-review",
        on("2026-04-15", "outcome", "UPHOLD", "opinion", "维持"),
        "hearing-in-progress (条例 Art. 36 para. 2)");
    p = act(id, "end-hearing", on("2026-04-17", "summary", "听证结束"));
    // the hearing took 04-14, 04-15, 04-16, 04-17: 4 days not counted → 04-07 + 34 = 05-11 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-11"));
    assertThat(duty(p, "RE_REVIEW").get("paused").asBoolean()).isFalse();
  }

  @Test
  @DisplayName(
      "条例 Art. 36 para. 2: a hearing begun after the 30 days have run out excludes nothing; the"
          + " re-review stays late")
  void hearingAfterThePeriodExcludesNothing() throws Exception {
    String id = underReReview(); // RE_REVIEW 05-07
    JsonNode p = act(id, "start-hearing", on("2026-05-08"));
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-07"));
    assertThat(duty(p, "RE_REVIEW").get("paused").asBoolean()).isFalse();
    assertThat(duty(p, "RE_REVIEW").get("overdue").asBoolean()).isTrue();
    p = act(id, "end-hearing", on("2026-05-09", "summary", "听证结束"));
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-07"));
    // a hearing begun on the period's last day still pauses it, from that day
    String second = underReReview();
    p = act(second, "start-hearing", on("2026-05-07"));
    assertThat(duty(p, "RE_REVIEW").get("paused").asBoolean()).isTrue();
    p = act(second, "end-hearing", on("2026-05-07", "summary", "听证结束"));
    // 05-07 not counted → 04-07 + 31 = 05-08 (Fri)
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-08"));
  }

  @Test
  @DisplayName(
      "条例 Art. 36 para. 2; 民法典 Art. 201: only days of the 30 are excluded, each once — not the"
          + " request's own day, not a day two hearings share")
  void hearingDaysCountedOnce() throws Exception {
    String id = underReReview(); // RE_REVIEW 05-07
    act(id, "start-hearing", on("2026-04-07"));
    JsonNode p = act(id, "end-hearing", on("2026-04-07", "summary", "当日听证"));
    // the request's day is not one of the 30: nothing was paused
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-07"));
    act(id, "start-hearing", on("2026-04-10"));
    act(id, "end-hearing", on("2026-04-12", "summary", "第一次"));
    act(id, "start-hearing", on("2026-04-12"));
    p = act(id, "end-hearing", on("2026-04-13", "summary", "第二次"));
    // 04-10, 04-11, 04-12, 04-13: four days, 04-12 once → 04-07 + 34 = 05-11 (Mon)
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-05-11"));
  }

  @Test
  @DisplayName("条例 Art. 36: a re-review upholds or varies; REDO is refused")
  void noRedoAtReReview() throws Exception {
    String id = underReReview();
    refused(
        id,
        "re-review",
        on("2026-04-20", "outcome", "REDO", "opinion", "撤销"),
        "re-review-outcome (条例 Art. 36; LAW.md §6)");
    assertThat(get(id).get("state").asString()).isEqualTo("UNDER_RE_REVIEW");
  }

  @Test
  @DisplayName("条例 Art. 36: the re-review opinion is final; no further appeal")
  void reReviewIsFinal() throws Exception {
    String id = underReReview();
    JsonNode p =
        act(
            id,
            "re-review",
            on("2026-04-30", "outcome", "VARY", "variedOutcome", "EXPLAIN", "opinion", "变更为解释说明"));
    assertThat(p.get("state").asString()).isEqualTo("FINAL");
    assertThat(p.get("final").asBoolean()).isTrue();
    assertThat(p.get("opinion").get("kind").asString()).isEqualTo("RE_REVIEW");
    assertThat(p.get("opinion").get("outcome").asString()).isEqualTo("EXPLAIN");
    assertThat(p.get("opinion").get("issuedBy").asString()).isEqualTo(PROVINCE_HUMAN_RESOURCES);
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 36");
    assertThat(dueDates(p)).isEmpty();
    JsonNode d = act(id, "deliver", on("2026-05-06"));
    assertThat(d.get("concluded").asBoolean()).isTrue();
    assertThat(dueDates(d)).isEmpty();
    refused(id, "request-review", on("2026-05-07"), "request-review-state (条例 Art. 35)");
    refused(id, "request-re-review", on("2026-05-07"), "request-re-review-state (条例 Art. 36)");
  }

  // ================================================================== Arts. 33, 37, 21, 25

  @Test
  @DisplayName(
      "条例 Art. 33: a grievance may end by mediation or settlement with a recorded agreement")
  void settle() throws Exception {
    String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    expect(postJson(url(id, "settle"), on("2026-03-10")), 400);
    JsonNode p = act(id, "settle", on("2026-03-10", "agreement", "双方达成和解协议：企业一次性支付工资。"));
    assertThat(p.get("state").asString()).isEqualTo("SETTLED");
    assertThat(p.get("concluded").asBoolean()).isTrue();
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 33");
    assertThat(dueDates(p)).isEmpty();
    // only grievances are settled
    String suggestion = id(register(letter("2026-03-02", CITY_DEPT)));
    act(suggestion, "accept", on("2026-03-02", "category", "SUGGESTION"));
    refused(
        suggestion,
        "settle",
        on("2026-03-10", "agreement", "协议"),
        "settle-grievances (条例 Art. 33)");
  }

  @Test
  @DisplayName("条例 Art. 37 para. 3: follow-up work is recorded only on a concluded matter")
  void followUpOnlyWhenConcluded() throws Exception {
    String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    refused(
        id, "follow-up", on("2026-03-03", "note", "疏导教育"), "follow-up-state (条例 Art. 37 para. 3)");
    act(id, "reply", on("2026-03-16", "outcome", "NOT_SUPPORT", "opinion", "不予支持"));
    // answered but not delivered: not concluded yet
    refused(
        id,
        "follow-up",
        on("2026-03-16", "note", "疏导教育"),
        "follow-up-on-concluded (条例 Art. 37 para. 3)");
    act(id, "deliver", on("2026-03-17"));
    JsonNode p = act(id, "follow-up", on("2026-03-18", "note", "疏导教育，帮扶救助"));
    assertThat(lastAct(p).get("act").asString()).isEqualTo("follow-up");
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 37 para. 3");
  }

  @Test
  @DisplayName("条例 Art. 37: resolve only when concluded, once; resolved is separate from concluded")
  void resolveOnlyWhenConcluded() throws Exception {
    String id = acceptedOnPathway6("2026-03-02", CITY_DEPT);
    act(id, "reply", on("2026-03-16", "outcome", "SUPPORT", "opinion", "予以支持"));
    refused(id, "resolve", on("2026-03-16", "how", "已支付"), "resolve-concluded (条例 Art. 37)");
    JsonNode d = act(id, "deliver", on("2026-03-17"));
    assertThat(d.get("concluded").asBoolean()).isTrue();
    assertThat(d.get("resolved").asBoolean()).isFalse();
    JsonNode p = act(id, "resolve", on("2026-03-30", "how", "企业已支付全部工资"));
    assertThat(p.get("resolved").asBoolean()).isTrue();
    refused(id, "resolve", on("2026-03-31", "how", "再次"), "resolve-once (条例 Art. 37)");
  }

  @Test
  @DisplayName("条例 Art. 21: rating once per target per answer, not before delivery")
  void rating() throws Exception {
    String id = acceptedOnPathway6("2026-03-02", COUNTY_DEPT);
    refused(id, "rate", on("2026-03-03", "satisfaction", "SATISFIED"), "rate-state (条例 Art. 21)");
    act(id, "reply", on("2026-03-16", "outcome", "NOT_SUPPORT", "opinion", "不予支持。"));
    refused(
        id,
        "rate",
        on("2026-03-16", "satisfaction", "DISSATISFIED"),
        "rate-after-delivery (条例 Art. 21)");
    act(id, "deliver", on("2026-03-17"));
    expect(postJson(url(id, "rate"), on("2026-03-17", "satisfaction", "SO_SO")), 400);
    JsonNode p = act(id, "rate", on("2026-03-17", "satisfaction", "DISSATISFIED"));
    assertThat(p.get("ratings").get("HANDLING_ORGANISATION").asString()).isEqualTo("DISSATISFIED");
    assertThat(lastAct(p).get("article").asString()).isEqualTo("条例 Art. 21");
    refused(id, "rate", on("2026-03-18", "satisfaction", "SATISFIED"), "rate-once (条例 Art. 21)");
    p =
        act(
            id,
            "rate",
            on("2026-03-18", "satisfaction", "BASICALLY_SATISFIED", "target", "PETITION_BUREAU"));
    assertThat(p.get("ratings").get("PETITION_BUREAU").asString()).isEqualTo("BASICALLY_SATISFIED");
    refused(
        id,
        "rate",
        on("2026-03-18", "satisfaction", "SATISFIED", "target", "PETITION_BUREAU"),
        "rate-once (条例 Art. 21)");
    // a new written answer (the review opinion), once delivered, is rated afresh
    act(id, "request-review", on("2026-03-20"));
    act(id, "review", on("2026-04-01", "outcome", "UPHOLD", "opinion", "维持"));
    refused(
        id,
        "rate",
        on("2026-04-01", "satisfaction", "SATISFIED"),
        "rate-after-delivery (条例 Art. 21)");
    act(id, "deliver", on("2026-04-02"));
    JsonNode q = act(id, "rate", on("2026-04-02", "satisfaction", "SATISFIED"));
    assertThat(q.get("ratings").get("HANDLING_ORGANISATION").asString()).isEqualTo("SATISFIED");
  }

  @Test
  @DisplayName("条例 Art. 25: flag-major → REPORT_MAJOR duty; report-major discharges it")
  void majorMatters() throws Exception {
    String id = id(register(letter("2026-03-02", BUREAU)));
    refused(id, "report-major", on("2026-03-02"), "report-major (条例 Art. 25)");
    JsonNode p = act(id, "flag-major", on("2026-03-03", "reason", "多名农民工扬言聚集"));
    assertThat(p.get("major").asBoolean()).isTrue();
    JsonNode duty = duty(p, "REPORT_MAJOR");
    assertThat(duty.get("owedBy").asString()).isEqualTo(BUREAU);
    assertThat(duty.get("basis").asString()).contains("条例 Art. 25");
    // "reported at once": the national profile allows 1 day, 03-03 + 1 = 03-04 (Wed)
    assertThat(duty.get("due").asString()).isEqualTo("2026-03-04");
    refused(id, "flag-major", on("2026-03-03", "reason", "再次"), "flag-major-once (条例 Art. 25)");
    JsonNode q = act(id, "report-major", on("2026-03-03", "to", CITY_GOVERNMENT));
    assertThat(dueDates(q)).doesNotContainKey("REPORT_MAJOR");
    assertThat(dueDates(q)).containsKey("ROUTE");
    refused(id, "report-major", on("2026-03-04"), "report-major (条例 Art. 25)");
    // flagged at intake
    Map<String, Object> body = letter("2026-03-02", BUREAU);
    body.put("major", true);
    JsonNode r = register(body);
    assertThat(duty(r, "REPORT_MAJOR").get("due").asString()).isEqualTo("2026-03-03");
  }

  // ================================================================== §7 and API.md

  @Test
  @DisplayName("LAW.md §7: a CONCLUDE period reaching into 2027 (not yet loaded) is provisional")
  void provisionalDueDate() throws Exception {
    JsonNode p = get(acceptedOnPathway6("2026-11-20", CITY_DEPT));
    // 11-20 + 60: 11-30 is day 10, 12-31 day 41, 2027-01-19 day 60 (a Tuesday; the assumed
    // statutory holidays of 2027 are 1/1 and 春节 from 除夕 2027-02-05: no roll)
    JsonNode conclude = duty(p, "CONCLUDE");
    assertThat(conclude.get("due").asString()).isEqualTo("2027-01-19");
    assertThat(conclude.get("provisional").asBoolean()).isTrue();
    // a period ending within 2026 is not provisional: 11-20 + 15 (NOTIFY_RECEIPT of a direct
    // receipt) → 12-05, a Saturday → 12-07 (Mon)
    JsonNode q = register(letter("2026-11-20", CITY_DEPT));
    assertThat(duty(q, "NOTIFY_RECEIPT").get("due").asString()).isEqualTo("2026-12-07");
    assertThat(duty(q, "NOTIFY_RECEIPT").get("provisional").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("API.md: an act dated in the future → 400")
  void onInTheFuture() throws Exception {
    today("2026-03-02");
    expect(postJson("/api/petitions", letter("2026-03-03", BUREAU)), 400);
    String id = id(register(letter("2026-03-02", BUREAU)));
    JsonNode problem = expect(postJson(url(id, "forward"), on("2026-03-03", "to", CITY_DEPT)), 400);
    assertThat(problem.get("fields").has("on")).isTrue();
    assertThat(get(id).get("state").asString()).isEqualTo("REGISTERED");
  }

  @Test
  @DisplayName("API.md: an act dated before the petition's previous act → 400")
  void onBeforeThePreviousAct() throws Exception {
    today("2026-03-10");
    String id = id(register(letter("2026-03-05", BUREAU)));
    JsonNode problem = expect(postJson(url(id, "forward"), on("2026-03-04", "to", CITY_DEPT)), 400);
    assertThat(problem.get("fields").has("on")).isTrue();
    act(id, "forward", on("2026-03-06", "to", CITY_DEPT));
    expect(
        postJson(
            url(id, "accept"),
            on("2026-03-05", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING")),
        400);
  }

  @Test
  @DisplayName(
      "API.md: back-entered acts are marked backEntered; an act without `on` happens today")
  void backEntered() throws Exception {
    today("2026-03-10");
    JsonNode p = register(letter("2026-03-02", BUREAU));
    assertThat(p.get("history").get(0).get("backEntered").asBoolean()).isTrue();
    String id = id(p);
    JsonNode f = act(id, "forward", on("2026-03-10", "to", CITY_DEPT));
    assertThat(lastAct(f).get("backEntered").asBoolean()).isFalse();
    Map<String, Object> noDate = new LinkedHashMap<>();
    noDate.put("category", "GRIEVANCE");
    noDate.put("pathway", "PETITION_HANDLING");
    JsonNode a = act(id, "accept", noDate);
    assertThat(lastAct(a).get("on").asString()).isEqualTo("2026-03-10");
    assertThat(lastAct(a).get("backEntered").asBoolean()).isFalse();
    // CONCLUDE from today: 03-10 (Tue) + 60 = 05-09, a swapped working Saturday → 05-09
    assertThat(dueDates(a)).isEqualTo(Map.of("CONCLUDE", "2026-05-09"));
  }

  @Test
  @DisplayName("API.md: the bootstrap admin's acts are marked adminAct; staff acts are not")
  void adminActsMarked() throws Exception {
    JsonNode p = register(letter("2026-03-02", BUREAU));
    JsonNode e = p.get("history").get(0);
    assertThat(e.get("by").asString()).isEqualTo(ADMIN);
    assertThat(e.get("adminAct").asBoolean()).isTrue();
    JsonNode q = asUser(CITY_REGISTRAR, "/api/petitions", letter("2026-03-02", BUREAU), 201);
    assertThat(q.get("history").get(0).get("by").asString()).isEqualTo(CITY_REGISTRAR);
    assertThat(q.get("history").get(0).get("adminAct").asBoolean()).isFalse();
    JsonNode f =
        asUser(CITY_REGISTRAR, url(id(q), "forward"), on("2026-03-02", "to", CITY_DEPT), 200);
    assertThat(lastAct(f).get("act").asString()).isEqualTo("forward");
    assertThat(lastAct(f).get("adminAct").asBoolean()).isFalse();
    assertThat(lastAct(f).get("organisationId").asString()).isEqualTo(BUREAU);
    // the notice an act requires is issued by whoever did the act, and marked the same way
    JsonNode staffNotice = noticeEvents(f).get(0);
    assertThat(staffNotice.get("by").asString()).isEqualTo(CITY_REGISTRAR);
    assertThat(staffNotice.get("adminAct").asBoolean()).isFalse();
    JsonNode g = act(id(p), "forward", on("2026-03-02", "to", CITY_DEPT));
    assertThat(lastAct(g).get("adminAct").asBoolean()).isTrue();
    JsonNode adminNotice = noticeEvents(g).get(0);
    assertThat(adminNotice.get("by").asString()).isEqualTo(ADMIN);
    assertThat(adminNotice.get("adminAct").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("API.md: a user of another organisation gets 403")
  void otherOrganisationsUser() throws Exception {
    String id = id(register(letter("2026-03-02", BUREAU)));
    act(id, "forward", on("2026-03-02", "to", CITY_DEPT)); // now held by 大连市人社局
    Map<String, Object> accept =
        on("2026-03-03", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING");
    // 中山区人社局's handler: another organisation
    asUser(ZHONGSHAN_HANDLER, url(id, "accept"), accept, 403);
    // 大连市信访局's registrar: another organisation (and not a handler)
    asUser(CITY_REGISTRAR, url(id, "accept"), accept, 403);
    // 中山区信访局's registrar cannot register for 大连市信访局
    asUser(ZHONGSHAN_REGISTRAR, "/api/petitions", letter("2026-03-02", BUREAU), 403);
    assertThat(get(id).get("state").asString()).isEqualTo("FORWARDED");
    // 大连市人社局's own handler may
    JsonNode p = asUser(CITY_HANDLER, url(id, "accept"), accept, 200);
    assertThat(p.get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(lastAct(p).get("by").asString()).isEqualTo(CITY_HANDLER);
    assertThat(lastAct(p).get("adminAct").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("API.md: an unknown petition → 404")
  void unknownPetition() throws Exception {
    expect(getJson("/api/petitions/no-such-petition"), 404);
    expect(postJson(url("no-such-petition", "deliver"), on("2026-03-02")), 404);
  }

  // ================================================================== flows

  /** Registered directly at {@code org} and accepted there on pathway 6, both on {@code on}. */
  private String acceptedOnPathway6(String on, String org) throws Exception {
    String id = id(register(letter(on, org)));
    act(id, "accept", on(on, "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    return id;
  }

  /**
   * At {@code org}: accepted 2026-03-02 on pathway 6, answered NOT_SUPPORT on 03-16 ("不予支持。"),
   * delivered 03-17.
   */
  private String delivered(String org) throws Exception {
    String id = acceptedOnPathway6("2026-03-02", org);
    act(id, "reply", on("2026-03-16", "outcome", "NOT_SUPPORT", "opinion", "不予支持。"));
    act(id, "deliver", on("2026-03-17"));
    return id;
  }

  /** 中山区人社局's delivered opinion, review requested 2026-03-20 → 大连市人社局. */
  private String underReview() throws Exception {
    String id = delivered(COUNTY_DEPT);
    act(id, "request-review", on("2026-03-20"));
    return id;
  }

  /** ... reviewed (UPHOLD) by 大连市人社局 on 2026-04-01 and delivered on 04-02. */
  private String reviewedAndDelivered() throws Exception {
    String id = underReview();
    act(id, "review", on("2026-04-01", "outcome", "UPHOLD", "opinion", "维持"));
    act(id, "deliver", on("2026-04-02"));
    return id;
  }

  /** As {@link #reviewedAndDelivered}, and re-review requested 04-07: RE_REVIEW due 05-07. */
  private String underReReview() throws Exception {
    String id = reviewedAndDelivered();
    act(id, "request-re-review", on("2026-04-07"));
    return id;
  }

  /** ... re-review requested 04-07 (→ 辽宁省人社厅), upheld 04-30: final, delivered 05-06. */
  private String finalMatter() throws Exception {
    String id = underReReview();
    act(id, "re-review", on("2026-04-30", "outcome", "UPHOLD", "opinion", "维持"));
    act(id, "deliver", on("2026-05-06"));
    return id;
  }

  // ================================================================== helpers

  private static Map<String, Object> visit(String receivedOn, String receivedBy) {
    Map<String, Object> body = letter(receivedOn, receivedBy);
    body.put("channel", "VISIT");
    return body;
  }

  private static Map<String, Object> repeatOf(String receivedOn, String earlier) {
    Map<String, Object> body = letter(receivedOn, CITY_PETITION_BUREAU);
    body.put("repeatOf", earlier);
    return body;
  }

  private static String url(String id, String act) {
    return "/api/petitions/" + id + "/" + act;
  }

  private static String id(JsonNode petition) {
    return petition.get("id").asString();
  }

  /** A body with {@code on} and further key/value pairs. */
  private static Map<String, Object> on(String on, Object... pairs) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("on", on);
    for (int i = 0; i < pairs.length; i += 2) {
      body.put((String) pairs[i], pairs[i + 1]);
    }
    return body;
  }

  private JsonNode get(String id) throws Exception {
    return expect(getJson("/api/petitions/" + id), 200);
  }

  /** The response JSON, failing unless the status is as expected. */
  private JsonNode expect(ResultActions r, int status) throws Exception {
    int actual = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    assertThat(actual).as("answered %s", node).isEqualTo(status);
    return node;
  }

  private JsonNode asUser(String user, String url, Map<String, Object> body, int status)
      throws Exception {
    return expect(postJsonAs(user, PASSWORD, url, body), status);
  }

  /** A litigation-related letter (涉法涉诉) registered at the city bureau on 2026-03-02. */
  private String litigationLetter() throws Exception {
    Map<String, Object> body = letter("2026-03-02", BUREAU);
    body.put("litigationRelated", true);
    return id(register(body));
  }

  /** 不再受理 on 2026-06-01, naming the earlier, final petition (条例 Art. 36 para. 3). */
  private JsonNode declinedAsFinal(String id, String earlier, String detail) throws Exception {
    return act(id, "decline", finalDecline(earlier, detail));
  }

  private static Map<String, Object> finalDecline(String earlier, String detail) {
    return declining("2026-06-01", "FINAL_AFTER_RE_REVIEW", detail, "earlierPetition", earlier);
  }

  /** A decline's body: its day, ground and reasons, and any further fields. */
  private static Map<String, Object> declining(
      String day, String ground, String detail, Object... more) {
    Object[] pairs = new Object[4 + more.length];
    pairs[0] = "ground";
    pairs[1] = ground;
    pairs[2] = "detail";
    pairs[3] = detail;
    System.arraycopy(more, 0, pairs, 4, more.length);
    return on(day, pairs);
  }

  /** The act is refused by the law: 409 with the rule and its article. */
  private JsonNode refused(String id, String act, Map<String, Object> body, String rule)
      throws Exception {
    ResultActions r = postJson(url(id, act), body);
    int status = r.andReturn().getResponse().getStatus();
    JsonNode problem = body(r);
    assertThat(status).as("%s %s answered %s", act, body, problem).isEqualTo(409);
    assertThat(problem.get("rule").asString()).isEqualTo(rule);
    return problem;
  }

  /** Every duty owed now, by name, with its due date. */
  private static Map<String, String> dueDates(JsonNode petition) {
    Map<String, String> dues = new LinkedHashMap<>();
    for (JsonNode d : petition.get("duties")) {
      dues.put(d.get("duty").asString(), d.get("due").asString());
    }
    return dues;
  }

  /** The very last event of the history, an {@code issue-notice} included. */
  private static JsonNode lastHistoryEvent(JsonNode petition) {
    JsonNode history = petition.get("history");
    return history.get(history.size() - 1);
  }

  private static JsonNode duty(JsonNode petition, String name) {
    for (JsonNode d : petition.get("duties")) {
      if (name.equals(d.get("duty").asString())) {
        return d;
      }
    }
    throw new AssertionError("no duty " + name + " in " + petition.get("duties"));
  }
}
