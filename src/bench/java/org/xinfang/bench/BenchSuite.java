package org.xinfang.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The benchmark suite of issue 7 (docs/performance.md). Run with {@code ./mvnw -Pbench
 * test-compile exec:exec [-Dbench.args="--seconds=30 …"]}. Prints one table: each line a figure,
 * its baseline measured in the same run, and the ratio.
 *
 * <p>Options ({@code --name=value}): {@code h2} (true), {@code pg} (a JDBC URL, empty to skip),
 * {@code pg-user}/{@code pg-password} (xinfang), {@code seconds} (measured seconds per engine per
 * database, in three alternating rounds; 30), {@code warmup} (seconds; 8), {@code app-url} (the
 * large record's database for the -Xmx512m application, empty to skip), {@code jar}
 * (target/xinfang.jar), {@code xmx} (512m), {@code clients} (8), {@code intake} (registrations;
 * 3000), {@code intake-seconds} (120), {@code pages} (requests per page figure; 200), {@code
 * page-warmup} (requests before each page figure, on other petitions; 300), {@code app-port} (the
 * application's port; 18091).
 */
public final class BenchSuite {

  private final Map<String, String> opts = new HashMap<>();
  private final List<String[]> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    BenchSuite s = new BenchSuite();
    for (String a : args) {
      if (a.startsWith("--") && a.contains("=")) {
        s.opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
    }
    try {
      s.run();
    } catch (Throwable e) {
      e.printStackTrace();
      s.print();
      System.exit(1);
    }
    System.exit(0);
  }

  /** A property as application.yml sets it (placeholders left for the application to resolve). */
  static String applicationDefault(String key) {
    var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
    yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
    String value = yaml.getObject().getProperty(key);
    if (value == null) {
      throw new IllegalStateException("application.yml sets no " + key);
    }
    return value;
  }

  private String opt(String name, String fallback) {
    return opts.getOrDefault(name, fallback);
  }

  private int num(String name, int fallback) {
    return Integer.parseInt(opt(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    String user = opt("pg-user", "xinfang");
    String password = opt("pg-password", "xinfang");
    int seconds = num("seconds", 30);
    int warmup = num("warmup", 8);
    System.out.printf(
        "Xinfang benchmark suite — %s, %d cores, Java %s%n",
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    if (Boolean.parseBoolean(opt("h2", "true"))) {
      Path dir = Path.of("target/bench/h2");
      deleteTree(dir);
      // the embedded default's own URL (file mode, WRITE_DELAY=0), named here because the test
      // configuration on the bench's class path would otherwise put H2 in memory
      lifecycle(
          "H2",
          List.of(
              "--xinfang.data-dir=" + dir.toAbsolutePath(),
              "--spring.datasource.url=" + applicationDefault("spring.datasource.url")),
          seconds,
          warmup);
    }
    String pg = opt("pg", "jdbc:postgresql://localhost:5432/xf_bench");
    if (!pg.isBlank()) {
      InProcess.emptyPostgres(pg, user, password);
      lifecycle(
          "PostgreSQL",
          List.of(
              "--spring.datasource.url=" + pg,
              "--spring.datasource.username=" + user,
              "--spring.datasource.password=" + password,
              "--xinfang.data-dir=target/bench/pgdata"),
          seconds,
          warmup);
    }
    String app = opt("app-url", "jdbc:postgresql://localhost:5432/xf_bench_big");
    if (!app.isBlank()) {
      application(app, user, password);
    }
    print();
  }

  // ------------------------------------------------------------------ 1 and 2

  private void lifecycle(String db, List<String> args, int seconds, int warmup) throws Exception {
    List<String> all = new ArrayList<>(args);
    all.add("--server.port=0");
    all.add("--xinfang.demo.petitions=false");
    all.add("--logging.level.root=WARN");
    // the test configuration on the bench's class path switches the figures' scheduled drain off;
    // the application drains every 5 s, and that work belongs in what a life costs
    all.add("--xinfang.figures.projection.enabled=true");
    // (the statements of 40 lives are counted after a drain of earlier lives' notes and end with
    // a figures read, which drains theirs: each count holds its own lives' projection)
    System.out.printf("%n== %s: starting the application and Flowable on one pool%n", db);
    try (InProcess p = new InProcess(all)) {
      if (seconds == 0) { // --seconds=0: only what an act sends to the database
        counted(p::xinfangLife, 10);
        counted(p::flowableLife, 10);
        countedLives(p, db);
        return;
      }
      System.out.printf("   warm-up %d s each%n", warmup);
      timed(p::xinfangLife, warmup);
      timed(p::flowableLife, warmup);
      timed(p::insertFloor, warmup);
      timed(p::minimumAct, Math.max(2, warmup / 2));
      timed(p::minimumActWithDutyAndNotice, Math.max(2, warmup / 2));
      timed(p::appendedActWithProjections, Math.max(2, warmup / 2));
      timed(p::appendedActWithBulkProjections, Math.max(2, warmup / 2));
      timed(p::xinfangRegistration, Math.max(2, warmup / 2));
      double[] x = new double[3], f = new double[3], i = new double[3], r = new double[3];
      double[] m = new double[3], md = new double[3], mn = new double[3];
      double[] ao = new double[3], ap = new double[3], ab = new double[3];
      int rounds = 3;
      for (int round = 1; round <= rounds; round++) {
        add(x, timed(p::xinfangLife, seconds / rounds));
        add(f, timed(p::flowableLife, seconds / rounds));
        add(i, timed(p::insertFloor, seconds / rounds));
        add(r, timed(p::xinfangRegistration, Math.max(1, seconds / rounds / 3)));
        add(m, timed(p::minimumAct, seconds / rounds));
        add(md, timed(p::minimumActWithDuty, seconds / rounds));
        add(mn, timed(p::minimumActWithDutyAndNotice, seconds / rounds));
        add(ao, timed(p::appendOnlyAct, seconds / rounds));
        add(ap, timed(p::appendedActWithProjections, seconds / rounds));
        add(ab, timed(p::appendedActWithBulkProjections, seconds / rounds));
        System.out.printf(
            "   round %d: Xinfang %.1f lives/s, Flowable %.1f lives/s, insert %.0f tx/s,"
                + " the least act %.0f, with its duty %.0f, with notices %.0f tx/s;"
                + " appended: the event alone %.0f, with projections %.0f, in bulk %.0f acts/s%n",
            round,
            x[0] / x[1],
            f[0] / f[1],
            i[0] / i[1],
            m[0] / m[1],
            md[0] / md[1],
            mn[0] / mn[1],
            ao[0] / ao[1],
            ap[0] / ap[1],
            ab[0] / ab[1]);
      }
      double xl = x[0] / x[1], fl = f[0] / f[1], floor = i[0] / i[1], reg = r[0] / r[1];
      double acts = xl * InProcess.ACTS_PER_LIFE;
      row(db + ": Xinfang lives/s (8 acts, 8 commits)", xl, "Flowable 7.2.0 lives/s", fl, 10.0);
      row(db + ": Xinfang acts/s", acts, "1-row insert tx/s, same pool", floor, 0.5);
      row(db + ": Flowable acts/s", fl * InProcess.ACTS_PER_LIFE, "1-row insert tx/s", floor, 0);
      row(db + ": in-process registrations/s", reg, "1-row insert tx/s", floor, 0);
      // the bounds: acts that wrote nothing but their row and event — then their duty, then a
      // numbered notice five times in eight — against Flowable's acts; no implementation that
      // records each act durably in its own commit, with what the law asks, goes past them
      double fa = fl * InProcess.ACTS_PER_LIFE;
      double minimum = m[0] / m[1], withDuty = md[0] / md[1], law = mn[0] / mn[1];
      row(db + ": the least act tx/s (its row and its event)", minimum, "1-row insert tx/s", floor, 0);
      row(db + ": the least act tx/s — the bound on any act", minimum, "Flowable acts/s", fa, 0);
      row(db + ": the least act + its duty, tx/s", withDuty, "Flowable acts/s", fa, 0);
      row(
          db + ": the law's least act (+ a numbered notice 5 times in 8), tx/s",
          law,
          "Flowable acts/s",
          fa,
          0);
      row(db + ": the law's least act tx/s", law, "1-row insert tx/s", floor, 0);
      row(db + ": Xinfang acts/s against the law's least act", acts, "the law's least act tx/s", law, 0);
      // the same law's writes when the act's commit holds only its event (the position in the
      // history as its version check) and the row, duty and notice are projected after it, in
      // batches: the bound of an event-appending design, projections counted in
      double appendOnly = ao[0] / ao[1], appended = ap[0] / ap[1];
      row(db + ": an act appending its event only, tx/s", appendOnly, "1-row insert tx/s", floor, 0);
      row(
          db
              + ": the law's least act appended (projected in batches of "
              + InProcess.PROJECTION_BATCH
              + "), acts/s",
          appended,
          "1-row insert tx/s",
          floor,
          0);
      row(db + ": the law's least act appended, acts/s", appended, "Flowable acts/s", fa, 0);
      row(
          db + ": the law's least act appended, acts/s",
          appended,
          "the law's least act tx/s",
          law,
          0);
      double bulk = ab[0] / ab[1];
      row(
          db + ": the law's least act appended, projected a statement per table, acts/s",
          bulk,
          "1-row insert tx/s",
          floor,
          0);
      row(db + ": the law's least act appended in bulk, acts/s", bulk, "Flowable acts/s", fa, 0);
      if (db.equals("PostgreSQL")) {
        inProcessRegistrations = reg;
      }
      // what an act costs in the database: statements, commits, time waiting on the database
      double[][] lives = countedLives(p, db);
      double[] xs = lives[0], fs = lives[1];
      double[] is = counted(p::insertFloor, 400);
      row(db + ": Xinfang commits per act", xs[1] / 8, "Flowable commits per act", fs[1] / 8, 0);
      row(
          db + ": Xinfang ms per act (in database)",
          xs[3] / 8,
          "ms per act, all",
          xs[2] / 8,
          0);
      row(
          db + ": Flowable ms per act (in database)",
          fs[3] / 8,
          "ms per act, all",
          fs[2] / 8,
          0);
      row(db + ": 1-row insert ms per tx (in database)", is[3], "ms per tx, all", is[2], 0);
      // the acting thread's own CPU in the timed rounds (the application and the driver), apart
      // from the time it waited for the database or for a core (two cores shared with the
      // database's backend)
      cpuRow(db + ": Xinfang CPU ms per act (the acting thread)", x, InProcess.ACTS_PER_LIFE);
      cpuRow(db + ": Flowable CPU ms per act (the acting thread)", f, InProcess.ACTS_PER_LIFE);
      cpuRow(db + ": the least act CPU ms (the acting thread)", m, 1);
      cpuRow(db + ": the law's least act CPU ms (the acting thread)", mn, 1);
      cpuRow(db + ": the law's least act appended, CPU ms (the acting thread)", ap, 1);
      cpuRow(db + ": the law's least act appended in bulk, CPU ms (the acting thread)", ab, 1);
    }
  }

  /**
   * 40 lives of each engine counted (Xinfang's ending with a figures read, which projects them),
   * their statements written to target/bench, and the statements and round trips per act printed.
   */
  private double[][] countedLives(InProcess p, String db) throws Exception {
    double[] xs = counted(p::xinfangLife, 40, p::figuresRead);
    writeStatements("target/bench/statements-" + db + "-xinfang.txt", 40);
    System.out.printf("   %s: Xinfang's wait per life (ms), by what was sent:%n", db);
    Counting.waitBySql.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
        .limit(12)
        .forEach(
            e -> System.out.printf("     %7.3f  %s%n", e.getValue().get() / 1e6 / 40, e.getKey()));
    double[] fs = counted(p::flowableLife, 40);
    writeStatements("target/bench/statements-" + db + "-flowable.txt", 40);
    row(db + ": Xinfang statements per act", xs[0] / 8, "Flowable statements per act", fs[0] / 8, 0);
    row(
        db + ": Xinfang round trips per act (commits included)",
        xs[4] / 8,
        "Flowable round trips per act",
        fs[4] / 8,
        0);
    return new double[][] {xs, fs};
  }

  private double inProcessRegistrations = Double.NaN;

  private static void add(double[] acc, double[] one) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] += one[i];
    }
  }

  /** The thread's CPU per act in timed rounds ({count, seconds, CPU seconds}), beside all. */
  private void cpuRow(String name, double[] timed, int actsPer) {
    double acts = timed[0] * actsPer;
    row(name, timed[2] * 1e3 / acts, "ms per act, all", timed[1] * 1e3 / acts, 0);
  }

  /** Runs the work until the time is up: {count, seconds, the running thread's CPU seconds}. */
  private static double[] timed(Runnable work, int seconds) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      work.run();
      n++;
    }
    return new double[] {
      n, (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9
    };
  }

  /** The statements one life prepared, most frequent first (the profile of an act's SQL). */
  private static void writeStatements(String file, int lives) throws Exception {
    StringBuilder b = new StringBuilder();
    Counting.bySql.entrySet().stream()
        .sorted((a, c) -> Long.compare(c.getValue().get(), a.getValue().get()))
        .forEach(
            e ->
                b.append(String.format("%6.2f  %s%n", e.getValue().get() / (double) lives, e.getKey())));
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of(file), b.toString());
  }

  /** Per unit of work: {statements, commits, ms all, ms in database}. */
  private static double[] counted(Runnable work, int n) {
    return counted(work, n, () -> {});
  }

  /**
   * What {@code n} runs of {@code work} send to the database, and {@code after} once at the end
   * (inside the count): work left from before (a drain of earlier lives' notes) is done first,
   * outside it.
   */
  private static double[] counted(Runnable work, int n, Runnable after) {
    after.run();
    Counting.reset();
    Counting.on = true;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) work.run();
    after.run();
    long took = System.nanoTime() - start;
    Counting.on = false;
    return new double[] {
      Counting.statements.get() / (double) n,
      Counting.commits.get() / (double) n,
      took / 1e6 / n,
      Counting.nanosInDatabase.get() / 1e6 / n,
      Counting.roundTrips.get() / (double) n
    };
  }

  // ------------------------------------------------------------------ 3 and 4

  private void application(String url, String user, String password) throws Exception {
    String jar = opt("jar", "target/xinfang.jar");
    String xmx = opt("xmx", "512m");
    String adminPw = opt("admin-password", "bench-admin-pw-1");
    long petitions;
    try (var c = java.sql.DriverManager.getConnection(url, user, password);
        var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from petition")) {
      rs.next();
      petitions = rs.getLong(1);
    }
    System.out.printf(
        "%n== The application (-Xmx%s, %s) on a record of %,d petitions%n", xmx, jar, petitions);
    try (Http app = Http.start(
            jar, xmx, num("app-port", 18091), url, user, password, adminPw, opt("app-data-dir", "target/bench/bigdata"))) {
      System.out.printf("   ready (pid %d); intake under load%n", app.pid());
      String clerk = app.token("dl-clerk", "demo12345");
      // unloaded latency first: one client, sequential
      Http.Intake single = app.intake(clerk, 1, 100, 60, "bench-intake-1-" + UUID.randomUUID());
      int clients = num("clients", 8);
      Http.Intake load =
          app.intake(
              clerk,
              clients,
              num("intake", 3000),
              num("intake-seconds", 120),
              "bench-intake-" + clients + "-" + UUID.randomUUID());
      long rowsSingle = countTagged(url, user, password, single);
      long rowsLoad = countTagged(url, user, password, load);
      row(
          "intake: registrations/s, HTTP, " + clients + " clients",
          load.perSecond(),
          "in-process registrations/s (PostgreSQL)",
          inProcessRegistrations,
          0);
      List<Long> sorted = new ArrayList<>(load.latenciesNanos());
      Collections.sort(sorted);
      List<Long> one = new ArrayList<>(single.latenciesNanos());
      Collections.sort(one);
      double base = ms(pct(one, 50));
      row("intake: p50 ms under load", ms(pct(sorted, 50)), "p50 ms, 1 client", base, 0);
      row("intake: p95 ms under load", ms(pct(sorted, 95)), "p50 ms, 1 client", base, 0);
      row("intake: p99 ms under load", ms(pct(sorted, 99)), "p50 ms, 1 client", base, 0);
      row(
          "intake: rows found after (" + load.errors() + " errors)",
          rowsLoad + rowsSingle,
          "201 acknowledged",
          load.acknowledged() + single.acknowledged(),
          1.0);

      // page queries on the large record
      String admin = app.token("admin", adminPw);
      Random random = new Random(7);
      List<String> ids = new ArrayList<>();
      List<String[]> people = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      List<String> departments = new ArrayList<>();
      try (var c = java.sql.DriverManager.getConnection(url, user, password);
          var s = c.createStatement()) {
        try (var rs =
            s.executeQuery(
                "select p.id, p.number, x.name, x.phone from petition p join petitioner x on"
                    + " x.petition_id = p.id where p.number is not null and x.phone is not null"
                    + " order by p.id limit 2000")) {
          while (rs.next()) {
            ids.add(rs.getString(1));
            numbers.add(rs.getString(2));
            people.add(new String[] {rs.getString(3), rs.getString(4)});
          }
        }
        try (var rs =
            s.executeQuery(
                "select id from organisation where type in ('DEPARTMENT', 'PETITION_BUREAU')")) {
          while (rs.next()) departments.add(rs.getString(1));
        }
      }
      int n = num("pages", 200);
      // the warm-up: enough requests for the JIT compiler to have compiled the pages' code (a
      // server's steady state), on petitions, numbers and names the measured requests do not ask
      // for (the second half of those drawn), so that the measured ones still read rows no
      // earlier request brought into the database's cache
      int warm = num("page-warmup", 300);
      int half = ids.size() / 2;
      List<String> warmIds = ids.subList(half, ids.size());
      List<String> warmNumbers = numbers.subList(half, numbers.size());
      List<String[]> warmPeople = people.subList(half, people.size());
      List<String> measuredIds = ids.subList(0, half);
      List<String> measuredNumbers = numbers.subList(0, half);
      List<String[]> measuredPeople = people.subList(0, half);
      Random warmRandom = new Random(8);
      Http.Session browser = app.new Session("admin", adminPw);
      pages(
          "page: work list / (pages 1-5)",
          Http.measure(browser::page, warmed(warm, warmRandom, n, random, (r, w) -> "/?org=" + Http.pick(r, departments) + "&page=" + (1 + r.nextInt(5))), warm));
      pages(
          "page: petition page /petitions/{id}",
          Http.measure(browser::page, warmed(warm, warmRandom, n, random, (r, w) -> "/petitions/" + Http.pick(r, w ? warmIds : measuredIds)), warm));
      pages(
          "API: GET /api/petitions/{id}",
          Http.measure(p -> app.get(p, admin), warmed(warm, warmRandom, n, random, (r, w) -> "/api/petitions/" + Http.pick(r, w ? warmIds : measuredIds)), warm));
      pages(
          "API: search by number",
          Http.measure(p -> app.get(p, admin), warmed(warm, warmRandom, n, random, (r, w) -> "/api/petitions?number=" + enc(Http.pick(r, w ? warmNumbers : measuredNumbers))), warm));
      pages(
          "API: search by phone",
          Http.measure(p -> app.get(p, admin), warmed(warm, warmRandom, n, random, (r, w) -> "/api/petitions?phone=" + enc(Http.pick(r, w ? warmPeople : measuredPeople)[1])), warm));
      pages(
          "API: search by name",
          Http.measure(p -> app.get(p, admin), warmed(warm, warmRandom, n, random, (r, w) -> "/api/petitions?name=" + enc(Http.pick(r, w ? warmPeople : measuredPeople)[0])), warm));
      row(
          "memory: OutOfMemoryError lines in the log (" + (app.alive() ? "alive" : "DEAD") + ")",
          app.outOfMemoryErrors(),
          "none",
          0,
          0);
      row(
          "memory: peak heap before GC, MB",
          app.peakHeapMb(),
          "-Xmx, MB",
          Long.parseLong(xmx.replaceAll("[^0-9]", "")) * (xmx.endsWith("g") ? 1024 : 1),
          0);
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code warm} warm-up paths ({@code warming} true), then {@code n} measured ones. */
  private static List<String> warmed(
      int warm,
      Random warmRandom,
      int n,
      Random r,
      java.util.function.BiFunction<Random, Boolean, String> path) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < warm; i++) out.add(path.apply(warmRandom, true));
    for (int i = 0; i < n; i++) out.add(path.apply(r, false));
    return out;
  }

  private void pages(String name, List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    row(name + " p95 ms (p50 " + fmt(ms(pct(sorted, 50))) + ", p99 " + fmt(ms(pct(sorted, 99))) + ")", ms(pct(sorted, 95)), "target ms", 50, 0);
  }

  private static long countTagged(String url, String user, String password, Http.Intake in)
      throws Exception {
    try (var c = java.sql.DriverManager.getConnection(url, user, password);
        var ps = c.prepareStatement("select id from petition where subject = ?")) {
      ps.setString(1, in.tag());
      long found = 0;
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          if (in.ids().contains(rs.getString(1))) found++;
        }
      }
      return found;
    }
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) return 0;
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  // ------------------------------------------------------------------ the table

  private void row(String figure, double value, String baseline, double base, double target) {
    String ratio = base == 0 || Double.isNaN(base) ? "-" : String.format("%.2f", value / base);
    String aim =
        target == 0
            ? ""
            : (value / base >= target ? "≥ " : "MISSED ≥ ") + String.format("%.2f", target);
    rows.add(new String[] {figure, fmt(value), baseline, fmt(base), ratio, aim});
    System.out.printf("   %s: %s (%s %s, ratio %s) %s%n", figure, fmt(value), baseline, fmt(base), ratio, aim);
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) return "n/a";
    if (v >= 100) return String.format("%,.0f", v);
    if (v >= 10) return String.format("%.1f", v);
    return String.format("%.2f", v);
  }

  private void print() {
    String[] head = {"figure", "value", "baseline", "baseline value", "ratio", "target"};
    int[] w = new int[head.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = head[i].length();
      for (String[] r : rows) w[i] = Math.max(w[i], r[i].length());
    }
    StringBuilder out = new StringBuilder("\n");
    line(out, head, w);
    String[] sep = new String[head.length];
    for (int i = 0; i < w.length; i++) sep[i] = "-".repeat(w[i]);
    line(out, sep, w);
    for (String[] r : rows) line(out, r, w);
    System.out.print(out);
    try {
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(Path.of("target/bench/results.md"), out.toString());
    } catch (Exception e) {
      System.err.println(e);
    }
  }

  private static void line(StringBuilder out, String[] cells, int[] w) {
    out.append("|");
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(cells[i]).append(" ".repeat(w[i] - cells[i].length())).append(" |");
    }
    out.append('\n');
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) return;
    try (var walk = Files.walk(dir)) {
      walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
