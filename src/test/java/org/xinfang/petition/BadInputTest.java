package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * API.md Conventions and Limits: malformed, impossible, oversized, unknown and hostile input is
 * answered with an RFC 9457 problem of the right status (400 with the offending field, 404, 409
 * with the rule, 405, 413, 415, 401) — never a 500 — and hostile text is stored verbatim.
 * Collective visits: at most 5 representatives (条例 Art. 20 para. 3).
 */
@DisplayName("Bad input: problems, never a 500 (API.md Conventions, Limits; 条例 Art. 20)")
class BadInputTest extends IntegrationTest {

  static final String TODAY = "2026-03-02";
  static final String TOMORROW = "2026-03-03";
  static final String BUREAU = DemoData.CITY_PETITION_BUREAU;
  static final String DEPARTMENT = DemoData.CITY_HUMAN_RESOURCES;

  /** The bootstrap administrator, signed in without a bcrypt check on every request. */
  static final RequestPostProcessor ADMIN_USER = user(ADMIN).roles("ADMIN");

  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void onTheDay() {
    today(TODAY);
  }

  // ------------------------------------------------------------------ malformed JSON

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("a truncated object", "{\"channel\": \"LETTER\", "),
        Arguments.of("not JSON at all", "this is not json"),
        Arguments.of("an array instead of an object", "[]"),
        Arguments.of("a bare string", "\"LETTER\""),
        Arguments.of("an empty body", ""),
        Arguments.of("a single quote", "{'channel': 'LETTER'}"));
  }

  @ParameterizedTest(name = "registering {0} → 400")
  @MethodSource("malformedBodies")
  void malformedRegistration(String what, String content) throws Exception {
    problem(raw(post("/api/petitions"), content, MediaType.APPLICATION_JSON), 400);
  }

  @ParameterizedTest(name = "accepting with {0} → 400, nothing recorded")
  @MethodSource("malformedBodies")
  void malformedAct(String what, String content) throws Exception {
    String id = forwarded();
    int before = historyLength(id);
    problem(
        raw(post("/api/petitions/" + id + "/accept"), content, MediaType.APPLICATION_JSON), 400);
    assertThat(historyLength(id)).isEqualTo(before);
  }

  // ------------------------------------------------------------------ registration: field by field

  static Stream<Arguments> badRegistrations() {
    return Stream.of(
        bad("an unknown channel", b -> b.put("channel", "PIGEON"), "channel"),
        bad("a channel of the wrong type", b -> b.put("channel", List.of("LETTER")), "channel"),
        bad("a channel given as a number (1)", b -> b.put("channel", 1), "channel"),
        bad("no channel", b -> b.remove("channel"), "channel"),
        bad(
            "an impossible receivedOn 2026-02-30",
            b -> b.put("receivedOn", "2026-02-30"),
            "receivedOn"),
        bad("a receivedOn not in YYYY-MM-DD", b -> b.put("receivedOn", "02/03/2026"), "receivedOn"),
        bad("a receivedOn tomorrow (future)", b -> b.put("receivedOn", TOMORROW), "receivedOn"),
        bad("no receivedOn", b -> b.remove("receivedOn"), "receivedOn"),
        bad(
            "a receivedOn in year 1 (0001-01-01)",
            b -> b.put("receivedOn", "0001-01-01"),
            "receivedOn"),
        bad("a receivedOn as a number (20000)", b -> b.put("receivedOn", 20000), "receivedOn"),
        bad(
            "a receivedOn as an array [2026, 3, 1]",
            b -> b.put("receivedOn", List.of(2026, 3, 1)),
            "receivedOn"),
        bad(
            "a receivedOn with a time (2026-03-01T10:00:00Z)",
            b -> b.put("receivedOn", "2026-03-01T10:00:00Z"),
            "receivedOn"),
        bad("a subject holding U+0000", b -> b.put("subject", "主题\u0000后"), "subject"),
        bad(
            "a petitioner name holding U+0000",
            b -> b.put("petitioners", List.of(Map.of("name", "张\u0000三"))),
            "petitioners[0].name"),
        bad("no receivedBy", b -> b.remove("receivedBy"), "receivedBy"),
        bad("an unknown receivedBy", b -> b.put("receivedBy", "nowhere"), "receivedBy"),
        bad("an empty petitioners list", b -> b.put("petitioners", List.of()), "petitioners"),
        bad("no petitioners", b -> b.remove("petitioners"), "petitioners"),
        bad("petitioners as a string", b -> b.put("petitioners", "张三"), "petitioners"),
        bad("a null petitioner", b -> b.put("petitioners", nullList()), "petitioners"),
        bad(
            "a petitioner name of 101 characters",
            b -> b.put("petitioners", List.of(Map.of("name", "名".repeat(101)))),
            "petitioners"),
        bad("persons of the wrong type", b -> b.put("persons", "many"), "persons"),
        bad("persons as a fraction (1.5)", b -> b.put("persons", 1.5), "persons"),
        bad("persons 0", b -> b.put("persons", 0), "persons"),
        bad("negative representatives", b -> b.put("representatives", -1), "representatives"),
        bad(
            "fewer persons than representatives",
            b -> {
              b.put("representatives", 3);
              b.put("persons", 2);
            },
            "persons"),
        bad("an unknown category", b -> b.put("category", "COMPLAINT"), "category"),
        bad("a malformed regionCode", b -> b.put("regionCode", "21020X"), "regionCode"),
        bad("a subject of 201 characters", b -> b.put("subject", "题".repeat(201)), "subject"),
        bad("facts of 100,001 characters", b -> b.put("facts", "实".repeat(100_001)), "facts"),
        bad(
            "a request of 100,001 characters",
            b -> b.put("request", "求".repeat(100_001)),
            "request"),
        bad(
            "no subject, facts or request",
            b -> {
              b.remove("subject");
              b.remove("facts");
              b.remove("request");
            },
            "subject"));
  }

  private static Arguments bad(String what, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(what, change, field);
  }

  private static List<Object> nullList() {
    List<Object> l = new ArrayList<>();
    l.add(null);
    return l;
  }

  @ParameterizedTest(name = "registering with {0} → 400 naming ''{2}''")
  @MethodSource("badRegistrations")
  void badRegistration(String what, Consumer<Map<String, Object>> change, String field)
      throws Exception {
    Map<String, Object> body = letter(TODAY, BUREAU);
    change.accept(body);
    invalid(send(post("/api/petitions"), body), field, "registering with " + what);
  }

  @Test
  @DisplayName("subject of 200 and facts and request of 100,000 characters are accepted verbatim")
  void limitsThemselvesAreAccepted() throws Exception {
    Map<String, Object> body = letter(TODAY, BUREAU);
    String subject = "题".repeat(200);
    String facts = "实".repeat(100_000);
    String request = "求".repeat(100_000);
    body.put("subject", subject);
    body.put("facts", facts);
    body.put("request", request);
    MockHttpServletResponse r = send(post("/api/petitions"), body);
    assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
    JsonNode p = petition(json.readTree(r.getContentAsString(StandardCharsets.UTF_8)));
    assertThat(p.path("subject").asString()).hasSize(200).isEqualTo(subject);
    assertThat(p.path("facts").asString()).isEqualTo(facts);
    assertThat(p.path("request").asString()).isEqualTo(request);
  }

  // ------------------------------------------------------------------ acts: field by field

  static Stream<Arguments> badActs() {
    return Stream.of(
        actCase("accept", "an unknown category", Map.of("category", "WHATEVER"), "category"),
        actCase("accept", "no category", Map.of(), "category"),
        actCase("accept", "a category given as a number (2)", Map.of("category", 2), "category"),
        actCase(
            "accept", "a grievance without a pathway", Map.of("category", "GRIEVANCE"), "pathway"),
        actCase(
            "accept",
            "an unknown pathway",
            Map.of("category", "GRIEVANCE", "pathway", "TELEPATHY"),
            "pathway"),
        actCase(
            "accept",
            "an impossible on 2026-02-30",
            Map.of("on", "2026-02-30", "category", "SUGGESTION"),
            "on"),
        actCase(
            "accept",
            "on tomorrow (future)",
            Map.of("on", TOMORROW, "category", "SUGGESTION"),
            "on"),
        actCase(
            "accept",
            "on before the previous act",
            Map.of("on", "2026-02-27", "category", "SUGGESTION"),
            "on"),
        actCase("decline", "an unknown ground", Map.of("ground", "BORED", "detail", "无"), "ground"),
        actCase("decline", "no detail", Map.of("ground", "NOT_COMPETENT"), "detail"),
        actCase(
            "decline",
            "a blank detail",
            Map.of("ground", "NOT_COMPETENT", "detail", "  "),
            "detail"),
        actCase(
            "decline",
            "an unknown competentOrganisation",
            Map.of("ground", "NOT_COMPETENT", "detail", "无", "competentOrganisation", "nowhere"),
            "competentOrganisation"),
        actCase(
            "divert",
            "pathway 6, which is not a diversion",
            Map.of("pathway", "PETITION_HANDLING", "guidance", "无"),
            "pathway"),
        actCase("divert", "no guidance", Map.of("pathway", "ARBITRATION"), "guidance"),
        actCase(
            "extend", "days of the wrong type", Map.of("days", "thirty", "reason", "复杂"), "days"),
        actCase("extend", "days as a fraction (1.5)", Map.of("days", 1.5, "reason", "复杂"), "days"),
        actCase("extend", "days 0", Map.of("days", 0, "reason", "复杂"), "days"),
        actCase("extend", "days 3661", Map.of("days", 3661, "reason", "复杂"), "days"),
        actCase(
            "reply", "an unknown outcome", Map.of("outcome", "MAYBE", "opinion", "无"), "outcome"),
        actCase(
            "reply",
            "an opinion of 100,001 characters",
            Map.of("outcome", "SUPPORT", "opinion", "意".repeat(100_001)),
            "opinion"),
        actCase(
            "review",
            "an unknown outcome",
            Map.of("outcome", "OVERRULE", "opinion", "无"),
            "outcome"),
        actCase(
            "rate", "an unknown satisfaction", Map.of("satisfaction", "ECSTATIC"), "satisfaction"),
        actCase("object", "no reason", Map.of(), "reason"),
        actCase("object", "a reason holding U+0000", Map.of("reason", "理由\u0000"), "reason"),
        actCase(
            "accept",
            "an on date given as a number",
            Map.of("on", 20512, "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"),
            "on"));
  }

  private static Arguments actCase(String act, String what, Map<String, ?> body, String field) {
    return Arguments.of(act, what, body, field);
  }

  @ParameterizedTest(name = "{0} with {1} → 400 naming ''{3}'', nothing recorded")
  @MethodSource("badActs")
  void badAct(String act, String what, Map<String, ?> body, String field) throws Exception {
    String id = forwarded();
    JsonNode before = petition(id);
    invalid(send(post("/api/petitions/" + id + "/" + act), body), field, act + " with " + what);
    JsonNode after = petition(id);
    assertThat(after.path("state").asString()).isEqualTo(before.path("state").asString());
    assertThat(after.path("history").size()).isEqualTo(before.path("history").size());
  }

  static Stream<Arguments> badRoutings() {
    String farOut = LocalDate.parse(TODAY).plusDays(3661).toString();
    return Stream.of(
        actCase("forward", "an unknown organisation", Map.of("to", "nowhere"), "to"),
        actCase("forward", "no organisation", Map.of(), "to"),
        actCase("assign", "no reportDue", Map.of("to", DEPARTMENT), "reportDue"),
        actCase(
            "assign",
            "a reportDue before the assignment",
            Map.of("to", DEPARTMENT, "reportDue", "2026-03-01"),
            "reportDue"),
        actCase(
            "assign",
            "a reportDue 3661 days out",
            Map.of("to", DEPARTMENT, "reportDue", farOut),
            "reportDue"),
        actCase(
            "assign",
            "an impossible reportDue 2026-02-30",
            Map.of("to", DEPARTMENT, "reportDue", "2026-02-30"),
            "reportDue"));
  }

  @ParameterizedTest(name = "{0} with {1} → 400 naming ''{3}'', nothing recorded")
  @MethodSource("badRoutings")
  void badRouting(String act, String what, Map<String, ?> body, String field) throws Exception {
    String id = registered(TODAY);
    invalid(send(post("/api/petitions/" + id + "/" + act), body), field, act + " with " + what);
    JsonNode after = petition(id);
    assertThat(after.path("state").asString()).isEqualTo("REGISTERED");
    assertThat(after.path("history").size()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ unknown ids

  @Test
  @DisplayName("unknown petition ids → 404 problems, for reads and for acts")
  void unknownIds() throws Exception {
    problem(
        mvc.perform(get("/api/petitions/nope").with(ADMIN_USER)).andReturn().getResponse(), 404);
    problem(
        mvc.perform(get("/api/petitions/nope/history").with(ADMIN_USER)).andReturn().getResponse(),
        404);
    problem(
        send(
            post("/api/petitions/nope/accept"),
            Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING")),
        404);
    problem(send(post("/api/petitions/nope/forward"), Map.of("to", DEPARTMENT)), 404);
    problem(
        mvc.perform(post("/api/petitions/nope/deliver").with(ADMIN_USER)).andReturn().getResponse(),
        404);
    problem(
        send(post("/api/petitions/00000000-0000-0000-0000-000000000000/decline"), declineBody()),
        404);
  }

  @Test
  @DisplayName("an act the API does not have → 404 problem")
  void unknownAct() throws Exception {
    String id = forwarded();
    int before = historyLength(id);
    problem(send(post("/api/petitions/" + id + "/teleport"), Map.of()), 404);
    assertThat(historyLength(id)).isEqualTo(before);
    assertThat(acts(petition(id))).containsExactly("register", "forward");
  }

  static Stream<Arguments> badListQueries() {
    return Stream.of(
        Arguments.of("state=BOGUS", "state"),
        Arguments.of("size=0", "size"),
        Arguments.of("size=501", "size"),
        Arguments.of("size=abc", "size"),
        Arguments.of("page=-1", "page"),
        Arguments.of("page=x", "page"),
        Arguments.of("page=2000000000&size=500", "page"));
  }

  @ParameterizedTest(name = "listing with {0} → 400 naming ''{1}''")
  @MethodSource("badListQueries")
  void badListQuery(String query, String field) throws Exception {
    invalid(
        mvc.perform(get("/api/petitions?" + query).with(ADMIN_USER)).andReturn().getResponse(),
        field,
        "listing with " + query);
  }

  @Test
  @DisplayName(
      "half a surrogate pair (which UTF-8 cannot store) → 400 naming the field, nothing recorded")
  void loneSurrogateRefused() throws Exception {
    int before = jdbc.sql("select count(*) from petition").query(Integer.class).single();
    String body =
        json.writeValueAsString(letter(TODAY, BUREAU))
            .replace("\"subject\":\"", "\"subject\":\"\\ud800x");
    assertThat(body).contains("\\ud800x");
    invalid(raw(post("/api/petitions"), body, MediaType.APPLICATION_JSON), "subject", "ud800");
    assertThat(jdbc.sql("select count(*) from petition").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  @DisplayName("U+0000 in a body sent in GBK (as government systems may) → 400, as in UTF-8")
  void nulInAGbkBody() throws Exception {
    Map<String, Object> body = letter(TODAY, BUREAU);
    body.put("subject", "拖欠工资\u0000");
    byte[] gbk = json.writeValueAsString(body).getBytes(java.nio.charset.Charset.forName("GBK"));
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/petitions")
                    .with(ADMIN_USER)
                    .contentType("application/json;charset=GBK")
                    .content(gbk))
            .andReturn()
            .getResponse();
    invalid(r, "subject", "GBK body holding U+0000");
  }

  @Test
  @DisplayName("U+0000 in a query parameter → 400 naming it, not a conflict")
  void nulInAQueryParameter() throws Exception {
    for (String parameter : List.of("text", "name", "phone", "number")) {
      invalid(
          mvc.perform(get("/api/petitions").param(parameter, "张\u0000").with(ADMIN_USER))
              .andReturn()
              .getResponse(),
          parameter,
          parameter + " holding U+0000");
    }
  }

  @Test
  @DisplayName("forward to an unknown organisation → 4xx problem, nothing recorded")
  void forwardToUnknownOrganisation() throws Exception {
    String id = registered(TODAY);
    MockHttpServletResponse r =
        send(post("/api/petitions/" + id + "/forward"), Map.of("to", "nope"));
    assertThat(r.getStatus()).isBetween(400, 499);
    JsonNode p = problem(r, r.getStatus());
    if (r.getStatus() == 400) {
      assertThat(fieldNames(p)).contains("to");
    }
    assertThat(petition(id).path("history").size()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ size limits

  @Test
  @DisplayName("a registration body over 1 MiB → 413 problem")
  void registrationOverOneMebibyte() throws Exception {
    Map<String, Object> body = letter(TODAY, BUREAU);
    body.put("facts", "a".repeat(1024 * 1024 + 1));
    problem(send(post("/api/petitions"), body), 413);
  }

  @Test
  @DisplayName("an act body over 1 MiB → 413 problem, nothing recorded")
  void actOverOneMebibyte() throws Exception {
    String id = forwarded();
    int before = historyLength(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", "理".repeat(400_000)); // 1.2 MB in UTF-8
    problem(send(post("/api/petitions/" + id + "/object"), body), 413);
    assertThat(historyLength(id)).isEqualTo(before);
  }

  // ------------------------------------------------------------------ hostile text

  @Test
  @DisplayName("hostile text (SQL, HTML, emoji, rare CJK, RTL, a control char) is stored verbatim")
  void hostileTextStoredVerbatim() throws Exception {
    String sql = "'; drop table petition; --";
    String html = "<script>alert('x')</script><img src=x onerror=alert(1)>&amp;&lt;";
    String emoji = "😀👨‍👩‍👧";
    String rare = "𠀀𪚥龘";
    String rtl = "مرحبا بالعالم שלום עולם";
    String bell = "响铃\u0007字符";
    String quotes = "\"双引号\" \\反斜杠\\ 'single' `back`";

    Map<String, Object> body = letter(TODAY, BUREAU);
    String subject = sql + " " + emoji + " " + rare;
    String facts = String.join("\n", sql, html, emoji, rare, rtl, bell, quotes);
    String request = html + rare + rtl;
    String reasons = bell + sql + quotes;
    String name = rare + emoji;
    String address = rtl + " " + html;
    body.put("subject", subject);
    body.put("facts", facts);
    body.put("request", request);
    body.put("reasons", reasons);
    body.put("topic", bell);
    body.put("evidence", quotes + html);
    body.put(
        "petitioners",
        List.of(
            Map.of(
                "name",
                name,
                "address",
                address,
                "phone",
                bell,
                "idType",
                "OTHER",
                "idNumber",
                sql)));

    MockHttpServletResponse r = send(post("/api/petitions"), body);
    assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
    assertThat(r.getHeader(HttpHeaders.LOCATION)).isNotBlank();
    JsonNode created = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    JsonNode p = petition(created);
    for (JsonNode view : List.of(created, p)) {
      assertThat(view.path("subject").asString()).isEqualTo(subject);
      assertThat(view.path("facts").asString()).isEqualTo(facts);
      assertThat(view.path("request").asString()).isEqualTo(request);
      assertThat(view.path("reasons").asString()).isEqualTo(reasons);
      assertThat(view.path("topic").asString()).isEqualTo(bell);
      assertThat(view.path("evidence").asString()).isEqualTo(quotes + html);
    }
    // personal data is masked in views and comes back verbatim when revealed (issue 4)
    MockHttpServletResponse revealed =
        mvc.perform(post("/api/petitions/" + p.path("id").asString() + "/reveal").with(ADMIN_USER))
            .andReturn()
            .getResponse();
    assertThat(revealed.getStatus()).isEqualTo(200);
    JsonNode petitioner = json.readTree(revealed.getContentAsString(StandardCharsets.UTF_8)).get(0);
    assertThat(petitioner.path("name").asString()).isEqualTo(name);
    assertThat(petitioner.path("address").asString()).isEqualTo(address);
    assertThat(petitioner.path("phone").asString()).isEqualTo(bell);
    assertThat(petitioner.path("idNumber").asString()).isEqualTo(sql);

    // the petition table is still there and still takes petitions
    MockHttpServletResponse list =
        mvc.perform(get("/api/petitions").with(ADMIN_USER)).andReturn().getResponse();
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(
            jdbc.sql("select count(*) from petition where id = :id")
                .param("id", p.path("id").asString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from petition").query(Integer.class).single())
        .isGreaterThanOrEqualTo(1);
    registered(TODAY);
  }

  // ------------------------------------------------------------------ collective visits

  @Test
  @DisplayName("a collective visit with 6 representatives → 409 (条例 Art. 20 para. 3); 5 → 201")
  void collectiveVisitRepresentatives() throws Exception {
    Map<String, Object> six = visit(6, 30);
    JsonNode refused = problem(send(post("/api/petitions"), six), 409);
    assertThat(refused.path("rule").asString()).contains("条例 Art. 20");

    MockHttpServletResponse ok = send(post("/api/petitions"), visit(5, 30));
    assertThat(ok.getStatus()).as(ok.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
    JsonNode p = petition(json.readTree(ok.getContentAsString(StandardCharsets.UTF_8)));
    assertThat(p.path("channel").asString()).isEqualTo("VISIT");
    assertThat(p.path("representatives").asInt()).isEqualTo(5);
    assertThat(p.path("persons").asInt()).isEqualTo(30);
    assertThat(p.path("collective").asBoolean()).isTrue();
  }

  private static Map<String, Object> visit(int representatives, int persons) {
    Map<String, Object> body = letter(TODAY, BUREAU);
    body.put("channel", "VISIT");
    body.put("representatives", representatives);
    body.put("persons", persons);
    return body;
  }

  // ------------------------------------------------------------------ HTTP-level refusals

  @Test
  @DisplayName("a method the resource does not have → 405 problem")
  void methodNotAllowed() throws Exception {
    String id = forwarded();
    problem(
        mvc.perform(
                put("/api/petitions/" + id)
                    .with(ADMIN_USER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andReturn()
            .getResponse(),
        405);
    problem(
        mvc.perform(delete("/api/petitions/" + id).with(ADMIN_USER)).andReturn().getResponse(),
        405);
    problem(
        mvc.perform(get("/api/petitions/" + id + "/accept").with(ADMIN_USER))
            .andReturn()
            .getResponse(),
        405);
    assertThat(petition(id).path("state").asString()).isEqualTo("FORWARDED");
  }

  @Test
  @DisplayName("an unsupported content type → 415 problem")
  void unsupportedMediaType() throws Exception {
    problem(
        raw(
            post("/api/petitions"),
            json.writeValueAsString(letter(TODAY, BUREAU)),
            MediaType.TEXT_PLAIN),
        415);
    problem(raw(post("/api/petitions"), "<petition/>", MediaType.APPLICATION_XML), 415);
    String id = forwarded();
    problem(
        raw(
            post("/api/petitions/" + id + "/accept"),
            "category=SUGGESTION",
            MediaType.APPLICATION_FORM_URLENCODED),
        415);
  }

  @Test
  @DisplayName("no or wrong credentials → 401 problem with the Basic challenge")
  void missingCredentials() throws Exception {
    MockHttpServletResponse none =
        mvc.perform(
                post("/api/petitions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(letter(TODAY, BUREAU))))
            .andReturn()
            .getResponse();
    problem(none, 401);
    assertThat(none.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

    problem(mvc.perform(get("/api/petitions/nope")).andReturn().getResponse(), 401);

    MockHttpServletResponse wrong =
        mvc.perform(get("/api/petitions").with(httpBasic(ADMIN, "not-the-password")))
            .andReturn()
            .getResponse();
    problem(wrong, 401);
  }

  // ------------------------------------------------------------------ helpers

  /** A fresh petition registered 2026-02-25 and forwarded 2026-02-28 (its last act). */
  private String forwarded() throws Exception {
    String id = registered("2026-02-25");
    MockHttpServletResponse r =
        send(
            post("/api/petitions/" + id + "/forward"),
            Map.of("on", "2026-02-28", "to", DEPARTMENT));
    assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
    return id;
  }

  private String registered(String receivedOn) throws Exception {
    MockHttpServletResponse r = send(post("/api/petitions"), letter(receivedOn, BUREAU));
    assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
    return json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).path("id").asString();
  }

  private static Map<String, Object> declineBody() {
    return Map.of("ground", "NOT_COMPETENT", "detail", "不属于本机关职权范围。");
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Object body)
      throws Exception {
    return raw(request, json.writeValueAsString(body), MediaType.APPLICATION_JSON);
  }

  private MockHttpServletResponse raw(
      MockHttpServletRequestBuilder request, String content, MediaType type) throws Exception {
    RequestBuilder built =
        request
            .with(ADMIN_USER)
            .contentType(type)
            .content(content.getBytes(StandardCharsets.UTF_8));
    return mvc.perform(built).andReturn().getResponse();
  }

  private JsonNode petition(JsonNode created) throws Exception {
    return petition(created.path("id").asString());
  }

  private JsonNode petition(String id) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get("/api/petitions/" + id).with(ADMIN_USER)).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
  }

  private int historyLength(String id) throws Exception {
    return petition(id).path("history").size();
  }

  /** An RFC 9457 problem of this status: type, title, status, detail, as problem+json. */
  private JsonNode problem(MockHttpServletResponse r, int status) throws Exception {
    return problem(r, status, "");
  }

  private JsonNode problem(MockHttpServletResponse r, int status, String what) throws Exception {
    String text = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getStatus()).as("%s: status; body: %s", what, text).isEqualTo(status);
    assertThat(r.getContentType()).as("%s: content type; body: %s", what, text).isNotNull();
    assertThat(MediaType.parseMediaType(r.getContentType()).isCompatibleWith(PROBLEM))
        .as("%s: content type %s is application/problem+json", what, r.getContentType())
        .isTrue();
    JsonNode p = json.readTree(text);
    assertThat(p.path("status").asInt()).as("%s: status field in %s", what, text).isEqualTo(status);
    assertThat(p.path("type").asString()).as("%s: type field in %s", what, text).isNotBlank();
    assertThat(p.path("title").asString()).as("%s: title field in %s", what, text).isNotBlank();
    assertThat(p.path("detail").asString()).as("%s: detail field in %s", what, text).isNotBlank();
    return p;
  }

  /** A 400 problem whose {@code fields} names {@code field} (or an element of it). */
  private JsonNode invalid(MockHttpServletResponse r, String field, String what) throws Exception {
    JsonNode p = problem(r, 400, what);
    List<String> names = fieldNames(p);
    assertThat(
            names.stream()
                .anyMatch(
                    n -> n.equals(field) || n.startsWith(field + "[") || n.startsWith(field + ".")))
        .as("%s: 'fields' names '%s' in %s", what, field, p)
        .isTrue();
    return p;
  }

  private static List<String> fieldNames(JsonNode problem) {
    List<String> names = new ArrayList<>();
    JsonNode fields = problem.path("fields");
    if (fields.isObject()) {
      names.addAll(fields.propertyNames());
    }
    return names;
  }
}
