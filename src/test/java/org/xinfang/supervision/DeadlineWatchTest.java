package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import org.xinfang.task.NewTask;
import org.xinfang.task.Tasks;
import tools.jackson.databind.JsonNode;

/**
 * The deadline watch (督查, 条例 Art. 38 para. 2): levels counted in working days on the official
 * calendar (Mid-Autumn and National Day 2026), a daily record that is idempotent, records only
 * today when days were missed, and runs once when two instances fire together (ShedLock).
 */
class DeadlineWatchTest extends IntegrationTest {

  private static final String PW = DemoData.PASSWORD;

  @Autowired Watch watch;
  @Autowired WatchJob job;
  @Autowired Tasks tasks;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "条例 Arts. 22, 38: a routing duty due 2026-09-30 is WARNING on 09-24 (Mid-Autumn leaves three"
          + " working days), overdue level 1 on 10-09 (National Day: two working days late),"
          + " level 2 on 10-19, level 3 on 10-28")
  void levelsAcrossTheHolidays() throws Exception {
    today("2026-09-15");
    JsonNode p = register(letter("2026-09-15", DemoData.CITY_PETITION_BUREAU));
    String id = p.get("id").asString();
    assertThat(due(p, "ROUTE")).isEqualTo("2026-09-30");
    LocalDate due = LocalDate.parse("2026-09-30");

    assertThat(watch.grade(due, LocalDate.parse("2026-09-24")))
        .isEqualTo(new DutyLevel(Level.WARNING, null, 3));
    // a week earlier it is still NORMAL
    assertThat(watch.grade(due, LocalDate.parse("2026-09-17")).level()).isEqualTo(Level.NORMAL);
    assertThat(watch.grade(due, LocalDate.parse("2026-09-30")))
        .isEqualTo(new DutyLevel(Level.WARNING, null, 0));
    // National Day 10-01..07 off: on 10-09 only 10-08 and 10-09 are working days late
    assertThat(watch.grade(due, LocalDate.parse("2026-10-09")))
        .isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_1, 2));
    // the swapped working Saturday 10-10 counts
    assertThat(watch.grade(due, LocalDate.parse("2026-10-19")))
        .isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_2, 9));
    assertThat(watch.grade(due, LocalDate.parse("2026-10-27")))
        .isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_2, 15));
    assertThat(watch.grade(due, LocalDate.parse("2026-10-28")))
        .isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_3, 16));

    // the recorded run of 09-24 holds the duty, with its level
    today("2026-09-24");
    JsonNode run =
        body(postJsonAs(DemoData.CITY_SUPERVISOR, PW, "/api/supervision/watch/runs", Map.of()));
    assertThat(run.get("day").asString()).isEqualTo("2026-09-24");
    assertThat(run.get("alreadyRecorded").asBoolean()).isFalse();
    WatchedDuty w = watch.recorded(LocalDate.parse("2026-09-24"), id + ":ROUTE").orElseThrow();
    assertThat(w.owedBy()).isEqualTo(DemoData.CITY_PETITION_BUREAU);
    assertThat(w.level().level()).isEqualTo(Level.WARNING);
    assertThat(watch.history(LocalDate.parse("2026-09-24")).get(0).article())
        .isEqualTo("条例第三十八条第二款");
  }

  @Test
  @DisplayName(
      "条例 Art. 38: running the watch twice on one day changes nothing; missed days are not"
          + " replayed by the schedule, only recorded back-filled on request")
  void idempotentAndCatchUpRule() throws Exception {
    today("2026-10-12");
    String taskId =
        tasks
            .assign(
                new NewTask(
                    "TEST",
                    "watch",
                    null,
                    DemoData.CITY_HOUSING,
                    "核查办理情况",
                    "测试",
                    LocalDate.parse("2026-09-30")),
                "admin")
            .id();
    Watch.Run first = watch.recordToday(WatchJob.SYSTEM);
    assertThat(first.alreadyRecorded()).isFalse();
    // the run counts every open duty, statutory and assigned
    assertThat(first.duties()).isEqualTo(openDuties()).isPositive();
    long rows = levelRows();
    // a duty assigned later the same day does not change the day's record
    tasks.assign(
        new NewTask(
            "TEST",
            "watch2",
            null,
            DemoData.CITY_HOUSING,
            "再核查",
            "测试",
            LocalDate.parse("2026-10-13")),
        "admin");
    Watch.Run second = watch.recordToday(WatchJob.SYSTEM);
    assertThat(second.alreadyRecorded()).isTrue();
    assertThat(second.duties()).isEqualTo(first.duties());
    assertThat(levelRows()).isEqualTo(rows);
    assertThat(watch.history(LocalDate.parse("2026-10-12"))).hasSize(1);
    // 10-12 (Mon) vs due 09-30: 10-08, 10-09, 10-10 (worked Saturday), 10-12 → 4 working days late
    assertThat(
            watch.recorded(LocalDate.parse("2026-10-12"), "task:" + taskId).orElseThrow().level())
        .isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_1, 4));

    // the instance was down 10-13..10-15: the schedule on 10-16 records 10-16 only
    today("2026-10-16");
    watch.recordToday(WatchJob.SYSTEM);
    assertThat(watch.run(LocalDate.parse("2026-10-16"))).isPresent();
    for (String missed : List.of("2026-10-13", "2026-10-14", "2026-10-15")) {
      assertThat(watch.run(LocalDate.parse(missed))).as(missed).isEmpty();
    }
    // a supervisor records a missed day by hand: marked back-filled, graded as of that day
    // (10-08, 09, 10, 12, 13, 14: six working days late → level 2)
    JsonNode backFilled =
        body(
            postJsonAs(
                DemoData.CITY_SUPERVISOR,
                PW,
                "/api/supervision/watch/runs",
                Map.of("day", "2026-10-14")));
    assertThat(backFilled.get("backFilled").asBoolean()).isTrue();
    assertThat(
            watch.recorded(LocalDate.parse("2026-10-14"), "task:" + taskId).orElseThrow().level())
        .isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_2, 6));
    // not the future; not a handler
    assertThat(
            postJsonAs(
                    DemoData.CITY_SUPERVISOR,
                    PW,
                    "/api/supervision/watch/runs",
                    Map.of("day", "2026-10-17"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(400);
    assertThat(
            postJsonAs(DemoData.CITY_HANDLER, PW, "/api/supervision/watch/runs", Map.of())
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "条例 Art. 38 (issue 7: once across instances): two runs of the daily job fired together"
          + " record the day once — ShedLock lets one through")
  void shedLockRunsOnce() throws Exception {
    today("2026-11-02");
    int before = job.executions();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  job.daily();
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(job.executions() - before).isEqualTo(1);
    assertThat(watch.run(LocalDate.parse("2026-11-02"))).isPresent();
    assertThat(watch.history(LocalDate.parse("2026-11-02"))).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from shedlock where name = 'deadline-watch'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("条例 Art. 38: the dashboard lists overdue duties by organ, worst first, in scope")
  void dashboardByOrgan() throws Exception {
    today("2026-08-03");
    tasks.assign(
        new NewTask(
            "TEST",
            "dash",
            null,
            DemoData.CITY_HOUSING,
            "久拖未办",
            "测试",
            LocalDate.parse("2026-07-01")),
        "admin");
    watch.recordToday(WatchJob.SYSTEM);
    JsonNode dash =
        body(getAs(DemoData.CITY_SUPERVISOR, PW, "/api/supervision/watch?day=2026-08-03"));
    assertThat(dash.get("organs").findValuesAsString("organisationId"))
        .contains(DemoData.CITY_HOUSING);
    JsonNode organs = dash.get("organs");
    for (int i = 1; i < organs.size(); i++) {
      assertThat(organs.get(i - 1).get("level3").asInt())
          .isGreaterThanOrEqualTo(organs.get(i).get("level3").asInt());
    }
    // a handler of 人社局 sees only its own organisation's
    JsonNode own = body(getAs(DemoData.CITY_HANDLER, PW, "/api/supervision/watch?day=2026-08-03"));
    assertThat(own.get("organs").findValuesAsString("organisationId"))
        .allMatch(DemoData.CITY_HUMAN_RESOURCES::equals);
  }

  /**
   * 条例 Art. 38 para. 2 (issue 7: the sweep in seconds): a day records only what changed since the
   * day recorded before it — a duty newly open, a level that moved, a duty closed — and reads every
   * other duty's level from its last change, its working days counted to the day read. A missed day
   * back-filled between two recorded days leaves the later day's record as it was.
   */
  @Test
  @DisplayName(
      "条例 Art. 38: each day records only the duties whose level changed; a back-filled day leaves"
          + " the later day's record as it was")
  void recordsChangesOnly() throws Exception {
    today("2027-11-15"); // a Monday, after every other day these tests record
    String a = assign("远期", "2027-11-30");
    String b = assign("临期", "2027-11-17");
    String c = assign("将办结", "2027-12-31");
    String p = register(letter("2027-11-15", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    // q's routing duty is due soon: no act will touch it, its level moves with the days alone
    JsonNode q = register(letter("2027-11-01", DemoData.CITY_PETITION_BUREAU));
    LocalDate qDue = LocalDate.parse(due(q, "ROUTE"));
    String qRoute = q.get("id").asString() + ":ROUTE";
    assertThat(watch.grade(qDue, LocalDate.parse("2027-11-15")).level()).isEqualTo(Level.WARNING);
    assertThat(watch.grade(qDue, LocalDate.parse("2027-11-18")).level()).isEqualTo(Level.OVERDUE);
    watch.recordToday(WatchJob.SYSTEM);
    assertThat(watch.recorded(LocalDate.parse("2027-11-15"), p + ":ROUTE")).isPresent();
    assertKeptStateIsTheOpenDuties();
    assertThat(levelOn("2027-11-15", a)).isEqualTo(new DutyLevel(Level.NORMAL, null, 11));
    assertThat(levelOn("2027-11-15", b)).isEqualTo(new DutyLevel(Level.WARNING, null, 2));

    // 11-16: c is withdrawn, the petition forwarded (ROUTE done, ACCEPT owed by the organ); a
    // and b keep their levels — only what changed is written
    tasks.cancel(c);
    today("2027-11-16");
    act(p, "forward", Map.of("to", DemoData.CITY_HUMAN_RESOURCES));
    // a figures read drains the acts' journal: the forward's note moves to the watch's journal;
    // r, registered after it, is noted in the acts' journal only — the watch finds both
    body(
        getAs(
            DemoData.CITY_SUPERVISOR,
            PW,
            "/api/figures?organisation="
                + DemoData.CITY_PETITION_BUREAU
                + "&from=2027-11-01&to=2027-11-30"));
    assertThat(jdbc.sql("select count(*) from figure_pending").query(Long.class).single()).isZero();
    String r = register(letter("2027-11-16", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    Watch.Run run = watch.recordToday(WatchJob.SYSTEM);
    assertThat(watch.recorded(LocalDate.parse("2027-11-16"), r + ":ROUTE")).isPresent();
    assertThat(rowsOn("2027-11-16", "task:" + a, "task:" + b, "task:" + c, p + ":ROUTE"))
        .containsExactlyInAnyOrder("task:" + c, p + ":ROUTE");
    assertThat(run.duties()).isEqualTo(openDuties());
    assertKeptStateIsTheOpenDuties();
    assertThat(watch.recorded(LocalDate.parse("2027-11-16"), "task:" + c)).isEmpty();
    assertThat(watch.recorded(LocalDate.parse("2027-11-16"), p + ":ROUTE")).isEmpty();
    // what the organ owes now, it owes on the record of 11-16
    List<String> owed =
        jdbc.sql(
                "select duty from petition_duty where petition_id = :p and owed_by = :o"
                    + " and optional = false and paused = false")
            .param("p", p)
            .param("o", DemoData.CITY_HUMAN_RESOURCES)
            .query(String.class)
            .list();
    assertThat(owed).isNotEmpty();
    for (String duty : owed) {
      assertThat(
              watch.recorded(LocalDate.parse("2027-11-16"), p + ":" + duty).orElseThrow().owedBy())
          .isEqualTo(DemoData.CITY_HUMAN_RESOURCES);
    }
    assertThat(levelOn("2027-11-15", c).level()).isEqualTo(Level.NORMAL);
    // working days counted to the day read, from the row written on 11-15
    assertThat(levelOn("2027-11-16", a)).isEqualTo(new DutyLevel(Level.NORMAL, null, 10));
    assertThat(levelOn("2027-11-16", b)).isEqualTo(new DutyLevel(Level.WARNING, null, 1));
    assertThat(rowsOf(a)).isEqualTo(1);

    // 11-18: b is one working day late
    today("2027-11-18");
    watch.recordToday(WatchJob.SYSTEM);
    assertThat(levelOn("2027-11-18", b)).isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_1, 1));
    assertThat(rowsOf(b)).isEqualTo(2);
    assertThat(rowsOn("2027-11-18", qRoute)).containsExactly(qRoute);
    assertThat(watch.recorded(LocalDate.parse("2027-11-18"), qRoute).orElseThrow().level())
        .isEqualTo(watch.grade(qDue, LocalDate.parse("2027-11-18")));
    JsonNode dash =
        body(getAs(DemoData.CITY_SUPERVISOR, PW, "/api/supervision/watch?day=2027-11-18"));
    assertThat(dash.findValuesAsString("ref")).contains("task:" + b).doesNotContain("task:" + a);

    // d is assigned after the 11-18 run; the missed 11-17 is back-filled: d (open now) is in it,
    // and the 11-18 record still does not hold d
    String d = assign("补录", "2027-11-22");
    assertThat(
            body(postJsonAs(
                    DemoData.CITY_SUPERVISOR,
                    PW,
                    "/api/supervision/watch/runs",
                    Map.of("day", "2027-11-17")))
                .get("backFilled")
                .asBoolean())
        .isTrue();
    assertThat(levelOn("2027-11-17", d).level()).isEqualTo(Level.WARNING);
    assertThat(watch.recorded(LocalDate.parse("2027-11-18"), "task:" + d)).isEmpty();
    assertThat(levelOn("2027-11-18", b)).isEqualTo(new DutyLevel(Level.OVERDUE, Grade.LEVEL_1, 1));
    assertThat(levelOn("2027-11-17", b)).isEqualTo(new DutyLevel(Level.WARNING, null, 0));
    // the next day's run finds d new
    today("2027-11-19");
    watch.recordToday(WatchJob.SYSTEM);
    assertThat(levelOn("2027-11-19", d)).isEqualTo(new DutyLevel(Level.WARNING, null, 1));
    assertKeptStateIsTheOpenDuties();
    assertThat(watch.levels(List.of()).isEmpty()).isTrue();
  }

  private String assign(String title, String due) {
    return tasks
        .assign(
            new NewTask(
                "TEST",
                "changes-" + title,
                null,
                DemoData.CITY_HOUSING,
                title,
                "测试",
                LocalDate.parse(due)),
            "admin")
        .id();
  }

  private DutyLevel levelOn(String day, String taskId) {
    return watch.recorded(LocalDate.parse(day), "task:" + taskId).orElseThrow().level();
  }

  private long rowsOf(String taskId) {
    return jdbc.sql("select count(*) from watch_level where ref = :r")
        .param("r", "task:" + taskId)
        .query(Long.class)
        .single();
  }

  private List<String> rowsOn(String day, String... refs) {
    return jdbc.sql("select ref from watch_level where watch_day = :d and ref in (:refs)")
        .param("d", LocalDate.parse(day))
        .param("refs", List.of(refs))
        .query(String.class)
        .list();
  }

  /**
   * The state the next run compares against, after changes only, is what a comparison of every duty
   * would keep: each open duty once, with its due date and organ, nothing else.
   */
  private void assertKeptStateIsTheOpenDuties() {
    int open = openDuties();
    assertThat(jdbc.sql("select count(*) from watch_state").query(Integer.class).single())
        .isEqualTo(open);
    assertThat(
            jdbc.sql(
                        "select count(*) from petition_duty d join watch_state s on s.ref ="
                            + " d.petition_id || ':' || d.duty and s.due = d.due and s.owed_by ="
                            + " d.owed_by where d.owed_by is not null and d.optional = false and"
                            + " d.paused = false")
                    .query(Integer.class)
                    .single()
                + jdbc.sql(
                        "select count(*) from task t join watch_state s on s.ref = 'task:' || t.id"
                            + " and s.due = t.due and s.owed_by = t.owed_by"
                            + " where t.done_on is null and t.cancelled = false")
                    .query(Integer.class)
                    .single())
        .isEqualTo(open);
  }

  private long levelRows() {
    return jdbc.sql("select count(*) from watch_level").query(Long.class).single();
  }

  /** The open duties now, counted apart from the watch. */
  private int openDuties() {
    return jdbc.sql(
                "select count(*) from petition_duty"
                    + " where owed_by is not null and optional = false and paused = false")
            .query(Integer.class)
            .single()
        + jdbc.sql("select count(*) from task where done_on is null and cancelled = false")
            .query(Integer.class)
            .single();
  }
}
