package org.xinfang.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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

/**
 * The joint conference's story: a jurisdiction dispute and a difficult matter go to the meeting,
 * its decisions become duties on the assignees' work lists, the minutes print them, and the next
 * meeting follows them up with their status; nobody sees more than their scope.
 */
class ConferenceScenarioTest extends IntegrationTest {

  private static final String PW = DemoData.PASSWORD;
  private static final String SUPERVISOR = DemoData.CITY_SUPERVISOR;
  private static final String LEADER = DemoData.CITY_LEADER;

  @Test
  @DisplayName(
      "条例 Arts. 13, 24: escalated matters decided at the joint conference become duties, printed"
          + " in the minutes and followed up at the next meeting")
  void aMeetingDecidesAndTheNextFollowsUp() throws Exception {
    today("2026-11-02");
    // a jurisdiction dispute (Art. 24): 人社局 objects that the matter is not its own
    JsonNode dispute = register(letter("2026-11-02", DemoData.CITY_PETITION_BUREAU));
    String disputeId = dispute.get("id").asString();
    act(disputeId, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    act(disputeId, "object", Map.of("reason", "不属于本机关职权范围，应由住建部门处理"));
    // a difficult matter (提级办), at 住建局
    Map<String, Object> hard = letter("2026-11-02", DemoData.CITY_PETITION_BUREAU);
    hard.put("subject", "小区烂尾楼无法交房");
    String hardId = register(hard).get("id").asString();
    act(hardId, "forward", Map.of("to", DemoData.CITY_HOUSING));

    // the meeting of 2026-11-13, scheduled by the conference office at the petition bureau
    today("2026-11-13");
    JsonNode m1 =
        created(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences",
                Map.of(
                    "heldOn",
                    "2026-11-13",
                    "place",
                    "市政府第一会议室",
                    "convenor",
                    LEADER,
                    "members",
                    List.of(
                        DemoData.CITY_PETITION_BUREAU,
                        DemoData.CITY_HUMAN_RESOURCES,
                        DemoData.CITY_HOUSING))));
    String m1Id = m1.get("id").asString();
    assertThat(m1.get("organisationId").asString()).isEqualTo(DemoData.CITY_GOVERNMENT);
    assertThat(m1.get("title").asString()).isEqualTo("大连市信访工作联席会议");
    assertThat(m1.get("members").findValuesAsString("organisationId"))
        .contains(DemoData.CITY_GOVERNMENT, DemoData.CITY_HUMAN_RESOURCES);

    // the agenda: by number for the dispute, by id for the difficult one
    JsonNode withDispute =
        created(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences/" + m1Id + "/items",
                Map.of(
                    "petitionNumber",
                    dispute.get("number").asString(),
                    "reason",
                    "JURISDICTION_DISPUTE")));
    JsonNode disputeItem = item(withDispute, disputeId, "JURISDICTION_DISPUTE");
    assertThat(disputeItem.get("basis").asString()).isEqualTo("条例第二十四条第一款");
    assertThat(disputeItem.get("petitionNumber").asString())
        .isEqualTo(dispute.get("number").asString());
    JsonNode withHard =
        created(
            postJsonAs(
                LEADER,
                PW,
                "/api/conferences/" + m1Id + "/items",
                Map.of("petitionId", hardId, "reason", "DIFFICULT", "note", "群体性，涉及300户")));
    JsonNode hardItem = item(withHard, hardId, "DIFFICULT");
    // the same matter twice is refused
    assertThat(
            status(
                postJsonAs(
                    LEADER,
                    PW,
                    "/api/conferences/" + m1Id + "/items",
                    Map.of("petitionId", hardId, "reason", "OTHER"))))
        .isEqualTo(409);

