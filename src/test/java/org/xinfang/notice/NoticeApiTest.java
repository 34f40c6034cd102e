package org.xinfang.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.xinfang.demo.DemoData.CITY_HOUSING;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.PASSWORD;
import static org.xinfang.demo.DemoData.ZHONGSHAN_HANDLER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The written notices (issue 3; NOTICES.md; API.md Notices): every act that requires a notice
 * issues it in its own transaction, numbered and recorded in the history; each PDF carries the
 * organ, 文号, petition number, query code, the article cited and the document's key sentence, in an
 * embedded CJK font; a notice lacking its legal basis stays a draft (条例 Art. 32).
 */
class NoticeApiTest extends IntegrationTest {

  private static final String RSJ = "大连市人力资源和社会保障局";
  private static final String XFJ = "大连市信访局";
  private static final String LN_RST = "辽宁省人力资源和社会保障厅";
  private static final String LN_GOV = "辽宁省人民政府";
  private static final String CITY_GOV = "大连市人民政府";
  private static final String BASIS = "《保障农民工工资支付条例》第三条、第三十条";

  @Autowired NoticeRenderer renderer;
  @Autowired NoticeStore store;

  // ------------------------------------------------------------------ one test per kind

  @Test
  @DisplayName("RECEIPT 受理告知书 (条例 Art. 23): accepted, with the procedure and its 60 days")
  void receipt() throws Exception {
    today("2026-03-01");
    String id = accepted();
    JsonNode petition = petition(id);
    JsonNode n = only(id, "RECEIPT");
    assertIssued(n, "2026-03-01", "大人社信受");
    String text = text(pdf(n));
    assertCommon(text, petition, n, RSJ);
    assertThat(text)
        .contains("信访事项受理告知书", "张三：", "本机关已收悉", "《信访工作条例》第二十三条、第三十一条第六项")
        .contains("予以受理", "60日内", "信访处理意见书", "送达回证", "□同意");
    assertThat(text).contains(cn(due(petition, "CONCLUDE")));
    assertInHistory(id, n);
  }

  @Test
  @DisplayName("DECLINE 不予受理告知书: the reason, the article (Art. 23 para. 1), where to go")
  void decline() throws Exception {
    today("2026-03-01");
    String id = registered(CITY_HUMAN_RESOURCES);
    act(
        id,
        "decline",
        Map.of(
            "ground", "NOT_COMPETENT",
            "detail", "房屋质量问题属于住房和城乡建设部门的职责。",
            "competentOrganisation", CITY_HOUSING));
    JsonNode n = only(id, "DECLINE");
    assertIssued(n, "2026-03-01", "大人社信不受");
    String text = text(pdf(n));
    assertCommon(text, petition(id), n, RSJ);
    assertThat(text)
        .contains("信访事项不予受理告知书", "不属于本机关职权范围", "房屋质量问题属于住房和城乡建设部门的职责。")
        .contains("《信访工作条例》第二十三条第一款", "不予受理", "请你向大连市住房和城乡建设局提出", "特此告知");
    assertInHistory(id, n);
  }

