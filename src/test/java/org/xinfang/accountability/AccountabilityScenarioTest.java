package org.xinfang.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** 责任倒查 (条例 Arts. 43–46): who failed which duty, under which article; referral to 纪委监委. */
class AccountabilityScenarioTest extends IntegrationTest {

  static final String PW = DemoData.PASSWORD;
  static final String SUPERVISOR = DemoData.CITY_SUPERVISOR;

  JsonNode ok(ResultActions r) throws Exception {
    int s = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    assertThat(s).as("%s", node).isBetween(200, 201);
    return node;
  }

  static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }

  JsonNode actAs(String user, String id, String act, Map<String, Object> body) throws Exception {
    return ok(postJsonAs(user, PW, "/api/petitions/" + id + "/" + act, body));
  }

  /** Received 6 May, routed in time, accepted late (notice late), answered late. */
  String lateMatter() throws Exception {
    String id = register(letter("2026-05-06", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    actAs(
        DemoData.CITY_REGISTRAR,
        id,
        "forward",
        Map.of("on", "2026-05-08", "to", DemoData.CITY_HUMAN_RESOURCES));
    actAs(
        DemoData.CITY_HANDLER,
        id,
        "accept",
        Map.of("on", "2026-06-30", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    actAs(
        DemoData.CITY_HANDLER,
        id,
        "reply",
        Map.of("on", "2026-09-30", "outcome", "NOT_SUPPORT", "opinion", "经核查，诉求缺乏依据，不予支持。"));
    return id;
  }

  static JsonNode failure(JsonNode trace, String kind) {
    for (JsonNode f : trace.get("failures")) {
      if (kind.equals(f.get("kind").asString())) {
        return f;
      }
    }
    throw new AssertionError("no " + kind + " in " + trace.get("failures"));
  }

  static List<String> kinds(JsonNode trace) {
    List<String> kinds = new ArrayList<>();
    trace.get("failures").forEach(f -> kinds.add(f.get("kind").asString()));
    return kinds;
  }

  @Test
  @DisplayName(
      "条例 Art. 44 item 3 and Art. 45 item 1: notice late and conclusion late, each with the organ"
          + " and the user who owed it")
  void noticeLateAndConclusionLate() throws Exception {
    String id = lateMatter();
    JsonNode trace = ok(getAs(SUPERVISOR, PW, "/api/accountability/petitions/" + id));

    JsonNode notice = failure(trace, "NOTICE_LATE");
    assertThat(notice.get("article").asString()).isEqualTo("条例 Art. 44 item 3");
    assertThat(notice.get("owedBy").asString()).isEqualTo(DemoData.CITY_HUMAN_RESOURCES);
    assertThat(notice.get("user").asString()).isEqualTo(DemoData.CITY_HANDLER);
    assertThat(notice.get("status").asString()).isEqualTo("LATE");
    assertThat(notice.get("doneOn").asString()).isEqualTo("2026-06-30");
    assertThat(notice.get("daysLate").asLong()).isPositive();

    JsonNode conclusion = failure(trace, "CONCLUSION_LATE");
    assertThat(conclusion.get("article").asString()).isEqualTo("条例 Art. 45 item 1");
    assertThat(conclusion.get("owedBy").asString()).isEqualTo(DemoData.CITY_HUMAN_RESOURCES);
    assertThat(conclusion.get("user").asString()).isEqualTo(DemoData.CITY_HANDLER);
    assertThat(conclusion.get("duty").asString()).isEqualTo("CONCLUDE");
    assertThat(conclusion.get("doneOn").asString()).isEqualTo("2026-09-30");

    // the bureau routed in time: a duty done, no failure
    assertThat(kinds(trace)).doesNotContain("NOT_ROUTED_IN_TIME", "NOT_REGISTERED");
    JsonNode route = trace.get("duties").get(0);
    assertThat(route.get("duty").asString()).isEqualTo("ROUTE");
    assertThat(route.get("owedBy").asString()).isEqualTo(DemoData.CITY_PETITION_BUREAU);
    assertThat(route.get("outcome").asString()).isEqualTo("DONE");
    assertThat(route.get("doneBy").asString()).isEqualTo(DemoData.CITY_REGISTRAR);
    assertThat(route.get("doneByAct").asString()).isEqualTo("forward");
  }

  @Test
  @DisplayName(
      "条例 Art. 45 item 2: a review varying NOT_SUPPORT into SUPPORT finds the request was"
          + " well-founded; a missed duty names the organ and no user")
  void requestNotSupportedAndMissed() throws Exception {
    String id = lateMatter();
    act(id, "deliver", Map.of("on", "2026-10-02"));
    act(id, "request-review", Map.of("on", "2026-10-10"));
    act(
        id,
        "review",
        Map.of(
            "on",
            "2026-10-30",
            "outcome",
            "VARY",
            "variedOutcome",
            "SUPPORT",
            "opinion",
            "原处理意见认定事实不清，变更为予以支持。",
            "basis",
            "《保障农民工工资支付条例》第三条"));
    JsonNode trace = ok(getAs(SUPERVISOR, PW, "/api/accountability/petitions/" + id));
    JsonNode f = failure(trace, "REQUEST_NOT_SUPPORTED");
    assertThat(f.get("article").asString()).isEqualTo("条例 Art. 45 item 2");
    assertThat(f.get("owedBy").asString()).isEqualTo(DemoData.CITY_HUMAN_RESOURCES);
    assertThat(f.get("user").asString()).isEqualTo(DemoData.CITY_HANDLER);
    assertThat(f.get("status").asString()).isEqualTo("FOUND");

    // forwarded and never answered: the notice is missed, owed by the organ, no user
    String missed =
        register(letter("2026-09-01", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(missed, "forward", Map.of("on", "2026-09-02", "to", DemoData.CITY_HOUSING));
    JsonNode t2 = ok(getAs(SUPERVISOR, PW, "/api/accountability/petitions/" + missed));
    JsonNode m = failure(t2, "NOTICE_LATE");
    assertThat(m.get("status").asString()).isEqualTo("MISSED");
    assertThat(m.get("owedBy").asString()).isEqualTo(DemoData.CITY_HOUSING);
    assertThat(m.get("user").isNull()).isTrue();
  }

  @Test
  @DisplayName("An organ and a period: the duties that fell due, how they ended, the failures")
  void organPeriodTrace() throws Exception {
    String id = lateMatter();
    String number = body(getJson("/api/petitions/" + id)).get("number").asString();
    JsonNode t =
        ok(
            getAs(
                SUPERVISOR,
                PW,
                "/api/accountability/organs/"
                    + DemoData.CITY_HUMAN_RESOURCES
                    + "?from=2026-05-01&to=2026-10-31"));
    assertThat(t.get("organisationName").asString()).isNotBlank();
    assertThat(t.get("doneLate").asInt()).isGreaterThanOrEqualTo(2);
    List<String> found = new ArrayList<>();
    t.get("failures")
        .forEach(f -> found.add(f.get("number").asString() + " " + f.get("kind").asString()));
    assertThat(found).contains(number + " NOTICE_LATE", number + " CONCLUSION_LATE");
    t.get("failures")
        .forEach(
            f -> assertThat(f.get("owedBy").asString()).isEqualTo(DemoData.CITY_HUMAN_RESOURCES));
    // a period before: nothing of this petition
    JsonNode before =
        ok(
            getAs(
                SUPERVISOR,
                PW,
                "/api/accountability/organs/"
                    + DemoData.CITY_HUMAN_RESOURCES
                    + "?from=2026-01-01&to=2026-04-30"));
    before
        .get("failures")
        .forEach(f -> assertThat(f.get("number").asString()).isNotEqualTo(number));
  }

  @Test
  @DisplayName(
      "A referral to 大连市纪委监委: recorded with its number and history, its PDF citing the articles;"
          + " the addressee reads and acknowledges it")
  void referral() throws Exception {
    String id = lateMatter();
    String number = body(getJson("/api/petitions/" + id)).get("number").asString();
    // only a discipline-inspection organ
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/accountability/referrals",
                    Map.of("petitionId", id, "addressedTo", DemoData.CITY_HUMAN_RESOURCES))))
        .isEqualTo(400);
    JsonNode r =
        ok(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/accountability/referrals",
                Map.of(
                    "petitionId",
                    id,
                    "addressedTo",
                    DemoData.CITY_DISCIPLINE_INSPECTION,
                    "remarks",
                    "该局承办人员多次逾期，建议依规处理。")));
    String ref = r.get("id").asString();
    assertThat(r.get("number").asString()).contains("问责建议〔2026〕");
    assertThat(r.get("failures")).hasSize(2);
    assertThat(r.get("history").get(0).get("act").asString()).isEqualTo("refer");
    assertThat(r.get("history").get(0).get("actor").asString()).isEqualTo(SUPERVISOR);
    assertThat(r.get("history").get(0).get("basis").asString())
        .contains("条例 Art. 44 item 3")
        .contains("条例 Art. 45 item 1");

    ResultActions pdf =
        getAs(SUPERVISOR, PW, "/api/accountability/referrals/" + ref + "/document.pdf");
    assertThat(status(pdf)).isEqualTo(200);
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.andReturn().getResponse().getContentAsByteArray())) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s*\\R\\s*", "");
    }
    assertThat(text)
        .contains("问责建议书")
        .contains(r.get("number").asString())
        .contains("大连市纪委监委")
        .contains(number)
        .contains("第四十四条第（三）项")
        .contains("第四十五条第（一）项")
        .contains(DemoData.CITY_HANDLER)
        .contains("该局承办人员多次逾期");

    // the addressee reads and acknowledges; others outside do not
    JsonNode seen =
        ok(getAs(DemoData.CITY_DISCIPLINE_HANDLER, PW, "/api/accountability/referrals/" + ref));
    assertThat(seen.get("addressedTo").asString()).isEqualTo(DemoData.CITY_DISCIPLINE_INSPECTION);
    JsonNode ack =
        ok(
            postJsonAs(
                DemoData.CITY_DISCIPLINE_HANDLER,
                PW,
                "/api/accountability/referrals/" + ref + "/acknowledge",
                Map.of("note", "已收悉")));
    assertThat(ack.get("history")).hasSize(2);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/accountability/referrals/" + ref + "/acknowledge",
                    Map.of())))
        .isEqualTo(403);
    assertThat(status(getAs(DemoData.CITY_HANDLER, PW, "/api/accountability/referrals/" + ref)))
        .isEqualTo(403);
    // the pages: the trace with its referral form, the referral, the list
    assertThat(page("/accountability/petitions/" + id, SUPERVISOR))
        .contains("未按期告知是否受理")
        .contains("条例 Art. 44 item 3")
        .contains("name=\"failures\"");
    assertThat(page("/accountability/referrals/" + ref, SUPERVISOR))
        .contains(r.get("number").asString())
        .contains("document.pdf");
    assertThat(page("/accountability", SUPERVISOR)).contains(r.get("number").asString());
    assertThat(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/accountability/petitions/" + id)
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(DemoData.CITY_HANDLER)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            status(getAs(DemoData.ZHONGSHAN_HANDLER, PW, "/api/accountability/referrals/" + ref)))
        .isEqualTo(403);
  }

  @Test
  @DisplayName("Scope: only supervisors and leaders trace, within their jurisdiction (条例 Art. 40)")
  void scope() throws Exception {
    String id = lateMatter();
    assertThat(status(getAs(DemoData.CITY_HANDLER, PW, "/api/accountability/petitions/" + id)))
        .isEqualTo(403);
    assertThat(
            status(getAs(DemoData.ZHONGSHAN_REGISTRAR, PW, "/api/accountability/petitions/" + id)))
        .isEqualTo(403);
    assertThat(
            status(
                getAs(
                    SUPERVISOR,
                    PW,
                    "/api/accountability/organs/"
                        + DemoData.PROVINCE_HUMAN_RESOURCES
                        + "?from=2026-01-01&to=2026-10-31")))
        .isEqualTo(403);
    assertThat(
            status(
                getAs(
                    DemoData.CITY_HANDLER,
                    PW,
                    "/api/accountability/organs/"
                        + DemoData.CITY_HUMAN_RESOURCES
                        + "?from=2026-01-01&to=2026-10-31")))
        .isEqualTo(403);
    assertThat(status(getAs(DemoData.CITY_LEADER, PW, "/api/accountability/petitions/" + id)))
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "条例 Art. 30 para. 3: an accusation stays hidden from the leader above the accused — no trace,"
          + " no failure in an organ trace, no referral")
  void hiddenAccusation() throws Exception {
    Map<String, Object> acc = letter("2026-09-01", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("subject", "检举某局干部违规收受礼金");
    acc.put(
        "accused",
        List.of(
            Map.of("name", "王某", "organisationId", DemoData.CITY_HUMAN_RESOURCES, "post", "科长")));
    String id = register(acc).get("id").asString();
    act(id, "forward", Map.of("on", "2026-09-02", "to", DemoData.CITY_DISCIPLINE_INSPECTION));
    String number = body(getJson("/api/petitions/" + id)).get("number").asString();

    // the bureau sees the missed disposal of the discipline organ
    JsonNode trace = ok(getAs(SUPERVISOR, PW, "/api/accountability/petitions/" + id));
    assertThat(kinds(trace)).contains("NOT_ACCEPTED");
    assertThat(failure(trace, "NOT_ACCEPTED").get("owedBy").asString())
        .isEqualTo(DemoData.CITY_DISCIPLINE_INSPECTION);
    JsonNode ref =
        ok(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/accountability/referrals",
                Map.of("petitionId", id, "addressedTo", DemoData.PROVINCE_DISCIPLINE_INSPECTION)));

    // the leader of the government above the accused unit: none of it exists
    assertThat(status(getAs(DemoData.CITY_LEADER, PW, "/api/accountability/petitions/" + id)))
        .isEqualTo(404);
    JsonNode organ =
        ok(
            getAs(
                DemoData.CITY_LEADER,
                PW,
                "/api/accountability/organs/"
                    + DemoData.CITY_DISCIPLINE_INSPECTION
                    + "?from=2026-09-01&to=2026-11-27"));
    organ.get("failures").forEach(f -> assertThat(f.get("number").asString()).isNotEqualTo(number));
    assertThat(
            status(
                getAs(
                    DemoData.CITY_LEADER,
                    PW,
                    "/api/accountability/referrals/" + ref.get("id").asString())))
        .isEqualTo(404);
    List<String> listed = new ArrayList<>();
    body(getAs(DemoData.CITY_LEADER, PW, "/api/accountability/referrals"))
        .forEach(x -> listed.add(x.get("id").asString()));
    assertThat(listed).doesNotContain(ref.get("id").asString());
    // the accused unit's handler: 404 too
    assertThat(status(getAs(DemoData.CITY_HANDLER, PW, "/api/accountability/petitions/" + id)))
        .isIn(403, 404);
  }

  @Test
  @DisplayName(
      "条例 Art. 46 item 5: the accused unit cannot read or reveal the accusation; a reveal of the"
          + " accuser's personal data by an organ outside the matter's line is traced as a suspected"
          + " leak, while reveals by the discipline organ and the receiving bureau are not")
  void accusationLeak() throws Exception {
    Map<String, Object> acc = letter("2026-10-12", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("subject", "检举区人社局干部违规办理社保");
    acc.put(
        "accused",
        List.of(
            Map.of(
                "name", "李某", "organisationId", DemoData.ZHONGSHAN_HUMAN_RESOURCES, "post", "股长")));
    String id = register(acc).get("id").asString();
    act(id, "forward", Map.of("on", "2026-10-13", "to", DemoData.CITY_DISCIPLINE_INSPECTION));

    // the accused unit: the accusation does not exist for it, so nothing can be revealed to it
    String accusedUser = "leak-zs-rsj-" + System.nanoTime();
    String outsider = "leak-ln-xfj-" + System.nanoTime();
    staff(accusedUser, PW, DemoData.ZHONGSHAN_HUMAN_RESOURCES, "HANDLER");
    staff(outsider, PW, DemoData.PROVINCE_PETITION_BUREAU, "SUPERVISOR");
    assertThat(status(postJsonAs(accusedUser, PW, "/api/petitions/" + id + "/reveal", Map.of())))
        .isEqualTo(404);
    assertThat(status(getAs(accusedUser, PW, "/api/petitions/" + id))).isEqualTo(404);

    // reveals inside the line: the discipline organ handling it, the bureau that received it
    ok(
        postJsonAs(
            DemoData.CITY_DISCIPLINE_HANDLER, PW, "/api/petitions/" + id + "/reveal", Map.of()));
    ok(postJsonAs(SUPERVISOR, PW, "/api/petitions/" + id + "/reveal", Map.of()));
    JsonNode clean = ok(getAs(SUPERVISOR, PW, "/api/accountability/petitions/" + id));
    assertThat(kinds(clean)).doesNotContain("ACCUSATION_LEAKED");

    // the province bureau's supervisor reads its jurisdiction, but is outside this matter's line
    ok(postJsonAs(outsider, PW, "/api/petitions/" + id + "/reveal", Map.of()));
    JsonNode trace = ok(getAs(SUPERVISOR, PW, "/api/accountability/petitions/" + id));
    JsonNode leak = failure(trace, "ACCUSATION_LEAKED");
    assertThat(leak.get("article").asString()).isEqualTo("条例 Art. 46 item 5");
    assertThat(leak.get("status").asString()).isEqualTo("SUSPECTED");
    assertThat(leak.get("owedBy").asString()).isEqualTo(DemoData.PROVINCE_PETITION_BUREAU);
    assertThat(leak.get("user").asString()).isEqualTo(outsider);
    assertThat(
            trace.get("failures").findValuesAsString("kind").stream()
                .filter("ACCUSATION_LEAKED"::equals))
        .hasSize(1);
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
