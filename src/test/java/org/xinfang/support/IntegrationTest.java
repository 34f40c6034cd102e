package org.xinfang.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole application on the test database (in-memory H2, or
 * PostgreSQL when SPRING_DATASOURCE_URL is set), one shared Spring context, a clock the test sets,
 * and small helpers to drive the public API as a client would.
 *
 * <p>The database is shared by every test of the run: never assume it is empty; create what you
 * need.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({IntegrationTest.Clocks.class, MockMvcSessionIdResolver.Config.class})
public abstract class IntegrationTest {

  /** The bootstrap administrator of the test configuration (config/application.properties). */
  public static final String ADMIN = "admin";

  public static final String ADMIN_PASSWORD = "admin-test-pw";

  @TestConfiguration
  public static class Clocks {
    @Bean
    @Primary
    public TestClock testClock() {
      return new TestClock();
    }
  }

  @Autowired protected MockMvc mvc;
  @Autowired protected TestClock clock;
  @Autowired protected JsonMapper json;

  @BeforeEach
  @AfterEach
  void resetClock() {
    clock.reset();
  }

  protected void today(LocalDate day) {
    clock.setToday(day);
  }

  protected void today(String day) {
    clock.setToday(LocalDate.parse(day));
  }

  /** POST JSON as the bootstrap admin. */
  protected ResultActions postJson(String url, Object body) throws Exception {
    return postJsonAs(ADMIN, ADMIN_PASSWORD, url, body);
  }

  protected ResultActions postJsonAs(String user, String password, String url, Object body)
      throws Exception {
    String content = body instanceof String s ? s : json.writeValueAsString(body);
    return mvc.perform(
        post(url)
            .with(httpBasic(user, password))
            .contentType(MediaType.APPLICATION_JSON)
            .content(content));
  }

  protected ResultActions getAs(String user, String password, String url) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, password)));
  }

  protected ResultActions getJson(String url) throws Exception {
    return getAs(ADMIN, ADMIN_PASSWORD, url);
  }

  protected JsonNode body(ResultActions result) throws Exception {
    MvcResult r = result.andReturn();
    return json.readTree(
        r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A minimal valid registration body: a named letter with an address (a notice is owed). */
  protected static Map<String, Object> letter(String receivedOn, String receivedBy) {
    return new java.util.LinkedHashMap<>(
        Map.of(
            "channel", "LETTER",
            "receivedOn", receivedOn,
            "receivedBy", receivedBy,
            "petitioners",
                java.util.List.of(
                    Map.of("name", "张三", "phone", "13800000000", "address", "大连市中山区友好街1号")),
            "subject", "拖欠农民工工资",
            "facts", "某公司拖欠三个月工资。",
            "request", "支付拖欠的工资。"));
  }

  /** Registers and returns the petition JSON; fails the test unless 201. */
  /**
   * Creates an organisation through the API as the bootstrap admin (a department in the given line
   * of work, 人社 when null).
   */
  protected void organisation(
      String id, String name, String level, String type, String parent, String region, String line)
      throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("id", id);
    body.put("name", name);
    body.put("level", level);
    body.put("type", type);
    body.put("parentId", parent);
    body.put("regionCode", region);
    if (type.equals("DEPARTMENT")) {
      body.put("line", line == null ? "人社" : line);
    }
    int status = postJson("/api/organisations", body).andReturn().getResponse().getStatus();
    if (status != 201) {
      throw new AssertionError("organisation " + id + " not created: " + status);
    }
  }

  protected void organisation(
      String id, String name, String level, String type, String parent, String region)
      throws Exception {
    organisation(id, name, level, type, parent, region, null);
  }

  /** Creates a staff user with one role through the API as the bootstrap admin. */
  protected void staff(String username, String password, String organisationId, String role)
      throws Exception {
    int status =
        postJson(
                "/api/users",
                Map.of(
                    "username", username,
                    "password", password,
                    "displayName", username,
                    "organisationId", organisationId,
                    "roles", List.of(role)))
            .andReturn()
            .getResponse()
            .getStatus();
    if (status != 201) {
      throw new AssertionError("user " + username + " not created: " + status);
    }
  }

  protected JsonNode register(Map<String, Object> body) throws Exception {
    ResultActions r = postJson("/api/petitions", body);
    int status = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    if (status != 201) {
      throw new AssertionError("registration answered " + status + ": " + node);
    }
    return node;
  }

  /** Performs an act and returns the petition JSON; fails the test unless 200. */
  protected JsonNode act(String id, String act, Map<String, Object> body) throws Exception {
    ResultActions r = postJson("/api/petitions/" + id + "/" + act, body);
    int status = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    if (status != 200) {
      throw new AssertionError(act + " answered " + status + ": " + node);
    }
    return node;
  }

  /** The act a notice's issue is recorded as (NOTICES.md): itself an event in the history. */
  public static final String ISSUE_NOTICE = "issue-notice";

  /**
   * The history's acts on the matter, in order: every event except the {@code issue-notice} events
   * the notices those acts required are recorded as.
   */
  protected static List<JsonNode> actEvents(JsonNode petition) {
    List<JsonNode> events = new ArrayList<>();
    for (JsonNode e : petition.get("history")) {
      if (!ISSUE_NOTICE.equals(e.get("act").asString())) {
        events.add(e);
      }
    }
    return events;
  }

  /** The names of the history's acts on the matter, in order, without {@code issue-notice}. */
  protected static List<String> acts(JsonNode petition) {
    return actEvents(petition).stream().map(e -> e.get("act").asString()).toList();
  }

  /** The latest act on the matter (the last history event that is not an {@code issue-notice}). */
  protected static JsonNode lastAct(JsonNode petition) {
    List<JsonNode> events = actEvents(petition);
    if (events.isEmpty()) {
      throw new AssertionError("no act in the history of " + petition.get("id"));
    }
    return events.get(events.size() - 1);
  }

  /** The {@code issue-notice} events of the history, in order. */
  protected static List<JsonNode> noticeEvents(JsonNode petition) {
    List<JsonNode> events = new ArrayList<>();
    for (JsonNode e : petition.get("history")) {
      if (ISSUE_NOTICE.equals(e.get("act").asString())) {
        events.add(e);
      }
    }
    return events;
  }

  /** The due date of the named duty in a petition JSON, or null when it is not owed. */
  protected static String due(JsonNode petition, String duty) {
    for (JsonNode d : petition.get("duties")) {
      if (duty.equals(d.get("duty").asString())) {
        return d.get("due").asString();
      }
    }
    return null;
  }
}
