package org.xinfang.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.flowable.task.service.delegate.DelegateTask;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.XinfangApplication;
import org.xinfang.calendar.Due;
import org.xinfang.calendar.LawProfile;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.demo.DemoData;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.petition.ReviewOutcome;

/**
 * The in-process measurements on one database: Xinfang's application (its Spring context, its
 * HikariCP pool) started on a fresh database, the same petition life through PetitionService and
 * through an embedded Flowable engine on the same pool, and the one-row-insert loop on that pool.
 */
final class InProcess implements AutoCloseable {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final int ACTS_PER_LIFE = 8;

  private final ConfigurableApplicationContext context;
  private final PetitionService petitions;
  private final Clock clock;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final org.xinfang.shared.DeferredWrites writes;
  private final ProcessEngine flowable;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private int k;

  InProcess(List<String> args) {
    context =
        new SpringApplicationBuilder(XinfangApplication.class)
            .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new Counting()))
            .run(args.toArray(String[]::new));
    petitions = context.getBean(PetitionService.class);
    clock = context.getBean(Clock.class);
    dataSource = context.getBean(DataSource.class);
    jdbc = new JdbcTemplate(dataSource);
    System.out.printf(
        "   database: %s%n",
        jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL()));
    tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    writes = context.getBean(org.xinfang.shared.DeferredWrites.class);
    jdbc.execute(
        "create table if not exists bench_floor (id varchar(36) primary key, at timestamp with"
            + " time zone not null, payload varchar(200))");
    flowable = flowable(dataSource, context.getBean(WorkingCalendar.class), context.getBean(LawProfile.class));
    runtime = flowable.getRuntimeService();
    tasks = flowable.getTaskService();
  }

  /** A fresh PostgreSQL database for the run: the public schema emptied. */
  static void emptyPostgres(String url, String user, String password) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(url, user, password);
        var s = c.createStatement()) {
      s.execute("drop schema public cascade");
      s.execute("create schema public");
    }
  }

  // ---------------------------------------------------------------- Xinfang

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /** register → forward → accept → extend → reply → deliver → request review → review. */
  void xinfangLife() {
    LocalDate today = today();
    int n = k++;
    PetitionView p = as("dl-clerk", () -> petitions.register(registration(n, today)));
    String id = p.id();
    act("dl-clerk", id, new Acts.Forward(today, DemoData.CITY_HUMAN_RESOURCES));
    act(
        "dl-handler",
        id,
        new Acts.Accept(today, Category.GRIEVANCE, Pathway.PETITION_HANDLING, false));
    act("dl-handler", id, new Acts.Extend(today, 30, "涉及多个部门，需进一步调查核实", "局长"));
    act(
        "dl-handler",
        id,
        new Acts.Reply(today, Outcome.EXPLAIN, OPINION, "《保障农民工工资支付条例》第三十条"));
    act("dl-handler", id, new Acts.Deliver(today));
    act("dl-handler", id, new Acts.RequestReview(today, DemoData.CITY_GOVERNMENT));
    act(
        "dl-leader",
        id,
        new Acts.Review(
            today, ReviewOutcome.UPHOLD, null, "原处理意见认定事实清楚，适用依据正确，予以维持。", null, null));
  }

  /** Registration alone (the intake's in-process reference). */
  void xinfangRegistration() {
    int n = k++;
    as("dl-clerk", () -> petitions.register(registration(n, today())));
  }

  static final String FACTS = "本人在某建筑工地务工，施工方拖欠三个月工资共计2.4万元，多次讨要未果。";
  static final String REQUEST = "请求责令施工方支付拖欠的工资。";
  static final String OPINION = "经调查核实，施工方已承诺分期支付拖欠工资，首期款项已到账，现答复如下。";

  static Registration registration(int n, LocalDate today) {
    return new Registration(
        Channel.LETTER,
        today,
        DemoData.CITY_PETITION_BUREAU,
        List.of(
            new PetitionerData(
                "王秀英",
                null,
                null,
                null,
                null,
                null,
                String.format("139%08d", n % 100_000_000),
                "大连市中山区友好街" + (n % 90 + 1) + "号",
                null,
                true)),
        0,
        1,
        false,
        null,
        "拖欠农民工工资",
        FACTS,
        REQUEST,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * A figures read by the city's supervisor: it first projects every act noted since the last
   * drain (the work the acts no longer do themselves), so a count that ends with one holds the
   * projection of exactly the lives it counted.
   */
  void figuresRead() {
    org.xinfang.figures.Figures figures = context.getBean(org.xinfang.figures.Figures.class);
    LocalDate day = today();
    as(
        "dl-supervisor",
        () -> figures.figure("volumeBatches", figures.period("dl-gov", day, day)));
  }

  private void act(String user, String id, Acts.Act act) {
    as(user, () -> petitions.act(id, act));
  }

  private static <T> T as(String username, Supplier<T> work) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  // ---------------------------------------------------------------- Flowable

  private static ProcessEngine flowable(DataSource ds, WorkingCalendar calendar, LawProfile profile) {
    createFlowableSchema(ds);
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setDataSource(ds);
    cfg.setDatabaseSchemaUpdate("ignore"); // created above
    cfg.setAsyncExecutorActivate(false);
    cfg.setBeans(new java.util.HashMap<>(Map.of("dueDates", new DueDates(calendar, profile))));
    ProcessEngine engine = cfg.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("bench/petition-life.bpmn20.xml")
        .deploy();
    return engine;
  }

  /**
   * Flowable's own DDL for H2 uses H2's regular dialect (an {@code identity} column), which the
   * application's {@code MODE=PostgreSQL} refuses: its schema is created once on one of the pool's
   * connections switched to the regular mode for that, then switched back. The engine then runs on
   * the pool as the application's connections are. On PostgreSQL nothing is switched.
   */
  private static void createFlowableSchema(DataSource ds) {
    try (java.sql.Connection c = ds.getConnection()) {
      boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
      if (h2) {
        try (var s = c.createStatement()) {
          s.execute("SET MODE REGULAR");
        }
      }
      StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
      cfg.setDataSource(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
      cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      cfg.setAsyncExecutorActivate(false);
      cfg.buildProcessEngine().close();
      if (h2) {
        try (var s = c.createStatement()) {
          s.execute("SET MODE PostgreSQL");
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same life as a BPMN process: start (registration) and seven user tasks, one commit each. */
  void flowableLife() {
    LocalDate today = today();
    int n = k++;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("channel", Channel.LETTER.name());
    v.put("receivedOn", today);
    v.put("receivedBy", DemoData.CITY_PETITION_BUREAU);
    v.put("registeredBy", "dl-clerk");
    v.put("petitionerName", "王秀英");
    v.put("petitionerPhone", String.format("139%08d", n % 100_000_000));
    v.put("petitionerAddress", "大连市中山区友好街" + (n % 90 + 1) + "号");
    v.put("persons", 1);
    v.put("subject", "拖欠农民工工资");
    v.put("facts", FACTS);
    v.put("request", REQUEST);
    String pid =
        runtime
            .startProcessInstanceByKey("petitionLife", UUID.randomUUID().toString(), v)
            .getId();
    String dept = DemoData.CITY_HUMAN_RESOURCES;
    complete(
        pid,
        DemoData.CITY_PETITION_BUREAU,
        Map.of("forwardedTo", dept, "forwardedOn", today, "forwardedBy", "dl-clerk"));
    complete(
        pid,
        dept,
        Map.of(
            "category", "GRIEVANCE",
            "pathway", "PETITION_HANDLING",
            "acceptedOn", today,
            "acceptedBy", "dl-handler"));
    complete(
        pid,
        dept,
        Map.of(
            "extensionDays", 30,
            "extensionReason", "涉及多个部门，需进一步调查核实",
            "approvedBy", "局长",
            "extendedOn", today));
    complete(
        pid,
        dept,
        Map.of(
            "outcome", "EXPLAIN",
            "opinion", OPINION,
            "basis", "《保障农民工工资支付条例》第三十条",
            "repliedOn", today));
    complete(pid, dept, Map.of("deliveredOn", today));
    complete(
        pid,
        dept,
        Map.of("reviewRequestedOn", today, "reviewOrgan", DemoData.CITY_GOVERNMENT));
    complete(
        pid,
        DemoData.CITY_GOVERNMENT,
        Map.of(
            "reviewOutcome", "UPHOLD",
            "reviewOpinion", "原处理意见认定事实清楚，适用依据正确，予以维持。",
            "reviewedOn", today,
            "reviewedBy", "dl-leader"));
  }

  /** As a Flowable application does it: find the group's task on the instance, complete it. */
  private void complete(String processInstanceId, String group, Map<String, Object> variables) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskCandidateGroup(group)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException("no task for " + group + " on " + processInstanceId);
    }
    tasks.complete(task.getId(), variables);
  }

  /** Each user task's due date, on creation: the period rule of the duty it stands for. */
  static final class DueDates implements TaskListener {
    private final WorkingCalendar calendar;
    private final LawProfile profile;

    DueDates(WorkingCalendar calendar, LawProfile profile) {
      this.calendar = calendar;
      this.profile = profile;
    }

    @Override
    public void notify(DelegateTask task) {
      Due due =
          switch (task.getTaskDefinitionKey()) {
            case "forward" -> calendar.due(day(task, "receivedOn"), profile.rule("route"));
            case "accept" -> calendar.due(day(task, "forwardedOn"), profile.rule("notify-receipt"));
            case "extend" -> calendar.due(day(task, "acceptedOn"), profile.rule("conclude"));
            case "reply" ->
                calendar.due(
                    day(task, "acceptedOn"),
                    profile.rule("conclude"),
                    (Integer) task.getVariable("extensionDays"));
            case "deliver" -> null; // no period: delivery follows the opinion
            case "requestReview" ->
                calendar.due(day(task, "deliveredOn"), profile.rule("review-window"));
            case "review" -> calendar.due(day(task, "reviewRequestedOn"), profile.rule("review"));
            default -> throw new IllegalStateException(task.getTaskDefinitionKey());
          };
      if (due != null) {
        task.setDueDate(Date.from(due.date().atStartOfDay(ZoneOffset.ofHours(8)).toInstant()));
      }
    }

    private static LocalDate day(DelegateTask task, String variable) {
      return (LocalDate) task.getVariable(variable);
    }
  }

  // ---------------------------------------------------------------- the database's own limit

  /** One row inserted in its own committed transaction, on the application's pool. */
  void insertFloor() {
    tx.executeWithoutResult(
        s ->
            jdbc.update(
                "insert into bench_floor (id, at, payload) values (?, ?, ?)",
                UUID.randomUUID().toString(),
                clock.instant().atOffset(ZoneOffset.ofHours(8)),
                "one row"));
  }

  // ------------------------------------------------------------ the least an act can write

  private String minimumId;
  private int minimumEvents;
  private long minimumVersion;

  /**
   * The least an act can write in its own commit when that commit holds its state, on this
   * application's own tables: the petition's row under its version check and one history event (a
   * payload and a chain link of the usual size), in one committed transaction, through the same deferred writes an act uses
   * (on PostgreSQL one round trip with the commit). No rule, no duty, no notice, no journal: what
   * this loop reaches bounds what any act of that design could (an act that appends only its event
   * is bounded by {@link #appendOnlyAct}).
   */
  void minimumAct() {
    minimum(false, false);
  }

  /** The least, and the duty the act leaves (its deadline, for the work list and the sweep). */
  void minimumActWithDuty() {
    minimum(true, false);
  }

  /**
   * What the law asks of an act in its own commit, at the least: its row, its event, its duty and,
   * on five acts in eight as in the life, a numbered notice (the serial taken from its counter, the
   * notice stored, and its {@code issue-notice} event; the row updated once for both events).
   */
  void minimumActWithDutyAndNotice() {
    minimum(true, minimumEvents % ACTS_PER_LIFE < 5);
  }

  private void minimum(boolean duty, boolean notice) {
    if (minimumId == null) {
      minimumId = as("dl-clerk", () -> petitions.register(registration(k++, today()))).id();
      figuresRead(); // its registration projected now: the events below are not an act's
      Map<String, Object> row =
          jdbc.queryForMap(
              "select version, history_events from petition where id = ?", minimumId);
      minimumVersion = ((Number) row.get("version")).longValue();
      minimumEvents = ((Number) row.get("history_events")).intValue();
      jdbc.update(
          "insert into notice_number_sequence (organisation_id, type_code, number_year,"
              + " last_serial) values (?, 'bench', ?, 0)",
          DemoData.CITY_HUMAN_RESOURCES,
          today().getYear());
    }
    tx.executeWithoutResult(
        s -> {
          event(minimumEvents + 1, "note", MINIMUM_PAYLOAD);
          if (duty) {
            duty(minimumId);
          }
          if (notice) {
            long serial =
                writes
                    .sql(
                        """
                        update notice_number_sequence set last_serial = last_serial + 1
                        where organisation_id = :org and type_code = 'bench' and number_year = :y
                        """)
                    .param("org", DemoData.CITY_HUMAN_RESOURCES)
                    .param("y", today().getYear())
                    .sendReturning("last_serial")
                    .orElseThrow();
            String number = "大人社信测〔" + today().getYear() + "〕" + serial + "号";
            notice(minimumId, minimumEvents, number);
            event(minimumEvents + 1, "issue-notice", issued(number));
          }
          row();
        });
  }

  /** The act's duty rewritten (deleted, one inserted), queued in the transaction. */
  private void duty(String petitionId) {
    writes.sql("delete from petition_duty where petition_id = :p").param("p", petitionId).defer();
    writes
        .sql(
            """
            insert into petition_duty (petition_id, duty, due, owed_by, basis, provisional,
              optional, paused)
            values (:p, 'CONCLUDE', :due, :org, '条例第三十三条', false, false, false)
            """)
        .param("p", petitionId)
        .param("due", today().plusDays(60))
        .param("org", DemoData.CITY_HUMAN_RESOURCES)
        .defer();
  }

  /** A numbered notice of the usual size on an act, queued in the transaction. */
  private void notice(String petitionId, int actSeq, String number) {
    writes
        .sql(
            """
            insert into notice (id, petition_id, kind, status, act_seq, document_number,
              issued_on, issued_by_org, content, created_at)
            values (:id, :p, 'RECEIPT', 'ISSUED', :seq, :number, :on, :org, :content, :at)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("p", petitionId)
        .param("seq", actSeq)
        .param("number", number)
        .param("on", today())
        .param("org", DemoData.CITY_HUMAN_RESOURCES)
        .param("content", MINIMUM_NOTICE)
        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
        .defer();
  }

  /** The payload of an issue-notice event. */
  private static String issued(String number) {
    return "{\"kind\":\"RECEIPT\",\"number\":\"" + number + "\"}";
  }

  /** The row's update under its version check, once per transaction, after its events. */
  private void row() {
    writes
        .sql(
            """
            update petition set last_act_on = :on, version = version + 1,
              history_events = :events, history_head = :head
            where id = :id and version = :version
            """)
        .param("on", today())
        .param("events", minimumEvents)
        .param("head", String.format("%064x", minimumEvents))
        .param("id", minimumId)
        .param("version", minimumVersion)
        .deferExpecting(1, () -> new IllegalStateException("minimum act lost its row"));
    minimumVersion++;
  }

  /** One history event of the least act's petition, queued in the transaction. */
  private void event(int seq, String act, String payload) {
    event(minimumId, seq, act, payload);
    // counted as it is queued: a rolled-back transaction throws out of the loop
    minimumEvents = seq;
  }

  /** One history event, queued in the transaction. */
  private void event(String petitionId, int seq, String act, String payload) {
    String hash = String.format("%064x", seq);
    writes
        .sql(
            """
            insert into petition_event (petition_id, seq, act, on_date, actor,
              organisation_id, recorded_at, article, back_entered, admin_act, payload,
              algorithm, prev_hash, hash)
            values (:p, :seq, :act, :on, 'dl-handler', :org, :at, '条例第三十二条', false,
              false, :payload, 'SHA-256', :prev, :hash)
            """)
        .param("p", petitionId)
        .param("seq", seq)
        .param("act", act)
        .param("on", today())
        .param("org", DemoData.CITY_HUMAN_RESOURCES)
        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
        .param("payload", payload)
        .param("prev", String.format("%064x", seq - 1))
        .param("hash", hash)
        .defer();
  }

  // ------------------------------------------- the least an act can write when it appends events

  /** Acts projected per projection transaction in {@link #appendedAct}. */
  static final int PROJECTION_BATCH = 32;

  private String[] appendedIds;
  private int[] appendedSeqs;
  private long appendedActs;

  /** The acts not yet projected: petition index, act position, notice position or 0. */
  private final List<int[]> appendedUnprojected = new ArrayList<>();

  /**
   * The least an act can write in its own commit when the history is the only record written
   * there: its event, whose primary key (petition, position) is the version check — a second act
   * decided on the same history fails on it. The row, the duty and the notice are then
   * projections, written after the commit ({@link #appendedActWithProjections}); here they are not
   * written at all.
   */
  void appendOnlyAct() {
    appended(false, false);
  }

  /**
   * The law's least act as an appended event: the act's commit holds its event only; every {@value
   * #PROJECTION_BATCH} acts, one transaction writes what the law's least act wrote in each act's
   * own commit — each act's row update and duty, and on five acts in eight the numbered notice
   * (serials taken for the batch in one update of the counter) with its {@code issue-notice}
   * event at the position the act reserved. The acts go to {@value #PROJECTION_BATCH} petitions
   * in turn, as a city's acts go to many, so a batch writes each row once. The time of the
   * projections is counted in the acts'.
   */
  void appendedActWithProjections() {
    appended(true, false);
  }

  /**
   * As {@link #appendedActWithProjections}, each batch projected in one statement per table: the
   * rows in one {@code merge}, the duties in one delete and one insert of many rows, the notices
   * and their events in one insert each.
   */
  void appendedActWithBulkProjections() {
    appended(true, true);
  }

  private void appended(boolean project, boolean bulk) {
    if (appendedIds == null) {
      appendedIds = new String[PROJECTION_BATCH];
      appendedSeqs = new int[PROJECTION_BATCH];
      for (int i = 0; i < PROJECTION_BATCH; i++) {
        appendedIds[i] =
            as("dl-clerk", () -> petitions.register(registration(k++, today()))).id();
      }
      figuresRead();
      for (int i = 0; i < PROJECTION_BATCH; i++) {
        appendedSeqs[i] =
            jdbc.queryForObject(
                "select history_events from petition where id = ?", Integer.class, appendedIds[i]);
      }
      jdbc.update(
          "insert into notice_number_sequence (organisation_id, type_code, number_year,"
              + " last_serial) values (?, 'bench-appended', ?, 0)",
          DemoData.CITY_HUMAN_RESOURCES,
          today().getYear());
    }
    int j = (int) (appendedActs % PROJECTION_BATCH);
    boolean notice = appendedActs % ACTS_PER_LIFE < 5;
    int seq = appendedSeqs[j] + 1;
    tx.executeWithoutResult(s -> event(appendedIds[j], seq, "note", MINIMUM_PAYLOAD));
    appendedSeqs[j] = seq;
    appendedActs++;
    if (!project) {
      return;
    }
    // a notice act reserves the next position for its issue-notice event
    appendedUnprojected.add(new int[] {j, seq, notice ? ++appendedSeqs[j] : 0});
    if (appendedUnprojected.size() >= PROJECTION_BATCH) {
      if (bulk) {
        projectAppendedInBulk();
      } else {
        projectAppended();
      }
    }
  }

  /** Takes {@code notices} serials from the counter at once: answers the one before the first. */
  private long appendedSerials(int notices) {
    return writes
            .sql(
                """
                update notice_number_sequence set last_serial = last_serial + :n
                where organisation_id = :org and type_code = 'bench-appended'
                  and number_year = :y
                """)
            .param("n", notices)
            .param("org", DemoData.CITY_HUMAN_RESOURCES)
            .param("y", today().getYear())
            .sendReturning("last_serial")
            .orElseThrow()
        - notices;
  }

  /** One transaction projecting the appended acts, a statement per table. */
  private void projectAppendedInBulk() {
    tx.executeWithoutResult(
        s -> {
          List<int[]> acts = appendedUnprojected;
          StringBuilder rows = new StringBuilder();
          StringBuilder duties = new StringBuilder();
          Map<String, Object> rowParams = new LinkedHashMap<>();
          Map<String, Object> dutyParams = new LinkedHashMap<>();
          List<String> ids = new ArrayList<>();
          int notices = 0;
          for (int i = 0; i < acts.size(); i++) {
            int[] act = acts.get(i);
            String id = appendedIds[act[0]];
            int last = act[2] > 0 ? act[2] : act[1];
            notices += act[2] > 0 ? 1 : 0;
            ids.add(id);
            rows.append(i == 0 ? "" : ", ")
                .append("(cast(:id")
                .append(i)
                .append(" as varchar(36)), cast(:e")
                .append(i)
                .append(" as integer), cast(:h")
                .append(i)
                .append(" as varchar(128)))");
            rowParams.put("id" + i, id);
            rowParams.put("e" + i, last);
            rowParams.put("h" + i, String.format("%064x", last));
            duties
                .append(i == 0 ? "" : ", ")
                .append("(:p")
                .append(i)
                .append(", 'CONCLUDE', :due, :org, '条例第三十三条', false, false, false)");
            dutyParams.put("p" + i, id);
          }
          writes
              .sql(
                  "merge into petition t using (values "
                      + rows
                      + ") as v (id, events, head) on t.id = v.id when matched then update set"
                      + " last_act_on = :on, version = t.version + 1, history_events = v.events,"
                      + " history_head = v.head")
              .params(rowParams)
              .param("on", today())
              .defer();
          writes
              .sql("delete from petition_duty where petition_id in (:ids)")
              .param("ids", ids)
              .defer();
          writes
              .sql(
                  "insert into petition_duty (petition_id, duty, due, owed_by, basis, provisional,"
                      + " optional, paused) values "
                      + duties)
              .params(dutyParams)
              .param("due", today().plusDays(60))
              .param("org", DemoData.CITY_HUMAN_RESOURCES)
              .defer();
          if (notices == 0) {
            return;
          }
          long serial = appendedSerials(notices);
          StringBuilder noticeRows = new StringBuilder();
          StringBuilder eventRows = new StringBuilder();
          Map<String, Object> noticeParams = new LinkedHashMap<>();
          Map<String, Object> eventParams = new LinkedHashMap<>();
          int n = 0;
          for (int[] act : acts) {
            if (act[2] == 0) {
              continue;
            }
            String number = "大人社信追〔" + today().getYear() + "〕" + ++serial + "号";
            noticeRows
                .append(n == 0 ? "" : ", ")
                .append(
                    "(:id%d, :p%d, 'RECEIPT', 'ISSUED', :seq%d, :number%d, :on, :org, :content, :at)"
                        .formatted(n, n, n, n));
            noticeParams.put("id" + n, UUID.randomUUID().toString());
            noticeParams.put("p" + n, appendedIds[act[0]]);
            noticeParams.put("seq" + n, act[1]);
            noticeParams.put("number" + n, number);
            eventRows
                .append(n == 0 ? "" : ", ")
                .append(
                    ("(:p%d, :seq%d, 'issue-notice', :on, 'dl-handler', :org, :at, '条例第三十二条',"
                            + " false, false, :payload%d, 'SHA-256', :prev%d, :hash%d)")
                        .formatted(n, n, n, n, n));
            eventParams.put("p" + n, appendedIds[act[0]]);
            eventParams.put("seq" + n, act[2]);
            eventParams.put("payload" + n, issued(number));
            eventParams.put("prev" + n, String.format("%064x", act[2] - 1));
            eventParams.put("hash" + n, String.format("%064x", act[2]));
            n++;
          }
          writes
              .sql(
                  "insert into notice (id, petition_id, kind, status, act_seq, document_number,"
                      + " issued_on, issued_by_org, content, created_at) values "
                      + noticeRows)
              .params(noticeParams)
              .param("on", today())
              .param("org", DemoData.CITY_HUMAN_RESOURCES)
              .param("content", MINIMUM_NOTICE)
              .param("at", clock.instant().atOffset(ZoneOffset.UTC))
              .defer();
          writes
              .sql(
                  "insert into petition_event (petition_id, seq, act, on_date, actor,"
                      + " organisation_id, recorded_at, article, back_entered, admin_act, payload,"
                      + " algorithm, prev_hash, hash) values "
                      + eventRows)
              .params(eventParams)
              .param("on", today())
              .param("org", DemoData.CITY_HUMAN_RESOURCES)
              .param("at", clock.instant().atOffset(ZoneOffset.UTC))
              .defer();
        });
    appendedUnprojected.clear();
  }

  /** One transaction projecting the appended acts: rows, duties, numbered notices. */
  private void projectAppended() {
    tx.executeWithoutResult(
        s -> {
          int notices = 0;
          for (int[] act : appendedUnprojected) {
            String id = appendedIds[act[0]];
            notices += act[2] > 0 ? 1 : 0;
            writes
                .sql(
                    """
                    update petition set last_act_on = :on, version = version + 1,
                      history_events = :events, history_head = :head
                    where id = :id
                    """)
                .param("on", today())
                .param("events", act[2] > 0 ? act[2] : act[1])
                .param("head", String.format("%064x", act[2] > 0 ? act[2] : act[1]))
                .param("id", id)
                .defer();
            duty(id);
          }
          if (notices == 0) {
            return;
          }
          long serial = appendedSerials(notices);
          for (int[] act : appendedUnprojected) {
            if (act[2] == 0) {
              continue;
            }
            // numbered apart from the least act's notices (one document number per organ)
            String number = "大人社信追〔" + today().getYear() + "〕" + ++serial + "号";
            notice(appendedIds[act[0]], act[1], number);
            event(appendedIds[act[0]], act[2], "issue-notice", issued(number));
          }
        });
    appendedUnprojected.clear();
  }

  /** A notice's stored content of the usual size (1,443 bytes in the bench's own notices). */
  private static final String MINIMUM_NOTICE =
      ("{\"kind\":\"RECEIPT\",\"addressee\":\"王秀英\",\"facts\":\"" + FACTS + "\"}")
          .repeat(6);

  /** A payload of an act's usual size (a reply's opinion and basis). */
  private static final String MINIMUM_PAYLOAD =
      "{\"on\":\"2026-11-28\",\"outcome\":\"EXPLAIN\",\"opinion\":\""
          + OPINION
          + "\",\"basis\":\"《保障农民工工资支付条例》第三十条\",\"deliveredBy\":null}";

  /** How many lives/rows this run has completed (checked after the run). */
  long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @Override
  public void close() {
    flowable.close();
    context.close();
  }
}
