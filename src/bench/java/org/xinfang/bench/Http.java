package org.xinfang.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running application under load on loopback: a child process ({@code java -Xmx512m -jar
 * target/xinfang.jar}) serving a large record, concurrent registrations through the API, page and
 * search queries, and afterwards the rows counted and the log searched for OutOfMemoryError.
 */
final class Http implements AutoCloseable {

  private final String base;
  private final HttpClient client;
  private Process process;
  private Path log;
  private Path gcLog;

  private Http(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Starts the application jar with the given heap on a database, and waits until it is ready. */
  static Http start(
      String jar,
      String xmx,
      int port,
      String url,
      String user,
      String password,
      String adminPw,
      String dataDir)
      throws Exception {
    Http h = new Http("http://localhost:" + port);
    Path dir = Path.of("target/bench");
    Files.createDirectories(dir);
    h.log = dir.resolve("app.log");
    h.gcLog = dir.resolve("app-gc.log");
    ProcessBuilder pb =
        new ProcessBuilder(
            "java",
            "-Xmx" + xmx,
            "-Xlog:gc:file=" + h.gcLog,
            "-jar",
            jar,
            "--server.port=" + port,
            "--xinfang.data-dir=" + dataDir);
    pb.environment().put("SPRING_DATASOURCE_URL", url);
    pb.environment().put("SPRING_DATASOURCE_USERNAME", user);
    pb.environment().put("SPRING_DATASOURCE_PASSWORD", password);
    pb.environment().put("XINFANG_ADMIN_PASSWORD", adminPw);
    pb.redirectErrorStream(true).redirectOutput(h.log.toFile());
    h.process = pb.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (true) {
      if (!h.process.isAlive()) {
        throw new IllegalStateException("the application exited; see " + h.log);
      }
      try {
        HttpResponse<String> r = h.get("/actuator/health", null);
        if (r.statusCode() == 200) break;
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) throw new IllegalStateException("not ready: " + h.log);
      Thread.sleep(1000);
    }
    return h;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Lines of the application's log naming OutOfMemoryError. */
  long outOfMemoryErrors() throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.contains("OutOfMemoryError")).count();
    }
  }

  /** The largest heap occupancy before a collection, in MB, from the GC log. */
  long peakHeapMb() throws IOException {
    Pattern p = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    long max = 0;
    for (String l : Files.readAllLines(gcLog)) {
      Matcher m = p.matcher(l);
      if (m.find()) max = Math.max(max, Long.parseLong(m.group(1)));
    }
    return max;
  }

  HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) b.header("Authorization", authorization);
    return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String authorization, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json");
    if (authorization != null) b.header("Authorization", authorization);
    return client.send(
        b.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A bearer API token of a user (created with HTTP Basic once). */
  String token(String user, String password) throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = post("/api/tokens", basic, "{\"name\": \"bench\"}");
    if (r.statusCode() != 201) throw new IllegalStateException("token: " + r.statusCode() + r.body());
    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    if (!m.find()) throw new IllegalStateException("no token in " + r.body());
    return "Bearer " + m.group(1);
  }

  /** What a run of registrations did. */
  record Intake(
      int acknowledged,
      int errors,
      List<Long> latenciesNanos,
      double seconds,
      Set<String> ids,
      String tag) {
    double perSecond() {
      return acknowledged / seconds;
    }
  }

  /**
   * {@code clients} threads register petitions through {@code POST /api/petitions} until {@code
   * count} are sent or {@code seconds} have passed.
   */
  Intake intake(String bearer, int clients, int count, int seconds, String tag) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Set<String> ids = ConcurrentHashMap.newKeySet();
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(seconds).toNanos();
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    Pattern idPattern = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                int n;
                while ((n = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                  String body = registration(n, today, tag);
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r = post("/api/petitions", bearer, body);
                    long took = System.nanoTime() - t0;
                    if (r.statusCode() == 201) {
                      latencies.add(took);
                      Matcher m = idPattern.matcher(r.body());
                      if (m.find()) ids.add(m.group(1));
                    } else {
                      errors.incrementAndGet();
                      if (errors.get() < 5) {
                        System.err.println("intake: " + r.statusCode() + " " + r.body());
                      }
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    if (errors.get() < 5) System.err.println("intake: " + e);
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join();
    double took = (System.nanoTime() - start) / 1e9;
    return new Intake(latencies.size(), errors.get(), List.copyOf(latencies), took, ids, tag);
  }

  private static String registration(int n, String today, String tag) {
    return """
        {"channel": "LETTER", "receivedOn": "%s", "receivedBy": "dl-xfj",
         "petitioners": [{"name": "王秀英", "phone": "%s", "address": "大连市中山区友好街%d号", "lead": true}],
         "subject": "%s",
         "facts": "%s", "request": "%s"}
        """
        .formatted(
            today,
            String.format("137%08d", n),
            n % 90 + 1,
            tag,
            InProcess.FACTS,
            InProcess.REQUEST);
  }

  /** A browser's session: the sign-in form with its CSRF token, then pages with the cookie. */
  final class Session {
    private final HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    Session(String user, String password) throws Exception {
      String login = page("/login").body();
      Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
      if (!m.find()) throw new IllegalStateException("no CSRF token on /login");
      String form =
          "username="
              + enc(user)
              + "&password="
              + enc(password)
              + "&_csrf="
              + enc(m.group(1));
      browser.send(
          HttpRequest.newBuilder(URI.create(base + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> page(String path) throws IOException, InterruptedException {
      return browser.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Latencies (ns) of GET requests, sequential, after a warm-up; any non-200 fails the run. */
  static List<Long> measure(Getter getter, List<String> paths, int warmup) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = getter.get(paths.get(i));
      long took = System.nanoTime() - t0;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(paths.get(i) + " answered " + r.statusCode());
      }
      if (i >= warmup) times.add(took);
    }
    return times;
  }

  interface Getter {
    HttpResponse<String> get(String path) throws Exception;
  }

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
  }
}