  @Test
  @DisplayName(
      "OPINION, REVIEW_OPINION, RE_REVIEW_OPINION and FINAL_DECLINE: a matter to finality and back")
  void opinionsToFinality() throws Exception {
    today("2026-03-01");
    String id = accepted();
    act(id, "reply", Map.of("outcome", "NOT_SUPPORT", "opinion", "工资已依法结清。", "basis", BASIS));

    // 信访处理意见书 (条例 Arts. 31–32): remedy → 复查 within 30 days one level up (LAW.md §6)
    JsonNode opinion = only(id, "OPINION");
    assertIssued(opinion, "2026-03-01", "大人社信处");
    String text = text(pdf(opinion));
    assertCommon(text, petition(id), opinion, RSJ);
    assertThat(text)
        .contains("信访事项处理意见书", "信访请求", "1.支付拖欠的工资。", "经调查核实，工资已依法结清。")
        .contains(BASIS, "《信访工作条例》第三十一条第六项、第三十二条", "不予支持")
        .contains("自收到本意见书之日起30日内，向" + LN_RST, "书面请求复查", "也可以向" + CITY_GOV)
        .contains("特此答复");

    act(id, "deliver", Map.of());
    act(id, "request-review", Map.of());
    act(id, "review", Map.of("outcome", "UPHOLD", "opinion", "原处理意见事实清楚、依据正确。"));

    // 复查意见书 (条例 Art. 35): the opinion reviewed with its 文号; remedy → 复核 one level up
    JsonNode review = only(id, "REVIEW_OPINION");
    assertIssued(review, "2026-03-01", "辽人社信复查");
    text = text(pdf(review));
    assertCommon(text, petition(id), review, LN_RST);
    assertThat(text)
        .contains("信访事项复查意见书", "复查申请人：张三", "被申请人（原办理机关）：" + RSJ)
        .contains(opinion.get("documentNumber").asString(), "经复查查明", "原处理意见事实清楚、依据正确。")
        .contains(BASIS, "《信访工作条例》第三十五条", "维持" + RSJ + "作出的信访处理意见")
        .contains("自收到本复查意见书之日起30日内，向" + LN_GOV, "书面请求复核", "复核申请书");

    act(id, "deliver", Map.of());
    act(id, "request-re-review", Map.of());
    act(id, "re-review", Map.of("outcome", "UPHOLD", "opinion", "复查意见正确。"));

    // 复核意见书 (条例 Art. 36): both earlier opinions with their 文号; finality, no remedy
    JsonNode reReview = only(id, "RE_REVIEW_OPINION");
    assertIssued(reReview, "2026-03-01", "辽政信复核");
    text = text(pdf(reReview));
    assertCommon(text, petition(id), reReview, LN_GOV);
    assertThat(text)
        .contains("信访事项复核意见书", "复核申请人：张三", "被申请人（复查机关）：" + LN_RST)
        .contains(opinion.get("documentNumber").asString(), review.get("documentNumber").asString())
        .contains("经复核查明", "复查意见正确。", "维持" + LN_RST + "作出的复查意见")
        .contains("本复核意见为最终意见", "《信访工作条例》第三十六条第三款")
        .contains("仍然以同一事实和理由提出投诉请求的，各级党委和政府信访部门和其他机关、单位不再受理");
    assertThat(text).doesNotContain("如对本");

    // the same matter raised again: 不再受理告知书 (条例 Art. 36 para. 3)
    Map<String, Object> again = letter("2026-03-01", CITY_PETITION_BUREAU);
    again.put("repeatOf", id);
    String newId = register(again).get("id").asString();
    act(
        newId,
        "decline",
        Map.of(
            "ground", "FINAL_AFTER_RE_REVIEW",
            "detail", "信访人以同一事实和理由再次提出。",
            "earlierPetition", id));
    JsonNode finalDecline = only(newId, "FINAL_DECLINE");
    assertIssued(finalDecline, "2026-03-01", "大信不再受");
    text = text(pdf(finalDecline));
    assertCommon(text, petition(newId), finalDecline, XFJ);
    assertThat(text)
        .contains("信访事项不再受理告知书", "原信访件编号：" + petition(id).get("number").asString())
        .contains(LN_GOV + "已于2026年3月1日作出复核意见", reReview.get("documentNumber").asString())
        .contains("同一事实和理由", "《信访工作条例》第三十六条第三款", "不再受理");

    for (String kind : List.of("RECEIPT", "OPINION", "REVIEW_OPINION", "RE_REVIEW_OPINION")) {
      assertInHistory(id, only(id, kind));
    }
    assertInHistory(newId, finalDecline);
  }

