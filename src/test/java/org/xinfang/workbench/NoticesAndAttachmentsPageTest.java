package org.xinfang.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.TestClock;
import tools.jackson.databind.JsonNode;

/** The notices and the scans of a petition on the workbench pages. */
class NoticesAndAttachmentsPageTest extends WorkbenchTestSupport {

  private static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void issuedNoticesAreListedWithTheirPdfAndADraftIsCompletedOnThePage() throws Exception {
    String id =
        register(letter(TestClock.DEFAULT_TODAY.toString(), DemoData.CITY_PETITION_BUREAU))
            .get("id")
            .asString();
    submit(CLERK, "/petitions/" + id + "/acts/forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES))
        .andExpect(status().is3xxRedirection());
    submit(
            HANDLER,
            "/petitions/" + id + "/acts/accept",
            Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"))
        .andExpect(status().is3xxRedirection());

    String accepted = html(page(HANDLER, "/petitions/" + id));
    assertThat(accepted)
        .contains("受理告知书")
        .containsPattern("/petitions/" + id + "/notices/[^\"]+\\.pdf");

    submit(
            HANDLER,
            "/petitions/" + id + "/acts/reply",
            Map.of("outcome", "SUPPORT", "opinion", "经调查核实，责令公司支付拖欠工资。"))
        .andExpect(status().is3xxRedirection());
    String draftId = null;
    for (JsonNode n : body(getJson("/api/petitions/" + id + "/notices"))) {
      if ("DRAFT".equals(n.get("status").asString())) {
        draftId = n.get("id").asString();
      }
    }
    assertThat(draftId).as("an opinion without its legal basis stays a draft").isNotNull();
    String withDraft = html(page(HANDLER, "/petitions/" + id));
    assertThat(withDraft).contains("/petitions/" + id + "/notices/" + draftId + "/issue");

    String noBasis =
        html(
            submit(HANDLER, "/petitions/" + id + "/notices/" + draftId + "/issue", Map.of())
                .andExpect(status().isBadRequest()));
    assertThat(noBasis).contains("请填写法律依据");

    submit(
            HANDLER,
            "/petitions/" + id + "/notices/" + draftId + "/issue",
            Map.of("basis", "《劳动合同法》第三十条"))
        .andExpect(status().is3xxRedirection());
    String issued = html(page(HANDLER, "/petitions/" + id));
    assertThat(issued)
        .contains("信访处理意见书")
        .contains("/petitions/" + id + "/notices/" + draftId + ".pdf");
  }

  @Test
  void aLetterIsRegisteredWithItsScanAndThePageListsIt() throws Exception {
    String subject = unique("扫描来信");
    ResultActions saved =
        mvc.perform(
            multipart("/register")
                .file(new MockMultipartFile("files", "来信扫描.pdf", "application/pdf", PDF))
                .param("channel", "LETTER")
                .param("receivedOn", TestClock.DEFAULT_TODAY.toString())
                .param("petitioners[0].name", "吴十")
                .param("subject", subject)
                .with(user(CLERK))
                .with(csrf()));
    String location =
        saved.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    String id = location.substring("/register/done/".length());

    String page = html(page(CLERK, "/petitions/" + id));

    assertThat(page).contains("来信扫描.pdf").contains("/petitions/" + id + "/attachments/");
  }

  @Test
  void aFileThatIsNotAScanIsRefusedAndNothingIsRegistered() throws Exception {
    String subject = unique("坏附件");
    String page =
        html(
            mvc.perform(
                    multipart("/register")
                        .file(
                            new MockMultipartFile(
                                "files", "letter.pdf", "application/pdf", "hello".getBytes()))
                        .param("channel", "LETTER")
                        .param("receivedOn", TestClock.DEFAULT_TODAY.toString())
                        .param("petitioners[0].name", "郑十一")
                        .param("subject", subject)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isBadRequest()));

    assertThat(page)
        .contains("letter.pdf")
        .contains("不是 PDF 或图片")
        .contains("value=\"" + subject + "\"")
        .contains("请重新选择");
    assertThat(html(page(CLERK, "/search?text=" + subject))).contains("没有找到");
  }
}
