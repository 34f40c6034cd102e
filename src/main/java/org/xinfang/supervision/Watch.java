package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.PetitionSelector.Standing;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;

/**
 * The deadline watch (督查, 条例 Art. 38 para. 2): every open duty — the statutory duties owed on
 * petitions and the assigned duties (conference decisions, package steps, supervision orders) —
 * graded on a day by working days on the official calendar: NORMAL, WARNING (due within {@code
 * warning-days}), OVERDUE level 1–3.
 *
 * <p>The daily record is idempotent: the first run of a day writes one row per open duty and the
 * day's run row; any later run of that day changes nothing. Catch-up rule: the scheduled run
 * records <em>only today</em>. A missed day is not reconstructed by the schedule, because the
 * duties' projection holds what is open now, not what was open then; an administrator or supervisor
 * may record a missed day explicitly ({@link #record(LocalDate)}), which marks it back-filled.
 */
@Service
public class Watch {

  private static final int MAX_DAYS = 3660;

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final SupervisionProperties settings;
  private final SupervisionRecord record;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final PetitionSelector selector;
  private final TransactionTemplate transaction;
  private final org.springframework.jdbc.core.JdbcTemplate batch;

  Watch(
      JdbcClient jdbc,
      WorkingCalendar calendar,
      SupervisionProperties settings,
      SupervisionRecord record,
      CurrentActor currentActor,
      Organisations organisations,
      PetitionSelector selector,
      PlatformTransactionManager transactions,
      org.springframework.jdbc.core.JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.calendar = calendar;
    this.settings = settings;
    this.record = record;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.selector = selector;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What one run did. */
  public record Run(
      LocalDate day,
      OffsetDateTime recordedAt,
      String recordedBy,
      int duties,
      boolean backFilled,
      boolean alreadyRecorded) {}

  /**
   * The level of a duty due on {@code due}, on {@code today}: working days left in (today, due], or
   * late in (due, today] (at least one once the due date has passed).
   */
  public DutyLevel grade(LocalDate due, LocalDate today) {
    if (due.isBefore(today)) {
      int late = Math.max(1, workingDays(due, today));
      Grade g =
          late >= settings.level3From()
              ? Grade.LEVEL_3
              : late >= settings.level2From() ? Grade.LEVEL_2 : Grade.LEVEL_1;
      return new DutyLevel(Level.OVERDUE, g, late);
    }
    int left = workingDays(today, due);
    return new DutyLevel(left <= settings.warningDays() ? Level.WARNING : Level.NORMAL, null, left);
  }

  /** The scheduled run: today only (see the class comment for the catch-up rule). */
  public Run recordToday(String by) {
    return write(record.today(), by, false);
  }

  /**
   * Records a given day (not in the future) for a supervisor, leader or administrator; a day before
   * today is marked back-filled. A day already recorded is left as it is.
   */
  public Run record(LocalDate day) {
    Actor actor = currentActor.get();
    if (!SupervisionRecord.supervises(actor) && !actor.has(org.xinfang.organisation.Role.ADMIN)) {
      throw new Forbidden(
          "watch-run (条例 Art. 38 para. 2)",
          "Only supervisors, leaders and administrators run the deadline watch.");
    }
    LocalDate today = record.today();
    LocalDate d = day == null ? today : day;
    if (d.isAfter(today)) {
      throw new InvalidInput("day", "not in the future");
    }
    return write(d, actor.username(), d.isBefore(today));
  }

  private Run write(LocalDate day, String by, boolean backFilled) {
    Optional<Run> done = run(day);
    if (done.isPresent()) {
      return alreadyRecorded(done.get());
    }
    try {
      return transaction.execute(status -> insert(day, by, backFilled));
    } catch (DuplicateKeyException raced) {
      // another instance or thread recorded the day between our check and our insert
      return alreadyRecorded(run(day).orElseThrow());
    }
  }

  private static Run alreadyRecorded(Run r) {
    return new Run(r.day(), r.recordedAt(), r.recordedBy(), r.duties(), r.backFilled(), true);
  }

  private Run insert(LocalDate day, String by, boolean backFilled) {
    OffsetDateTime now = record.now();
    jdbc.sql(
            """
            insert into watch_run (watch_day, recorded_at, recorded_by, duties, back_filled)
            values (:day, :at, :by, 0, :back)
            """)
        .param("day", day)
        .param("at", now)
        .param("by", by)
        .param("back", backFilled)
        .update();
    // the statutory duties graded in the database: each distinct due date graded once here, then
    // one insert … select writes the day's row of every open duty (at 10,000,000 petitions a
    // streamed row-by-row write took minutes; this is one statement)
    LevelWriter levels = new LevelWriter(day);
    Map<LocalDate, DutyLevel> cache = new HashMap<>();
    List<Object[]> grades = new ArrayList<>();
    jdbc.sql(
            """
            select distinct due from petition_duty
            where owed_by is not null and optional = false and paused = false
            """)
        .query(
            (ResultSet rs) -> {
              LocalDate due = rs.getObject(1, LocalDate.class);
              DutyLevel l = cache.computeIfAbsent(due, d -> grade(d, day));
              grades.add(
                  new Object[] {
                    day,
                    due,
                    l.level().name(),
                    l.grade() == null ? null : l.grade().name(),
                    l.workingDays()
                  });
            });
    batch.batchUpdate(
        "insert into watch_grade (watch_day, due, level_code, grade, working_days)"
            + " values (?, ?, ?, ?, ?)",
        grades);
    levels.count +=
        jdbc.sql(
                """
                insert into watch_level (watch_day, ref, source, petition_id, duty, owed_by, due,
                  level_code, grade, working_days)
                select g.watch_day, d.petition_id || ':' || d.duty, 'STATUTORY', d.petition_id,
                  d.duty, d.owed_by, d.due, g.level_code, g.grade, g.working_days
                from petition_duty d
                join watch_grade g on g.watch_day = :day and g.due = d.due
                where d.owed_by is not null and d.optional = false and d.paused = false
                """)
            .param("day", day)
            .update();
    levels.overdue +=
        jdbc.sql(
                "select coalesce(sum(case when level_code = 'OVERDUE' then 1 else 0 end), 0)"
                    + " from watch_level where watch_day = :day")
            .param("day", day)
            .query(Long.class)
            .single();
    jdbc.sql("delete from watch_grade where watch_day = :day").param("day", day).update();
    jdbc.sql(
            """
            select id, source, petition_id, owed_by, due from task
            where done_on is null and cancelled = false
            """)
        .query(
            (ResultSet rs) -> {
              LocalDate due = rs.getObject("due", LocalDate.class);
              levels.add(
                  new WatchedDuty(
                      day,
                      "task:" + rs.getString("id"),
                      "TASK",
                      rs.getString("petition_id"),
                      rs.getString("source"),
                      rs.getString("owed_by"),
                      due,
                      cache.computeIfAbsent(due, d -> grade(d, day))));
            });
    levels.flush();
    long count = levels.count;
    long overdue = levels.overdue;
    jdbc.sql("update watch_run set duties = :n where watch_day = :day")
        .param("n", count)
        .param("day", day)
        .update();
    record.record(
        "WATCH",
        day.toString(),
        "record-levels",
        day,
        by,
        null,
        "条例第三十八条第二款",
        "duties=" + count + "; overdue=" + overdue + (backFilled ? "; back-filled" : ""));
    return new Run(day, now, by, (int) count, backFilled, false);
  }

  /** Writes a day's levels in batches, counting them. */
  private final class LevelWriter {
    private final LocalDate day;
    private final List<Object[]> rows = new ArrayList<>();
    private long count;
    private long overdue;

    LevelWriter(LocalDate day) {
      this.day = day;
    }

    void add(WatchedDuty w) {
      rows.add(
          new Object[] {
            day,
            w.ref(),
            w.source(),
            w.petitionId(),
            w.duty(),
            w.owedBy(),
            w.due(),
            w.level().level().name(),
            w.level().grade() == null ? null : w.level().grade().name(),
            w.level().workingDays()
          });
      count++;
      if (w.level().level() == Level.OVERDUE) {
        overdue++;
      }
      if (rows.size() == 2000) {
        flush();
      }
    }

    void flush() {
      if (rows.isEmpty()) {
        return;
      }
      batch.batchUpdate(
          "insert into watch_level (watch_day, ref, source, petition_id, duty, owed_by, due,"
              + " level_code, grade, working_days) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
      rows.clear();
    }
  }

  /** The run of a day, if recorded. */
  public Optional<Run> run(LocalDate day) {
    return jdbc.sql(
            "select watch_day, recorded_at, recorded_by, duties, back_filled from watch_run"
                + " where watch_day = :d")
        .param("d", day)
        .query(Watch::runRow)
        .optional();
  }

  /** The latest runs, newest first. */
  public List<Run> runs(int limit) {
    return jdbc.sql(
            "select watch_day, recorded_at, recorded_by, duties, back_filled from watch_run"
                + " order by watch_day desc limit :n")
        .param("n", limit)
        .query(Watch::runRow)
        .list();
  }

  /** The latest recorded day, if any. */
  public Optional<LocalDate> latestDay() {
    return jdbc.sql("select max(watch_day) from watch_run")
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .optional();
  }

  /**
   * The levels the latest run recorded for these petitions' duties (for work lists): petition id →
   * duty → level. Petitions the run did not see are left out.
   */
  @Transactional(readOnly = true)
  public Map<String, Map<String, DutyLevel>> levels(Collection<String> petitionIds) {
    Map<String, Map<String, DutyLevel>> out = new LinkedHashMap<>();
    Optional<LocalDate> day = latestDay();
    if (petitionIds.isEmpty() || day.isEmpty()) {
      return out;
    }
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(petitionIds));
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      List<Object> args = new ArrayList<>();
      args.add(day.get());
      args.addAll(chunk);
      jdbc.sql(
              "select * from watch_level where watch_day = ? and petition_id in ("
                  + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                  + ")")
          .params(args)
          .query(Watch::levelRow)
          .list()
          .forEach(
              w ->
                  out.computeIfAbsent(w.petitionId(), k -> new LinkedHashMap<>())
                      .put(w.duty(), w.level()));
    }
    return out;
  }