  @Test
  @DisplayName(
      "条例 Arts. 22–23, 32: text stored with control characters still prints; the notice is owed"
          + " whatever the petitioner wrote")
  void controlCharactersStillPrint() throws Exception {
    today("2026-03-01");
    Map<String, Object> body = letter("2026-03-01", CITY_PETITION_BUREAU);
    body.put("subject", "拖欠工资\u0001\u001F\uFFFE");
    body.put("facts", "铃声\u0007换页\u000C");
    String id = register(body).get("id").asString();
    assertThat(petition(id).get("subject").asString()).isEqualTo("拖欠工资\u0001\u001F\uFFFE");
    act(id, "forward", Map.of("to", CITY_HUMAN_RESOURCES));
    act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    act(id, "reply", Map.of("outcome", "SUPPORT", "opinion", "意见\u0008予以支持", "basis", BASIS));
    for (String kind : List.of("FORWARD", "RECEIPT", "OPINION")) {
      String text = text(pdf(only(id, kind)));
      assertThat(text).as(kind).doesNotContain("\u0001", "\u0007", "\u0008");
    }
    assertThat(text(pdf(only(id, "OPINION")))).contains("意见\uFFFD予以支持");
  }

  @Test
  @DisplayName(
      "FORWARD to a lower petition bureau (条例 Art. 22, 逐级转送): asked to register and route it on,"
          + " not to object; the petitioner told it will be routed on")
  void forwardToALowerBureau() throws Exception {
    today("2026-03-01");
    String id = registered(CITY_PETITION_BUREAU);
    act(id, "forward", Map.of("to", DemoData.ZHONGSHAN_PETITION_BUREAU));
    String text = text(pdf(only(id, "FORWARD")));
    assertThat(text)
        .contains("信访事项转送函", "予以登记", "转送、交办有权处理的机关、单位", "《信访工作条例》第二十二条")
        .contains("将自收到之日起15日内转送有权处理的机关、单位，并告知你去向")
        .doesNotContain("提出异议", "第二十三条第三款");
  }

  @Test
  @DisplayName("FORWARD 转送函 and 转送告知 (条例 Art. 22): the receiving organ and its 5 working days")
  void forward() throws Exception {
    today("2026-03-01");
    String id = registered(CITY_PETITION_BUREAU);
    act(id, "forward", Map.of("to", CITY_HUMAN_RESOURCES));
    JsonNode petition = petition(id);
    JsonNode n = only(id, "FORWARD");
    assertIssued(n, "2026-03-01", "大信转");
    String text = text(pdf(n));
    assertCommon(text, petition, n, XFJ);
    assertThat(text)
        .contains("信访事项转送函", RSJ + "：", "《信访工作条例》第二十二条", "现将该信访事项转送你单位依法处理")
        .contains("5个工作日内", cn(due(petition, "OBJECT")), "提出异议")
        .contains("信访事项转送告知书", "已于2026年3月1日将该事项转送" + RSJ);
    assertInHistory(id, n);
  }

  @Test
  @DisplayName("ASSIGN 交办单 (条例 Art. 22 item 3): the report due date and what it must contain")
  void assign() throws Exception {
    today("2026-03-01");
    String id = registered(CITY_PETITION_BUREAU);
    act(id, "assign", Map.of("to", CITY_HUMAN_RESOURCES, "reportDue", "2026-04-15"));
    JsonNode n = only(id, "ASSIGN");
    assertIssued(n, "2026-03-01", "大信交");
    String text = text(pdf(n));
    assertCommon(text, petition(id), n, XFJ);
    assertThat(text)
        .contains("信访事项交办单", "《信访工作条例》第二十二条第三项", "现将该信访事项交由你单位办理")
        .contains("于2026年4月15日前向本机关报送办结报告", "办结报告应当载明", "5个工作日内")
        .contains("信访事项交办告知书", "交由" + RSJ + "办理");
    assertInHistory(id, n);
  }

  @Test
  @DisplayName("EXTENSION 延期告知书 (条例 Art. 34): the reason, approval, old and new due dates")
  void extension() throws Exception {
    today("2026-03-01");
    String id = accepted();
    String originalDue = due(petition(id), "CONCLUDE");
    act(id, "extend", Map.of("days", 30, "reason", "需调取企业工资台账", "approvedBy", "李四"));
    JsonNode petition = petition(id);
    JsonNode n = only(id, "EXTENSION");
    assertIssued(n, "2026-03-01", "大人社信延");
    String text = text(pdf(n));
    assertCommon(text, petition, n, RSJ);
    assertThat(text)
        .contains("信访事项延期办理告知书", "已于2026年3月1日受理", "原定办理期限至" + cn(originalDue))
        .contains("因需调取企业工资台账", "经本机关负责人（李四）批准", "《信访工作条例》第三十四条")
        .contains("延长30日", "延长后的办理期限至" + cn(due(petition, "CONCLUDE")));
    assertInHistory(id, n);
  }

