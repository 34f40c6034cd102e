package org.xinfang.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Assigned duties: owed by one organisation, seen within scope, closed once by their owner. */
class TasksTest extends IntegrationTest {

  @Autowired Tasks tasks;

  @Test
  void anAssignedDutyIsOwedSeenAndClosedByItsOrganisation() throws Exception {
    Task t =
        tasks.assign(
            new NewTask(
                "CONFERENCE",
                "decision-1",
                null,
                DemoData.CITY_HUMAN_RESOURCES,
                "落实联席会议决定：十日内约见信访人",
                "联席会议 2026-11-20 决定",
                LocalDate.parse("2026-11-20")),
            ADMIN);
    assertThat(t.open()).isTrue();
    assertThat(t.overdue(LocalDate.parse("2026-11-27"))).isTrue();

    // the owing organisation sees it, on the API and on My work (overdue)
    JsonNode open = body(getAs("dl-handler", DemoData.PASSWORD, "/api/tasks"));
    assertThat(open.findValuesAsString("id")).contains(t.id());
    String page =
        mvc.perform(get("/").with(user("dl-handler")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("落实联席会议决定：十日内约见信访人").contains("overdue");
    // another organisation's user neither lists it nor closes it
    assertThat(
            getAs("zs-handler", DemoData.PASSWORD, "/api/tasks?owedBy=dl-rsj")
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            postJsonAs(
                    "zs-handler",
                    DemoData.PASSWORD,
                    "/api/tasks/" + t.id() + "/complete",
                    Map.of("outcome", "x"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    // the city bureau's supervisor sees its jurisdiction's
    assertThat(
            getAs("dl-supervisor", DemoData.PASSWORD, "/api/tasks?owedBy=dl-rsj")
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    // done once; a second time is refused
    JsonNode done =
        body(
            postJsonAs(
                "dl-handler",
                DemoData.PASSWORD,
                "/api/tasks/" + t.id() + "/complete",
                Map.of("outcome", "已约见信访人并答复")));
    assertThat(done.get("doneOn").asString()).isEqualTo("2026-11-27");
    assertThat(done.get("doneBy").asString()).isEqualTo("dl-handler");
    assertThat(
            postJsonAs(
                    "dl-handler", DemoData.PASSWORD, "/api/tasks/" + t.id() + "/complete", Map.of())
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);
    assertThat(tasks.open(DemoData.CITY_HUMAN_RESOURCES, 500))
        .extracting(Task::id)
        .doesNotContain(t.id());
  }

  @Test
  void aDutyOnAPetitionLetsTheOwingOrganisationReadItButNeverReachesTheAccused() throws Exception {
    String id = register(letter("2026-11-27", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    // 中山区人社局 is no party: its handler cannot read the matter
    assertThat(
            getAs("zs-handler", DemoData.PASSWORD, "/api/petitions/" + id)
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    tasks.assign(
        new NewTask(
            "CONFERENCE", "d-2", id, "zs-rsj", "核实情况并报告", "联席会议决定", LocalDate.parse("2026-12-10")),
        ADMIN);
    // now it owes a duty on it, and reads it
    assertThat(
            getAs("zs-handler", DemoData.PASSWORD, "/api/petitions/" + id)
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);

    Map<String, Object> acc = letter("2026-11-27", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put("accused", java.util.List.of(Map.of("name", "某人", "organisationId", "zs-rsj")));
    String accusation = register(acc).get("id").asString();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                tasks.assign(
                    new NewTask(
                        "CONFERENCE",
                        "d-3",
                        accusation,
                        "zs-rsj",
                        "核查",
                        "决定",
                        LocalDate.parse("2026-12-10")),
                    ADMIN))
        .isInstanceOf(org.xinfang.shared.LawViolation.class)
        .hasMessageContaining("accused");
    assertThat(tasks.forPetition(accusation)).isEmpty();
  }
}
