package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.DutyChanges;
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

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final SupervisionProperties settings;
  private final SupervisionRecord record;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final PetitionSelector selector;
  private final TransactionTemplate transaction;
  private final org.springframework.jdbc.core.JdbcTemplate batch;
  private final org.xinfang.shared.Database database;
  private final DutyChanges changes;

  Watch(
      JdbcClient jdbc,
      WorkingCalendar calendar,
      SupervisionProperties settings,
      SupervisionRecord record,
      CurrentActor currentActor,
      Organisations organisations,
      PetitionSelector selector,
      PlatformTransactionManager transactions,
      org.springframework.jdbc.core.JdbcTemplate batch,
      org.xinfang.shared.Database database,
      DutyChanges changes) {
    this.changes = changes;
    this.jdbc = jdbc;
    this.batch = batch;
    this.database = database;
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
    return due.isBefore(today) ? overdue(workingDays(due, today)) : ahead(workingDays(today, due));
  }

  private DutyLevel overdue(int workingDaysLate) {
    int late = Math.max(1, workingDaysLate);
    Grade g =
        late >= settings.level3From()
            ? Grade.LEVEL_3
            : late >= settings.level2From() ? Grade.LEVEL_2 : Grade.LEVEL_1;
    return new DutyLevel(Level.OVERDUE, g, late);
  }

  private DutyLevel ahead(int left) {
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
      return transaction.execute(
          status -> {
            // runs take turns (scheduled, by hand, back-filled): each builds on the days before it
            jdbc.sql("select id from watch_lock where id = 1 for update")
                .query(Integer.class)
                .list();
            Optional<Run> raced = run(day);
            return raced.isPresent() ? alreadyRecorded(raced.get()) : insert(day, by, backFilled);
          });
    } catch (DuplicateKeyException raced) {
      // another instance recorded the day between our check and our insert
      return alreadyRecorded(run(day).orElseThrow());
    }
  }

  private static Run alreadyRecorded(Run r) {
    return new Run(r.day(), r.recordedAt(), r.recordedBy(), r.duties(), r.backFilled(), true);
  }

  /** The open statutory duties (owed, not optional, not paused), for a query on petition_duty d. */
  private static final String OPEN_DUTY =
      "d.owed_by is not null and d.optional = false and d.paused = false";

  /**
   * The petitions the acts noted since the last run, each once (alias c): those in the watch's
   * journal, and those whose acts' notes still wait in the figures' journal (each act writes one
   * note, there; the figures' drain moves it to the watch's journal as it deletes it, in one
   * transaction, so every act committed before the run is in one or the other).
   */
  private static final String NOTED =
      "(select petition_id from "
          + DutyChanges.JOURNAL
          + " union select petition_id from "
          + org.xinfang.figures.Figures.ACTS_JOURNAL
          + ") c";

  /** The open assigned duties, for a query on task t. */
  private static final String OPEN_TASK = "t.done_on is null and t.cancelled = false";

  /** A state row {@code s} differs from today's duty (due {@code x.due}, organ, graded by g). */
  private static String changed(String x) {
    return "(s.ref is null or s.level_code <> g.level_code or s.due <> "
        + x
        + ".due or s.owed_by <> "
        + x
        + ".owed_by or coalesce(s.grade, '-') <> coalesce(g.grade, '-'))";
  }

  private static final String LEVEL_COLUMNS =
      "watch_day, ref, source, petition_id, duty, owed_by, due, level_code, grade, working_days";

  /**
   * The open duties as of the latest recorded day on or before {@code :prev}, read from the
   * changes: each duty's latest row, unless it is CLOSED. Used when a missed day is back-filled
   * before a later recorded day; the daily run reads {@code watch_state} instead.
   */
  private static final String STATE_ON_PREV =
      """
      (select w.ref, w.source, w.petition_id, w.duty, w.owed_by, w.due, w.level_code, w.grade,
        case when w.source = 'TASK' then substr(w.ref, 6) end as task_id
       from watch_level w
       where w.watch_day <= :prev and w.level_code <> 'CLOSED'
         and not exists (select 1 from watch_level x
           where x.ref = w.ref and x.watch_day > w.watch_day and x.watch_day <= :prev))""";

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
    // the changes since the day recorded before this one. The newest day compares, against the
    // kept state, the duties of the petitions noted since (an act rewrote them), every assigned
    // duty, and finds the other duties whose level moved with the days by their due dates. A
    // bulk load ('*'), or a missed day back-filled before a later recorded day, compares every
    // duty (the latter against the state read from the changes).
    Optional<LocalDate> later = nextRecorded(day);
    LocalDate prev = previousRecorded(day).orElse(LocalDate.of(1, 1, 1));
    DutyChanges.Noted noted =
        later.isEmpty() ? changes.noted() : new DutyChanges.Noted(List.of(), true);
    boolean everything = noted.everything();
    // the noted petitions drive the comparison (each once), their duties and state rows found by
    // key; a comparison of everything reads the tables whole
    String duties =
        everything
            ? DutyChanges.DUTIES + " d"
            : NOTED + " join " + DutyChanges.DUTIES + " d on d.petition_id = c.petition_id";
    String state = later.isEmpty() ? "watch_state s" : STATE_ON_PREV + " s";
    if (everything) {
      grade(
          day,
          "select min(d.due), max(d.due) from " + DutyChanges.DUTIES + " d where " + OPEN_DUTY);
    } else {
      grade(
          day,
          "select min(due), max(due) from watch_state",
          "select min(d.due), max(d.due) from " + duties + " where " + OPEN_DUTY);
    }
    // the grades and the journal were just written: without their statistics PostgreSQL plans
    // the comparison as if they were empty (24 s instead of 2 at 10,000,000 petitions)
    analyze("watch_grade");
    analyze(DutyChanges.JOURNAL);
    analyze(org.xinfang.figures.Figures.ACTS_JOURNAL);
    writeChanges(
        day,
        prev,
        duties,
        state,
        everything ? state : NOTED + " join watch_state s on s.petition_id = c.petition_id");
    if (!everything) {
      levelsMoved(day);
    }
    changes.taken(noted.ids());

    long count;
    long overdue;
    if (later.isEmpty()) {
      jdbc.sql(
              "delete from watch_state where ref in (select ref from watch_level where watch_day = :day)")
          .param("day", day)
          .update();
      jdbc.sql(
              """
              insert into watch_state (ref, source, petition_id, duty, owed_by, due, level_code,
                grade, task_id, since)
              select ref, source, petition_id, duty, owed_by, due, level_code, grade,
                case when source = 'TASK' then substr(ref, 6) end, watch_day
              from watch_level where watch_day = :day and level_code <> 'CLOSED'
              """)
          .param("day", day)
          .update();
      long[] counted = new long[2];
      jdbc.sql(
              "select count(*), coalesce(sum(case when level_code = 'OVERDUE' then 1 else 0 end),"
                  + " 0) from watch_state")
          .query(
              (ResultSet rs) -> {
                counted[0] = rs.getLong(1);
                counted[1] = rs.getLong(2);
              });
      count = counted[0];
      overdue = counted[1];
    } else {
      restore(day, prev, later.get());
      count = countOpen(day, false);
      overdue = countOpen(day, true);
    }
    jdbc.sql("delete from watch_grade where watch_day = :day").param("day", day).update();
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

  /**
   * Writes the day's rows: each open duty new or changed against {@code state}, then a CLOSED row
   * for each duty of {@code state} no longer open: one statement for the statutory duties, one for
   * the assigned ones, whatever their number.
   */
  private void writeChanges(
      LocalDate day, LocalDate prev, String duties, String state, String stateOfDuties) {
    jdbc.sql(
            "insert into watch_level ("
                + LEVEL_COLUMNS
                + ") select cast(:day as date), d.petition_id || ':' || d.duty, 'STATUTORY',"
                + " d.petition_id,"
                + " d.duty, d.owed_by, d.due, g.level_code, g.grade, g.working_days"
                + " from "
                + duties
                + " join watch_grade g on g.watch_day = :day and g.due = d.due"
                + " left join "
                + state
                + " on s.source = 'STATUTORY' and s.petition_id = d.petition_id"
                + " and s.duty = d.duty where "
                + OPEN_DUTY
                + " and "
                + changed("d")
                // one statement, so one view of the duties: an act committed while the run goes on
                // is seen by both halves or by neither
                + " union all select cast(:day as date), s.ref, s.source, s.petition_id, s.duty,"
                + " s.owed_by, s.due, 'CLOSED', cast(null as varchar(10)), 0 from "
                + stateOfDuties
                + " where s.source = 'STATUTORY' and not exists (select 1 from "
                + DutyChanges.DUTIES
                + " d"
                + " where d.petition_id = s.petition_id and d.duty = s.duty and "
                + OPEN_DUTY
                + ")")
        .param("day", day)
        .param("prev", prev)
        .update();
    jdbc.sql(
            "insert into watch_level ("
                + LEVEL_COLUMNS
                + ") select cast(:day as date), 'task:' || t.id, 'TASK', t.petition_id, t.source,"
                + " t.owed_by, t.due, g.level_code, g.grade, g.working_days"
                + " from task t join watch_grade g on g.watch_day = :day and g.due = t.due"
                + " left join "
                + state
                + " on s.source = 'TASK' and s.task_id = t.id where "
                + OPEN_TASK
                + " and "
                + changed("t")
                + " union all select cast(:day as date), s.ref, s.source, s.petition_id, s.duty,"
                + " s.owed_by, s.due, 'CLOSED', cast(null as varchar(10)), 0 from "
                + state
                + " where s.source = 'TASK' and not exists (select 1 from task t"
                + " where t.id = s.task_id and "
                + OPEN_TASK
                + ")")
        .param("day", day)
        .param("prev", prev)
        .update();
  }

  /**
   * Grades, once each, every date from the earliest to the latest due date the given queries find
   * ({@code select min(due), max(due) …}; the open assigned duties' too), and at least the day and
   * the 400 days after it: the statements of the run join these rows. A whole range, not only the
   * dates found, so that a duty an act gives a new due date while the run goes on is still graded.
   */
  private void grade(LocalDate day, String... ranges) {
    LocalDate lo = day;
    LocalDate hi = day.plusDays(400);
    List<String> queries = new ArrayList<>(List.of(ranges));
    queries.add("select min(t.due), max(t.due) from task t where " + OPEN_TASK);
    for (String q : queries) {
      LocalDate[] r =
          jdbc.sql(q)
              .query(
                  (rs, n) ->
                      new LocalDate[] {
                        rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)
                      })
              .single();
      if (r[0] != null && r[0].isBefore(lo)) {
        lo = r[0];
      }
      if (r[1] != null && r[1].isAfter(hi)) {
        hi = r[1];
      }
    }
    // working days counted once along the range: counted[i] = working days in (lo, lo + i]
    int span = (int) java.time.temporal.ChronoUnit.DAYS.between(lo, hi);
    int[] counted = new int[span + 1];
    for (int i = 1; i <= span; i++) {
      counted[i] = counted[i - 1] + (working(lo.plusDays(i)) ? 1 : 0);
    }
    int today = (int) java.time.temporal.ChronoUnit.DAYS.between(lo, day);
    List<Object[]> grades = new ArrayList<>();
    for (int i = 0; i <= span; i++) {
      LocalDate due = lo.plusDays(i);
      DutyLevel l =
          i < today ? overdue(counted[today] - counted[i]) : ahead(counted[i] - counted[today]);
      grades.add(
          new Object[] {
            day, due, l.level().name(), l.grade() == null ? null : l.grade().name(), l.workingDays()
          });
    }
    batch.batchUpdate(
        "insert into watch_grade (watch_day, due, level_code, grade, working_days)"
            + " values (?, ?, ?, ?, ?)",
        grades);
  }

  /**
   * The kept duties no act touched whose level moved with the days: their due date grades
   * differently on this day. One statement; a duty already written this day is left alone.
   */
  private void levelsMoved(LocalDate day) {
    jdbc.sql(
            "insert into watch_level ("
                + LEVEL_COLUMNS
                + ") select :day, s.ref, s.source, s.petition_id, s.duty, s.owed_by, s.due,"
                + " g.level_code, g.grade, g.working_days from watch_state s join watch_grade g"
                + " on g.watch_day = :day and g.due = s.due where (s.level_code <> g.level_code"
                + " or coalesce(s.grade, '-') <> coalesce(g.grade, '-')) and not exists (select 1"
                + " from watch_level x where x.watch_day = :day and x.ref = s.ref)")
        .param("day", day)
        .update();
  }

  /**
   * A missed day back-filled before a later recorded day must not change what that later day
   * recorded: each duty the back-filled day wrote, with no row of its own between that day and the
   * later one, gets a row on the later day restoring its level there (its level of the day before,
   * or CLOSED if it was not open then).
   */
  private void restore(LocalDate day, LocalDate prev, LocalDate later) {
    List<Object[]> rows = new ArrayList<>();
    jdbc.sql(
            "select b.ref, b.source, b.petition_id, b.duty, b.owed_by, b.due,"
                + " p.ref as p_ref, p.duty as p_duty, p.owed_by as p_owed_by, p.due as p_due,"
                + " p.level_code as p_level, p.grade as p_grade"
                + " from watch_level b left join "
                + STATE_ON_PREV
                + " p on p.ref = b.ref where b.watch_day = :day and not exists (select 1 from"
                + " watch_level y where y.ref = b.ref and y.watch_day > :day and y.watch_day <="
                + " :later)")
        .param("day", day)
        .param("prev", prev)
        .param("later", later)
        .query(
            (ResultSet rs) -> {
              boolean open = rs.getString("p_ref") != null;
              LocalDate due = rs.getObject(open ? "p_due" : "due", LocalDate.class);
              rows.add(
                  new Object[] {
                    later,
                    rs.getString("ref"),
                    rs.getString("source"),
                    rs.getString("petition_id"),
                    rs.getString(open ? "p_duty" : "duty"),
                    rs.getString(open ? "p_owed_by" : "owed_by"),
                    due,
                    open ? rs.getString("p_level") : CLOSED,
                    open ? rs.getString("p_grade") : null,
                    open ? grade(due, later).workingDays() : 0
                  });
            });
    batch.batchUpdate(
        "insert into watch_level (" + LEVEL_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** The open duties on a day being back-filled (all of them, or the overdue ones). */
  private long countOpen(LocalDate day, boolean overdueOnly) {
    String level = overdueOnly ? " and g.level_code = 'OVERDUE'" : "";
    return jdbc.sql(
                "select count(*) from "
                    + DutyChanges.DUTIES
                    + " d join watch_grade g on g.watch_day = :day"
                    + " and g.due = d.due where "
                    + OPEN_DUTY
                    + level)
            .param("day", day)
            .query(Long.class)
            .single()
        + jdbc.sql(
                "select count(*) from task t join watch_grade g on g.watch_day = :day"
                    + " and g.due = t.due where "
                    + OPEN_TASK
                    + level)
            .param("day", day)
            .query(Long.class)
            .single();
  }

  private static final String CLOSED = "CLOSED";

  /** Refreshes a small table's planner statistics (PostgreSQL; H2 plans without them). */
  private void analyze(String table) {
    if (database.isPostgres()) {
      batch.execute("analyze " + table);
    }
  }

  private Optional<LocalDate> previousRecorded(LocalDate day) {
    return jdbc.sql("select max(watch_day) from watch_run where watch_day < :d")
        .param("d", day)
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .optional();
  }

  private Optional<LocalDate> nextRecorded(LocalDate day) {
    return jdbc.sql("select min(watch_day) from watch_run where watch_day > :d")
        .param("d", day)
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .optional();
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
   * The levels the latest run recorded for these petitions' duties: petition id → duty → level,
   * working days counted to that day. Petitions the run did not see are left out.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Map<String, Map<String, DutyLevel>> levels(Collection<String> petitionIds) {
    Map<String, Map<String, DutyLevel>> out = new LinkedHashMap<>();
    Optional<LocalDate> day = latestDay();
    if (petitionIds.isEmpty() || day.isEmpty()) {
      return out;
    }
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(petitionIds));
    for (int i = 0; i < ids.size(); i += 500) {
      on(
              day.get(),
              "s.petition_id in (:ids)",
              Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 500))))
          .forEach(
              w ->
                  out.computeIfAbsent(w.petitionId(), k -> new LinkedHashMap<>())
                      .put(w.duty(), w.level()));
    }
    return out;
  }

  /**
   * The open duties a recorded day holds that match {@code where} (on the state's columns, alias
   * {@code s}): the kept state when the day is the latest recorded, else each duty's latest change
   * on or before the day. Working days are counted to the day.
   */
  private List<WatchedDuty> on(LocalDate day, String where, Map<String, ?> params) {
    boolean latest = latestDay().map(day::equals).orElse(false);
    if (!latest && run(day).isEmpty()) {
      return List.of();
    }
    String state = latest ? "watch_state" : STATE_ON_PREV;
    Map<LocalDate, Integer> days = new HashMap<>();
    return jdbc.sql("select s.* from " + state + " s where " + where)
        .param("day", day)
        .param("prev", day) // the state as of the day itself
        .params(params)
        .query(
            (rs, n) -> {
              LocalDate due = rs.getObject("due", LocalDate.class);
              return levelRow(rs, day, days.computeIfAbsent(due, d -> grade(d, day).workingDays()));
            })
        .list();
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
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Dashboard dashboard(LocalDate day) {
    Actor actor = currentActor.get();
    Set<String> orgs = record.oversees(actor);
    LocalDate d = day != null ? day : latestDay().orElse(null);
    if (d == null || orgs.isEmpty()) {
      return new Dashboard(d, null, List.of());
    }
    List<WatchedDuty> rows =
        on(d, "s.level_code <> 'NORMAL'", Map.of()).stream()
            .filter(w -> orgs.contains(w.owedBy()))
            .sorted(Comparator.comparingInt((WatchedDuty w) -> w.level().workingDays()).reversed())
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

  /**
   * The level a recorded day holds for one duty (for tests and drill-down), whoever asks: its
   * latest change on or before the day, unless that closed it; working days counted to the day.
   */
  public Optional<WatchedDuty> recorded(LocalDate day, String ref) {
    if (run(day).isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select * from watch_level where ref = :r and watch_day <= :d"
                + " order by watch_day desc fetch first 1 rows only")
        .param("d", day)
        .param("r", ref)
        .query(
            (rs, n) ->
                levelRow(rs, day, grade(rs.getObject("due", LocalDate.class), day).workingDays()))
        .optional()
        .filter(w -> w.level() != null);
  }

  /** The history of the watch (one event per recorded day). */
  public List<SupervisionEvent> history(LocalDate day) {
    return record.events("WATCH", day.toString());
  }

  private static int count(List<WatchedDuty> list, Grade g) {
    return (int) list.stream().filter(w -> w.level().grade() == g).count();
  }

  /** Working days in (from, to]: the calendar's, Monday–Friday beyond its years. */
  private int workingDays(LocalDate from, LocalDate to) {
    return calendar.workingDaysBetweenAny(from, to);
  }

  private boolean working(LocalDate d) {
    return calendar.isWorkingDayAny(d);
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

  /** A change or state row read on a day: its level and grade as recorded, null when CLOSED. */
  private static WatchedDuty levelRow(ResultSet rs, LocalDate day, int workingDays)
      throws SQLException {
    String code = rs.getString("level_code");
    String grade = rs.getString("grade");
    return new WatchedDuty(
        day,
        rs.getString("ref"),
        rs.getString("source"),
        rs.getString("petition_id"),
        rs.getString("duty"),
        rs.getString("owed_by"),
        rs.getObject("due", LocalDate.class),
        CLOSED.equals(code)
            ? null
            : new DutyLevel(
                Level.valueOf(code), grade == null ? null : Grade.valueOf(grade), workingDays));
  }
}
