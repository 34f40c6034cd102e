package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5: triage at acceptance (简单问题马上办、一般问题限时办、疑难问题提级办) and repeat petitions (同人同事, 条例 Art. 36
 * para. 3).
 */
@DisplayName("Triage and repeat petitions (issue 5; 国信发〔2016〕8号; 条例 Arts. 34, 36)")
class TriageAndRepeatTest extends IntegrationTest {

  static final String TODAY = "2026-03-02";

  @BeforeEach
  void day() {
    today(TODAY);
  }

  String phone() {
    return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  Map<String, Object> letterFrom(String phone, int persons) {
    Map<String, Object> body = letter(TODAY, DemoData.CITY_PETITION_BUREAU);
    body.put(
        "petitioners", List.of(Map.of("name", "赵六", "phone", phone, "address", "大连市西岗区胜利路9号")));
    body.put("persons", persons);
    return body;
  }

  String forwarded(Map<String, Object> body) throws Exception {
    String id = register(body).get("id").asString();
    act(id, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    return id;
  }

  static JsonNode acceptEvent(JsonNode p) {
    for (JsonNode e : p.get("history")) {
      if (e.get("act").asString().equals("accept")) return e;
    }
    throw new AssertionError("no accept event");
  }

  @Test
  @DisplayName("SIMPLE on pathway 6: the simplified clock of 10 working days (国信发〔2016〕8号)")
  void simpleRunsOnTheSimplifiedClock() throws Exception {
    String id = forwarded(letterFrom(phone(), 1));
    JsonNode p =
        act(
            id,
            "accept",
            Map.of(
                "category", "GRIEVANCE", "pathway", "PETITION_HANDLING", "complexity", "SIMPLE"));
    assertThat(p.get("complexity").asString()).isEqualTo("SIMPLE");
    assertThat(p.get("simplified").asBoolean()).isTrue();
    // 2026-03-02 (Mon) + 10 working days = 2026-03-16
    assertThat(due(p, "CONCLUDE")).isEqualTo("2026-03-16");
    JsonNode details = acceptEvent(p).get("details");
    assertThat(details.get("complexity").asString()).isEqualTo("SIMPLE");
    assertThat(details.get("suggestedComplexity").asString()).isEqualTo("GENERAL");
  }

  @Test
  @DisplayName("no decision given: GENERAL on the statutory 60 days (条例 Art. 34), suggestion kept")
  void generalIsTheStatutoryClock() throws Exception {
    String id = forwarded(letterFrom(phone(), 1));
    JsonNode p = act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    assertThat(p.get("complexity").asString()).isEqualTo("GENERAL");
    assertThat(due(p, "CONCLUDE")).isEqualTo("2026-05-06"); // 60 days → 05-01 holiday → 05-06
    assertThat(acceptEvent(p).get("details").get("suggestedComplexity").asString())
        .isEqualTo("GENERAL");
    // a simplified procedure on another track is a contradiction
    String other = forwarded(letterFrom(phone(), 1));
    JsonNode problem =
        body(
            postJson(
                "/api/petitions/" + other + "/accept",
                Map.of(
                    "category",
                    "GRIEVANCE",
                    "pathway",
                    "PETITION_HANDLING",
                    "simplified",
                    true,
                    "complexity",
                    "DIFFICULT")));
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("fields").has("complexity")).isTrue();
  }

  @Test
  @DisplayName("DIFFICULT: suggested for a collective matter, escalated one level up as a duty")
  void difficultIsEscalatedOneLevelUp() throws Exception {
    String id = forwarded(letterFrom(phone(), 8));
    JsonNode triage =
        body(
            getJson(
                "/api/petitions/" + id + "/triage?category=GRIEVANCE&pathway=PETITION_HANDLING"));
    assertThat(triage.get("suggested").asString()).isEqualTo("DIFFICULT");
    assertThat(triage.get("reasons").toString()).contains("collective");

    JsonNode p =
        act(
            id,
            "accept",
            Map.of(
                "category",
                "GRIEVANCE",
                "pathway",
                "PETITION_HANDLING",
                "complexity",
                "DIFFICULT"));
    assertThat(p.get("complexity").asString()).isEqualTo("DIFFICULT");
    // the city government above 大连市人社局 owes the escalation: a package or the joint conference
    JsonNode tasks = body(getAs("dl-leader", DemoData.PASSWORD, "/api/tasks"));
    List<JsonNode> mine = new ArrayList<>();
    tasks.forEach(
        t -> {
          if (id.equals(t.path("petitionId").asString())) mine.add(t);
        });
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("source").asString()).isEqualTo("ESCALATION");
    assertThat(mine.get(0).get("owedBy").asString()).isEqualTo(DemoData.CITY_GOVERNMENT);
    assertThat(mine.get(0).get("due").asString()).isEqualTo("2026-03-09"); // 5 working days
    assertThat(mine.get(0).get("title").asString()).contains(p.get("number").asString());

    // the city government's leader takes it into a case package: the escalation is answered
    JsonNode pkg =
        body(
            postJsonAs(
                "dl-leader",
                DemoData.PASSWORD,
                "/api/packages",
                Map.of(
                    "title",
                    "某小区集体访包案",
                    "petitionIds",
                    List.of(id),
                    "receivingOrg",
                    DemoData.CITY_PETITION_BUREAU,
                    "handlingOrg",
                    DemoData.CITY_HUMAN_RESOURCES)));
    assertThat(pkg.has("id")).as(pkg.toString()).isTrue();
    JsonNode after = body(getJson("/api/tasks/" + mine.get(0).get("id").asString()));
    assertThat(after.get("doneOn").asString()).isEqualTo(TODAY);
    assertThat(after.get("outcome").asString()).contains("领导包案");
  }