  @Test
  @DisplayName("DIVERSION 导入告知书 (条例 Art. 31 item 2): the procedure and where to go")
  void diversion() throws Exception {
    today("2026-03-01");
    String id = registered(CITY_HUMAN_RESOURCES);
    act(id, "divert", Map.of("pathway", "ARBITRATION", "guidance", "向大连市劳动人事争议仲裁委员会申请劳动仲裁。"));
    JsonNode n = only(id, "DIVERSION");
    assertIssued(n, "2026-03-01", "大人社信导");
    String text = text(pdf(n));
    assertCommon(text, petition(id), n, RSJ);
    assertThat(text)
        .contains("信访事项导入法定途径告知书", "应当通过仲裁程序解决", "《信访工作条例》第三十一条第二项")
        .contains("向大连市劳动人事争议仲裁委员会申请劳动仲裁。", "法律援助");
    assertInHistory(id, n);
  }

  // ------------------------------------------------------------------ drafts and issue

  @Test
  @DisplayName("条例 Art. 32: a reply without its legal basis is a draft until issued with one")
  void opinionWithoutBasisIsADraft() throws Exception {
    today("2026-03-01");
    String id = accepted();
    JsonNode p = act(id, "reply", Map.of("outcome", "SUPPORT", "opinion", "拖欠工资已责令限期支付。"));
    assertThat(last(p).get("act").asString()).isEqualTo("reply");

    JsonNode draft = only(id, "OPINION");
    assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
    assertThat(draft.get("issuedOn").isNull()).isTrue();
    assertThat(draft.get("documentNumber").isNull()).isTrue();
    assertThat(draft.get("title").asString()).isEqualTo("信访处理意见书");
    ResultActions refused = getJson(draft.get("url").asString());
    assertThat(refused.andReturn().getResponse().getStatus()).isEqualTo(409);
    assertThat(body(refused).get("rule").asString()).isEqualTo("notice-content (条例 Art. 32)");
    assertThat(body(refused).get("detail").asString()).contains("opinion.basis");

    // issuing it still without a basis is refused; by another organisation's handler, forbidden
    String issue = draft.get("url").asString() + "/issue";
    ResultActions again = postJson(issue, Map.of());
    assertThat(again.andReturn().getResponse().getStatus()).isEqualTo(409);
    assertThat(body(again).get("rule").asString()).isEqualTo("notice-content (条例 Art. 32)");
    ResultActions foreign = postJsonAs(ZHONGSHAN_HANDLER, PASSWORD, issue, Map.of("basis", BASIS));
    assertThat(foreign.andReturn().getResponse().getStatus()).isEqualTo(403);

    today("2026-03-03");
    ResultActions issued = postJson(issue, Map.of("basis", BASIS));
    assertThat(issued.andReturn().getResponse().getStatus()).isEqualTo(200);
    JsonNode n = body(issued);
    assertIssued(n, "2026-03-03", "大人社信处");
    assertThat(only(id, "OPINION").get("status").asString()).isEqualTo("ISSUED");
    JsonNode history = petition(id).get("history");
    JsonNode event = history.get(history.size() - 1);
    assertThat(event.get("act").asString()).isEqualTo("issue-notice");
    assertThat(event.get("on").asString()).isEqualTo("2026-03-03");
    assertThat(event.get("details").get("noticeId").asString()).isEqualTo(n.get("id").asString());
    String text = text(pdf(n));
    assertThat(text).contains(BASIS, "予以支持", "2026年3月3日", n.get("documentNumber").asString());

    // an issued notice is final
    assertThat(postJson(issue, Map.of("basis", "x")).andReturn().getResponse().getStatus())
        .isEqualTo(409);
  }

