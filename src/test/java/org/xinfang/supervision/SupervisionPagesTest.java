package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import org.xinfang.task.NewTask;
import org.xinfang.task.Tasks;

/**
 * The supervision pages (条例 Arts. 38–40) render for the supervisor and the organ, the forms post
 * their acts, and My work shows the watch's level badges.
 */
class SupervisionPagesTest extends IntegrationTest {

  @Autowired Tasks tasks;
  @Autowired Watch watch;

  @Test
  @DisplayName(
      "条例 Arts. 38, 40: the dashboard, orders and spot-check pages; an order issued and answered"
          + " through the forms; My work badges an overdue duty by its level")
  void pages() throws Exception {
    today("2026-11-16");
    String pid = register(letter("2026-11-16", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    act(pid, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    String number = body(getJson("/api/petitions/" + pid)).get("number").asString();
    tasks.assign(
        new NewTask(
            "TEST",
            "pages",
            null,
            DemoData.CITY_HUMAN_RESOURCES,
            "核实情况",
            "测试",
            LocalDate.parse("2026-11-02")),
        "admin");
    watch.recordToday(WatchJob.SYSTEM);

    String dash = html(page(DemoData.CITY_SUPERVISOR, "/supervision"));
    assertThat(dash).contains("督查预警", "人社局", "二级逾期");
    MvcResult issued =
        mvc.perform(
                post("/supervision/orders")
                    .with(user(DemoData.CITY_SUPERVISOR))
                    .with(csrf())
                    .param("petitionNumber", number)
                    .param("organisationId", DemoData.CITY_HUMAN_RESOURCES)
                    .param("cause", "DELAY")
                    .param("demands", "请于限期内办结并书面反馈。")
                    .param("replyDue", "2026-11-23"))
            .andReturn();
    String location = issued.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/supervision/orders/");
    assertThat(html(page(DemoData.CITY_SUPERVISOR, location))).contains("拖延", "已督办，待反馈");
    assertThat(html(page(DemoData.CITY_SUPERVISOR, "/supervision/orders"))).contains(number);
    // the organ answers on its page
    assertThat(html(page(DemoData.CITY_HANDLER, location))).contains("书面反馈");
    mvc.perform(
        post(location + "/reply")
            .with(user(DemoData.CITY_HANDLER))
            .with(csrf())
            .param("reply", "已办结。"));
    assertThat(html(page(DemoData.CITY_HANDLER, location))).contains("已书面反馈", "已办结。");

    // My work of 人社局: the overdue assigned duty carries its level
    String work = html(page(DemoData.CITY_HANDLER, "/"));
    assertThat(work).contains("badge level LEVEL_2");

    String checks = html(page(DemoData.CITY_SUPERVISOR, "/supervision/spot-checks"));
    assertThat(checks).contains("网上抽查", "抽取");
    MvcResult drawn =
        mvc.perform(
                post("/supervision/spot-checks")
                    .with(user(DemoData.CITY_SUPERVISOR))
                    .with(csrf())
                    .param("from", "2025-01-01")
                    .param("to", "2026-11-16")
                    .param("stratification", "PER_ORGAN")
                    .param("size", "1")
                    .param("seed", "3"))
            .andReturn();
    String check = drawn.getResponse().getRedirectedUrl();
    assertThat(check).startsWith("/supervision/spot-checks/");
    assertThat(html(page(DemoData.CITY_SUPERVISOR, check))).contains("合格率", "随机种子 3");
    // English
    assertThat(html(page(DemoData.CITY_SUPERVISOR, "/supervision?lang=en")))
        .contains("Deadline watch");
    // a missing order is a page, not JSON
    assertThat(
            mvc.perform(get("/supervision/orders/nope").with(user(DemoData.CITY_SUPERVISOR)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  private org.springframework.test.web.servlet.ResultActions page(String who, String url)
      throws Exception {
    return mvc.perform(get(url).with(user(who)));
  }

  private static String html(org.springframework.test.web.servlet.ResultActions r)
      throws Exception {
    return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
