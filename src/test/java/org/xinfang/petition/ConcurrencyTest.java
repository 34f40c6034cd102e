package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Two conflicting acts on one petition at the same moment: exactly one is recorded, the other is
 * refused with 409 — by the state guard if it saw the winner's act, or by optimistic concurrency
 * ({@code one-act-at-a-time}) if both loaded the same version — never a 500, never both.
 */
@DisplayName("Concurrent acts: exactly one wins, the other gets 409")
class ConcurrencyTest extends IntegrationTest {

  static final String TODAY = "2026-03-02";

  /**
   * Issue 4: 1,000 races on PostgreSQL (the production database, where the CI's second pass runs);
   * 50 on the embedded database.
   */
  static final int ROUNDS =
      String.valueOf(System.getenv("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql")
          ? 1000
          : 50;

  static final String CONCURRENT_RULE = "one-act-at-a-time (optimistic concurrency)";

  /** The bootstrap administrator, signed in without a bcrypt check on every request. */
  static final RequestPostProcessor ADMIN_USER = user(ADMIN).roles("ADMIN");

  static final Map<String, Object> ACCEPT =
      Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING");
  static final Map<String, Object> DECLINE =
      Map.of("ground", "NOT_COMPETENT", "detail", "不属于本机关职权范围。");

  private ExecutorService pool;

  @BeforeEach
  void start() {
    today(TODAY);
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  record Answer(String act, int status, String body) {}

  @Test
  @DisplayName(
      "accept and decline at once on a FORWARDED petition, 1,000 times on PostgreSQL (50 on H2):"
          + " exactly one wins")
  void acceptAndDeclineRace() throws Exception {
    int concurrentRefusals = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String id = forwarded();
      JsonNode before = petition(id);
      List<Answer> answers = race(id, "accept", ACCEPT, "decline", DECLINE);
      concurrentRefusals +=
          assertOneWinner(
              id, round, before, answers, Map.of("accept", "ACCEPTED", "decline", "DECLINED"));
    }
    System.out.printf(
        "ConcurrencyTest: %d of %d races were refused by optimistic concurrency%n",
        concurrentRefusals, ROUNDS);
    // nothing half-written: every history chain still verifies
    MockHttpServletResponse verify =
        mvc.perform(get("/api/audit/verify").with(ADMIN_USER)).andReturn().getResponse();
    assertThat(
            json.readTree(verify.getContentAsString(StandardCharsets.UTF_8))
                .path("intact")
                .asBoolean())
        .as(verify.getContentAsString(StandardCharsets.UTF_8))
        .isTrue();
  }

  @Test
  @DisplayName("the same act twice at once (accept, accept), 20 times: recorded once")
  void sameActTwice() throws Exception {
    for (int round = 0; round < 20; round++) {
      String id = forwarded();
      JsonNode before = petition(id);
      List<Answer> answers = race(id, "accept", ACCEPT, "accept", ACCEPT);
      assertOneWinner(id, round, before, answers, Map.of("accept", "ACCEPTED"));
    }
  }

  /** Both acts posted from two threads released together; the answers in the order given. */
  private List<Answer> race(
      String id, String act1, Map<String, Object> body1, String act2, Map<String, Object> body2)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    Future<Answer> first = pool.submit(() -> fire(ready, go, id, act1, body1));
    Future<Answer> second = pool.submit(() -> fire(ready, go, id, act2, body2));
    assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
  }

  private Answer fire(
      CountDownLatch ready, CountDownLatch go, String id, String act, Map<String, Object> body)
      throws Exception {
    String content = json.writeValueAsString(body);
    ready.countDown();
    go.await();
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/petitions/" + id + "/" + act)
                    .with(ADMIN_USER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(content))
            .andReturn()
            .getResponse();
    return new Answer(act, r.getStatus(), r.getContentAsString(StandardCharsets.UTF_8));
  }

  /**
   * Exactly one 200 and one 409 with an allowed rule; the history holds the winner only, with the
   * one notice the winner required (the loser's act and notice were both rolled back).
   */
  private int assertOneWinner(
      String id, int round, JsonNode before, List<Answer> answers, Map<String, String> stateAfter)
      throws Exception {
    String context = "round " + round + ", petition " + id + ": " + answers;
    assertThat(answers).extracting(Answer::status).as(context).doesNotContain(500);
    assertThat(answers).extracting(Answer::status).as(context).containsExactlyInAnyOrder(200, 409);
    Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
    Answer loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();

    JsonNode problem = json.readTree(loser.body());
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(409);
    assertThat(problem.path("title").asString()).as(context).isNotBlank();
    assertThat(problem.path("detail").asString()).as(context).isNotBlank();
    String stateRule = loser.act() + "-state (" + Petition.ARTICLE.get(loser.act()) + ")";
    String rule = problem.path("rule").asString();
    assertThat(rule).as(context).isIn(stateRule, CONCURRENT_RULE);

    JsonNode p = petition(id);
    assertThat(acts(before)).as(context).containsExactly("register", "forward");
    assertThat(acts(p)).as(context).containsExactly("register", "forward", winner.act());
    // both accept and decline owe the named petitioner a notice (受理 / 不予受理告知书): one is issued
    List<String> events = new ArrayList<>();
    p.path("history").forEach(e -> events.add(e.path("act").asString()));
    List<String> expected = new ArrayList<>();
    before.path("history").forEach(e -> expected.add(e.path("act").asString()));
    expected.add(winner.act());
    expected.add(ISSUE_NOTICE);
    assertThat(events).as(context).isEqualTo(expected);
    String kind = winner.act().equals("accept") ? "RECEIPT" : "DECLINE";
    assertThat(
            noticeEvents(p).get(noticeEvents(p).size() - 1).path("details").path("kind").asString())
        .as(context)
        .isEqualTo(kind);
    // the notices themselves: the forward's and the winner's, none stored for the loser
    MockHttpServletResponse n =
        mvc.perform(get("/api/petitions/" + id + "/notices").with(ADMIN_USER))
            .andReturn()
            .getResponse();
    assertThat(n.getStatus()).as(context).isEqualTo(200);
    List<String> kinds = new ArrayList<>();
    json.readTree(n.getContentAsString(StandardCharsets.UTF_8))
        .forEach(x -> kinds.add(x.path("kind").asString()));
    assertThat(kinds).as(context).containsExactly("FORWARD", kind);
    assertThat(p.path("state").asString()).as(context).isEqualTo(stateAfter.get(winner.act()));
    // one version per recorded event: the winner's act and its notice, nothing of the loser's
    assertThat(p.path("version").asInt()).as(context).isEqualTo(before.path("version").asInt() + 2);
    return CONCURRENT_RULE.equals(rule) ? 1 : 0;
  }

  private String forwarded() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/petitions")
                    .with(ADMIN_USER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(letter(TODAY, DemoData.CITY_PETITION_BUREAU))))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
    String id = json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).path("id").asString();
    MockHttpServletResponse f =
        mvc.perform(
                post("/api/petitions/" + id + "/forward")
                    .with(ADMIN_USER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("to", DemoData.CITY_HUMAN_RESOURCES))))
            .andReturn()
            .getResponse();
    assertThat(f.getStatus()).as(f.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
    return id;
  }

  private JsonNode petition(String id) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get("/api/petitions/" + id).with(ADMIN_USER)).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
  }
}