  @Test
  @DisplayName("a varied review states its own basis: a draft, completed on issue")
  void variedReviewNeedsItsOwnBasis() throws Exception {
    today("2026-03-01");
    String id = accepted();
    act(id, "reply", Map.of("outcome", "NOT_SUPPORT", "opinion", "工资已结清。", "basis", BASIS));
    act(id, "deliver", Map.of());
    act(id, "request-review", Map.of());
    act(
        id,
        "review",
        Map.of("outcome", "VARY", "variedOutcome", "SUPPORT", "opinion", "原处理意见认定事实不清，应予变更。"));
    JsonNode draft = only(id, "REVIEW_OPINION");
    assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
    JsonNode n =
        body(postJson(draft.get("url").asString() + "/issue", Map.of("basis", "《劳动合同法》第三十条")));
    assertIssued(n, "2026-03-01", "辽人社信复查");
    assertThat(text(pdf(n))).contains("《劳动合同法》第三十条", "变更" + RSJ + "作出的信访处理意见，对信访人的请求予以支持");
  }

  // ------------------------------------------------------------------ numbers, history, scope

  @Test
  @DisplayName("document numbers: 大信转〔2026〕N号, one serial per organ, type and year")
  void documentNumbersIncrement() throws Exception {
    today("2026-03-01");
    String first = registered(CITY_PETITION_BUREAU);
    act(first, "forward", Map.of("to", CITY_HUMAN_RESOURCES));
    String second = registered(CITY_PETITION_BUREAU);
    act(second, "forward", Map.of("to", CITY_HOUSING));
    int a = serial(only(first, "FORWARD").get("documentNumber").asString(), "大信转", 2026);
    int b = serial(only(second, "FORWARD").get("documentNumber").asString(), "大信转", 2026);
    assertThat(b).isEqualTo(a + 1);

    // another type of the same organ counts on its own; so does another year
    String third = registered(CITY_PETITION_BUREAU);
    act(third, "assign", Map.of("to", CITY_HUMAN_RESOURCES, "reportDue", "2026-04-15"));
    int c = serial(only(third, "ASSIGN").get("documentNumber").asString(), "大信交", 2026);
    String fourth = registered(CITY_PETITION_BUREAU);
    act(fourth, "assign", Map.of("to", CITY_HUMAN_RESOURCES, "reportDue", "2026-04-20"));
    assertThat(serial(only(fourth, "ASSIGN").get("documentNumber").asString(), "大信交", 2026))
        .isEqualTo(c + 1);
    today("2027-01-04");
    String nextYear = register(letter("2027-01-04", CITY_PETITION_BUREAU)).get("id").asString();
    act(nextYear, "forward", Map.of("to", CITY_HUMAN_RESOURCES));
    String number = only(nextYear, "FORWARD").get("documentNumber").asString();
    assertThat(number).matches("大信转〔2027〕[1-9]\\d*号");
  }

  @Test
  @DisplayName("the history records an issue-notice act for each issued notice, none for drafts")
  void historyRecordsEachIssuedNotice() throws Exception {
    today("2026-03-01");
    String id = accepted();
    act(id, "extend", Map.of("days", 20, "reason", "需要补充调查"));
    act(id, "reply", Map.of("outcome", "EXPLAIN", "opinion", "已作解释。"));
    JsonNode p = petition(id);
    List<String> acts = new ArrayList<>();
    for (JsonNode e : p.get("history")) {
      acts.add(e.get("act").asString());
    }
    assertThat(acts)
        .containsExactly("register", "accept", "issue-notice", "extend", "issue-notice", "reply");
    JsonNode list = notices(id);
    assertThat(list).hasSize(3);
    assertThat(list.get(0).get("kind").asString()).isEqualTo("RECEIPT");
    assertThat(list.get(1).get("kind").asString()).isEqualTo("EXTENSION");
    assertThat(list.get(2).get("kind").asString()).isEqualTo("OPINION");
    assertThat(list.get(2).get("status").asString()).isEqualTo("DRAFT");
    // titles in the user's language (?lang=en switches, API.md Web)
    JsonNode english = body(getJson("/api/petitions/" + id + "/notices?lang=en"));
    assertThat(english.get(0).get("title").asString()).isEqualTo("Notice of acceptance");
    assertThat(list.get(0).get("title").asString()).isEqualTo("受理告知书");
    JsonNode receiptEvent = p.get("history").get(2);
    assertThat(receiptEvent.get("article").asString()).isNotBlank();
    assertThat(receiptEvent.get("details").get("kind").asString()).isEqualTo("RECEIPT");
    assertThat(receiptEvent.get("details").get("documentNumber").asString())
        .isEqualTo(list.get(0).get("documentNumber").asString());
  }

