package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle matrix: every act of API.md in every {@link PetitionState}. The state guard is the
 * {@link Petition#ALLOWED} table; an act outside it is refused with 409 and the rule {@code
 * <act>-state (<article>)} and records nothing; an act inside it is never refused by the state
 * guard (it may still be refused by its own law, e.g. 条例 Art. 35's review window).
 */
@DisplayName("Lifecycle matrix: every act in every state (条例 Arts. 20–37)")
class LifecycleMatrixTest extends IntegrationTest {

  /** Every fixture is built and acted on this day, so no date guard interferes. */
  static final String TODAY = "2026-03-02";

  /**
   * The bootstrap administrator, signed in without HTTP Basic: the matrix makes about a thousand
   * requests, and a bcrypt check on each would make it minutes slower. Who acts is the same user.
   */
  static final RequestPostProcessor ADMIN_USER = user(ADMIN).roles("ADMIN");

  static final String BUREAU = DemoData.CITY_PETITION_BUREAU; // dl-xfj
  static final String DEPARTMENT = DemoData.CITY_HUMAN_RESOURCES; // dl-rsj

  /** The 24 acts of the public API; the table may grow, but none of these may silently go. */
  static final List<String> ACTS =
      List.of(
          "forward",
          "assign",
          "object",
          "decide-objection",
          "accept",
          "decline",
          "divert",
          "extend",
          "reply",
          "settle",
          "deliver",
          "request-review",
          "review",
          "request-re-review",
          "start-hearing",
          "end-hearing",
          "re-review",
          "rate",
          "report",
          "follow-up",
          "resolve",
          "flag-major",
          "report-major",
          "link-repeat");

  static final List<String> STATES =
      List.of(
          "REGISTERED",
          "FORWARDED",
          "ASSIGNED",
          "OBJECTED",
          "ACCEPTED",
          "DECLINED",
          "DIVERTED",
          "SETTLED",
          "REPLIED",
          "UNDER_REVIEW",
          "REVIEWED",
          "UNDER_RE_REVIEW",
          "FINAL");

  // ------------------------------------------------------------------ the table itself

  @Test
  @DisplayName("the ALLOWED table covers all 24 acts and all 13 states, each act with its article")
  void theTableCoversEveryActAndEveryState() {
    assertThat(Petition.ALLOWED).hasSize(24);
    assertThat(Petition.ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(ACTS);
    assertThat(Petition.ARTICLE.keySet()).isEqualTo(Petition.ALLOWED.keySet());
    Petition.ARTICLE.forEach(
        (act, article) ->
            assertThat(article).as("article of %s", act).isNotBlank().containsPattern("Art\\.|§"));
    assertThat(PetitionState.values()).hasSize(13);
    assertThat(Stream.of(PetitionState.values()).map(Enum::name).toList())
        .containsExactlyElementsOf(STATES);

    Set<PetitionState> covered = EnumSet.noneOf(PetitionState.class);
    Petition.ALLOWED.forEach(
        (act, states) -> {
          assertThat(states).as("states where %s is allowed", act).isNotEmpty();
          covered.addAll(states);
        });
    assertThat(covered).containsExactlyInAnyOrder(PetitionState.values());

    // every state has a way on besides the Art. 25 major-matter acts, which are allowed anywhere
    for (PetitionState s : PetitionState.values()) {
      assertThat(
              Petition.ALLOWED.entrySet().stream()
                  .filter(e -> !e.getKey().endsWith("-major") && !e.getKey().equals("link-repeat"))
                  .anyMatch(e -> e.getValue().contains(s)))
          .as("some lifecycle act is allowed in %s", s)
          .isTrue();
    }
  }

  // ------------------------------------------------------------------ refused cells

  @TestFactory
  @DisplayName("acts outside the table are refused with 409 and the state rule, recording nothing")
  Stream<DynamicNode> refusedCells() throws Exception {
    today(TODAY);
    Map<PetitionState, String> fixtures = new EnumMap<>(PetitionState.class);
    for (PetitionState s : PetitionState.values()) {
      fixtures.put(s, petitionIn(s));
    }
    List<DynamicNode> byState = new ArrayList<>();
    for (PetitionState state : PetitionState.values()) {
      List<DynamicNode> cells = new ArrayList<>();
      for (String act : ACTS) {
        if (Petition.ALLOWED.get(act).contains(state)) {
          continue;
        }
        String name = act + " in " + state + " is refused (" + Petition.ARTICLE.get(act) + ")";
        cells.add(dynamicTest(name, () -> assertRefused(fixtures.get(state), state, act)));
      }
      byState.add(dynamicContainer("in " + state, cells));
    }
    return byState.stream();
  }

  private void assertRefused(String id, PetitionState state, String act) throws Exception {
    today(TODAY);
    JsonNode before = petition(id);
    assertThat(before.path("state").asString()).isEqualTo(state.name());

    MockHttpServletResponse response = send(id, act, bodyFor(act));
    String text = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as("status of %s in %s: %s", act, state, text).isEqualTo(409);
    assertThat(response.getContentType()).as("content type").isNotNull();
    assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(PROBLEM))
        .as("content type %s", response.getContentType())
        .isTrue();
    JsonNode problem = json.readTree(text);
    assertThat(problem.path("status").asInt()).isEqualTo(409);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(problem.path("type").asString()).isNotBlank();
    assertThat(problem.path("rule").asString())
        .isEqualTo(act + "-state (" + Petition.ARTICLE.get(act) + ")");

    JsonNode after = petition(id);
    assertThat(after.path("state").asString()).as("state after refusal").isEqualTo(state.name());
    assertThat(after.path("history").size())
        .as("history length after refusal")
        .isEqualTo(before.path("history").size());
    assertThat(after.path("version").asInt())
        .as("version after refusal")
        .isEqualTo(before.path("version").asInt());
  }

  // ------------------------------------------------------------------ allowed cells

  @TestFactory
  @DisplayName("GET shows exactly the table's acts as allowedActs in every state")
  Stream<DynamicNode> allowedActsShown() throws Exception {
    today(TODAY);
    List<DynamicNode> tests = new ArrayList<>();
    for (PetitionState state : PetitionState.values()) {
      String id = petitionIn(state);
      List<String> expected =
          Petition.ALLOWED.entrySet().stream()
              .filter(e -> e.getValue().contains(state))
              .map(Map.Entry::getKey)
              .toList();
      tests.add(
          dynamicTest(
              "allowedActs in " + state + " = " + expected,
              () -> {
                JsonNode p = petition(id);
                assertThat(p.path("state").asString()).isEqualTo(state.name());
                List<String> shown = new ArrayList<>();
                p.path("allowedActs").forEach(a -> shown.add(a.asString()));
                assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
              }));
    }
    return tests.stream();
  }

  @TestFactory
  @DisplayName("acts inside the table are never refused by the state guard")
  Stream<DynamicNode> allowedCells() {
    List<DynamicNode> byState = new ArrayList<>();
    for (PetitionState state : PetitionState.values()) {
      List<DynamicNode> cells = new ArrayList<>();
      for (String act : ACTS) {
        if (!Petition.ALLOWED.get(act).contains(state)) {
          continue;
        }
        String name =
            act + " in " + state + " passes the state guard (" + Petition.ARTICLE.get(act) + ")";
        cells.add(dynamicTest(name, () -> assertNotRefusedByState(state, act)));
      }
      byState.add(dynamicContainer("in " + state, cells));
    }
    return byState.stream();
  }

  private void assertNotRefusedByState(PetitionState state, String act) throws Exception {
    today(TODAY);
    String id = petitionIn(state);
    JsonNode before = petition(id);
    assertThat(before.path("state").asString()).isEqualTo(state.name());
    MockHttpServletResponse response = send(id, act, bodyFor(act));
    String text = response.getContentAsString(StandardCharsets.UTF_8);
    int status = response.getStatus();
    assertThat(status).as("status of %s in %s: %s", act, state, text).isIn(200, 409);
    JsonNode answer = json.readTree(text);
    if (status == 409) {
      // refused by the act's own law (e.g. the review window before delivery): fine, but then
      // with that rule, never the state guard, and nothing recorded
      assertThat(answer.path("rule").asString())
          .as("rule of %s in %s", act, state)
          .isNotBlank()
          .isNotEqualTo(act + "-state (" + Petition.ARTICLE.get(act) + ")")
          .doesNotStartWith(act + "-state");
      assertThat(petition(id).path("history").size()).isEqualTo(before.path("history").size());
    } else {
      // exactly this act was recorded, followed at most by the issue of the notice it requires
      List<String> expectedActs = new ArrayList<>(acts(before));
      expectedActs.add(act);
      assertThat(acts(answer)).as("acts after %s in %s", act, state).isEqualTo(expectedActs);
      JsonNode history = answer.path("history");
      int recorded = history.size() - before.path("history").size();
      assertThat(recorded).as("events recorded by %s in %s", act, state).isIn(1, 2);
      assertThat(history.get(before.path("history").size()).path("act").asString())
          .as("first event recorded by %s in %s", act, state)
          .isEqualTo(act);
      if (recorded == 2) {
        assertThat(history.get(history.size() - 1).path("act").asString())
            .as("event after %s in %s", act, state)
            .isEqualTo(ISSUE_NOTICE);
      }
    }
  }

  // ------------------------------------------------------------------ fixtures

  /** A fresh petition brought into {@code state} through the public API, all on {@link #TODAY}. */
  private String petitionIn(PetitionState state) throws Exception {
    String id =
        switch (state) {
          case REGISTERED -> registered();
          case FORWARDED -> step(petitionIn(PetitionState.REGISTERED), "forward");
          case ASSIGNED -> step(petitionIn(PetitionState.REGISTERED), "assign");
          case OBJECTED -> step(petitionIn(PetitionState.FORWARDED), "object");
          case ACCEPTED -> step(petitionIn(PetitionState.FORWARDED), "accept");
          case DECLINED -> step(petitionIn(PetitionState.REGISTERED), "decline");
          case DIVERTED -> step(petitionIn(PetitionState.FORWARDED), "divert");
          case SETTLED -> step(petitionIn(PetitionState.ACCEPTED), "settle");
          case REPLIED -> step(petitionIn(PetitionState.ACCEPTED), "reply");
          case UNDER_REVIEW ->
              step(step(petitionIn(PetitionState.REPLIED), "deliver"), "request-review");
          case REVIEWED -> step(petitionIn(PetitionState.UNDER_REVIEW), "review");
          case UNDER_RE_REVIEW ->
              step(step(petitionIn(PetitionState.REVIEWED), "deliver"), "request-re-review");
          case FINAL -> step(petitionIn(PetitionState.UNDER_RE_REVIEW), "re-review");
        };
    return id;
  }

  private String registered() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/petitions")
                    .with(ADMIN_USER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(letter(TODAY, BUREAU))))
            .andReturn()
            .getResponse();
    String text = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getStatus()).as("registration: %s", text).isEqualTo(201);
    return json.readTree(text).path("id").asString();
  }

  private String step(String id, String act) throws Exception {
    MockHttpServletResponse r = send(id, act, bodyFor(act));
    String text = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getStatus()).as("fixture step %s: %s", act, text).isEqualTo(200);
    return id;
  }

  /** The earlier petition the link-repeat cells link to (registered once, on first use). */
  private static String earlier;

  private MockHttpServletResponse send(String id, String act, Map<String, Object> body)
      throws Exception {
    if (EARLIER.equals(body.get("earlierPetition"))) {
      if (earlier == null) {
        earlier = registered();
      }
      body = new LinkedHashMap<>(body);
      body.put("earlierPetition", earlier);
    }
    return mvc.perform(
            post("/api/petitions/" + id + "/" + act)
                .with(ADMIN_USER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andReturn()
        .getResponse();
  }

  private JsonNode petition(String id) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get("/api/petitions/" + id).with(ADMIN_USER)).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
  }

  /** A well-formed body for each act (valid by API.md; whether the law allows it is the test). */
  /** Stands for the earlier petition in a link-repeat body until {@code send} fills it in. */
  static final String EARLIER = "<earlier petition>";

  static Map<String, Object> bodyFor(String act) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("on", TODAY);
    switch (act) {
      case "forward" -> b.put("to", DEPARTMENT);
      case "assign" -> {
        b.put("to", DEPARTMENT);
        b.put("reportDue", LocalDate.parse(TODAY).plusDays(30).toString());
      }
      case "object" -> b.put("reason", "不属于本机关职权范围，应由区人社局处理。");
      case "decide-objection" -> {
        b.put("accepted", false);
        b.put("reason", "属于你单位职权范围。");
      }
      case "accept" -> {
        b.put("category", "GRIEVANCE");
        b.put("pathway", "PETITION_HANDLING");
      }
      case "decline" -> {
        b.put("ground", "NOT_COMPETENT");
        b.put("detail", "不属于本机关职权范围。");
      }
      case "divert" -> {
        b.put("pathway", "ARBITRATION");
        b.put("guidance", "请向劳动人事争议仲裁委员会申请仲裁。");
      }
      case "extend" -> {
        b.put("days", 30);
        b.put("reason", "情况复杂，需进一步调查。");
      }
      case "reply" -> {
        b.put("outcome", "SUPPORT");
        b.put("opinion", "经调查，诉求属实，责令该公司支付拖欠工资。");
      }
      case "settle" -> b.put("agreement", "双方达成和解协议。");
      case "review", "re-review" -> {
        b.put("outcome", "UPHOLD");
        b.put("opinion", "原处理意见事实清楚、依据正确，予以维持。");
      }
      case "rate" -> b.put("satisfaction", "SATISFIED");
      case "report" -> b.put("summary", "已办结，报告如下。");
      case "follow-up" -> b.put("note", "回访信访人，做好疏导工作。");
      case "resolve" -> b.put("how", "工资已全额支付，矛盾化解。");
      case "flag-major" -> b.put("reason", "涉及人数众多，情况紧急。");
      case "link-repeat" -> {
        b.put("earlierPetition", EARLIER);
        b.put("basis", "同一信访人就同一事实和请求再次信访。");
      }
      case "deliver",
          "request-review",
          "request-re-review",
          "start-hearing",
          "end-hearing",
          "report-major" -> {}
      default -> throw new IllegalArgumentException("no body for " + act);
    }
    return b;
  }

  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
}
