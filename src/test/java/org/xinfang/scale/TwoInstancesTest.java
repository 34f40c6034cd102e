package org.xinfang.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.XinfangApplication;
import org.xinfang.demo.DemoData;
import org.xinfang.supervision.WatchJob;
import org.xinfang.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 7, beyond one machine: two instances of the application — two Spring Boot applications in
 * this JVM, each with its own embedded web server on a random port — on one database (the test
 * suite's: in-memory H2, or PostgreSQL when SPRING_DATASOURCE_URL points at it). What one instance
 * writes the other serves; a sign-in on one is a sign-in on the other (the sessions are in the
 * database); the daily deadline watch, scheduled every second on both, runs once across them, and
 * once per day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

  private static final String PASSWORD = "demo12345";
  private static final String CLERK = DemoData.CITY_REGISTRAR;

  /** One clock for both instances, as NTP gives two machines (China time, set by the test). */
  static final TestClock CLOCK = new TestClock();

  @TestConfiguration(proxyBeanMethods = false)
  static class SharedClock {
    @Bean
    @Primary
    Clock sharedTestClock() {
      return CLOCK;
    }
  }

  private ConfigurableApplicationContext a;
  private ConfigurableApplicationContext b;
  private String urlA;
  private String urlB;
  private JdbcClient jdbc;
  private static final LocalDate PARKING_DAY = LocalDate.of(2099, 12, 31);
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void startTwoInstances() {
    // both instances start on a parking day no other test uses: their schedulers fire every
    // second from the start, and must not record a day the other tests of the suite look at
    CLOCK.setToday(PARKING_DAY);
    a = start();
    b = start();
    jdbc = a.getBean(JdbcClient.class);
    urlA = "http://localhost:" + a.getEnvironment().getProperty("local.server.port");
    urlB = "http://localhost:" + b.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  void stopBoth() {
    if (jdbc != null) {
      // leave the lock free for the tests after this one (they share the database)
      releaseWatchLock();
    }
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  /**
   * Keeps the test classes' own configurations (IntegrationTest's clock, …) out of the component
   * scan of an instance started by hand, as @SpringBootTest does for its context.
   */
  static final class TestTypes extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      if (reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
          || reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())) {
        return true;
      }
      String name = reader.getClassMetadata().getClassName();
      String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
      return outer.endsWith("Test") || outer.startsWith("org.xinfang.support.");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TestTypes;
    }

    @Override
    public int hashCode() {
      return TestTypes.class.hashCode();
    }
  }

  /** One instance: the application as deployed, on a random port, its watch every second. */
  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(XinfangApplication.class, SharedClock.class)
        .initializers(
            context ->
                context.getBeanFactory().registerSingleton("scaleTestTypes", new TestTypes()))
        .run(
            "--server.port=0",
            "--xinfang.supervision.cron=* * * * * *",
            "--xinfang.bulletin.daily.enabled=false");
  }

  @Test
  @Order(1)
  @DisplayName("what is registered through instance A is served by instance B")
  void bothServeTheSameData() throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "channel", "LETTER",
                "receivedOn", "2026-11-20",
                "receivedBy", DemoData.CITY_PETITION_BUREAU,
                "petitioners",
                    List.of(Map.of("name", "李四", "phone", "13900000000", "address", "大连市西岗区")),
                "subject", "两个实例",
                "facts", "在实例A登记，在实例B查看。",
                "request", "同一数据库。"));
    HttpResponse<String> registered =
        http.send(
            HttpRequest.newBuilder(URI.create(urlA + "/api/petitions"))
                .header("Authorization", basic(CLERK, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode onA = json.readTree(registered.body());

    HttpResponse<String> read =
        http.send(
            HttpRequest.newBuilder(URI.create(urlB + "/api/petitions/" + onA.get("id").asString()))
                .header("Authorization", basic(CLERK, PASSWORD))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode onB = json.readTree(read.body());
    assertThat(onB.get("number").asString()).isEqualTo(onA.get("number").asString());
    assertThat(onB.get("history").size()).isEqualTo(onA.get("history").size());
  }

  @Test
  @Order(2)
  @DisplayName(
      "a sign-in on instance A is a sign-in on instance B (sessions in the database); a sign-out"
          + " on B signs out on A")
  void theSessionCookieWorksOnEitherInstance() throws Exception {
    // the sign-in page on A: a session (for the CSRF token) and its cookie
    HttpResponse<String> page = get(urlA + "/login", null);
    assertThat(page.statusCode()).isEqualTo(200);
    String anonymous = sessionCookie(page);
    String csrf = csrf(page.body());

    HttpResponse<String> signIn =
        post(
            urlA + "/login",
            anonymous,
            Map.of("username", CLERK, "password", PASSWORD, "_csrf", csrf));
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String signedIn = sessionCookie(signIn);
    assertThat(signedIn).as("a new session id at sign-in").isNotEqualTo(anonymous);
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = :n")
                .param("n", CLERK)
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(1);

    // B knows the session A created: the workbench opens with the clerk's name
    HttpResponse<String> onB = get(urlB + "/", signedIn);
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(onB.body()).contains("大连市信访局 登记员");
    // without the cookie, B sends to the sign-in page
    assertThat(get(urlB + "/", null).statusCode()).isEqualTo(302);

    // sign out on B (with B's page's CSRF token, which lives in the shared session) ...
    HttpResponse<String> signOut =
        post(urlB + "/logout", signedIn, Map.of("_csrf", csrf(onB.body())));
    assertThat(signOut.statusCode()).isEqualTo(302);
    assertThat(signOut.headers().firstValue("Location").orElse("")).contains("/login?logout");
    // ... and A no longer knows the session
    HttpResponse<String> afterOnA = get(urlA + "/", signedIn);
    assertThat(afterOnA.statusCode()).isEqualTo(302);
    assertThat(afterOnA.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  @Order(3)
  @DisplayName(
      "the daily deadline watch, scheduled every second on both instances, runs once across them"
          + " and once per day (ShedLock row + the day's run row)")
  void theDeadlineWatchRunsOncePerDayAcrossInstances() throws Exception {
    WatchJob jobA = a.getBean(WatchJob.class);
    WatchJob jobB = b.getBean(WatchJob.class);

    // a day no earlier run on this database recorded (the suite shares it)
    LocalDate last =
        jdbc.sql("select max(watch_day) from watch_run where watch_day < :p")
            .param("p", PARKING_DAY)
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    LocalDate floor = LocalDate.of(2027, 6, 1);
    LocalDate watchDay = last == null || last.isBefore(floor) ? floor : last.plusDays(1);

    // day 1: hold the lock while the clock moves on (a run of the parking day may be under way),
    // then free it: both schedulers, firing every second, race for it; one run, and the lock
    // (held at least 30 s) and the day's run row keep every other firing from running again
    holdWatchLock();
    Thread.sleep(1_500);
    int before = jobA.executions() + jobB.executions();
    CLOCK.setToday(watchDay);
    releaseWatchLock();
    awaitExecutions(jobA, jobB, before + 1);
    // an execution is counted as it starts: its day is recorded when it ends (slower on a busy
    // machine than the 3 s below)
    awaitRun(watchDay);
    Thread.sleep(3_000);
    assertThat(jobA.executions() + jobB.executions() - before).isEqualTo(1);
    assertThat(runsOn(watchDay)).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from shedlock where name = 'deadline-watch'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // the same day, after the lock's minimum hold ran out (released here instead of waiting 30
    // s): both instances called at the same instant; one gets the lock, finds the day recorded
    // and writes nothing
    int levels = levelsOn(watchDay);
    releaseWatchLock();
    before = jobA.executions() + jobB.executions();
    fireTogether(jobA, jobB);
    Thread.sleep(1_000); // a scheduler may have won the lock at that second
    assertThat(jobA.executions() + jobB.executions() - before).isEqualTo(1);
    assertThat(runsOn(watchDay)).isEqualTo(1);
    assertThat(levelsOn(watchDay)).isEqualTo(levels);

    // the next day: both schedulers race for it at the same second; once again one run
    LocalDate next = watchDay.plusDays(1);
    holdWatchLock();
    Thread.sleep(1_500);
    before = jobA.executions() + jobB.executions();
    CLOCK.setToday(next);
    releaseWatchLock();
    awaitExecutions(jobA, jobB, before + 1);
    Thread.sleep(3_000);
    assertThat(jobA.executions() + jobB.executions() - before).isEqualTo(1);
    assertThat(runsOn(next)).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from watch_run where watch_day between :f and :t")
                .param("f", watchDay)
                .param("t", next)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  @Order(4)
  @DisplayName(
      "an act on instance A after instance B acted on the same petition: A's kept copy is older,"
          + " the database refuses it, A decides it again on the row — recorded once, in order")
  void anActOnAnOlderKeptCopyIsDecidedAgain() throws Exception {
    String handler = DemoData.CITY_HANDLER;
    JsonNode registered =
        json.readTree(
            send(
                    urlA,
                    CLERK,
                    "/api/petitions",
                    Map.of(
                        "channel", "LETTER",
                        "receivedOn", "2026-11-20",
                        "receivedBy", DemoData.CITY_PETITION_BUREAU,
                        "petitioners",
                            List.of(Map.of("name", "王五", "phone", "13900000001", "address", "大连市")),
                        "subject", "两个实例先后办理",
                        "facts", "A 转送，B 受理，A 延期。",
                        "request", "依法办理。"),
                    201)
                .body());
    String id = registered.get("id").asString();
    // A forwards it (and keeps the petition as committed); B accepts it; then A extends it
    send(
        urlA,
        CLERK,
        "/api/petitions/" + id + "/forward",
        Map.of("to", DemoData.CITY_HUMAN_RESOURCES),
        200);
    send(
        urlB,
        handler,
        "/api/petitions/" + id + "/accept",
        Map.of("category", "GRIEVANCE", "pathway", "PETITION_HANDLING"),
        200);
    HttpResponse<String> extended =
        send(
            urlA,
            handler,
            "/api/petitions/" + id + "/extend",
            Map.of("days", 30, "reason", "涉及多个部门，需进一步调查核实", "approvedBy", "局长"),
            200);
    JsonNode onA = json.readTree(extended.body());
    assertThat(onA.get("state").asString()).isEqualTo("ACCEPTED");
    HttpResponse<String> read = getAs(urlB + "/api/petitions/" + id, handler);
    JsonNode onB = json.readTree(read.body());
    List<String> acts = new ArrayList<>();
    int seq = 0;
    for (JsonNode e : onB.get("history")) {
      assertThat(e.get("seq").asInt()).as("no event lost or doubled").isEqualTo(++seq);
      if (!e.get("act").asString().equals("issue-notice")) {
        acts.add(e.get("act").asString());
      }
    }
    assertThat(acts).containsExactly("register", "forward", "accept", "extend");
    assertThat(onB.get("version").asInt()).isEqualTo(onA.get("version").asInt());
  }

  /** A JSON request by a user with Basic authentication; its status checked. */
  private HttpResponse<String> send(
      String base, String user, String path, Map<String, ?> body, int status) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    return r;
  }

  /** A GET by a user with Basic authentication. */
  private HttpResponse<String> getAs(String url, String user) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user, PASSWORD));
    return http.send(r.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  // --- helpers

  private void releaseWatchLock() {
    jdbc.sql("update shedlock set lock_until = locked_at where name = 'deadline-watch'").update();
  }

  /** Holds the lock as a run on a third instance would, until released. */
  private void holdWatchLock() {
    jdbc.sql("update shedlock set lock_until = :t where name = 'deadline-watch'")
        .param("t", java.time.LocalDateTime.of(2100, 1, 1, 0, 0))
        .update();
  }

  private int runsOn(LocalDate day) {
    return jdbc.sql("select count(*) from watch_run where watch_day = :d")
        .param("d", day)
        .query(Integer.class)
        .single();
  }

  private void awaitRun(LocalDate day) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (runsOn(day) == 0 && System.nanoTime() < until) {
      Thread.sleep(100);
    }
  }

  private int levelsOn(LocalDate day) {
    return jdbc.sql("select count(*) from watch_level where watch_day = :d")
        .param("d", day)
        .query(Integer.class)
        .single();
  }

  private static void awaitExecutions(WatchJob x, WatchJob y, int atLeast) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (x.executions() + y.executions() < atLeast && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(x.executions() + y.executions()).isGreaterThanOrEqualTo(atLeast);
  }

  /** Calls both instances' scheduled method at the same instant, as two schedulers would. */
  private static void fireTogether(WatchJob x, WatchJob y) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (WatchJob job : List.of(x, y)) {
        runs.add(
            pool.submit(
                () -> {
                  together.await();
                  job.daily();
                  return null;
                }));
      }
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
    if (cookie != null) {
      r.header("Cookie", cookie);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String url, String cookie, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> e : form.entrySet()) {
      if (!body.isEmpty()) {
        body.append('&');
      }
      body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The session cookie a response sets, as "name=value" for the next request's Cookie header. */
  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      m = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
      assertThat(m.find()).as("a CSRF token in the page").isTrue();
    }
    return m.group(1);
  }
}
