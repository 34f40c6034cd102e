package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.demo.DemoData.CITY_HANDLER;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.CITY_REGISTRAR;
import static org.xinfang.demo.DemoData.PASSWORD;
import static org.xinfang.demo.DemoData.PROVINCE_GOVERNMENT;
import static org.xinfang.demo.DemoData.PROVINCE_HUMAN_RESOURCES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * One petition's whole legal life under the 《信访工作条例》 (2022), told as the business story: a
 * wage-arrears letter reaches 大连市信访局 just before the 2026 Spring Festival and goes all the way to a
 * final re-review; the same matter raised again is then not accepted (条例 Art. 36 para. 3).
 *
 * <p>Every due date is computed by hand from LAW.md §7: the day of the event is not counted (民法典
 * Art. 201); a calendar-day period ending on a rest day ends on the next working day (民法典 Art.
 * 203); working days are Monday–Friday minus the State Council's days off plus its swapped working
 * weekends. 2026 (国务院办公厅 notice): off 1/1–1/3, 2/15–2/23 (春节), 4/4–4/6, 5/1–5/5, 6/19–6/21,
 * 9/25–9/27, 10/1–10/7; working weekends 1/4, 2/14, 2/28, 5/9, 9/20, 10/10. Weekdays of 2026: 1 Feb
 * is a Sunday, 1 Mar a Sunday, 1 Apr a Wednesday, 1 May a Friday, 1 Jun a Monday, 1 Jul a
 * Wednesday, 1 Aug a Saturday, 1 Sep a Tuesday, 1 Oct a Thursday.
 */
class NarrativeScenarioTest extends IntegrationTest {

