package org.xinfang.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.demo.DemoData;
import org.xinfang.support.TestClock;
import tools.jackson.databind.JsonNode;

/** The workbench pages as clerks and handlers use them: behaviour, not markup. */
class WorkbenchPagesTest extends WorkbenchTestSupport {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** Every act the lifecycle knows (docs/lifecycle.md). */
  private static final List<String> ALL_ACTS =
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

  /**
   * The acts a registrar (登记员) may do for their organisation (API.md Users): intake and the acts a
   * petitioner does through staff; accepting, declining and answering need a handler or leader.
   */
  private static final Set<String> REGISTRAR_ACTS =
      Set.of(
          "forward",
          "assign",
          "decide-objection",
          "link-repeat",
          "flag-major",
          "report-major",
          "request-review",
          "request-re-review",
          "rate",
          "follow-up",
          "resolve");

  @Autowired WorkingCalendar calendar;

  private static List<String> allowedActs(JsonNode petition) {
    List<String> allowed = new ArrayList<>();
    petition.get("allowedActs").forEach(a -> allowed.add(a.asString()));
    return allowed;
  }

  /**
   * The petition page as {@code who} sees it offers a form for exactly the {@code expected} acts
   * (the acts allowed now that this user may do), and for no other act of the lifecycle.
   */
  private String assertOffers(String who, String url, List<String> expected) throws Exception {
    String page = html(page(who, url).andExpect(status().isOk()));
    assertThat(ALL_ACTS).containsAll(expected);
    for (String act : ALL_ACTS) {
      if (expected.contains(act)) {
        assertThat(page).as("%s sees %s", who, act).contains("id=\"act-" + act + "\"");
      } else {
        assertThat(page)
            .as("%s does not see %s", who, act)
            .doesNotContain("id=\"act-" + act + "\"");
      }
    }
    return page;
  }

  // ------------------------------------------------------------------ my work

  @Test
  void myWorkListsTheBureausRouteDutiesSoonestFirstWithWorkingDaysLeft() throws Exception {
    String region = "2199" + String.format("%02d", (int) (Math.random() * 100));
    Map<String, Object> later =
        letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU);
    later.put("regionCode", region);
    later.put("subject", unique("后到期"));
    Map<String, Object> sooner = letter("2026-11-20", DemoData.CITY_PETITION_BUREAU);
    sooner.put("regionCode", region);
    sooner.put("subject", unique("先到期"));
    JsonNode laterP = register(later);
    JsonNode soonerP = register(sooner);

    String page = html(page(CLERK, "/?region=" + region).andExpect(status().isOk()));