  @Test
  @DisplayName("同人同事: candidates of the same petitioner, an explicit link, counts and refusals")
  void repeatLinks() throws Exception {
    String phone = phone();
    String first = register(letterFrom(phone, 1)).get("id").asString();
    String second = register(letterFrom(phone, 1)).get("id").asString();
    Map<String, Object> strangerBody = letterFrom(phone(), 1);
    strangerBody.put(
        "petitioners", List.of(Map.of("name", "钱七", "phone", phone(), "address", "大连市甘井子区")));
    String stranger = register(strangerBody).get("id").asString();

    JsonNode candidates = body(getJson("/api/petitions/" + second + "/repeat-candidates"));
    List<String> ids = new ArrayList<>();
    candidates.forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).contains(first).doesNotContain(second, stranger);

    JsonNode before = body(getJson("/api/petitions/" + second));
    assertThat(before.get("first").asBoolean()).isTrue();
    JsonNode linked =
        act(second, "link-repeat", Map.of("earlierPetition", first, "basis", "同一事实和请求"));
    assertThat(linked.get("first").asBoolean()).isFalse();
    assertThat(linked.get("repeatOf").asString()).isEqualTo(first);
    assertThat(linked.get("repeatCount").asInt()).isEqualTo(1);
    assertThat(lastAct(linked).get("article").asString()).isEqualTo("条例 Art. 36 para. 3");

    // the same link twice, a circle, and the petition itself are refused
    assertThat(rule(second, Map.of("earlierPetition", first)))
        .isEqualTo("repeat-link-once (条例 Art. 36 para. 3)");
    assertThat(rule(first, Map.of("earlierPetition", second)))
        .isEqualTo("repeat-chain (条例 Art. 36 para. 3)");
    assertThat(status(second, Map.of("earlierPetition", second))).isEqualTo(400);
    assertThat(status(second, Map.of("earlierPetition", "no-such-petition"))).isEqualTo(400);

    // a third in the chain counts two before it, and is suggested DIFFICULT (repeated)
    String third = register(letterFrom(phone, 1)).get("id").asString();
    JsonNode t = act(third, "link-repeat", Map.of("earlierPetition", second));
    assertThat(t.get("repeatCount").asInt()).isEqualTo(2);
    JsonNode triage = body(getJson("/api/petitions/" + third + "/triage"));
    assertThat(triage.get("suggested").asString()).isEqualTo("DIFFICULT");
    assertThat(triage.get("repeatCount").asInt()).isEqualTo(2);
  }

  @Test
  @DisplayName("a repeat of a final matter is offered for 不再受理 and declined citing Art. 36 para. 3")
  void repeatOfAFinalMatter() throws Exception {
    String phone = phone();
    String earlier = forwarded(letterFrom(phone, 1));
    act(earlier, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    act(earlier, "reply", Map.of("outcome", "NOT_SUPPORT", "opinion", "诉求缺乏依据。"));
    act(earlier, "deliver", Map.of());
    act(earlier, "request-review", Map.of());
    act(earlier, "review", Map.of("outcome", "UPHOLD", "opinion", "维持。"));
    act(earlier, "deliver", Map.of());
    act(earlier, "request-re-review", Map.of());
    JsonNode fin = act(earlier, "re-review", Map.of("outcome", "UPHOLD", "opinion", "维持。"));
    assertThat(fin.get("final").asBoolean()).isTrue();

    String again = register(letterFrom(phone, 1)).get("id").asString();
    act(again, "link-repeat", Map.of("earlierPetition", earlier));
    JsonNode triage = body(getJson("/api/petitions/" + again + "/triage"));
    assertThat(triage.get("finalEarlier").asString()).isEqualTo(earlier);
    assertThat(triage.get("reasons").toString()).contains("final-earlier");

    JsonNode declined =
        act(again, "decline", Map.of("ground", "FINAL_AFTER_RE_REVIEW", "detail", "同一事实和理由。"));
    assertThat(declined.get("state").asString()).isEqualTo("DECLINED");
    assertThat(lastAct(declined).get("article").asString()).contains("Art. 36");
  }

  int status(String id, Map<String, Object> body) throws Exception {
    return postJson("/api/petitions/" + id + "/link-repeat", body)
        .andReturn()
        .getResponse()
        .getStatus();
  }

  String rule(String id, Map<String, Object> body) throws Exception {
    JsonNode problem = body(postJson("/api/petitions/" + id + "/link-repeat", body));
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    return problem.get("rule").asString();
  }
}
