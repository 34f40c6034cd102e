package org.xinfang.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.Attachments;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionState;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.RatingTarget;
import org.xinfang.petition.Satisfaction;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The citizen portal without a staff account: the route map, online submission (条例 Arts. 17, 19),
 * duplicates and rate limits, tracking, rating (Art. 21) and review inside the window (Art. 35).
 */
class PortalTest extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Autowired PetitionService petitions;
  @Autowired Attachments attachments;

  /** A client address of its own for each test (IPv6 documentation range, RFC 3849). */
  private static String address() {
    return "2001:db8::"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16))
        + ":"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  /** A complete form of 条例 Art. 19, with a name and text of its own. */
  private static Map<String, String> form() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", "李四" + tag);
    f.put("address", "大连市中山区人民路" + tag + "号");
    f.put("phone", "139 0000 " + String.format("%04d", ThreadLocalRandom.current().nextInt(10000)));
    f.put("idNumber", "");
    f.put("bureau", CITY_PETITION_BUREAU);
    f.put("category", "");
    f.put("subject", "");
    f.put("request", "请求责令公司支付拖欠的工资 " + tag);
    f.put("facts", "2026年我在某公司工作，公司拖欠三个月工资。" + tag);
    f.put("reasons", "按照劳动合同应当按月足额支付工资。");
    f.put("consent", "true");
    return f;
  }

  private static MockMultipartHttpServletRequestBuilder submission(
      Map<String, String> form, String address, MockMultipartFile... files) {
    MockMultipartHttpServletRequestBuilder b = multipart("/portal/submit");
    for (MockMultipartFile f : files) {
      b.file(f);
    }
    form.forEach(b::param);
    b.with(csrf()).with(from(address));
    return b;
  }

  private static String html(MvcResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String between(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
    assertThat(m.find()).as("element #" + id).isTrue();
    return m.group(1).strip();
  }

  /** Submits, follows to the receipt, and answers {number, queryCode}. */
  private String[] submit(Map<String, String> form, String address, MockHttpSession session)
      throws Exception {
    mvc.perform(submission(form, address).session(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/portal/submit/receipt"));
    String receipt =
        html(
            mvc.perform(get("/portal/submit/receipt").session(session))
                .andExpect(status().isOk())
                .andReturn());
    return new String[] {between(receipt, "number"), between(receipt, "query-code")};
  }

  private long countNamed(String name) {
    return jdbc.sql("select count(distinct petition_id) from petitioner where name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  // ------------------------------------------------------------------ pages and the route map

  @Test
  @DisplayName(
      "the portal pages are public, mobile-ready, Chinese by default and English on ?lang=en")
  void pages() throws Exception {
    mvc.perform(get("/portal"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"viewport\"")))
        .andExpect(content().string(containsString("/css/portal.css")))
        .andExpect(content().string(containsString("路线图")));
    mvc.perform(get("/portal").param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Route map")));
    mvc.perform(get("/portal/submit"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"_csrf\"")))
        .andExpect(
            content().string(containsString("value=\"" + CITY_PETITION_BUREAU + "\" selected")))
        .andExpect(content().string(not(containsString("style="))))
        .andExpect(content().string(not(containsString("<script>"))));
    mvc.perform(get("/portal/track")).andExpect(status().isOk());
  }

  @Test
  @DisplayName(
      "route map: a labour dispute leads to labour arbitration with its one-year limit (条例 Art. 31 item 2)")
  void guideToArbitration() throws Exception {
    mvc.perform(get("/portal/guide"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("您想做什么")));
    mvc.perform(get("/portal/guide").param("kind", "REQUEST"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"kind\" value=\"REQUEST\"")))
        .andExpect(content().string(containsString("法院")));
    mvc.perform(
            get("/portal/guide")
                .param("kind", "REQUEST")
                .param("court", "NO")
                .param("dispute", "LABOUR"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("劳动人事争议仲裁委员会")))
        .andExpect(content().string(containsString("大连市人力资源和社会保障局")))
        .andExpect(content().string(containsString("劳动争议调解仲裁法 Art. 27")))
        .andExpect(content().string(containsString("1年")))
        .andExpect(content().string(not(containsString("/portal/submit?category"))));
  }

  @Test
  @DisplayName(
      "route map: an accusation goes to the discipline organ (12388) and may use the form (条例 Art. 30)")
  void guideToAccusation() throws Exception {
    mvc.perform(get("/portal/guide").param("kind", "ACCUSE").param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("discipline inspection")))
        .andExpect(content().string(containsString("12388")))
        .andExpect(content().string(containsString("/portal/submit?category=ACCUSATION")));
    mvc.perform(get("/portal/submit").param("category", "ACCUSATION"))
        .andExpect(content().string(containsString("value=\"ACCUSATION\" selected")));
    mvc.perform(get("/portal/guide").param("kind", "BRIBE")).andExpect(status().isBadRequest());
  }

  // ------------------------------------------------------------------ submission

  @Test
  @DisplayName(
      "submit (条例 Arts. 17, 19): number and query code shown once, ONLINE, registered by the portal")
  void submitRegistersOnline() throws Exception {
    today("2026-03-02");
    Map<String, String> f = form();
    MockHttpSession session = new MockHttpSession();
    MockMultipartFile scan = new MockMultipartFile("attachments", "工资条.png", "image/png", png());
    mvc.perform(submission(f, address(), scan).session(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/portal/submit/receipt"));
    String receipt = html(mvc.perform(get("/portal/submit/receipt").session(session)).andReturn());
    String number = between(receipt, "number");
    String code = between(receipt, "query-code");
    assertThat(receipt).contains("data-print", "工资条.png");

    PetitionView p = petitions.findForPetitioner(number, code).orElseThrow();
    assertThat(p.channel()).isEqualTo(Channel.ONLINE);
    assertThat(p.registeredBy()).isEqualTo(PetitionService.PORTAL);
    assertThat(p.receivedBy()).isEqualTo(CITY_PETITION_BUREAU);
    assertThat(p.receivedOn()).hasToString("2026-03-02");
    assertThat(p.request()).isEqualTo(f.get("request"));
    assertThat(p.reasons()).isEqualTo(f.get("reasons"));
    // the portal shows the petitioner their data masked; the record holds it in full
    assertThat(p.petitioners().get(0).name()).isNotEqualTo(f.get("name")).endsWith("*");
    PetitionView full = petitions.getWithoutScope(p.id());
    assertThat(full.petitioners().get(0).name()).isEqualTo(f.get("name"));
    assertThat(full.petitioners().get(0).address()).isEqualTo(f.get("address"));
    assertThat(p.state()).isEqualTo(PetitionState.REGISTERED);
    assertThat(attachments.list(p.id()))
        .extracting(Attachment::filename, Attachment::contentType, Attachment::uploadedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("工资条.png", "image/png", "portal"));
    // another browser does not see the receipt
    mvc.perform(get("/portal/submit/receipt"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/portal/submit"));
  }

  @Test
  @DisplayName("validation on the server, in the user's language; nothing typed is lost")
  void validation() throws Exception {
    Map<String, String> f = form();
    f.put("request", "");
    f.remove("consent");
    f.put("phone", "12");
    f.put("idNumber", "210202199001011234"); // wrong check digit
    String page =
        html(mvc.perform(submission(f, address())).andExpect(status().isOk()).andReturn());
    assertThat(page)
        .contains("请填写此项", "请阅读并勾选承诺与同意", "请填写有效的电话号码", "身份证件号码不正确")
        .contains(f.get("facts"), f.get("name"), f.get("address"), f.get("reasons"));
    assertThat(countNamed(f.get("name"))).isZero();

    String en = html(mvc.perform(submission(f, address()).param("lang", "en")).andReturn());
    assertThat(en).contains("Please fill this in.", "Please read and tick");

    // a disguised program is refused before anything is registered
    Map<String, String> g = form();
    byte[] exe =
        "MZ\u0090\u0000 this program cannot be run in DOS mode"
            .getBytes(StandardCharsets.ISO_8859_1);
    String refused =
        html(
            mvc.perform(
                    submission(
                        g,
                        address(),
                        new MockMultipartFile("attachments", "证据.pdf", "application/pdf", exe)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(refused).contains("不是 PDF 或图片").contains(g.get("facts"));
    assertThat(countNamed(g.get("name"))).isZero();
  }

  @Test
  @DisplayName(
      "the same person's same text within minutes is recognised, not stored twice; the code is not shown to others")
  void duplicates() throws Exception {
    Map<String, String> f = form();
    String address = address();
    MockHttpSession session = new MockHttpSession();
    String[] first = submit(f, address, session);

    // the same browser session again: its receipt, marked as a repeat, nothing new stored
    mvc.perform(submission(f, address).session(session))
        .andExpect(redirectedUrl("/portal/submit/receipt?again"));
    String again =
        html(
            mvc.perform(get("/portal/submit/receipt").param("again", "").session(session))
                .andReturn());
    assertThat(again).contains(first[0], first[1], "没有重复登记");

    // another browser, same phone and text (name changed): the number only, never the query code
    Map<String, String> other = new LinkedHashMap<>(f);
    String otherName = "王五" + UUID.randomUUID().toString().substring(0, 8);
    other.put("name", otherName);
    String page =
        html(mvc.perform(submission(other, address())).andExpect(status().isOk()).andReturn());
    assertThat(page).contains(first[0]).doesNotContain(first[1]).contains("查询码只在当时提交后显示一次");
    assertThat(countNamed(f.get("name"))).isEqualTo(1);
    assertThat(countNamed(otherName)).isZero();

    // another person of the same name, with another phone, sending the same wording (a shared
    // template): a petition of its own, and nobody else's number shown (条例 Arts. 17, 21)
    Map<String, String> namesake = new LinkedHashMap<>(f);
    namesake.put(
        "phone", "137 0000 " + String.format("%04d", ThreadLocalRandom.current().nextInt(10000)));
    mvc.perform(submission(namesake, address())).andExpect(status().is3xxRedirection());
    assertThat(countNamed(f.get("name"))).isEqualTo(2);

    // the next day (past the 10-minute window) the same text is a new submission
    today(clock.today().plusDays(1));
    String[] later = submit(f, address(), new MockHttpSession());
    assertThat(later[0]).isNotEqualTo(first[0]);
    assertThat(countNamed(f.get("name"))).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "rate limit: the sixth submission from one address within 10 minutes is answered 429")
  void rateLimit() throws Exception {
    String address = address();
    for (int i = 0; i < 5; i++) {
      mvc.perform(submission(form(), address)).andExpect(status().is3xxRedirection());
    }
    Map<String, String> sixth = form();
    mvc.perform(submission(sixth, address))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().string(containsString("请稍后再试")));
    assertThat(countNamed(sixth.get("name"))).isZero();
    // another address is not affected
    mvc.perform(submission(form(), address())).andExpect(status().is3xxRedirection());
  }

  // ------------------------------------------------------------------ tracking

  @Test
  @DisplayName(
      "track: number + code + phone digits show the state; anything wrong gets one generic answer")
  void tracking() throws Exception {
    Map<String, String> f = form();
    String[] p = submit(f, address(), new MockHttpSession());
    String digits = f.get("phone").replaceAll("\\D", "");
    String last4 = digits.substring(digits.length() - 4);
    String address = address();

    String wrongCode = html(track(p[0], "ABCDEFGHJK", last4, address).andReturn());
    String wrongPhone =
        html(track(p[0], p[1], last4.equals("0000") ? "1111" : "0000", address).andReturn());
    String wrongNumber = html(track("大信〔1999〕第99999号", p[1], last4, address).andReturn());
    for (String page : new String[] {wrongCode, wrongPhone, wrongNumber}) {
      assertThat(page).contains("没有找到与所填信息相符的信访事项");
    }

    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/portal/track")
                .param("number", p[0])
                .param("code", p[1].toLowerCase())
                .param("phone", last4)
                .session(session)
                .with(csrf())
                .with(from(address)))
        .andExpect(redirectedUrl("/portal/track/status"));
    mvc.perform(get("/portal/track/status").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(p[0])))
        .andExpect(content().string(containsString("已登记")))
        .andExpect(content().string(containsString("登记转送交办")));
    // no session, no status
    mvc.perform(get("/portal/track/status")).andExpect(redirectedUrl("/portal/track"));
    // notices are reached only through the proven session, never by a bare id
    mvc.perform(get("/portal/track/notices/any-id")).andExpect(status().isNotFound());
  }

  @Test
  @DisplayName(
      "track: failed look-ups count against the address; the eleventh within 10 minutes is 429")
  void trackingFailuresLimited() throws Exception {
    String address = address();
    for (int i = 0; i < 10; i++) {
      track("大信〔2026〕第00001号", "WRONGCODE" + i, "1234", address).andExpect(status().isOk());
    }
    track("大信〔2026〕第00001号", "WRONGCODEX", "1234", address)
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("请稍后再试")));
  }

  private org.springframework.test.web.servlet.ResultActions track(
      String number, String code, String phone, String address) throws Exception {
    MockHttpServletRequestBuilder b =
        post("/portal/track")
            .param("number", number)
            .param("code", code)
            .param("phone", phone)
            .with(csrf())
            .with(from(address));
    return mvc.perform(b);
  }

  /** Proves the petition in a new session and answers it. */
  private MockHttpSession follow(String[] p, String phone) throws Exception {
    String digits = phone.replaceAll("\\D", "");
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/portal/track")
                .param("number", p[0])
                .param("code", p[1])
                .param("phone", digits.substring(digits.length() - 4))
                .session(session)
                .with(csrf())
                .with(from(address())))
        .andExpect(redirectedUrl("/portal/track/status"));
    return session;
  }

  /** Staff (as admin) take a portal petition to a delivered handling opinion on one day. */
  private String toDeliveredOpinion(String number, String code, String day) throws Exception {
    String id = petitions.findForPetitioner(number, code).orElseThrow().id();
    act(id, "forward", Map.of("on", day, "to", CITY_HUMAN_RESOURCES));
    act(id, "accept", Map.of("on", day, "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    act(
        id,
        "reply",
        Map.of("on", day, "outcome", "NOT_SUPPORT", "opinion", "经核查，工资已依法结清，请求缺乏事实根据。"));
    JsonNode delivered = act(id, "deliver", Map.of("on", day));
    return due(delivered, "REVIEW_WINDOW");
  }

  @Test
  @DisplayName(
      "条例 Arts. 21, 35: after delivery the citizen sees the review window, rates, and requests review inside it")
  void rateAndReviewInsideTheWindow() throws Exception {
    today("2026-03-02");
    Map<String, String> f = form();
    String[] p = submit(f, address(), new MockHttpSession());
    String window = toDeliveredOpinion(p[0], p[1], "2026-03-02");
    assertThat(window).isEqualTo("2026-04-01");

    today("2026-03-10");
    MockHttpSession session = follow(p, f.get("phone"));
    mvc.perform(get("/portal/track/status").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("已作出处理意见")))
        .andExpect(content().string(containsString("2026-04-01")))
        .andExpect(content().string(containsString("请求复查")))
        .andExpect(content().string(containsString("不予支持")));

    // the written notices addressed to the petitioner, served through the proven session only
    String status = html(mvc.perform(get("/portal/track/status").session(session)).andReturn());
    Matcher link = Pattern.compile("href=\"(/portal/track/notices/[^\"]+)\"").matcher(status);
    assertThat(link.find()).as("a notice link on the status page").isTrue();
    mvc.perform(get(link.group(1)).session(session))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"));
    mvc.perform(get(link.group(1))).andExpect(status().isNotFound());

    // a reason over 10,000 characters is refused, not cut short, and nothing is recorded
    mvc.perform(
            post("/portal/track/rate")
                .param("target", "HANDLING_ORGANISATION")
                .param("satisfaction", "DISSATISFIED")
                .param("reason", "长".repeat(10_001))
                .session(session)
                .with(csrf()))
        .andExpect(status().isBadRequest());
    assertThat(petitions.findForPetitioner(p[0], p[1]).orElseThrow().ratings()).isEmpty();
    mvc.perform(
            post("/portal/track/rate")
                .param("target", "HANDLING_ORGANISATION")
                .param("satisfaction", "DISSATISFIED")
                .param("reason", "没有核实我的工资条。")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/portal/track/status?done=rated"));
    mvc.perform(
            post("/portal/track/rate")
                .param("target", "PETITION_BUREAU")
                .param("satisfaction", "BASICALLY_SATISFIED")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/portal/track/status?done=rated"));
    PetitionView rated = petitions.findForPetitioner(p[0], p[1]).orElseThrow();
    assertThat(rated.ratings())
        .containsEntry(RatingTarget.HANDLING_ORGANISATION, Satisfaction.DISSATISFIED)
        .containsEntry(RatingTarget.PETITION_BUREAU, Satisfaction.BASICALLY_SATISFIED);
    // rating the same answer twice is refused with the rule
    mvc.perform(
            post("/portal/track/rate")
                .param("target", "PETITION_BUREAU")
                .param("satisfaction", "SATISFIED")
                .session(session)
                .with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("rate-once (条例 Art. 21)")));

    mvc.perform(post("/portal/track/review").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/track/status?done=reviewRequested"));
    PetitionView reviewed = petitions.findForPetitioner(p[0], p[1]).orElseThrow();
    assertThat(reviewed.state()).isEqualTo(PetitionState.UNDER_REVIEW);
    assertThat(reviewed.history().get(reviewed.history().size() - 1).by())
        .isEqualTo(PetitionService.PORTAL);
    mvc.perform(get("/portal/track/status").param("done", "reviewRequested").session(session))
        .andExpect(content().string(containsString("复查中")))
        .andExpect(content().string(containsString("复查请求已提交")));
  }

  @Test
  @DisplayName(
      "条例 Art. 35: outside the 30 days the request for review is refused with the rule shown")
  void reviewRefusedOutsideTheWindow() throws Exception {
    today("2026-03-02");
    Map<String, String> f = form();
    String[] p = submit(f, address(), new MockHttpSession());
    String window = toDeliveredOpinion(p[0], p[1], "2026-03-02");

    today(java.time.LocalDate.parse(window).plusDays(1));
    MockHttpSession session = follow(p, f.get("phone"));
    mvc.perform(get("/portal/track/status").session(session))
        .andExpect(content().string(containsString("期限已过")));
    mvc.perform(post("/portal/track/review").session(session).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("review-window (条例 Art. 35)")))
        .andExpect(content().string(containsString("请求复查的期限已过")));
    assertThat(petitions.findForPetitioner(p[0], p[1]).orElseThrow().state())
        .isEqualTo(PetitionState.REPLIED);
    // and in English
    mvc.perform(post("/portal/track/review").param("lang", "en").session(session).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("The period to ask for review has ended")));
  }

  @Test
  @DisplayName("CSRF: a portal form without the token is refused")
  void csrfRequired() throws Exception {
    mvc.perform(post("/portal/track").param("number", "x").param("code", "y"))
        .andExpect(status().isForbidden());
  }

  private static byte[] png() {
    byte[] b = new byte[64];
    ThreadLocalRandom.current().nextBytes(b);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }
}
