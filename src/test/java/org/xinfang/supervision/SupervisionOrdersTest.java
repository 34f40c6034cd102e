package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import org.xinfang.task.Task;
import org.xinfang.task.Tasks;
import tools.jackson.databind.JsonNode;

/**
 * Supervision orders (督办, 条例 Art. 40): issued by the petition bureau to an organ, answered in
 * writing on time or late, escalated by the joint conference (Art. 39 para. 3); nobody outside the
 * bureau issues them, and an accusation stays hidden from the accused (Art. 30 para. 3).
 */
class SupervisionOrdersTest extends IntegrationTest {

  private static final String PW = DemoData.PASSWORD;
  private static final String SUPERVISOR = DemoData.CITY_SUPERVISOR;
  private static final String HANDLER = DemoData.CITY_HANDLER;
  private static final String ORDERS = "/api/supervision/orders";

  @Autowired Tasks tasks;
  @Autowired SupervisionOrders orders;

  @Test
  @DisplayName(
      "条例 Art. 40 paras. 1 and 4: an order to 人社局 becomes its duty; a reply on time closes it, a"
          + " reply after the date is late; the bulletin counts on time / late / unanswered")
  void issueReplyLate() throws Exception {
    today("2026-12-01");
    String pid = forwardedToHumanResources("2026-12-01");
    JsonNode o = issue(SUPERVISOR, pid, DemoData.CITY_HUMAN_RESOURCES, "DELAY", "2026-12-08");
    String id = o.get("id").asString();
    assertThat(o.get("status").asString()).isEqualTo("ISSUED");
    assertThat(o.get("number").asString()).startsWith("督办〔2026〕");
    Task duty = tasks.bySource(SupervisionOrders.TASK_SOURCE, id).get(0);
    assertThat(duty.owedBy()).isEqualTo(DemoData.CITY_HUMAN_RESOURCES);
    assertThat(duty.due()).isEqualTo(LocalDate.parse("2026-12-08"));
    // the organ sees it (and its duty on My work)
    assertThat(status(getAs(HANDLER, PW, ORDERS + "/" + id))).isEqualTo(200);
    assertThat(body(getAs(HANDLER, PW, ORDERS)).findValuesAsString("id")).contains(id);

    today("2026-12-07");
    JsonNode replied =
        body(
            postJsonAs(
                HANDLER, PW, ORDERS + "/" + id + "/reply", Map.of("reply", "已约见信访人，工资已支付。")));
    assertThat(replied.get("status").asString()).isEqualTo("ANSWERED");
    assertThat(replied.get("late").asBoolean()).isFalse();
    assertThat(tasks.find(duty.id()).orElseThrow().open()).isFalse();
    // once
    assertThat(status(postJsonAs(HANDLER, PW, ORDERS + "/" + id + "/reply", Map.of("reply", "再次"))))
        .isEqualTo(409);

    // a second order goes unanswered past its date: overdue, then late
    today("2026-12-02");
    String id2 =
        issue(SUPERVISOR, pid, DemoData.CITY_HUMAN_RESOURCES, "PERFUNCTORY", "2026-12-09")
            .get("id")
            .asString();
    // a third stays unanswered
    issue(SUPERVISOR, pid, DemoData.CITY_HUMAN_RESOURCES, "SHIRKING", "2026-12-10");
    today("2026-12-14");
    assertThat(body(getAs(SUPERVISOR, PW, ORDERS + "/" + id2)).get("overdue").asBoolean()).isTrue();
    JsonNode late =
        body(postJsonAs(HANDLER, PW, ORDERS + "/" + id2 + "/reply", Map.of("reply", "已整改。")));
    assertThat(late.get("late").asBoolean()).isTrue();
    JsonNode history = body(getAs(SUPERVISOR, PW, ORDERS + "/" + id2 + "/history"));
    assertThat(history.findValuesAsString("act")).containsExactly("issue", "reply");
    assertThat(history.findValuesAsString("article")).containsExactly("条例第四十条第一款", "条例第四十条第四款");
    assertThat(history.get(1).get("actor").asString()).isEqualTo(HANDLER);

    List<SupervisionOrders.ReplyTally> tally =
        orders.replies(
            Set.of(DemoData.CITY_HUMAN_RESOURCES),
            LocalDate.parse("2026-12-08"),
            LocalDate.parse("2026-12-10"));
    assertThat(tally)
        .containsExactly(new SupervisionOrders.ReplyTally(DemoData.CITY_HUMAN_RESOURCES, 1, 1, 1));
    JsonNode api =
        body(
            getAs(
                SUPERVISOR,
                PW,
                ORDERS + "/replies?organisation=dl-gov&from=2026-12-08&to=2026-12-10"));
    assertThat(api.get(0).get("late").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "条例 Art. 39 para. 3: the joint conference's office records 挂牌督办 and 约谈 with their"
          + " decision references, each once; the organ cannot")
  void escalate() throws Exception {
    today("2026-12-03");
    String pid = forwardedToHumanResources("2026-12-03");
    String id =
        issue(SUPERVISOR, pid, DemoData.CITY_HUMAN_RESOURCES, "REFUSAL_TO_EXECUTE", "2026-12-04")
            .get("id")
            .asString();
    today("2026-12-15");
    JsonNode e =
        body(
            postJsonAs(
                SUPERVISOR,
                PW,
                ORDERS + "/" + id + "/escalations",
                Map.of("escalation", "PLAQUE", "decisionRef", "大连市信访工作联席会议纪要〔2026〕3号")));
    assertThat(e.get("escalations").get(0).get("escalation").asString()).isEqualTo("PLAQUE");
    assertThat(
            status(
                postJsonAs(
                    DemoData.CITY_LEADER,
                    PW,
                    ORDERS + "/" + id + "/escalations",
                    Map.of("escalation", "SUMMONS", "decisionRef", "纪要〔2026〕3号"))))
        .isEqualTo(200);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    ORDERS + "/" + id + "/escalations",
                    Map.of("escalation", "PLAQUE", "decisionRef", "again"))))
        .isEqualTo(409);
    assertThat(
            status(
                postJsonAs(
                    HANDLER,
                    PW,
                    ORDERS + "/" + id + "/escalations",
                    Map.of("escalation", "BULLETIN", "decisionRef", "x"))))
        .isEqualTo(403);
    assertThat(
            status(
                postJsonAs(
                    SUPERVISOR,
                    PW,
                    ORDERS + "/" + id + "/escalations",
                    Map.of("escalation", "BULLETIN"))))
        .isEqualTo(400);
    assertThat(
            body(getAs(SUPERVISOR, PW, ORDERS + "/" + id + "/history"))
                .findValuesAsString("article"))
        .contains("条例第三十九条第三款");
  }

  @Test
  @DisplayName(
      "条例 Art. 40: only a petition bureau (or a supervisor) issues, to an organ of its"
          + " jurisdiction; Art. 30 para. 3: an order on an accusation is 404 to the accused and"
          + " is never issued to it")
  void scopeAndAccusations() throws Exception {
    today("2026-12-04");
    String pid = forwardedToHumanResources("2026-12-04");
    // a handler of an organ cannot issue
    assertThat(status(issueAs(HANDLER, pid, DemoData.CITY_HOUSING, "DELAY", "2026-12-20")))
        .isEqualTo(403);
    // 中山区信访局 cannot see the city's petition
    assertThat(
            status(
                issueAs(
                    DemoData.ZHONGSHAN_REGISTRAR,
                    pid,
                    DemoData.ZHONGSHAN_HUMAN_RESOURCES,
                    "DELAY",
                    "2026-12-20")))
        .isEqualTo(403);
    // the registrar of the city bureau may; a reply date in the past is refused
    assertThat(
            status(
                issueAs(
                    DemoData.CITY_REGISTRAR,
                    pid,
                    DemoData.CITY_HUMAN_RESOURCES,
                    "DELAY",
                    "2026-12-01")))
        .isEqualTo(400);
    assertThat(
            status(
                issueAs(
                    DemoData.CITY_REGISTRAR,
                    pid,
                    DemoData.CITY_HUMAN_RESOURCES,
                    "DELAY",
                    "2026-12-20")))
        .isEqualTo(201);
    // an organ outside the bureau's jurisdiction (the province)
    assertThat(
            status(
                issueAs(SUPERVISOR, pid, DemoData.PROVINCE_HUMAN_RESOURCES, "DELAY", "2026-12-20")))
        .isEqualTo(403);

    // an accusation against 人社局, held by the bureau
    Map<String, Object> acc = letter("2026-12-04", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("subject", "检举人社局某科长");
    acc.put(
        "accused", List.of(Map.of("name", "王某", "organisationId", DemoData.CITY_HUMAN_RESOURCES)));
    String accusation = register(acc).get("id").asString();
    assertThat(
            status(
                issueAs(
                    SUPERVISOR, accusation, DemoData.CITY_HUMAN_RESOURCES, "DELAY", "2026-12-20")))
        .isEqualTo(409);
    JsonNode toDiscipline =
        body(
            issueAs(
                SUPERVISOR,
                accusation,
                DemoData.CITY_DISCIPLINE_INSPECTION,
                "DELAY",
                "2026-12-20"));
    String id = toDiscipline.get("id").asString();
    assertThat(status(getAs(DemoData.CITY_DISCIPLINE_HANDLER, PW, ORDERS + "/" + id)))
        .isEqualTo(200);
    // the accused unit, and the leader above it, do not know of it
    for (String reader : List.of(HANDLER, DemoData.CITY_LEADER)) {
      assertThat(status(getAs(reader, PW, ORDERS + "/" + id))).as(reader).isEqualTo(404);
      assertThat(status(getAs(reader, PW, ORDERS + "/" + id + "/history")))
          .as(reader)
          .isEqualTo(404);
      assertThat(body(getAs(reader, PW, ORDERS)).findValuesAsString("id"))
          .as(reader)
          .doesNotContain(id);
    }
  }

  private String forwardedToHumanResources(String on) throws Exception {
    String id = register(letter(on, DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(id, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    return id;
  }

  private JsonNode issue(String user, String pid, String organ, String cause, String due)
      throws Exception {
    ResultActions r = issueAs(user, pid, organ, cause, due);
    assertThat(status(r)).as(body(r).toString()).isEqualTo(201);
    return body(r);
  }

  private ResultActions issueAs(String user, String pid, String organ, String cause, String due)
      throws Exception {
    return postJsonAs(
        user,
        PW,
        ORDERS,
        Map.of(
            "petitionId", pid,
            "organisationId", organ,
            "cause", cause,
            "demands", "请于限期内办结并书面反馈。",
            "replyDue", due));
  }

  private static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }
}