  @Test
  @DisplayName("条例 Art. 23 para. 2: a petitioner without name or address is owed no receipt")
  void anonymousGetsNoReceipt() throws Exception {
    today("2026-03-01");
    Map<String, Object> letter = letter("2026-03-01", CITY_HUMAN_RESOURCES);
    letter.put("petitioners", List.of(Map.of("phone", "13900000000")));
    JsonNode p = register(letter);
    assertThat(p.get("noticeOwed").asBoolean()).isFalse();
    String id = p.get("id").asString();
    p = act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    assertThat(notices(id)).isEmpty();
    for (JsonNode e : p.get("history")) {
      assertThat(e.get("act").asString()).isNotEqualTo("issue-notice");
    }
  }

  @Test
  @DisplayName("unknown notices, notices of another petition and unknown petitions answer 404")
  void unknownAndForeignNotices() throws Exception {
    today("2026-03-01");
    String id = accepted();
    String other = registered(CITY_HUMAN_RESOURCES);
    String noticeId = only(id, "RECEIPT").get("id").asString();
    assertThat(status(getJson("/api/petitions/" + id + "/notices/no-such-notice"))).isEqualTo(404);
    assertThat(status(getJson("/api/petitions/" + other + "/notices/" + noticeId))).isEqualTo(404);
    assertThat(status(getJson("/api/petitions/no-such-petition/notices"))).isEqualTo(404);
    assertThat(status(getJson("/api/petitions/no-such-petition/notices/" + noticeId)))
        .isEqualTo(404);
    assertThat(
            status(postJson("/api/petitions/" + other + "/notices/" + noticeId + "/issue", "{}")))
        .isEqualTo(404);
    assertThat(notices(other)).isEmpty();
  }