  /** One organ's overdue duties on the dashboard. */
  public record OrganOverdue(
      String organisationId,
      String organisationName,
      int level3,
      int level2,
      int level1,
      int warnings,
      List<OverdueLine> duties) {}

  /**
   * One overdue duty as the dashboard lists it: the petition through the petition module's scope
   * (number, subject; null for an assigned duty without a petition).
   */
  public record OverdueLine(
      String ref,
      String petitionId,
      String number,
      String subject,
      String duty,
      String source,
      LocalDate due,
      DutyLevel level) {}

  /** The dashboard: a recorded day's overdue duties by organ within the reader's jurisdiction. */
  public record Dashboard(LocalDate day, Run run, List<OrganOverdue> organs) {}

  /**
   * The overdue duties of a recorded day (the latest when null) owed within the signed-in user's
   * jurisdiction, by organ, worst organ first (level 3, then 2, then 1), each organ's worst duty
   * first. Petitions the user may not see (accusations hidden from them, 条例 Art. 30 para. 3) are
   * left out.
   */
  @Transactional(readOnly = true)
  public Dashboard dashboard(LocalDate day) {
    Actor actor = currentActor.get();
    Set<String> orgs = record.oversees(actor);
    LocalDate d = day != null ? day : latestDay().orElse(null);
    if (d == null || orgs.isEmpty()) {
      return new Dashboard(d, null, List.of());
    }
    List<WatchedDuty> rows =
        jdbc
            .sql(
                "select * from watch_level where watch_day = :d and level_code <> 'NORMAL'"
                    + " order by working_days desc")
            .param("d", d)
            .query(Watch::levelRow)
            .list()
            .stream()
            .filter(w -> orgs.contains(w.owedBy()))
            .toList();
    Map<String, Standing> visible = new HashMap<>();
    selector
        .standing(
            rows.stream().map(WatchedDuty::petitionId).filter(p -> p != null).distinct().toList(),
            d)
        .forEach(s -> visible.put(s.id(), s));
    Map<String, List<WatchedDuty>> byOrgan = new LinkedHashMap<>();
    for (WatchedDuty w : rows) {
      if (w.petitionId() != null && !visible.containsKey(w.petitionId())) {
        continue; // out of the reader's scope, or an accusation hidden from them
      }
      byOrgan.computeIfAbsent(w.owedBy(), k -> new ArrayList<>()).add(w);
    }
    List<OrganOverdue> organs = new ArrayList<>();
    byOrgan.forEach(
        (org, list) -> {
          List<OverdueLine> lines =
              list.stream()
                  .filter(w -> w.level().level() == Level.OVERDUE)
                  .map(
                      w -> {
                        Standing s = w.petitionId() == null ? null : visible.get(w.petitionId());
                        return new OverdueLine(
                            w.ref(),
                            w.petitionId(),
                            s == null ? null : s.number(),
                            s == null ? null : s.subject(),
                            w.duty(),
                            w.source(),
                            w.due(),
                            w.level());
                      })
                  .toList();
          organs.add(
              new OrganOverdue(
                  org,
                  organisations.find(org).map(o -> o.displayName()).orElse(org),
                  count(list, Grade.LEVEL_3),
                  count(list, Grade.LEVEL_2),
                  count(list, Grade.LEVEL_1),
                  (int) list.stream().filter(w -> w.level().level() == Level.WARNING).count(),
                  lines));
        });
    organs.removeIf(o -> o.duties().isEmpty() && o.warnings() == 0);
    organs.sort(
        Comparator.comparingInt(OrganOverdue::level3)
            .thenComparingInt(OrganOverdue::level2)
            .thenComparingInt(OrganOverdue::level1)
            .thenComparingInt(OrganOverdue::warnings)
            .reversed()
            .thenComparing(OrganOverdue::organisationId));
    return new Dashboard(d, run(d).orElse(null), organs);
  }