  @Test
  @DisplayName(
      "条例 Arts. 17–37: a letter before the Spring Festival, forwarded, handled, reviewed,"
          + " re-reviewed with a hearing, final — and not accepted again")
  void aPetitionFromLetterToFinality() throws Exception {
    // ---- 2026-02-05 (Thu): 张三's letter about three months of unpaid wages reaches 大连市信访局;
    // the registrar (dl-clerk) registers it the same day.
    today("2026-02-05");
    Map<String, Object> letter = letter("2026-02-05", CITY_PETITION_BUREAU);
    letter.put("regionCode", "210202");
    JsonNode p = asUser(CITY_REGISTRAR, "/api/petitions", letter, 201);
    String id = p.get("id").asString();
    assertThat(p.get("state").asString()).isEqualTo("REGISTERED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_PETITION_BUREAU);
    // ROUTE (条例 Art. 22): 15 calendar days from 02-05 → 02-20 (Fri), inside the Spring Festival
    // days off (02-15..02-23); roll forward: 02-21 Sat, 02-22 Sun, 02-23 Mon are off → 02-24 (Tue).
    assertThat(dueDates(p)).isEqualTo(Map.of("ROUTE", "2026-02-24"));
    assertThat(duty(p, "ROUTE").get("owedBy").asString()).isEqualTo(CITY_PETITION_BUREAU);
    assertThat(duty(p, "ROUTE").get("basis").asString()).contains("条例 Art. 22");

    // ---- 2026-02-13 (Fri), the last working day but one before the holiday: the bureau forwards
    // (转送) the letter to the competent organ, 大连市人社局; it counts as received there that day.
    today("2026-02-13");
    p =
        asUser(
            CITY_REGISTRAR, url(id, "forward"), on("2026-02-13", "to", CITY_HUMAN_RESOURCES), 200);
    assertThat(p.get("state").asString()).isEqualTo("FORWARDED");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(CITY_HUMAN_RESOURCES);
    // NOTIFY_RECEIPT (条例 Art. 23 para. 3): 15 calendar days from 02-13 → 02-28, a Saturday but a
    // swapped working day (调休) → no roll: 02-28.
    // OBJECT (条例 Art. 23 para. 3): 5 working days after 02-13: 02-14 (swapped working Saturday)
    // = 1; 02-15..02-23 off; 02-24 = 2, 02-25 = 3, 02-26 = 4, 02-27 = 5 → 02-27.
    assertThat(dueDates(p))
        .isEqualTo(Map.of("NOTIFY_RECEIPT", "2026-02-28", "OBJECT", "2026-02-27"));
    assertThat(duty(p, "NOTIFY_RECEIPT").get("owedBy").asString()).isEqualTo(CITY_HUMAN_RESOURCES);
    // the 转送函 goes with the forward, issued by the bureau in the clerk's hand (条例 Art. 22)
    noticeAfter(p, "forward", "FORWARD", "条例 Art. 22", "大信转");

    // ---- 2026-02-25 (Wed): the handler records that 大连市人社局 accepted the matter yesterday,
    // 02-24, the first working day after the holiday, as a grievance on pathway 6 (条例 Art. 31
    // item 6): a back-entered act.
    today("2026-02-25");
    p =
        asUser(
            CITY_HANDLER,
            url(id, "accept"),
            on("2026-02-24", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"),
            200);
    assertThat(p.get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(p.get("pathway").asString()).isEqualTo("PETITION_HANDLING");
    // CONCLUDE (条例 Art. 34): 60 calendar days from 02-24: 02-28 is day 4, 03-31 day 35, 04-25 day
    // 60 — a Saturday; 04-26 Sunday is not a swapped day → 04-27 (Mon).
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-04-27"));
    assertThat(duty(p, "CONCLUDE").get("owedBy").asString()).isEqualTo(CITY_HUMAN_RESOURCES);
    // the 受理告知书 (条例 Art. 23) is issued with the acceptance: dated 02-24, back-entered like it
    noticeAfter(p, "accept", "RECEIPT", "条例 Art. 23", "大人社信受");

    // ---- 2026-04-20 (Mon): the case is complex; the head approves a 30-day extension (延期), before
    // the original period ends on 04-27.
    today("2026-04-20");
    p =
        asUser(
            CITY_HANDLER,
            url(id, "extend"),
            on("2026-04-20", "days", 30, "reason", "需调取企业工资台账，情况复杂"),
            200);
    // CONCLUDE after the extension (条例 Art. 34; LAW.md §5): counted from the same start with the
    // longer length, 02-24 + 90 = 04-25 + 30 = 05-25 (Mon, a working day) — not the rolled 04-27
    // plus 30 (= 05-27).
    assertThat(dueDates(p)).isEqualTo(Map.of("CONCLUDE", "2026-05-25"));
    assertThat(p.get("extensionDays").asInt()).isEqualTo(30);
    // the 延期告知书 tells 张三 the new due date (条例 Art. 34)
    noticeAfter(p, "extend", "EXTENSION", "条例 Art. 34", "大人社信延");

    // ---- 2026-05-20 (Wed): the handling opinion (信访处理意见书, 条例 Art. 32): not supported.
    today("2026-05-20");
    p =
        asUser(
            CITY_HANDLER,
            url(id, "reply"),
            on("2026-05-20", "outcome", "NOT_SUPPORT", "opinion", "经核查，工资已依法结清，请求缺乏事实根据。"),
            200);
    assertThat(p.get("state").asString()).isEqualTo("REPLIED");
    // nothing is owed until the opinion is delivered: the review window opens on receipt
    assertThat(dueDates(p)).isEmpty();
    // the opinion states no legal basis: its 信访处理意见书 is kept as a draft (条例 Art. 32), so no
    // notice is issued with the reply — the reply is the last event, and the notices stay three
    noNoticeAfter(p, "reply");
    assertThat(noticeEvents(p)).hasSize(3);

    // ---- 2026-05-22 (Fri): the opinion is delivered (送达) to 张三.
    today("2026-05-22");
    p = asUser(CITY_HANDLER, url(id, "deliver"), on("2026-05-22"), 200);
    // REVIEW_WINDOW (条例 Art. 35): 30 calendar days from 05-22: 05-31 is day 9, 06-21 day 30 — a
    // Sunday and the last day of 端午 (06-19..06-21) → 06-22 (Mon). The petitioner's own window:
    // no organ owes it.
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW_WINDOW", "2026-06-22"));
    assertThat(duty(p, "REVIEW_WINDOW").get("owedBy").isNull()).isTrue();

    // ---- 2026-06-15 (Mon): 张三 asks for review (复查) of the organ one level up. 大连市人社局 is a
    // city department: one level up is the same-line department above it, 辽宁省人力资源和社会保障厅
    // (the default), or the city government (LAW.md §6).
    today("2026-06-15");
    p = act(id, "request-review", on("2026-06-15"));
    assertThat(p.get("state").asString()).isEqualTo("UNDER_REVIEW");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(PROVINCE_HUMAN_RESOURCES);
    // REVIEW (条例 Art. 35): 30 calendar days from 06-15 → 07-15 (Wed).
    assertThat(dueDates(p)).isEqualTo(Map.of("REVIEW", "2026-07-15"));
    assertThat(duty(p, "REVIEW").get("owedBy").asString()).isEqualTo(PROVINCE_HUMAN_RESOURCES);

    // ---- 2026-07-10 (Fri): 辽宁省人社厅 upholds the opinion (复查意见: 维持).
    today("2026-07-10");
    p =
        act(
            id,
            "review",
            on(
                "2026-07-10",
                "outcome",
                "UPHOLD",
                "opinion",
                "原处理意见事实清楚、依据正确，予以维持。",
                "basis",
                REVIEW_BASIS));
    assertThat(p.get("state").asString()).isEqualTo("REVIEWED");
    assertThat(dueDates(p)).isEmpty();
    // the review states its own basis: its 复查意见书 (条例 Art. 35) is issued with it, by the
    // bootstrap admin acting for the province, and marked as the admin's like the review itself
    JsonNode reviewNotice = noticeAfter(p, "review", "REVIEW_OPINION", "条例 Art. 35", "辽人社信复查");
    assertThat(reviewNotice.get("adminAct").asBoolean()).isTrue();

    // ---- 2026-07-20 (Mon): the clerk records that the review opinion was delivered on 07-17
    // (Fri).
    today("2026-07-20");
    p = act(id, "deliver", on("2026-07-17"));
    // RE_REVIEW_WINDOW (条例 Art. 36): 30 calendar days from 07-17: 07-31 is day 14, 08-16 day 30 —
    // a Sunday → 08-17 (Mon).
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW_WINDOW", "2026-08-17"));
    assertThat(duty(p, "RE_REVIEW_WINDOW").get("owedBy").isNull()).isTrue();

    // ---- 2026-08-10 (Mon): 张三 asks for re-review (复核) of the organ one level above the
    // reviewer. The reviewer 辽宁省人社厅 is a provincial department with no same-line department
    // above it in the tree: its own-level government, 辽宁省人民政府.
    today("2026-08-10");
    p = act(id, "request-re-review", on("2026-08-10"));
    assertThat(p.get("state").asString()).isEqualTo("UNDER_RE_REVIEW");
    assertThat(p.get("handlingOrganisation").asString()).isEqualTo(PROVINCE_GOVERNMENT);
    // RE_REVIEW (条例 Art. 36): 30 calendar days from 08-10: 08-31 is day 21, 09-09 day 30 (Wed).
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-09-09"));
    assertThat(duty(p, "RE_REVIEW").get("owedBy").asString()).isEqualTo(PROVINCE_GOVERNMENT);

    // ---- 2026-08-19 (Wed): a hearing (听证, 条例 Art. 36 para. 2) begins: the clock pauses.
    today("2026-08-19");
    p = act(id, "start-hearing", on("2026-08-19"));
    JsonNode paused = duty(p, "RE_REVIEW");
    assertThat(paused.get("paused").asBoolean()).isTrue();
    // while paused the due date can only move later than the unpaused 09-09
    assertThat(paused.get("due").asString()).isGreaterThan("2026-09-09");

    // ---- 2026-08-21 (Fri): the hearing ends. It took 08-19, 08-20 and 08-21: 3 days not counted
    // (条例 Art. 36 para. 2). RE_REVIEW: 08-10 + 30 + 3 = 09-12, a Saturday; 09-13 Sunday → 09-14
    // (Mon). (09-20, a Sunday, is the swapped working day of that month, not 09-12.)
    today("2026-08-21");
    p = act(id, "end-hearing", on("2026-08-21", "summary", "听证会听取了双方意见。"));
    assertThat(dueDates(p)).isEqualTo(Map.of("RE_REVIEW", "2026-09-14"));
    assertThat(duty(p, "RE_REVIEW").get("paused").asBoolean()).isFalse();

    // ---- 2026-09-08 (Tue): 辽宁省人民政府 upholds (复核意见): the matter is final.
    today("2026-09-08");
    p = act(id, "re-review", on("2026-09-08", "outcome", "UPHOLD", "opinion", "复查意见正确，予以维持。"));
    assertThat(p.get("state").asString()).isEqualTo("FINAL");
    assertThat(p.get("final").asBoolean()).isTrue();
    assertThat(dueDates(p)).isEmpty();
    // the 复核意见书 (条例 Art. 36) upholds, resting on the basis of the issued review opinion
    noticeAfter(p, "re-review", "RE_REVIEW_OPINION", "条例 Art. 36", "辽政信复核");

    // ---- 2026-09-10 (Thu): the re-review opinion is delivered; 张三 rates the handling organ and
    // the petition bureau (条例 Art. 21).
    today("2026-09-10");
    p = act(id, "deliver", on("2026-09-10"));
    assertThat(p.get("concluded").asBoolean()).isTrue();
    assertThat(dueDates(p)).isEmpty();
    p = act(id, "rate", on("2026-09-10", "satisfaction", "BASICALLY_SATISFIED"));
    p = act(id, "rate", on("2026-09-10", "satisfaction", "SATISFIED", "target", "PETITION_BUREAU"));
    assertThat(p.get("ratings").get("HANDLING_ORGANISATION").asString())
        .isEqualTo("BASICALLY_SATISFIED");
    assertThat(p.get("ratings").get("PETITION_BUREAU").asString()).isEqualTo("SATISFIED");

    // ---- the whole history: each act, the article it rests on, and whether it was back-entered
    // (the issue of each notice is itself an event of the history, checked below)
    List<JsonNode> actEvents = actEvents(p);
    List<String> acts = new ArrayList<>();
    List<String> articles = new ArrayList<>();
    List<Boolean> backEntered = new ArrayList<>();
    for (JsonNode e : actEvents) {
      acts.add(e.get("act").asString());
      articles.add(e.get("article").asString());
      backEntered.add(e.get("backEntered").asBoolean());
    }
    assertThat(acts)
        .containsExactly(
            "register",
            "forward",
            "accept",
            "extend",
            "reply",
            "deliver",
            "request-review",
            "review",
            "deliver",
            "request-re-review",
            "start-hearing",
            "end-hearing",
            "re-review",
            "deliver",
            "rate",
            "rate");
    assertThat(articles.subList(0, 13))
        .containsExactly(
            "条例 Arts. 17–21", // registration (受理法治化)
            "条例 Art. 22", // 转送 by the petition bureau
            "条例 Art. 31 item 6", // accepted on pathway 6
            "条例 Art. 34", // extension
            "条例 Art. 32", // the handling opinion
            "条例 Art. 35", // delivery of the handling opinion opens the review window
            "条例 Art. 35", // 复查 requested
            "条例 Art. 35", // 复查意见 (with its written reply)
            "条例 Art. 35", // delivery of the review opinion (书面答复, Art. 35)
            "条例 Art. 36", // 复核 requested
            "条例 Art. 36 para. 2", // hearing begins
            "条例 Art. 36 para. 2", // hearing ends
            "条例 Art. 36"); // 复核意见
    // delivery of the re-review opinion: the 复核 (Art. 36) or written-answer (Art. 35) article
    assertThat(articles.get(13)).isIn("条例 Art. 35", "条例 Art. 36");
    assertThat(articles.subList(14, 16)).containsExactly("条例 Art. 21", "条例 Art. 21");
    // back-entered: the acceptance (02-24, recorded 02-25) and the delivery of the review opinion
    // (07-17, recorded 07-20); everything else was recorded on the day it happened
    List<Boolean> expectedBackEntered = new ArrayList<>();
    for (int i = 0; i < acts.size(); i++) {
      expectedBackEntered.add(i == 2 || i == 8);
    }
    assertThat(backEntered).isEqualTo(expectedBackEntered);
    // who acted: the demo staff for their own organisations, the bootstrap admin elsewhere
    assertThat(actEvents.get(0).get("by").asString()).isEqualTo(CITY_REGISTRAR);
    assertThat(actEvents.get(0).get("adminAct").asBoolean()).isFalse();
    assertThat(actEvents.get(2).get("by").asString()).isEqualTo(CITY_HANDLER);
    assertThat(actEvents.get(2).get("adminAct").asBoolean()).isFalse();
    assertThat(actEvents.get(6).get("adminAct").asBoolean()).isTrue();

    // the notices in the history: each issued one right after the act that required it, none for
    // the handling opinion still in draft
    List<String> events = new ArrayList<>();
    p.get("history").forEach(e -> events.add(e.get("act").asString()));
    assertThat(events)
        .containsExactly(
            "register",
            "forward",
            "issue-notice", // 转送函
            "accept",
            "issue-notice", // 受理告知书
            "extend",
            "issue-notice", // 延期告知书
            "reply", // 信访处理意见书: a draft, not issued
            "deliver",
            "request-review",
            "review",
            "issue-notice", // 复查意见书
            "deliver",
            "request-re-review",
            "start-hearing",
            "end-hearing",
            "re-review",
            "issue-notice", // 复核意见书
            "deliver",
            "rate",
            "rate");
    // and the same notices as the notice module lists them, with the same document numbers
    JsonNode notices = body(getJson("/api/petitions/" + id + "/notices"));
    List<String> kinds = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (JsonNode n : notices) {
      kinds.add(n.get("kind").asString());
      statuses.add(n.get("status").asString());
      if ("ISSUED".equals(n.get("status").asString())) {
        numbers.add(n.get("documentNumber").asString());
      }
    }
    assertThat(kinds)
        .containsExactly(
            "FORWARD", "RECEIPT", "EXTENSION", "OPINION", "REVIEW_OPINION", "RE_REVIEW_OPINION");
    assertThat(statuses).containsExactly("ISSUED", "ISSUED", "ISSUED", "DRAFT", "ISSUED", "ISSUED");
    assertThat(noticeEvents(p).stream().map(e -> e.get("details").get("documentNumber").asString()))
        .containsExactlyElementsOf(numbers);

    // ---- 2026-10-12 (Mon): 张三 writes again to 大连市信访局 with the same facts and reasons.
    today("2026-10-12");
    Map<String, Object> again = letter("2026-10-12", CITY_PETITION_BUREAU);
    again.put("repeatOf", id);
    JsonNode q = register(again);
    String newId = q.get("id").asString();
    assertThat(q.get("first").asBoolean()).isFalse();
    // ROUTE: 10-12 + 15 = 10-27 (Tue), a working day.
    assertThat(dueDates(q)).isEqualTo(Map.of("ROUTE", "2026-10-27"));
    // 不再受理 (条例 Art. 36 para. 3): re-reviewed, raised again on the same facts and reasons
    q =
        act(
            newId,
            "decline",
            on(
                "2026-10-12",
                "ground",
                "FINAL_AFTER_RE_REVIEW",
                "detail",
                "该事项已经复核终结，信访人以同一事实和理由再次提出，不再受理。",
                "earlierPetition",
                id));
    assertThat(q.get("state").asString()).isEqualTo("DECLINED");
    JsonNode decline = lastAct(q);
    assertThat(decline.get("act").asString()).isEqualTo("decline");
    assertThat(decline.get("article").asString()).isEqualTo("条例 Art. 36 para. 3");
    assertThat(decline.get("backEntered").asBoolean()).isFalse();
    assertThat(dueDates(q)).isEmpty();
    // the 不再受理告知书 is issued with it, citing the same paragraph
    noticeAfter(q, "decline", "FINAL_DECLINE", "条例 Art. 36 para. 3", "大信不再受");
    assertThat(acts(q)).containsExactly("register", "decline");
  }

  // ------------------------------------------------------------------ helpers

  /** The legal basis the review opinion states (条例 Art. 35; the wage law it applies). */
  private static final String REVIEW_BASIS = "《保障农民工工资支付条例》第三条、第十一条";

  /**
   * The event right after the latest {@code act} in the history: the issue of the notice of {@code
   * kind} it required, citing {@code article}, numbered by {@code codes}〔year〕N号, and done on the
   * same day, by the same user for the same organisation, back-entered and admin-marked alike.
   */
  private static JsonNode noticeAfter(
      JsonNode petition, String act, String kind, String article, String codes) {
    JsonNode history = petition.get("history");
    int at = latest(history, act);
    assertThat(at + 1).as("an event after %s in %s", act, history).isLessThan(history.size());
    JsonNode done = history.get(at);
    JsonNode notice = history.get(at + 1);
    assertThat(notice.get("act").asString()).as("the event after %s", act).isEqualTo(ISSUE_NOTICE);
    assertThat(notice.get("details").get("kind").asString()).isEqualTo(kind);
    assertThat(notice.get("article").asString()).as("article of %s", kind).isEqualTo(article);
    String year = done.get("on").asString().substring(0, 4);
    assertThat(notice.get("details").get("documentNumber").asString())
        .matches(Pattern.quote(codes) + "〔" + year + "〕[1-9]\\d*号");
    assertThat(notice.get("details").get("noticeId").asString()).isNotBlank();
    for (String field : List.of("on", "by", "organisationId", "backEntered", "adminAct")) {
      assertThat(notice.get(field))
          .as("%s of the %s notice", field, kind)
          .isEqualTo(done.get(field));
    }
    return notice;
  }

  /** The latest {@code act} issued no notice: nothing follows it in the history. */
  private static void noNoticeAfter(JsonNode petition, String act) {
    JsonNode history = petition.get("history");
    assertThat(latest(history, act)).as("%s is the last event", act).isEqualTo(history.size() - 1);
  }

  private static int latest(JsonNode history, String act) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (act.equals(history.get(i).get("act").asString())) {
        return i;
      }
    }
    throw new AssertionError("no " + act + " in " + history);
  }

  private static String url(String id, String act) {
    return "/api/petitions/" + id + "/" + act;
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

  /** POSTs as a demo user and returns the JSON, failing unless the expected status. */
  private JsonNode asUser(String user, String url, Map<String, Object> body, int expected)
      throws Exception {
    ResultActions r = postJsonAs(user, PASSWORD, url, body);
    int status = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    assertThat(status).as("%s as %s answered %s", url, user, node).isEqualTo(expected);
    return node;
  }

  /** Every duty owed now, by name, with its due date. */
  private static Map<String, String> dueDates(JsonNode petition) {
    Map<String, String> dues = new LinkedHashMap<>();
    for (JsonNode d : petition.get("duties")) {
      dues.put(d.get("duty").asString(), d.get("due").asString());
      // every date of this story lies in 2026, whose State Council notice is loaded
      assertThat(d.get("provisional").asBoolean()).as("provisional %s", d).isFalse();
    }
    return dues;
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