    // decisions: who handles the disputed matter; an assignment and a leader package for the other
    JsonNode coordination =
        created(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences/"
                    + m1Id
                    + "/items/"
                    + disputeItem.get("id").asString()
                    + "/decisions",
                Map.of(
                    "kind", "COORDINATION",
                    "assignee", DemoData.CITY_HUMAN_RESOURCES,
                    "due", "2026-11-20",
                    "content", "经协调，由市人社局受理并牵头办理，市住建局配合")));
    JsonNode assign =
        created(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences/"
                    + m1Id
                    + "/items/"
                    + hardItem.get("id").asString()
                    + "/decisions",
                Map.of(
                    "kind", "ASSIGN",
                    "assignee", DemoData.CITY_HOUSING,
                    "due", "2026-11-25",
                    "content", "约见信访群众代表，提出交房化解方案")));
    JsonNode pkg =
        created(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences/"
                    + m1Id
                    + "/items/"
                    + hardItem.get("id").asString()
                    + "/decisions",
                Map.of("kind", "LEADER_PACKAGE", "leader", LEADER, "due", "2026-12-20")));
    // an assignment without a due date, or to an organ outside the jurisdiction, is refused
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/conferences/"
                        + m1Id
                        + "/items/"
                        + hardItem.get("id").asString()
                        + "/decisions",
                    Map.of("kind", "ASSIGN", "assignee", DemoData.CITY_HOUSING, "content", "x"))))
        .isEqualTo(400);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/conferences/"
                        + m1Id
                        + "/items/"
                        + hardItem.get("id").asString()
                        + "/decisions",
                    Map.of(
                        "kind", "ASSIGN",
                        "assignee", DemoData.PROVINCE_HOUSING,
                        "due", "2026-11-30",
                        "content", "x"))))
        .isEqualTo(400);

    JsonNode decided = pkg.get("conference");
    String coordinationTask =
        decision(decided, coordination.get("decisionId").asString()).get("taskId").asString();
    String assignTask =
        decision(decided, assign.get("decisionId").asString()).get("taskId").asString();
    String pkgTask = decision(decided, pkg.get("decisionId").asString()).get("taskId").asString();
    assertThat(decision(decided, pkg.get("decisionId").asString()).get("assignee").asString())
        .isEqualTo(DemoData.CITY_GOVERNMENT);

    // the duties are on the assignees' /api/tasks
    assertThat(body(getAs("dl-handler", PW, "/api/tasks")).findValuesAsString("id"))
        .contains(coordinationTask);
    JsonNode housing = body(getAs(SUPERVISOR, PW, "/api/tasks?owedBy=" + DemoData.CITY_HOUSING));
    assertThat(housing.findValuesAsString("id")).contains(assignTask);
    JsonNode leaderTasks = body(getAs(LEADER, PW, "/api/tasks"));
    assertThat(leaderTasks.findValuesAsString("id")).contains(pkgTask);
    JsonNode t = body(getAs(SUPERVISOR, PW, "/api/tasks/" + assignTask));
    assertThat(t.get("source").asString()).isEqualTo("CONFERENCE");
    assertThat(t.get("petitionId").asString()).isEqualTo(hardId);
    assertThat(t.get("due").asString()).isEqualTo("2026-11-25");
    assertThat(t.get("basis").asString()).contains("大连市信访工作联席会议 2026-11-13");

    // a member reads the meeting but does not run it
    JsonNode asMember = body(getAs("dl-handler", PW, "/api/conferences/" + m1Id));
    assertThat(asMember.get("mayManage").asBoolean()).isFalse();
    assertThat(
            status(
                postJsonAs(
                    "dl-handler",
                    PW,
                    "/api/conferences/" + m1Id + "/items",
                    Map.of("petitionId", hardId, "reason", "OTHER"))))
        .isEqualTo(403);

    // attendance, then the minutes
    postJsonAs(
            SUPERVISOR,
            PW,
            "/api/conferences/" + m1Id + "/attendance",
            Map.of(
                "attendance",
                List.of(
                    Map.of(
                        "organisationId",
                        DemoData.CITY_HUMAN_RESOURCES,
                        "attended",
                        true,
                        "attendee",
                        "副局长 李某"),
                    Map.of("organisationId", DemoData.CITY_HOUSING, "attended", false))))
        .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
    // 人社局 does what it owes before the minutes
    today("2026-11-19");
    assertThat(
            status(
                postJsonAs(
                    "dl-handler",
                    PW,
                    "/api/tasks/" + coordinationTask + "/complete",
                    Map.of("outcome", "已受理"))))
        .isEqualTo(200);
    JsonNode issued =
        body(postJsonAs(SUPERVISOR, PW, "/api/conferences/" + m1Id + "/minutes", Map.of()));
    String minutesNumber = issued.get("minutesNumber").asString();
    assertThat(minutesNumber).matches("大连市信访工作联席会议纪要〔2026〕\\d+号");
    String pdf = pdfText(getAs(SUPERVISOR, PW, "/api/conferences/" + m1Id + "/minutes.pdf"));
    assertThat(pdf)
        .contains("大连市信访工作联席会议纪要")
        .contains(minutesNumber)
        .contains("市政府第一会议室")
        .contains(dispute.get("number").asString())
        .contains("小区烂尾楼无法交房")
        .contains("经协调，由市人社局受理并牵头办理")
        .contains("约见信访群众代表，提出交房化解方案")
        .contains("2026-11-25")
        .contains("领导包案")
        .contains("李某")
        .doesNotContain("张三"); // the petitioner's name is not in the minutes
    // a member's copy does not name the matter outside its scope (住建局's, for 人社局)
    String members = pdfText(getAs("dl-handler", PW, "/api/conferences/" + m1Id + "/minutes.pdf"));
    assertThat(members)
        .contains(dispute.get("number").asString())
        .contains("不在本单位查看范围内的信访事项")
        .contains("约见信访群众代表，提出交房化解方案")
        .doesNotContain("小区烂尾楼无法交房");
    // the record is closed once the minutes are issued
    JsonNode refused =
        body(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences/" + m1Id + "/items",
                Map.of("petitionId", disputeId, "reason", "OTHER")));
    assertThat(refused.get("rule").asString()).isEqualTo("minutes-issued (条例 Art. 13)");

    // the next meeting: the three decisions carried over with their status on 2026-11-27
    today("2026-11-27");
    JsonNode m2 =
        created(
            postJsonAs(
                LEADER,
                PW,
                "/api/conferences",
                Map.of(
                    "heldOn",
                    "2026-12-04",
                    "place",
                    "市政府第二会议室",
                    "convenor",
                    LEADER,
                    "members",
                    List.of(DemoData.CITY_HUMAN_RESOURCES, DemoData.CITY_HOUSING))));
    String m2Id = m2.get("id").asString();
    JsonNode doneItem = carried(m2, coordination.get("decisionId").asString());
    JsonNode overdueItem = carried(m2, assign.get("decisionId").asString());
    JsonNode openItem = carried(m2, pkg.get("decisionId").asString());
    assertThat(doneItem.get("reason").asString()).isEqualTo("FOLLOW_UP");
    assertThat(doneItem.get("carried").get("status").asString()).isEqualTo("DONE");
    assertThat(overdueItem.get("carried").get("status").asString()).isEqualTo("OVERDUE");
    assertThat(openItem.get("carried").get("status").asString()).isEqualTo("OPEN");
    assertThat(doneItem.get("petitionNumber").asString())
        .isEqualTo(dispute.get("number").asString());

    // follow-up of the overdue one (stays open), the done one is closed
    JsonNode followed =
        body(
            postJsonAs(
                LEADER,
                PW,
                "/api/conferences/"
                    + m2Id
                    + "/items/"
                    + overdueItem.get("id").asString()
                    + "/follow-up",
                Map.of("note", "责成市住建局一周内报送方案")));
    JsonNode f = carried(followed, assign.get("decisionId").asString());
    assertThat(f.get("followUpStatus").asString()).isEqualTo("OVERDUE");
    assertThat(f.get("followUpNote").asString()).isEqualTo("责成市住建局一周内报送方案");
    JsonNode closed =
        body(
            postJsonAs(
                LEADER,
                PW,
                "/api/conferences/" + m2Id + "/items/" + doneItem.get("id").asString() + "/close",
                Map.of("note", "已落实，销号")));
    assertThat(
            carried(closed, coordination.get("decisionId").asString())
                .get("carried")
                .get("closedOn")
                .asString())
        .isEqualTo("2026-12-04");
    assertThat(
            status(
                postJsonAs(
                    LEADER,
                    PW,
                    "/api/conferences/"
                        + m2Id
                        + "/items/"
                        + doneItem.get("id").asString()
                        + "/close",
                    Map.of())))
        .isEqualTo(409);
    // a new (not carried) item cannot be "followed up"
    JsonNode m3 =
        created(
            postJsonAs(
                LEADER,
                PW,
                "/api/conferences",
                Map.of(
                    "heldOn",
                    "2026-12-18",
                    "place",
                    "市政府第二会议室",
                    "convenor",
                    LEADER,
                    "members",
                    List.of(DemoData.CITY_HOUSING))));
    List<String> carriedToM3 = new ArrayList<>();
    for (JsonNode i : m3.get("items")) {
      if (!i.get("carried").isNull()) {
        carriedToM3.add(i.get("carried").get("id").asString());
      }
    }
    assertThat(carriedToM3)
        .contains(assign.get("decisionId").asString(), pkg.get("decisionId").asString())
        .doesNotContain(coordination.get("decisionId").asString());

    // every act is in the history with its actor, day and article
    JsonNode history = body(getAs(SUPERVISOR, PW, "/api/conferences/" + m1Id + "/history"));
    assertThat(history.findValuesAsString("act"))
        .contains("schedule", "add-item", "decide", "attendance", "issue-minutes");
    for (JsonNode e : history) {
      if (e.get("act").asString().equals("decide")
          && disputeId.equals(e.get("petitionId").asString())) {
        assertThat(e.get("basis").asString()).isEqualTo("条例第二十四条第一款");
        assertThat(e.get("actor").asString()).isEqualTo(SUPERVISOR);
        assertThat(e.get("on").asString()).isEqualTo("2026-11-13");
      }
    }
    JsonNode history2 = body(getAs(LEADER, PW, "/api/conferences/" + m2Id + "/history"));
    assertThat(history2.findValuesAsString("act"))
        .contains("schedule", "add-item", "follow-up", "close");

    // the pages: the list, the meeting with its overdue follow-up, the minutes download
    String list = page("/conferences", LEADER);
    assertThat(list).contains("大连市信访工作联席会议").contains(minutesNumber);
    String meeting = page("/conferences/" + m2Id, LEADER);
    assertThat(meeting).contains("已逾期").contains("责成市住建局一周内报送方案").contains("销号");
    assertThat(
            mvc.perform(get("/conferences/" + m1Id + "/minutes.pdf").with(user("dl-handler")))
                .andReturn()
                .getResponse()
                .getContentType())
        .isEqualTo("application/pdf");
  }

  @Test
  @DisplayName(
      "data scope: members and the conference office only; accusations stay hidden from the"
          + " accused and those above them (条例 Art. 30 para. 3)")
  void scopeRefusals() throws Exception {
    JsonNode m =
        created(
            postJsonAs(
                SUPERVISOR,
                PW,
                "/api/conferences",
                Map.of(
                    "heldOn",
                    "2026-12-11",
                    "place",
                    "市信访局会议室",
                    "convenor",
                    LEADER,
                    "members",
                    List.of(DemoData.CITY_HUMAN_RESOURCES))));
    String id = m.get("id").asString();
    // neither a non-member nor a district's user sees it; they do not list it either
    assertThat(status(getAs("zs-clerk", PW, "/api/conferences/" + id))).isEqualTo(403);
    assertThat(status(getAs("dl-jw", PW, "/api/conferences/" + id))).isEqualTo(403);
    assertThat(body(getAs("zs-clerk", PW, "/api/conferences")).findValuesAsString("id"))
        .doesNotContain(id);
    assertThat(body(getAs("dl-handler", PW, "/api/conferences")).findValuesAsString("id"))
        .contains(id);
    assertThat(status(getAs(SUPERVISOR, PW, "/api/conferences/no-such"))).isEqualTo(404);
    // the page says so as a page
    assertThat(
            mvc.perform(get("/conferences/" + id).with(user("zs-clerk")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    // a handler does not schedule; the convenor must be a leader; members within the jurisdiction
    Map<String, Object> meeting =
        Map.of(
            "heldOn",
            "2026-12-11",
            "place",
            "x",
            "convenor",
            LEADER,
            "members",
            List.of(DemoData.CITY_HUMAN_RESOURCES));
    assertThat(status(postJsonAs("dl-handler", PW, "/api/conferences", meeting))).isEqualTo(403);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/conferences",
                    Map.of("heldOn", "2026-12-11", "place", "x", "convenor", "dl-handler"))))
        .isEqualTo(400);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/conferences",
                    Map.of(
                        "heldOn",
                        "2026-12-11",
                        "place",
                        "x",
                        "convenor",
                        LEADER,
                        "members",
                        List.of(DemoData.PROVINCE_HOUSING)))))
        .isEqualTo(400);

    // an accusation against 人社局: the bureau that received it may put it on the agenda …
    Map<String, Object> acc = letter("2026-11-27", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("subject", "检举某局长违规收受礼金");
    acc.put(
        "accused", List.of(Map.of("name", "王某", "organisationId", DemoData.CITY_HUMAN_RESOURCES)));
    String accusation = register(acc).get("id").asString();
    // … the leader above 人社局 cannot (it does not exist for them)
    assertThat(
            status(
                postJsonAs(
                    LEADER,
                    PW,
                    "/api/conferences/" + id + "/items",
                    Map.of("petitionId", accusation, "reason", "DIFFICULT"))))
        .isEqualTo(404);
    created(
        postJsonAs(
            SUPERVISOR,
            PW,
            "/api/conferences/" + id + "/items",
            Map.of("petitionId", accusation, "reason", "DIFFICULT")));
    assertThat(
            body(getAs(SUPERVISOR, PW, "/api/conferences/" + id)).findValuesAsString("petitionId"))
        .contains(accusation);
    // the accused member and the leader above it do not see the item, nor its history
    for (String reader : List.of("dl-handler", LEADER)) {
      assertThat(body(getAs(reader, PW, "/api/conferences/" + id)).findValuesAsString("petitionId"))
          .as(reader)
          .doesNotContain(accusation);
      assertThat(body(getAs(reader, PW, "/api/conferences/" + id + "/history")).toString())
          .as(reader)
          .doesNotContain(accusation);
    }

    // a petition of another city is outside the reader's scope (403) and outside the conference's
    // jurisdiction even for the bootstrap admin
    String province =
        register(letter("2026-11-27", DemoData.PROVINCE_PETITION_BUREAU)).get("id").asString();
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    "/api/conferences/" + id + "/items",
                    Map.of("petitionId", province, "reason", "OTHER"))))
        .isEqualTo(403);
    JsonNode outside =
        body(
            postJsonAs(
                ADMIN,
                ADMIN_PASSWORD,
                "/api/conferences/" + id + "/items",
                Map.of("petitionId", province, "reason", "OTHER")));
    assertThat(outside.get("rule").asString()).isEqualTo("conference-jurisdiction (条例 Art. 13)");
    // minutes for a meeting not yet held are refused
    assertThat(
            body(postJsonAs(SUPERVISOR, PW, "/api/conferences/" + id + "/minutes", Map.of()))
                .get("rule")
                .asString())
        .isEqualTo("minutes-after-meeting (条例 Art. 13)");
  }

  @Test
  @DisplayName("the demo city's conference: minutes issued, duties done and overdue, carried over")
  void theDemoConference() throws Exception {
    JsonNode list = body(getAs(LEADER, PW, "/api/conferences"));
    JsonNode upcoming = null;
    for (JsonNode m : list) {
      JsonNode c = body(getAs(LEADER, PW, "/api/conferences/" + m.get("id").asString()));
      boolean demo = c.get("items").findValuesAsString("subject").contains("小区烂尾楼逾期两年未交房");
      if (demo && c.get("heldOn").asString().equals("2026-12-04")) {
        upcoming = c;
      }
      if (demo && c.get("heldOn").asString().equals("2026-11-13")) {
        assertThat(c.get("minutesNumber").asString()).startsWith("大连市信访工作联席会议纪要〔2026〕");
      }
    }
    assertThat(upcoming).as("the demo's upcoming meeting").isNotNull();
    List<String> statuses = new ArrayList<>();
    for (JsonNode i : upcoming.get("items")) {
      if (!i.get("carried").isNull()) {
        statuses.add(i.get("subject").asString() + ":" + i.get("carried").get("status").asString());
      }
    }
    assertThat(statuses).contains("工程欠薪引发农民工集体讨薪:DONE", "小区烂尾楼逾期两年未交房:OVERDUE", "征地补偿标准争议:OPEN");
  }

  @Test
  @DisplayName("the pages: schedule, add a matter by number, decide, each act back on the page")
  void thePagesAct() throws Exception {
    String number =
        register(letter("2026-11-27", DemoData.CITY_PETITION_BUREAU)).get("number").asString();
    var scheduled =
        mvc.perform(
                post("/conferences")
                    .with(user(SUPERVISOR))
                    .with(csrf())
                    .param("heldOn", "2026-11-27")
                    .param("place", "市信访局三楼会议室")
                    .param("convenor", LEADER)
                    .param("members", DemoData.CITY_HUMAN_RESOURCES))
            .andReturn()
            .getResponse();
    assertThat(scheduled.getStatus()).isEqualTo(302);
    String url = scheduled.getRedirectedUrl();
    assertThat(url).startsWith("/conferences/");
    mvc.perform(
        post(url + "/items")
            .with(user(SUPERVISOR))
            .with(csrf())
            .param("petitionNumber", number)
            .param("reason", "DIFFICULT"));
    String id = url.substring("/conferences/".length());
    JsonNode c = body(getAs(SUPERVISOR, PW, "/api/conferences/" + id));
    String itemId = null;
    for (JsonNode i : c.get("items")) {
      if (number.equals(i.get("petitionNumber").asString())) {
        itemId = i.get("id").asString();
      }
    }
    assertThat(itemId).as("the matter added by number").isNotNull();
    mvc.perform(
        post(url + "/items/" + itemId + "/decisions")
            .with(user(SUPERVISOR))
            .with(csrf())
            .param("kind", "ASSIGN")
            .param("assignee", DemoData.CITY_HUMAN_RESOURCES)
            .param("due", "2026-12-11")
            .param("content", "十日内答复信访人"));
    // a refused act comes back to the page with its reason
    var refused =
        mvc.perform(
                post(url + "/items/" + itemId + "/decisions")
                    .with(user(SUPERVISOR))
                    .with(csrf())
                    .param("kind", "ASSIGN"))
            .andReturn();
    assertThat(refused.getFlashMap().get("problem")).isNotNull();
    mvc.perform(post(url + "/minutes").with(user(SUPERVISOR)).with(csrf()));
    String page = page(url, "dl-handler");
    assertThat(page).contains("十日内答复信访人").contains("大连市信访工作联席会议纪要〔2026〕").contains("minutes.pdf");
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode created(ResultActions r) throws Exception {
    int s = status(r);
    JsonNode node = body(r);
    if (s != 201) {
      throw new AssertionError("answered " + s + ": " + node);
    }
    return node;
  }

  private static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }

  private static JsonNode item(JsonNode conference, String petitionId, String reason) {
    for (JsonNode i : conference.get("items")) {
      if (petitionId.equals(i.get("petitionId").asString())
          && reason.equals(i.get("reason").asString())) {
        return i;
      }
    }
    throw new AssertionError("no " + reason + " item for " + petitionId + " in " + conference);
  }

  private static JsonNode carried(JsonNode conference, String decisionId) {
    for (JsonNode i : conference.get("items")) {
      if (!i.get("carried").isNull() && decisionId.equals(i.get("carried").get("id").asString())) {
        return i;
      }
    }
    throw new AssertionError("decision " + decisionId + " not carried to " + conference);
  }

  private static JsonNode decision(JsonNode conference, String decisionId) {
    for (JsonNode i : conference.get("items")) {
      for (JsonNode d : i.get("decisions")) {
        if (decisionId.equals(d.get("id").asString())) {
          return d;
        }
      }
    }
    throw new AssertionError("no decision " + decisionId);
  }

  private String pdfText(ResultActions r) throws Exception {
    assertThat(status(r)).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(r.andReturn().getResponse().getContentAsByteArray())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s*\\R\\s*", "");
    }
  }

  private String page(String url, String username) throws Exception {
    var response = mvc.perform(get(url).with(user(username))).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }
}