  @Test
  @DisplayName("a PDF is A4, rendered once and kept: the same bytes on every request and render")
  void pdfIsKeptAndDeterministic() throws Exception {
    today("2026-03-01");
    String id = accepted();
    JsonNode n = only(id, "RECEIPT");
    byte[] first = pdf(n);
    byte[] second = pdf(n);
    assertThat(second).isEqualTo(first);
    NoticeStore.Row row = store.find(n.get("id").asString()).orElseThrow();
    NoticeContent content = json.readValue(row.content(), NoticeContent.class);
    assertThat(renderer.pdf(content)).isEqualTo(first);
    try (PDDocument doc = Loader.loadPDF(first)) {
      PDRectangle size = doc.getPage(0).getMediaBox();
      assertThat(size.getWidth())
          .isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
      assertThat(size.getHeight())
          .isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2); // the 送达回证 on its own page
      assertThat(doc.getDocumentInformation().getTitle())
          .contains(n.get("documentNumber").asString());
    }
  }

  @Test
  @DisplayName("the workbench downloads a notice at /petitions/{id}/notices/{noticeId}.pdf")
  void webDownload() throws Exception {
    today("2026-03-01");
    String id = accepted();
    JsonNode n = only(id, "RECEIPT");
    String url = "/petitions/" + id + "/notices/" + n.get("id").asString() + ".pdf";
    MvcResult r = mvc.perform(get(url).with(user("dl-handler").roles("HANDLER"))).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
    assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("inline");
    assertThat(new String(r.getResponse().getContentAsByteArray(), 0, 4)).isEqualTo("%PDF");
    int anonymous = mvc.perform(get(url)).andReturn().getResponse().getStatus();
    assertThat(anonymous).isBetween(300, 399); // to the sign-in page
  }

  // ------------------------------------------------------------------ helpers

  /** A letter from 张三 registered at an organ; returns the petition id. */
  private String registered(String organ) throws Exception {
    return register(letter("2026-03-01", organ)).get("id").asString();
  }

  /** A letter received directly by 大连市人社局 and accepted on pathway 6. */
  private String accepted() throws Exception {
    String id = registered(CITY_HUMAN_RESOURCES);
    act(id, "accept", Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    return id;
  }

  private JsonNode petition(String id) throws Exception {
    return body(getJson("/api/petitions/" + id));
  }

  private JsonNode notices(String id) throws Exception {
    ResultActions r = getJson("/api/petitions/" + id + "/notices");
    assertThat(status(r)).isEqualTo(200);
    return body(r);
  }

  /** The one notice of a kind on a petition. */
  private JsonNode only(String id, String kind) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode n : notices(id)) {
      if (kind.equals(n.get("kind").asString())) {
        found.add(n);
      }
    }
    assertThat(found).as("%s notices on %s", kind, id).hasSize(1);
    JsonNode n = found.get(0);
    assertThat(n.get("url").asString())
        .isEqualTo("/api/petitions/" + id + "/notices/" + n.get("id").asString());
    return n;
  }

  private static void assertIssued(JsonNode n, String on, String codes) {
    assertThat(n.get("status").asString()).isEqualTo("ISSUED");
    assertThat(n.get("issuedOn").asString()).isEqualTo(on);
    // NOTICES.md: organ code + type code + 〔year〕 + serial + 号; no 第, no zero padding
    assertThat(n.get("documentNumber").asString())
        .matches(Pattern.quote(codes) + "〔" + on.substring(0, 4) + "〕[1-9]\\d*号");
  }

  /** The PDF of a notice through its API url. */
  private byte[] pdf(JsonNode n) throws Exception {
    MvcResult r = getJson(n.get("url").asString()).andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
    byte[] bytes = r.getResponse().getContentAsByteArray();
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    return bytes;
  }

  /**
   * The text of a PDF, whitespace removed (lines wrap anywhere in Chinese); every font on every
   * page embedded, and the CJK one among them.
   */
  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).anyMatch(f -> f.contains("WenQuanYiMicroHei"));
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
  }

  /** What every notice prints: organ, 文号, petition number, query code and how to use it. */
  private static void assertCommon(String text, JsonNode petition, JsonNode n, String organ) {
    assertThat(text)
        .contains(organ, organ + "（印）", n.get("documentNumber").asString())
        .contains(petition.get("number").asString(), petition.get("queryCode").asString())
        .contains("/portal", "查询码", "送达回证", "2026年3月1日");
  }

  /** The history has the issue-notice act of this notice. */
  private void assertInHistory(String id, JsonNode n) throws Exception {
    boolean found = false;
    for (JsonNode e : petition(id).get("history")) {
      if ("issue-notice".equals(e.get("act").asString())
          && n.get("id").asString().equals(e.get("details").get("noticeId").asString())) {
        assertThat(e.get("details").get("documentNumber").asString())
            .isEqualTo(n.get("documentNumber").asString());
        assertThat(e.get("details").get("kind").asString()).isEqualTo(n.get("kind").asString());
        found = true;
      }
    }
    assertThat(found).as("issue-notice of %s in the history", n.get("kind")).isTrue();
  }

  private static int serial(String number, String codes, int year) {
    Matcher m =
        Pattern.compile(Pattern.quote(codes) + "〔" + year + "〕([1-9]\\d*)号").matcher(number);
    assertThat(m.matches()).as(number).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** 2026-04-30 → 2026年4月30日. */
  private static String cn(String isoDate) {
    assertThat(isoDate).isNotNull();
    java.time.LocalDate d = java.time.LocalDate.parse(isoDate);
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static JsonNode last(JsonNode petition) {
    JsonNode history = petition.get("history");
    return history.get(history.size() - 1);
  }

  private static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }
}