    String laterNumber = laterP.get("number").asString();
    String soonerNumber = soonerP.get("number").asString();
    assertThat(page).contains(laterNumber, soonerNumber, "登记转送交办");
    assertThat(page.indexOf(soonerNumber))
        .as("soonest due first")
        .isLessThan(page.indexOf(laterNumber));
    LocalDate due = LocalDate.parse(due(laterP, "ROUTE"));
    assertThat(page)
        .contains(due.toString())
        .contains("<span class=\"num\">" + workingDaysUntil(due) + "</span>");
  }

  @Test
  void myWorkMarksOverdueDuties() throws Exception {
    String region = "2198" + String.format("%02d", (int) (Math.random() * 100));
    Map<String, Object> old = letter("2026-10-01", DemoData.CITY_PETITION_BUREAU);
    old.put("regionCode", region);
    String number = register(old).get("number").asString();

    String page = html(page(CLERK, "/?region=" + region + "&duty=ROUTE"));

    assertThat(page).contains(number).contains("class=\"overdue\"").contains("已逾期");
  }

  @Test
  void theAdministratorPicksTheOrganisationWhoseWorkToSee() throws Exception {
    String region = "2197" + String.format("%02d", (int) (Math.random() * 100));
    Map<String, Object> body =
        letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU);
    body.put("regionCode", region);
    String number = register(body).get("number").asString();

    String page = html(page(ADMIN, "/?org=" + DemoData.CITY_PETITION_BUREAU + "&region=" + region));

    assertThat(page).contains("name=\"org\"").contains(number);
  }

  // ------------------------------------------------------------------ registration desk

  @Test
  void theDeskRegistersALetterAndShowsNumberQueryCodeAndFirstDuty() throws Exception {
    String subject = unique("来信登记");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("channel", "LETTER");
    form.put("receivedOn", TestClock.DEFAULT_TODAY.toString());
    form.put("petitioners[0].name", "李四");
    form.put("petitioners[0].phone", uniquePhone());
    form.put("petitioners[0].address", "大连市西岗区胜利路2号");
    form.put("subject", subject);
    form.put("facts", "小区供暖不达标。");
    form.put("request", "请求维修供暖设施。");
    form.put("category", "GRIEVANCE");
    form.put("letter.postmarkDate", "2026-11-25");
    form.put("letter.pages", "3");

    ResultActions saved = submit(CLERK, "/register", form).andExpect(status().is3xxRedirection());
    String location = saved.andReturn().getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/register/done/");
    String id = location.substring("/register/done/".length());
    JsonNode p = body(getJson("/api/petitions/" + id));

    String done = html(page(CLERK, location).andExpect(status().isOk()));

    assertThat(done)
        .contains(p.get("number").asString())
        .contains(p.get("queryCode").asString())
        .contains("登记转送交办")
        .contains(due(p, "ROUTE"));
    assertThat(p.get("channel").asString()).isEqualTo("LETTER");
    assertThat(p.get("receivedBy").asString()).isEqualTo(DemoData.CITY_PETITION_BUREAU);
    assertThat(p.get("intake").get("letter").get("pages").asInt()).isEqualTo(3);
  }

  @Test
  void theDeskListsEarlierPetitionsOfTheSameCitizen() throws Exception {
    String phone = uniquePhone();
    Map<String, Object> earlierBody =
        letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU);
    earlierBody.put("petitioners", List.of(Map.of("name", "韩梅", "phone", phone, "address", "大连市")));
    String earlier = register(earlierBody).get("number").asString();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("channel", "LETTER");
    form.put("receivedOn", TestClock.DEFAULT_TODAY.toString());
    form.put("petitioners[0].name", "韩梅");
    form.put("petitioners[0].phone", phone);
    form.put("subject", unique("再次来信"));
    String location =
        submit(CLERK, "/register", form)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String done = html(page(CLERK, location).andExpect(status().isOk()));
    assertThat(done).contains("同一信访人的在先信访事项").contains(earlier);
  }

  @Test
  void aVisitWithSixRepresentativesComesBackWithArticle20AndEverythingTyped() throws Exception {
    String subject = unique("集体走访");
    Map<String, String> form = visitWithSixRepresentatives(subject);

    String page = html(submit(CLERK, "/register", form).andExpect(status().isConflict()));

    assertThat(page)
        .contains("代表人数不得超过5人")
        .contains("条例第20条第3款")
        .contains("value=\"" + subject + "\"")
        .contains("value=\"王五\"")
        .contains("value=\"赵六\"")
        .contains("value=\"6\"")
        .contains("value=\"12\"")
        .contains("群众反映征地补偿标准过低。");
    assertThat(html(page(CLERK, "/search?text=" + subject))).contains("没有找到");
  }

  @Test
  void theRefusalSpeaksEnglishOnTheEnglishPage() throws Exception {
    Map<String, String> form = visitWithSixRepresentatives(unique("visit"));
    form.put("lang", "en");

    String page = html(submit(CLERK, "/register", form).andExpect(status().isConflict()));

    assertThat(page).contains("at most 5").contains("Regulations Art. 20 para. 3");
  }

  @Test
  void malformedFieldsAreMarkedAndNothingTypedIsLost() throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("channel", "PHONE");
    form.put("receivedOn", "2026-02-30x");
    form.put("petitioners[0].name", "钱七");
    form.put("persons", "two");
    form.put("subject", "来电反映噪声扰民");
    form.put("phone.callerNumber", "0411-88888888");
    form.put("phone.callTime", "25:99");

    String page = html(submit(CLERK, "/register", form).andExpect(status().isBadRequest()));

    assertThat(page)
        .contains("请按 yyyy-MM-dd 格式填写日期")
        .contains("请填写整数")
        .contains("请按 HH:mm 格式填写时间")
        .contains("value=\"2026-02-30x\"")
        .contains("value=\"two\"")
        .contains("value=\"钱七\"")
        .contains("value=\"0411-88888888\"");
  }

  @Test
  void withoutJavaScriptTheAddButtonBringsAnotherPetitionerRow() throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("channel", "LETTER");
    form.put("petitioners[0].name", "孙八");
    form.put("addPetitioner", "1");

    String page = html(submit(CLERK, "/register", form).andExpect(status().isOk()));

    assertThat(page).contains("value=\"孙八\"").contains("name=\"petitioners[1].name\"");
  }

  // ------------------------------------------------------------------ petition page

  @Test
  void thePetitionPageOffersOnlyTheActsAllowedNow() throws Exception {
    JsonNode p =
        register(letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU));
    String id = p.get("id").asString();
    String url = "/petitions/" + id;
    List<String> allowed = allowedActs(p);
    assertThat(allowed).contains("forward", "accept").doesNotContain("reply", "review");

    // held by the bureau: the bootstrap admin may do every act allowed now
    assertOffers(ADMIN, url, allowed);
    // the bureau's registrar only the intake acts — never accept or decline, which need a handler
    List<String> clerks = allowed.stream().filter(REGISTRAR_ACTS::contains).toList();
    assertThat(clerks).contains("forward", "assign").doesNotContain("accept", "decline");
    String clerkPage = assertOffers(CLERK, url, clerks);
    assertThat(clerkPage).contains("登记").contains(p.get("number").asString());
    // a handler of another organisation does not even see it (issue 4: data scope)
    page(HANDLER, url).andExpect(status().isForbidden());

    // forwarded to 大连市人社局: its handler may do every act allowed now, the bureau's clerk none
    JsonNode forwarded = act(id, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    allowed = allowedActs(forwarded);
    assertThat(allowed).contains("accept", "decline", "object").doesNotContain("forward");
    assertOffers(HANDLER, url, allowed);
    assertOffers(CLERK, url, List.of());
    assertOffers(ADMIN, url, allowed);

    // accepted: the handler answers (reply); the clerk never sees the form
    JsonNode accepted =
        act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    allowed = allowedActs(accepted);
    assertThat(allowed).contains("reply", "extend").doesNotContain("accept");
    assertOffers(HANDLER, url, allowed);
    assertOffers(CLERK, url, List.of());
  }

  @Test
  void forwardingAndAcceptingThroughTheFormsMoveThePetitionOn() throws Exception {
    String id =
        register(letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU))
            .get("id")
            .asString();

    submit(CLERK, "/petitions/" + id + "/acts/forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES))
        .andExpect(status().is3xxRedirection());
    assertThat(body(getJson("/api/petitions/" + id)).get("state").asString())
        .isEqualTo("FORWARDED");

    String handlerPage = html(page(HANDLER, "/petitions/" + id));
    assertThat(handlerPage).contains("id=\"act-accept\"").doesNotContain("id=\"act-forward\"");

    submit(
            HANDLER,
            "/petitions/" + id + "/acts/accept",
            Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"))
        .andExpect(status().is3xxRedirection());
    JsonNode accepted = body(getJson("/api/petitions/" + id));
    assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("pathway").asString()).isEqualTo("PETITION_HANDLING");

    String timeline = html(page(HANDLER, "/petitions/" + id));
    assertThat(timeline).contains("转送").contains("受理").contains("dl-handler");
  }

  @Test
  void aRefusedActComesBackWithTheRuleAndTheValuesTyped() throws Exception {
    String id =
        register(letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU))
            .get("id")
            .asString();

    String refused =
        html(
            submit(
                    CLERK,
                    "/petitions/" + id + "/acts/forward",
                    Map.of("to", DemoData.CITY_PETITION_BUREAU, "on", "2026-11-27"))
                .andExpect(status().isConflict()));
    assertThat(refused)
        .contains("转送、交办的对象应当是其他机关")
        .contains("条例第22条")
        .contains("value=\"" + DemoData.CITY_PETITION_BUREAU + "\" selected")
        .contains("value=\"2026-11-27\"");

    assertThat(body(getJson("/api/petitions/" + id)).get("state").asString())
        .isEqualTo("REGISTERED");

    // a decline needs a handler of the holding organisation: forwarded to 大连市人社局, its handler
    // sends the form without the required ground
    act(id, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    String invalid =
        html(
            submit(HANDLER, "/petitions/" + id + "/acts/decline", Map.of("detail", "不属于本机关职权"))
                .andExpect(status().isBadRequest()));
    assertThat(invalid).contains("id=\"act-decline\"").contains("此项必填").contains("不属于本机关职权");
    assertThat(body(getJson("/api/petitions/" + id)).get("state").asString())
        .isEqualTo("FORWARDED");
  }

  @Test
  void personalDataIsMaskedUntilRevealedByPost() throws Exception {
    String phone = uniquePhone();
    Map<String, Object> body =
        letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU);
    body.put(
        "petitioners",
        List.of(
            Map.of(
                "name", "张三丰",
                "phone", phone,
                "idNumber", "210202199001011232",
                "address", "大连市中山区友好街1号")));
    String id = register(body).get("id").asString();

    String masked = html(page(CLERK, "/petitions/" + id));
    assertThat(masked)
        .contains("张**")
        .contains(phone.substring(0, 3) + "****" + phone.substring(7))
        .contains("210202********1232")
        .doesNotContain(phone)
        .doesNotContain("张三丰")
        .doesNotContain("友好街1号");

    String revealed =
        html(submit(CLERK, "/petitions/" + id + "/reveal", Map.of()).andExpect(status().isOk()));
    assertThat(revealed).contains("张三丰").contains(phone).contains("210202199001011232");
    // the reveal is recorded: who, when, which petition
    assertThat(
            jdbc.sql(
                    "select count(*) from personal_data_reveal where petition_id = :p"
                        + " and username = 'dl-clerk' and channel = 'web'")
                .param("p", id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ search

  @Test
  void searchFindsAPetitionByNumberAndByPhone() throws Exception {
    String phone = uniquePhone();
    Map<String, Object> body =
        letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU);
    body.put("petitioners", List.of(Map.of("name", "周九", "phone", phone, "address", "大连市")));
    String number = register(body).get("number").asString();

    String byNumber = html(page(CLERK, "/search?number=" + number).andExpect(status().isOk()));
    assertThat(byNumber).contains(number).contains("周*").doesNotContain("周九");

    String byPhone = html(page(CLERK, "/search?phone=" + phone));
    assertThat(byPhone).contains(number);

    String badDate = html(page(CLERK, "/search?from=yesterday").andExpect(status().isBadRequest()));
    assertThat(badDate).contains("value=\"yesterday\"").contains("yyyy-MM-dd");
  }

  // ------------------------------------------------------------------ English

  @Test
  void theEnglishPagesHaveNoChineseLeftoversInTheirLabels() throws Exception {
    String work = html(page(CLERK, "/?lang=en"));
    assertThat(work)
        .contains(">My work<", ">Register<", ">Search<", ">Sign out<", "Working days left")
        .doesNotContain(">我的工作<", ">登记<", ">查询<", ">退出<", "剩余工作日");

    String desk = html(page(CLERK, "/register?lang=en"));
    assertThat(desk)
        .contains("Register a petition", "Petitioner 1", ">Letter<", "Save the registration")
        .doesNotContain("信访人 1", ">来信<", "保存登记", "请选择");

    String id =
        register(letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU))
            .get("id")
            .asString();
    String petition = html(page(CLERK, "/petitions/" + id + "?lang=en"));
    assertThat(petition)
        .contains(">Forward<", "Timeline", "Register and route", "Show full personal data")
        .doesNotContain(">转送<", "办理记录", "登记转送交办", "显示完整个人信息");
  }

  // ------------------------------------------------------------------ helpers

  private Map<String, String> visitWithSixRepresentatives(String subject) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("channel", "VISIT");
    form.put("receivedOn", TestClock.DEFAULT_TODAY.toString());
    form.put("petitioners[0].name", "王五");
    form.put("petitioners[0].phone", uniquePhone());
    form.put("petitioners[0].address", "大连市甘井子区");
    form.put("representatives", "6");
    form.put("persons", "12");
    form.put("visit.receivingOfficer", "赵六");
    form.put("visit.receptionTime", "09:30");
    form.put("subject", subject);
    form.put("facts", "群众反映征地补偿标准过低。");
    return form;
  }

  private int workingDaysUntil(LocalDate due) {
    int n = 0;
    for (LocalDate d = TestClock.DEFAULT_TODAY.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  @SuppressWarnings("unused")
  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
