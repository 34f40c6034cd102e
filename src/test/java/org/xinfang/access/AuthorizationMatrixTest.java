package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4, "Who may see and do what": every role × every petition endpoint × a petition of the
 * user's own organisation, one of a foreign organisation, and an accusation against 大连市人社局 (API.md
 * Users; 条例 Art. 30 para. 3, Art. 40, Art. 46 item 5). Each cell states what must happen: the read
 * succeeds, is refused (403), or the petition does not exist for this user (404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

  static final String PASSWORD = "Matrix-2026!pw";

  /** What one user gets for one petition. */
  enum Sees {
    /** 200: the petition and everything on it. */
    YES,
    /** 403: outside the user's organisation or jurisdiction. */
    FORBIDDEN,
    /**
     * 404: an accusation against the user's unit (or a unit below, outside the discipline line).
     */
    HIDDEN
  }

  /** A user of the matrix: organisation, role, and what they see of the three petitions. */
  record Cell(String key, String org, String role, Sees own, Sees foreign, Sees accusation) {}

  // own: received by 大连市信访局 and forwarded to 大连市人社局 (parties: dl-xfj, dl-rsj)
  // foreign: received and held by 西岗区信访局 (party: xg-xfj)
  // accusation: against 大连市人社局, received by 大连市信访局 and forwarded to 大连市纪委监委
  static final List<Cell> CELLS =
      List.of(
          // the city bureau's registrar: its own petitions and the accusation it received
          new Cell("b-reg", "dl-xfj", "REGISTRAR", Sees.YES, Sees.FORBIDDEN, Sees.YES),
          new Cell("b-hand", "dl-xfj", "HANDLER", Sees.YES, Sees.FORBIDDEN, Sees.YES),
          // the city bureau's supervisor: the city government's whole jurisdiction (Art. 40)
          new Cell("b-sup", "dl-xfj", "SUPERVISOR", Sees.YES, Sees.YES, Sees.YES),
          // the accused unit: never the accusation, not even that it exists
          new Cell("d-hand", "dl-rsj", "HANDLER", Sees.YES, Sees.FORBIDDEN, Sees.HIDDEN),
          new Cell("d-reg", "dl-rsj", "REGISTRAR", Sees.YES, Sees.FORBIDDEN, Sees.HIDDEN),
          new Cell("d-lead", "dl-rsj", "LEADER", Sees.YES, Sees.FORBIDDEN, Sees.HIDDEN),
          new Cell("d-sup", "dl-rsj", "SUPERVISOR", Sees.YES, Sees.FORBIDDEN, Sees.HIDDEN),
          // above the accused unit, outside the discipline line: its jurisdiction, not the
          // accusation
          new Cell("g-lead", "dl-gov", "LEADER", Sees.YES, Sees.YES, Sees.HIDDEN),
          new Cell("g-sup", "dl-gov", "SUPERVISOR", Sees.YES, Sees.YES, Sees.HIDDEN),
          new Cell("g-hand", "dl-gov", "HANDLER", Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.HIDDEN),
          // the discipline line: the accusation it holds; its supervisor the jurisdiction
          new Cell("j-hand", "dl-jw", "HANDLER", Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.YES),
          new Cell("j-sup", "dl-jw", "SUPERVISOR", Sees.YES, Sees.YES, Sees.YES),
          // the province's supervisor: everything below (the province government's subtree)
          new Cell("p-sup", "ln-xfj", "SUPERVISOR", Sees.YES, Sees.YES, Sees.YES),
          // a district bureau: its own petition only
          new Cell("x-reg", "xg-xfj", "REGISTRAR", Sees.FORBIDDEN, Sees.YES, Sees.FORBIDDEN),
          new Cell("x-sup", "xg-xfj", "SUPERVISOR", Sees.FORBIDDEN, Sees.YES, Sees.FORBIDDEN),
          // a district department: nothing of these
          new Cell("z-hand", "zs-rsj", "HANDLER", Sees.FORBIDDEN, Sees.FORBIDDEN, Sees.FORBIDDEN),
          // an administrator user of the bureau (not the bootstrap admin): its organisation's
          new Cell("b-admin", "dl-xfj", "ADMIN", Sees.YES, Sees.FORBIDDEN, Sees.YES));

  final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
  String own;
  String foreign;
  String accusation;
  final Map<String, String> numbers = new LinkedHashMap<>();
  final Map<String, String> notices = new LinkedHashMap<>();
  final Map<String, String> attachments = new LinkedHashMap<>();

  String username(Cell c) {
    return c.key() + "-" + suffix;
  }

  @BeforeAll
  void petitionsAndUsers() throws Exception {
    for (Cell c : CELLS) {
      postJson(
              "/api/users",
              Map.of(
                  "username", username(c),
                  "password", PASSWORD,
                  "displayName", c.key(),
                  "organisationId", c.org(),
                  "roles", List.of(c.role())))
          .andReturn();
      assertThat(
              getAs(username(c), PASSWORD, "/api/users/me").andReturn().getResponse().getStatus())
          .as("user %s exists", c.key())
          .isEqualTo(200);
    }
    String today = "2026-11-27";
    JsonNode o = register(letter(today, DemoData.CITY_PETITION_BUREAU));
    own = o.get("id").asString();
    act(own, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    foreign = register(letter(today, DemoData.XIGANG_PETITION_BUREAU)).get("id").asString();
    Map<String, Object> acc = letter(today, DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("subject", "检举某局长违规收受礼金");
    acc.put(
        "accused",
        List.of(
            Map.of(
                "name", "王某",
                "organisationId", DemoData.CITY_HUMAN_RESOURCES,
                "post", "副局长")));
    accusation = register(acc).get("id").asString();
    act(accusation, "forward", Map.of("to", DemoData.CITY_DISCIPLINE_INSPECTION));
    for (String id : List.of(own, foreign, accusation)) {
      numbers.put(id, body(getJson("/api/petitions/" + id)).get("number").asString());
      JsonNode list = body(getJson("/api/petitions/" + id + "/notices"));
      notices.put(id, list.isEmpty() ? null : list.get(0).get("id").asString());
      MockHttpServletResponse up =
          mvc.perform(
                  multipart("/api/petitions/" + id + "/attachments")
                      .file(new MockMultipartFile("file", "scan.png", "image/png", png()))
                      .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
              .andReturn()
              .getResponse();
      assertThat(up.getStatus()).as(up.getContentAsString()).isEqualTo(201);
      attachments.put(
          id, json.readTree(up.getContentAsString(StandardCharsets.UTF_8)).get("id").asString());
    }
    assertThat(notices.get(own)).as("the forward notice of the own petition").isNotNull();
  }

  static byte[] png() {
    byte[] b = new byte[64];
    ThreadLocalRandom.current().nextBytes(b);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  Sees expected(Cell c, String id) {
    return id.equals(own) ? c.own() : id.equals(foreign) ? c.foreign() : c.accusation();
  }

  static int status(Sees s) {
    return switch (s) {
      case YES -> 200;
      case FORBIDDEN -> 403;
      case HIDDEN -> 404;
    };
  }

  /** The read endpoints of a petition (API and workbench). */
  List<Map.Entry<String, RequestBuilder>> reads(Cell c, String id) {
    String u = username(c);
    List<Map.Entry<String, RequestBuilder>> r = new ArrayList<>();
    String base = "/api/petitions/" + id;
    r.add(Map.entry("GET petition", api(get(base), u)));
    r.add(Map.entry("GET history", api(get(base + "/history"), u)));
    r.add(Map.entry("GET notices", api(get(base + "/notices"), u)));
    if (notices.get(id) != null) {
      r.add(Map.entry("GET notice PDF", api(get(base + "/notices/" + notices.get(id)), u)));
      r.add(
          Map.entry(
              "GET page notice PDF",
              get("/petitions/" + id + "/notices/" + notices.get(id) + ".pdf").with(user(u))));
    }
    r.add(Map.entry("GET attachments", api(get(base + "/attachments"), u)));
    r.add(Map.entry("GET attachment", api(get(base + "/attachments/" + attachments.get(id)), u)));
    r.add(Map.entry("POST reveal", api(post(base + "/reveal"), u)));
    r.add(Map.entry("GET reveals", api(get(base + "/reveals"), u)));
    r.add(Map.entry("GET workbench page", get("/petitions/" + id).with(user(u))));
    r.add(
        Map.entry(
            "GET workbench attachment",
            get("/petitions/" + id + "/attachments/" + attachments.get(id)).with(user(u))));
    return r;
  }

  static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder b, String user) {
    return b.with(httpBasic(user, PASSWORD));
  }

  @Test
  void everyReadEndpointAnswersAsTheMatrixSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Cell c : CELLS) {
      for (String id : List.of(own, foreign, accusation)) {
        int want = status(expected(c, id));
        for (Map.Entry<String, RequestBuilder> e : reads(c, id)) {
          int got = mvc.perform(e.getValue()).andReturn().getResponse().getStatus();
          cells++;
          if (got != want) {
            wrong.add(c.key() + " × " + name(id) + " × " + e.getKey() + ": " + got + " ≠ " + want);
          }
        }
      }
    }
    assertThat(wrong).as("cells that answer otherwise than the matrix (of %d)", cells).isEmpty();
    assertThat(cells).isGreaterThan(400);
  }

  @Test
  void searchFindsExactlyWhatTheUserMaySee() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Cell c : CELLS) {
      for (String id : List.of(own, foreign, accusation)) {
        MockHttpServletResponse r =
            mvc.perform(api(get("/api/petitions").param("number", numbers.get(id)), username(c)))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        int found = json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).size();
        String total = r.getHeader("X-Total-Count");
        boolean sees = expected(c, id) == Sees.YES;
        if (found != (sees ? 1 : 0) || !String.valueOf(found).equals(total)) {
          wrong.add(c.key() + " × " + name(id) + ": found " + found + ", total " + total);
        }
        // the workbench search page likewise
        String page =
            mvc.perform(get("/search").param("number", numbers.get(id)).with(user(username(c))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        if (page.contains("/petitions/" + id) != sees) {
          wrong.add(c.key() + " × " + name(id) + ": search page " + (sees ? "misses" : "shows"));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Acts: 404 where the accusation is hidden, 403 without the role or for another organisation's
   * petition, and past authorization the law decides (409: delivering is not allowed now).
   */
  @Test
  void actsAreRefusedOutsideTheUsersOrganisationAndHiddenWhereConfidential() throws Exception {
    // who may record a handling act (deliver) for the holder of each petition
    Map<String, Set<String>> holderHandlers =
        Map.of(
            own, Set.of("d-hand", "d-lead"),
            foreign, Set.of(),
            accusation, Set.of("j-hand"));
    List<String> wrong = new ArrayList<>();
    for (Cell c : CELLS) {
      for (String id : List.of(own, foreign, accusation)) {
        Sees sees = expected(c, id);
        int want = sees == Sees.HIDDEN ? 404 : holderHandlers.get(id).contains(c.key()) ? 409 : 403;
        MockHttpServletResponse r =
            mvc.perform(
                    api(post("/api/petitions/" + id + "/deliver"), username(c))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andReturn()
                .getResponse();
        if (r.getStatus() != want) {
          wrong.add(c.key() + " × " + name(id) + " deliver: " + r.getStatus() + " ≠ " + want);
        }
        MockHttpServletResponse upload =
            mvc.perform(
                    multipart("/api/petitions/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "x.png", "image/png", png()))
                        .with(httpBasic(username(c), PASSWORD)))
                .andReturn()
                .getResponse();
        if (sees == Sees.HIDDEN ? upload.getStatus() != 404 : upload.getStatus() == 404) {
          wrong.add(c.key() + " × " + name(id) + " upload: " + upload.getStatus());
        }
      }
    }
    // the bootstrap admin acts anywhere: past authorization, the law answers
    for (String id : List.of(own, foreign, accusation)) {
      assertThat(
              postJson("/api/petitions/" + id + "/deliver", Map.of())
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(409);
    }
    assertThat(wrong).isEmpty();
  }

  /** Work lists: one's own organisation; a supervisor's whole jurisdiction; nothing else. */
  @Test
  void workListsStayInsideTheJurisdiction() throws Exception {
    Cell supervisor = cell("b-sup");
    Cell handler = cell("d-hand");
    assertThat(workList(supervisor, "xg-xfj")).isEqualTo(200);
    assertThat(workList(supervisor, "ln-xfj")).isEqualTo(403);
    assertThat(workList(cell("x-sup"), "dl-rsj")).isEqualTo(403);
    // the accused unit's work list never lists the accusation, even to the supervisor above it
    String page =
        mvc.perform(get("/").param("org", "dl-jw").with(user(username(cell("g-sup")))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).doesNotContain(numbers.get(accusation));
    String jw =
        mvc.perform(get("/").with(user(username(cell("j-hand")))))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(jw).contains(numbers.get(accusation));
    assertThat(handler).isNotNull();
  }

  int workList(Cell c, String org) throws Exception {
    return mvc.perform(get("/").param("org", org).with(user(username(c))))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  Cell cell(String key) {
    return CELLS.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }

  /**
   * Ids guessed or swapped: another petition's notice or attachment under one's own petition, a
   * random id, and a hidden accusation named as the earlier petition — each answers exactly as a
   * petition that does not exist.
   */
  @Test
  void swappedAndGuessedIdsRevealNothing() throws Exception {
    String u = username(cell("d-hand"));
    String base = "/api/petitions/" + own;
    // another petition's notice and attachment under one's own petition: not found
    assertThat(status(api(get(base + "/notices/" + notices.get(accusation)), u))).isEqualTo(404);
    assertThat(status(api(get(base + "/attachments/" + attachments.get(accusation)), u)))
        .isEqualTo(404);
    assertThat(status(api(get(base + "/attachments/" + attachments.get(foreign)), u)))
        .isEqualTo(404);
    // random ids
    String random = UUID.randomUUID().toString();
    assertThat(status(api(get("/api/petitions/" + random), u))).isEqualTo(404);
    assertThat(status(api(get("/api/petitions/" + random + "/notices"), u))).isEqualTo(404);
    assertThat(status(api(post("/api/petitions/" + random + "/reveal"), u))).isEqualTo(404);
    // the hidden accusation as the earlier petition of a new registration: as if there were none
    Map<String, Object> repeatOfHidden = letter("2026-11-27", DemoData.CITY_HUMAN_RESOURCES);
    repeatOfHidden.put("repeatOf", accusation);
    Map<String, Object> repeatOfNothing = letter("2026-11-27", DemoData.CITY_HUMAN_RESOURCES);
    repeatOfNothing.put("repeatOf", accusation.substring(0, 30) + "ffffff");
    JsonNode hidden = body(postJsonAs(u, PASSWORD, "/api/petitions", repeatOfHidden));
    JsonNode nothing = body(postJsonAs(u, PASSWORD, "/api/petitions", repeatOfNothing));
    assertThat(hidden.get("status").asInt())
        .isEqualTo(400)
        .isEqualTo(nothing.get("status").asInt());
    assertThat(hidden.get("fields").propertyNames()).containsExactly("repeatOf");
    // the accusation by number in the search: nothing, and the count says nothing either
    MockHttpServletResponse s =
        mvc.perform(api(get("/api/petitions").param("number", numbers.get(accusation)), u))
            .andReturn()
            .getResponse();
    assertThat(s.getHeader("X-Total-Count")).isEqualTo("0");
    // the accused unit acting on it gets what acting on no petition gets, whatever the act
    Map<String, Map<String, Object>> acts =
        Map.of(
            "accept", Map.of("category", "ACCUSATION", "pathway", "PETITION_HANDLING"),
            "reply", Map.of("outcome", "EXPLAIN", "opinion", "……"),
            "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES),
            "decline", Map.of("ground", "NOT_COMPETENT", "detail", "……"),
            "rate", Map.of("satisfaction", "SATISFIED"));
    for (Map.Entry<String, Map<String, Object>> a : acts.entrySet()) {
      MockHttpServletResponse onHidden =
          postJsonAs(u, PASSWORD, "/api/petitions/" + accusation + "/" + a.getKey(), a.getValue())
              .andReturn()
              .getResponse();
      MockHttpServletResponse onNothing =
          postJsonAs(u, PASSWORD, "/api/petitions/" + random + "/" + a.getKey(), a.getValue())
              .andReturn()
              .getResponse();
      assertThat(onHidden.getStatus()).as(a.getKey()).isEqualTo(onNothing.getStatus());
      assertThat(onHidden.getStatus()).as(a.getKey()).isIn(400, 404);
    }
  }

  int status(RequestBuilder b) throws Exception {
    return mvc.perform(b).andReturn().getResponse().getStatus();
  }

  String name(String id) {
    return id.equals(own) ? "own" : id.equals(foreign) ? "foreign" : "accusation";
  }
}
