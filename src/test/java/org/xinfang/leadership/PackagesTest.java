package org.xinfang.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Leader case packages (领导包案, 条例 Art. 7) through the API, as the leader and the organs see them.
 */
class PackagesTest extends IntegrationTest {

  static final String PW = DemoData.PASSWORD;
  static final String LEADER = DemoData.CITY_LEADER;
  static final String HANDLER = DemoData.CITY_HANDLER;
  static final String CLERK = DemoData.CITY_REGISTRAR;

  /** A letter at 大连市信访局, forwarded to 人社局 (held there). */
  String forwardedLetter() throws Exception {
    String id = register(letter("2026-11-02", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(id, "forward", Map.of("on", "2026-11-03", "to", DemoData.CITY_HUMAN_RESOURCES));
    return id;
  }

  JsonNode ok(ResultActions r) throws Exception {
    int s = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    assertThat(s).as("%s", node).isBetween(200, 201);
    return node;
  }

  JsonNode take(String user, String title, List<String> petitions, String on) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("title", title);
    body.put("petitionIds", petitions);
    body.put("receivingOrg", DemoData.CITY_PETITION_BUREAU);
    body.put("handlingOrg", DemoData.CITY_HUMAN_RESOURCES);
    body.put("on", on);
    return ok(postJsonAs(user, PW, "/api/packages", body));
  }

  static List<String> packageActs(JsonNode pkg) {
    List<String> acts = new ArrayList<>();
    pkg.get("history").forEach(e -> acts.add(e.get("act").asString()));
    return acts;
  }

  @Test
  @DisplayName(
      "条例 Art. 7 领导包案: take, plan (steps on the owing organ's /api/tasks), report, complete,"
          + " late steps, resolve")
  void aPackageFromTakeToResolution() throws Exception {
    String petition = forwardedLetter();
    JsonNode p = take(LEADER, "欠薪积案包案", List.of(petition), "2026-11-10");
    String id = p.get("id").asString();
    assertThat(p.get("status").asString()).isEqualTo("OPEN");
    assertThat(p.get("leader").asString()).isEqualTo(LEADER);
    assertThat(p.get("leaderOrg").asString()).isEqualTo(DemoData.CITY_GOVERNMENT);
    assertThat(p.get("petitions").get(0).get("readable").asBoolean()).isTrue();
    assertThat(p.get("petitions").get(0).get("petitioners").get(0).asString()).isEqualTo("张*");
    assertThat(packageActs(p)).containsExactly("take");
    assertThat(p.get("history").get(0).get("basis").asString()).contains("条例 Art. 7");

    // one petition, one leader in charge
    assertThat(
            postJsonAs(
                    LEADER,
                    PW,
                    "/api/packages",
                    Map.of(
                        "title",
                        "又一个",
                        "petitionIds",
                        List.of(petition),
                        "receivingOrg",
                        DemoData.CITY_PETITION_BUREAU,
                        "handlingOrg",
                        DemoData.CITY_HUMAN_RESOURCES))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);

    // the plan: a step of 人社局 due next week, one of 信访局 already past its day
    p =
        ok(
            postJsonAs(
                LEADER,
                PW,
                "/api/packages/" + id + "/steps",
                Map.of(
                    "title", "约谈用工企业，核实欠薪数额",
                    "owedBy", DemoData.CITY_HUMAN_RESOURCES,
                    "due", "2026-12-04")));
    p =
        ok(
            postJsonAs(
                LEADER,
                PW,
                "/api/packages/" + id + "/steps",
                Map.of(
                    "title", "走访信访人，了解诉求",
                    "owedBy", DemoData.CITY_PETITION_BUREAU,
                    "due", "2026-11-20")));
    String step1 = p.get("plan").get(0).get("id").asString();
    String task1 = p.get("plan").get(0).get("taskId").asString();
    String step2 = p.get("plan").get(1).get("id").asString();
    String task2 = p.get("plan").get(1).get("taskId").asString();
    assertThat(p.get("lateSteps").get(0).asString()).isEqualTo(step2);
    assertThat(p.get("nextStep").get("id").asString()).isEqualTo(step2);
    assertThat(packageActs(p)).containsExactly("take", "plan-step", "plan-step");

    // each step is an assigned duty on the owing organisation's work list
    JsonNode rsjTasks = ok(getAs(HANDLER, PW, "/api/tasks"));
    assertThat(ids(rsjTasks)).contains(task1).doesNotContain(task2);
    JsonNode task = find(rsjTasks, task1);
    assertThat(task.get("source").asString()).isEqualTo("PACKAGE");
    assertThat(task.get("sourceId").asString()).isEqualTo(step1);
    assertThat(task.get("due").asString()).isEqualTo("2026-12-04");
    assertThat(task.get("petitionId").asString()).isEqualTo(petition);
    assertThat(ids(ok(getAs(CLERK, PW, "/api/tasks")))).contains(task2);

    // only the leader plans; a step outside the leader's jurisdiction is refused
    assertThat(
            status(
                postJsonAs(
                    HANDLER,
                    PW,
                    "/api/packages/" + id + "/steps",
                    Map.of(
                        "title",
                        "x",
                        "owedBy",
                        DemoData.CITY_HUMAN_RESOURCES,
                        "due",
                        "2026-12-04"))))
        .isEqualTo(403);
    assertThat(
            status(
                postJsonAs(
                    LEADER,
                    PW,
                    "/api/packages/" + id + "/steps",
                    Map.of(
                        "title", "x", "owedBy", DemoData.PROVINCE_HOUSING, "due", "2026-12-04"))))
        .isEqualTo(400);

    // the handling organ reports progress; an organ not taking part may not
    p =
        ok(
            postJsonAs(
                HANDLER,
                PW,
                "/api/packages/" + id + "/reports",
                Map.of("text", "已约谈企业负责人，企业承认拖欠，正在筹措资金。")));
    assertThat(p.get("reports").get(0).get("reportedBy").asString()).isEqualTo(HANDLER);
    assertThat(
            status(
                postJsonAs(
                    DemoData.ZHONGSHAN_REGISTRAR,
                    PW,
                    "/api/packages/" + id + "/reports",
                    Map.of("text", "x"))))
        .isEqualTo(403);

    // the owing organ completes its step; another organ may not
    assertThat(
            status(
                postJsonAs(
                    CLERK,
                    PW,
                    "/api/packages/" + id + "/steps/" + step1 + "/complete",
                    Map.of("outcome", "x"))))
        .isEqualTo(403);
    p =
        ok(
            postJsonAs(
                HANDLER,
                PW,
                "/api/packages/" + id + "/steps/" + step1 + "/complete",
                Map.of("outcome", "核实欠薪12万元")));
    assertThat(p.get("plan").get(0).get("doneOn").asString()).isEqualTo("2026-11-27");
    assertThat(p.get("plan").get(0).get("doneBy").asString()).isEqualTo(HANDLER);
    assertThat(ids(ok(getAs(HANDLER, PW, "/api/tasks")))).doesNotContain(task1);

    // the leader's view: my packages, the late step, the figures
    JsonNode mine = ok(getAs(LEADER, PW, "/api/packages?mine=true&status=OPEN"));
    assertThat(ids(mine)).contains(id);
    JsonNode progress = ok(getAs(LEADER, PW, "/api/packages/progress"));
    assertThat(progress.get("open").asInt()).isPositive();
    assertThat(progress.get("lateSteps").asInt()).isPositive();
    // a supervisor of the jurisdiction sees it too
    assertThat(ids(ok(getAs(DemoData.CITY_SUPERVISOR, PW, "/api/packages")))).contains(id);

    // only the leader resolves
    Map<String, Object> resolution =
        Map.of(
            "how",
            "企业分期支付拖欠工资，信访人签署息访承诺",
            "agreement",
            true,
            "commitmentSigned",
            true,
            "helpGiven",
            "困难帮扶 2000元");
    assertThat(status(postJsonAs(HANDLER, PW, "/api/packages/" + id + "/resolve", resolution)))
        .isEqualTo(403);
    p = ok(postJsonAs(LEADER, PW, "/api/packages/" + id + "/resolve", resolution));
    assertThat(p.get("status").asString()).isEqualTo("RESOLVED");
    assertThat(p.get("endedOn").asString()).isEqualTo("2026-11-27");
    assertThat(p.get("resolution").get("commitmentSigned").asBoolean()).isTrue();
    assertThat(p.get("resolution").get("helpGiven").asString()).isEqualTo("困难帮扶 2000元");
    assertThat(packageActs(p))
        .containsExactly("take", "plan-step", "plan-step", "report", "complete-step", "resolve");
    // the open step is withdrawn; nothing more is done on a resolved package
    assertThat(p.get("plan").get(1).get("cancelled").asBoolean()).isTrue();
    assertThat(p.get("lateSteps")).isEmpty();
    assertThat(ids(ok(getAs(CLERK, PW, "/api/tasks")))).doesNotContain(task2);
    ResultActions again =
        postJsonAs(LEADER, PW, "/api/packages/" + id + "/reports", Map.of("text", "x"));
    assertThat(status(again)).isEqualTo(409);
    assertThat(body(again).get("rule").asString()).startsWith("package-open");
    // the petition was not concluded: its own resolve act is not recorded
    assertThat(body(getJson("/api/petitions/" + petition)).get("resolved").asBoolean()).isFalse();
  }

  @Test
  @DisplayName(
      "条例 Art. 37: resolving a package records a concluded petition's resolve act where the user may")
  void resolutionRecordsThePetitionsResolve() throws Exception {
    // the bootstrap admin (acting anywhere) takes a package on a declined petition
    String declined = forwardedLetter();
    act(
        declined,
        "decline",
        Map.of("on", "2026-11-05", "ground", "NOT_COMPETENT", "detail", "不属本机关职权"));
    JsonNode p =
        ok(
            postJson(
                "/api/packages",
                Map.of(
                    "title",
                    "化解已办结事项",
                    "petitionIds",
                    List.of(declined),
                    "receivingOrg",
                    DemoData.CITY_PETITION_BUREAU,
                    "handlingOrg",
                    DemoData.CITY_HUMAN_RESOURCES)));
    p =
        ok(
            postJson(
                "/api/packages/" + p.get("id").asString() + "/resolve",
                Map.of("how", "协调用人单位补发工资")));
    assertThat(packageActs(p)).containsExactly("take", "resolve", "resolve-petition");
    assertThat(p.get("history").get(2).get("detail").asString()).contains("resolve recorded");
    JsonNode petition = body(getJson("/api/petitions/" + declined));
    assertThat(petition.get("resolved").asBoolean()).isTrue();

    // the city leader may not record the petition's act (人社局 holds it): the package keeps its
    // record
    String other = forwardedLetter();
    act(
        other,
        "decline",
        Map.of("on", "2026-11-05", "ground", "NOT_COMPETENT", "detail", "不属本机关职权"));
    p = take(LEADER, "领导化解", List.of(other), null);
    p =
        ok(
            postJsonAs(
                LEADER,
                PW,
                "/api/packages/" + p.get("id").asString() + "/resolve",
                Map.of("how", "领导接谈化解")));
    assertThat(p.get("status").asString()).isEqualTo("RESOLVED");
    assertThat(packageActs(p)).containsExactly("take", "resolve", "resolve-petition");
    assertThat(p.get("history").get(2).get("detail").asString()).contains("not recorded");
    assertThat(body(getJson("/api/petitions/" + other)).get("resolved").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("a package closes unresolved only with a reason, by its leader")
  void closeWithReason() throws Exception {
    JsonNode p = take(LEADER, "关闭", List.of(forwardedLetter()), null);
    String id = p.get("id").asString();
    assertThat(
            status(postJsonAs(LEADER, PW, "/api/packages/" + id + "/close", Map.of("reason", " "))))
        .isEqualTo(400);
    p =
        ok(
            postJsonAs(
                LEADER, PW, "/api/packages/" + id + "/close", Map.of("reason", "信访人已通过诉讼途径解决")));
    assertThat(p.get("status").asString()).isEqualTo("CLOSED");
    assertThat(p.get("closedReason").asString()).isEqualTo("信访人已通过诉讼途径解决");
    assertThat(packageActs(p)).containsExactly("take", "close");
  }

  @Test
  @DisplayName(
      "data scope (条例 Arts. 30, 40): a leader of another jurisdiction gets 403, an accusation"
          + " hidden from the leader 404")
  void scope() throws Exception {
    String zsLeader = "zs-leader-" + UUID.randomUUID().toString().substring(0, 6);
    ok(
        postJson(
            "/api/users",
            Map.of(
                "username",
                zsLeader,
                "password",
                "demo12345x",
                "displayName",
                "中山区领导",
                "organisationId",
                DemoData.ZHONGSHAN_GOVERNMENT,
                "roles",
                List.of("LEADER"))));
    String petition = forwardedLetter();
    JsonNode p = take(LEADER, "范围", List.of(petition), null);
    String id = p.get("id").asString();
    assertThat(status(getAs(zsLeader, "demo12345x", "/api/packages/" + id))).isEqualTo(403);
    assertThat(ids(ok(getAs(zsLeader, "demo12345x", "/api/packages")))).doesNotContain(id);
    assertThat(
            status(
                postJsonAs(
                    zsLeader,
                    "demo12345x",
                    "/api/packages",
                    Map.of(
                        "title",
                        "越权",
                        "petitionIds",
                        List.of(forwardedLetter()),
                        "receivingOrg",
                        DemoData.ZHONGSHAN_PETITION_BUREAU,
                        "handlingOrg",
                        DemoData.ZHONGSHAN_HUMAN_RESOURCES))))
        .isEqualTo(403);
    // a handler is no leader
    assertThat(
            status(
                postJsonAs(
                    HANDLER,
                    PW,
                    "/api/packages",
                    Map.of(
                        "title",
                        "x",
                        "petitionIds",
                        List.of(petition),
                        "receivingOrg",
                        DemoData.CITY_PETITION_BUREAU,
                        "handlingOrg",
                        DemoData.CITY_HUMAN_RESOURCES))))
        .isEqualTo(403);

    // an accusation against 人社局: the city government stands above it, outside the discipline line
    Map<String, Object> acc = letter("2026-11-20", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("subject", "检举某局长违规收受礼金");
    acc.put(
        "accused",
        List.of(
            Map.of("name", "王某", "organisationId", DemoData.CITY_HUMAN_RESOURCES, "post", "副局长")));
    String accusation = register(acc).get("id").asString();
    Map<String, Object> onAccusation =
        Map.of(
            "title",
            "检举",
            "petitionIds",
            List.of(accusation),
            "receivingOrg",
            DemoData.CITY_PETITION_BUREAU,
            "handlingOrg",
            DemoData.CITY_DISCIPLINE_INSPECTION);
    assertThat(status(postJsonAs(LEADER, PW, "/api/packages", onAccusation))).isEqualTo(404);
    // a package on it (taken by the administrator) does not exist for the leader
    String hidden = ok(postJson("/api/packages", onAccusation)).get("id").asString();
    assertThat(status(getAs(LEADER, PW, "/api/packages/" + hidden))).isEqualTo(404);
    assertThat(ids(ok(getAs(LEADER, PW, "/api/packages")))).doesNotContain(hidden);
    assertThat(ids(ok(getAs(DemoData.CITY_DISCIPLINE_HANDLER, PW, "/api/packages"))))
        .contains(hidden);
    assertThat(status(getAs(LEADER, PW, "/api/packages/no-such-package"))).isEqualTo(404);
  }

  static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }

  static JsonNode find(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (id.equals(n.get("id").asString())) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + list);
  }
}