  /** The day's recorded level of one duty (for tests and drill-down), whoever asks. */
  public Optional<WatchedDuty> recorded(LocalDate day, String ref) {
    return jdbc.sql("select * from watch_level where watch_day = :d and ref = :r")
        .param("d", day)
        .param("r", ref)
        .query(Watch::levelRow)
        .optional();
  }

  /** The history of the watch (one event per recorded day). */
  public List<SupervisionEvent> history(LocalDate day) {
    return record.events("WATCH", day.toString());
  }

  private static int count(List<WatchedDuty> list, Grade g) {
    return (int) list.stream().filter(w -> w.level().grade() == g).count();
  }

  /** Working days in (from, to]. */
  private int workingDays(LocalDate from, LocalDate to) {
    int n = 0;
    LocalDate d = from.plusDays(1);
    for (int i = 0; !d.isAfter(to) && i < MAX_DAYS; i++, d = d.plusDays(1)) {
      if (working(d)) {
        n++;
      }
    }
    return n;
  }

  private boolean working(LocalDate d) {
    try {
      return calendar.isWorkingDay(d);
    } catch (RuntimeException outOfRange) {
      return d.getDayOfWeek().getValue() <= 5;
    }
  }

  private static Run runRow(ResultSet rs, int n) throws SQLException {
    return new Run(
        rs.getObject("watch_day", LocalDate.class),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getString("recorded_by"),
        rs.getInt("duties"),
        rs.getBoolean("back_filled"),
        false);
  }

  private static WatchedDuty levelRow(ResultSet rs, int n) throws SQLException {
    String grade = rs.getString("grade");
    return new WatchedDuty(
        rs.getObject("watch_day", LocalDate.class),
        rs.getString("ref"),
        rs.getString("source"),
        rs.getString("petition_id"),
        rs.getString("duty"),
        rs.getString("owed_by"),
        rs.getObject("due", LocalDate.class),
        new DutyLevel(
            Level.valueOf(rs.getString("level_code")),
            grade == null ? null : Grade.valueOf(grade),
            rs.getInt("working_days")));
  }
}
