package org.xinfang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.xinfang.support.IntegrationTest;

/**
 * API.md Conventions, on the real server (the container decodes parameters, not MockMvc): bytes a
 * parameter cannot be read from, a multipart text field that is not UTF-8, a file name holding
 * U+0000, a part over the limit and a language that is none are answered with a problem — never a
 * 500, and nothing stored with U+FFFD in the place of what was sent. A multipart body is read only
 * once the request is authenticated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
@DisplayName("Parameters the server cannot read: 400 or 413 problems, never a 500 (API.md)")
class ParameterCheckTest {

  private static final String BOUNDARY = "xinfang-boundary";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart upload to a petition's attachments, as the administrator (or nobody). */
  private HttpResponse<String> multipart(byte[] body, boolean signedIn) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/petitions/nope/attachments"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signedIn) {
      String basic = IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD;
      r.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> multipart(byte[] body) throws Exception {
    return multipart(body, true);
  }

  private static byte[] part(String name, String filename, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (filename == null ? "" : "; filename=\"" + filename + "\"")
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void problem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("\"status\":" + status);
  }

  @Test
  @DisplayName(
      "a query parameter that is not UTF-8 (a lone surrogate, a stray byte) → 400, anywhere")
  void undecodableQuery() throws Exception {
    problem(get("/actuator/health?x=%ED%A0%80"), 400);
    problem(get("/api/calendar/due?from=2026-01-01&days=5&x=%FF"), 400);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("?lang= that names no language is ignored, not a 500")
  void noLanguage() throws Exception {
    assertThat(get("/api/calendar/due?from=2026-01-01&days=5&lang=%3C").statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a multipart text field that is not UTF-8 → 400 naming it (not stored as U+FFFD)")
  void multipartFieldNotUtf8() throws Exception {
    HttpResponse<String> r =
        multipart(part("subject", null, new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    problem(r, 400);
    assertThat(r.body()).contains("\"subject\"");
  }

  @Test
  @DisplayName("a file name holding U+0000 → 400 naming the file, once signed in")
  void nulInAFileName() throws Exception {
    byte[] body = part("file", "a\u0000b.png", new byte[] {1, 2, 3});
    HttpResponse<String> r = multipart(body);
    problem(r, 400);
    assertThat(r.body()).contains("\"file\"");
    // nobody signed in: 401, the body not read before (it would have been refused as above)
    assertThat(multipart(body, false).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("a file over the upload limit (11 MB) → 413")
  void fileOverTheLimit() throws Exception {
    // 12 MiB: over the limit, and within what the container reads on before it answers
    problem(multipart(part("file", "big.pdf", new byte[12 * 1024 * 1024])), 413);
  }
}
