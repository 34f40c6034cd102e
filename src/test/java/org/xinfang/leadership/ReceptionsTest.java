package org.xinfang.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The leaders' reception duty (领导接访 / 下访, 条例 Art. 7): roster, records, missed days. */
class ReceptionsTest extends IntegrationTest {

  static final String PW = DemoData.PASSWORD;
  static final String LEADER = DemoData.CITY_LEADER;

  @Autowired Receptions receptions;

  JsonNode ok(ResultActions r) throws Exception {
    int s = r.andReturn().getResponse().getStatus();
    JsonNode node = body(r);
    assertThat(s).as("%s", node).isBetween(200, 201);
    return node;
  }

  static int status(ResultActions r) {
    return r.andReturn().getResponse().getStatus();
  }

  String schedule(String date, String place) throws Exception {
    return ok(postJsonAs(LEADER, PW, "/api/receptions", Map.of("date", date, "place", place)))
        .get("id")
        .asString();
  }

  @Test
  @DisplayName("条例 Art. 7 领导接访: a roster, a reception recorded once on its day, a missed day")
  void rosterRecordMissed() throws Exception {
    today("2026-11-27");
    String held = schedule("2026-11-16", "大连市人民来访接待中心");
    String missed = schedule("2026-11-18", "大连市人民来访接待中心");
    String coming = schedule("2026-12-02", "大连市人民来访接待中心");
    JsonNode entry = ok(getAs(LEADER, PW, "/api/receptions/" + held));
    assertThat(entry.get("leader").asString()).isEqualTo(LEADER);
    assertThat(entry.get("organisationId").asString()).isEqualTo(DemoData.CITY_GOVERNMENT);
    assertThat(entry.get("kind").asString()).isEqualTo("RECEPTION");
    assertThat(entry.get("status").asString()).isEqualTo("MISSED");

    String petition =
        register(letter("2026-11-16", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    JsonNode rec =
        ok(
            postJsonAs(
                LEADER,
                PW,
                "/api/receptions/" + held + "/record",
                Map.of(
                    "visitors",
                    3,
                    "names",
                    "张三、李四",
                    "notes",
                    "接待欠薪群众，当场登记一件",
                    "petitions",
                    List.of(Map.of("petitionId", petition, "outcome", "REGISTERED")))));
    assertThat(rec.get("status").asString()).isEqualTo("HELD");
    assertThat(rec.get("record").get("visitors").asInt()).isEqualTo(3);
    assertThat(rec.get("record").get("names").asString()).isEqualTo("张*、李*");
    assertThat(rec.get("record").get("petitions").get(0).get("petitionId").asString())
        .isEqualTo(petition);
    assertThat(rec.get("history").get(1).get("act").asString()).isEqualTo("record");
    assertThat(rec.get("history").get(1).get("basis").asString()).contains("条例 Art. 7");

    // once; not before its day
    ResultActions twice =
        postJsonAs(LEADER, PW, "/api/receptions/" + held + "/record", Map.of("visitors", 1));
    assertThat(status(twice)).isEqualTo(409);
    assertThat(body(twice).get("rule").asString()).startsWith("reception-once");
    assertThat(
            status(
                postJsonAs(
                    LEADER, PW, "/api/receptions/" + coming + "/record", Map.of("visitors", 1))))
        .isEqualTo(409);

    // missed: the API and the public query the daily bulletin uses
    JsonNode missedList =
        ok(getAs(LEADER, PW, "/api/receptions/missed?from=2026-11-16&to=2026-11-27"));
    assertThat(PackagesTest.ids(missedList)).contains(missed).doesNotContain(held, coming);
    DutyStatus figures =
        receptions.dutyStatus(
            Set.of(DemoData.CITY_GOVERNMENT),
            LocalDate.parse("2026-11-16"),
            LocalDate.parse("2026-12-02"));
    assertThat(figures.held()).isGreaterThanOrEqualTo(1);
    assertThat(figures.missed()).isGreaterThanOrEqualTo(1);
    assertThat(figures.upcoming()).isGreaterThanOrEqualTo(1);
    assertThat(figures.missedDuties()).extracting(ReceptionDuty::id).contains(missed);
    JsonNode status =
        ok(
            getAs(
                DemoData.CITY_SUPERVISOR,
                PW,
                "/api/receptions/status?from=2026-11-16&to=2026-11-27"));
    assertThat(status.get("missed").asInt()).isGreaterThanOrEqualTo(1);
    // a day later the coming one is still upcoming, on the day after it is missed
    today("2026-12-03");
    assertThat(ok(getAs(LEADER, PW, "/api/receptions/" + coming)).get("status").asString())
        .isEqualTo("MISSED");
  }

  @Test
  @DisplayName("下访: an outreach visit names its destination; scope and hidden petitions hold")
  void outreachAndScope() throws Exception {
    assertThat(
            status(
                postJsonAs(
                    LEADER,
                    PW,
                    "/api/receptions",
                    Map.of("kind", "VISIT_OUT", "date", "2026-11-20", "place", "庄河市"))))
        .isEqualTo(400);
    JsonNode visit =
        ok(
            postJsonAs(
                LEADER,
                PW,
                "/api/receptions",
                Map.of(
                    "kind", "VISIT_OUT",
                    "date", "2026-11-20",
                    "place", "庄河市",
                    "destination", "光明山镇")));
    String id = visit.get("id").asString();
    assertThat(visit.get("destination").asString()).isEqualTo("光明山镇");
    // another district's clerk neither sees nor records it; a handler puts nobody on the roster
    assertThat(status(getAs(DemoData.ZHONGSHAN_REGISTRAR, PW, "/api/receptions/" + id)))
        .isEqualTo(403);
    assertThat(
            status(
                postJsonAs(
                    DemoData.ZHONGSHAN_REGISTRAR,
                    PW,
                    "/api/receptions/" + id + "/record",
                    Map.of("visitors", 1))))
        .isEqualTo(403);
    assertThat(
            status(
                postJsonAs(
                    DemoData.CITY_HANDLER,
                    PW,
                    "/api/receptions",
                    Map.of("date", "2026-11-20", "place", "x"))))
        .isEqualTo(403);
    // an accusation hidden from the leader cannot be named
    Map<String, Object> acc = letter("2026-11-20", DemoData.CITY_PETITION_BUREAU);
    acc.put("category", "ACCUSATION");
    acc.put(
        "accused",
        List.of(
            Map.of("name", "王某", "organisationId", DemoData.CITY_HUMAN_RESOURCES, "post", "副局长")));
    String accusation = register(acc).get("id").asString();
    assertThat(
            status(
                postJsonAs(
                    LEADER,
                    PW,
                    "/api/receptions/" + id + "/record",
                    Map.of(
                        "visitors",
                        2,
                        "petitions",
                        List.of(Map.of("petitionId", accusation, "outcome", "ADVANCED"))))))
        .isEqualTo(404);
    // nothing was recorded by the refused attempt
    JsonNode after =
        ok(postJsonAs(LEADER, PW, "/api/receptions/" + id + "/record", Map.of("visitors", 2)));
    assertThat(after.get("status").asString()).isEqualTo("HELD");
    assertThat(after.get("record").get("petitions")).isEmpty();
  }
}
