package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in abuse (issue 4): repeated failures lock a user name (HTTP Basic and the form alike, known
 * and unknown names alike) until the lock runs out; a success clears the failures; form posts need
 * the CSRF token; oversized and malformed credentials are refused, never with a 500; the session
 * and the security headers are hardened. Every test uses names of its own: the lock-out is shared
 * by the whole test run.
 */
class SignInAbuseTest extends IntegrationTest {

  static final String PASSWORD = "right-pass-1";

  @Value("${server.servlet.session.timeout}")
  Duration sessionTimeout;

  @Value("${server.servlet.session.cookie.http-only}")
  boolean cookieHttpOnly;

  @Value("${server.servlet.session.cookie.same-site}")
  String cookieSameSite;

  private String newUser() throws Exception {
    String username = "si-" + UUID.randomUUID().toString().substring(0, 8);
    postJson(
            "/api/users",
            Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "displayName",
                "登录测试",
                "organisationId",
                "zs-xfj",
                "roles",
                List.of("REGISTRAR")))
        .andExpect(status().isCreated());
    return username;
  }

  private MockHttpServletResponse me(String username, String password) throws Exception {
    return mvc.perform(get("/api/users/me").with(httpBasic(username, password)))
        .andReturn()
        .getResponse();
  }

  private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void fiveFailuresLockTheNameUntilTheLockRunsOut() throws Exception {
    String username = newUser();
    for (int i = 1; i <= 4; i++) {
      JsonNode p = problem(me(username, "wrong-" + i), 401);
      assertThat(p.get("type").asString()).endsWith("/unauthorized");
      assertThat(p.has("rule")).isFalse();
    }
    // the fifth failure locks the name
    MockHttpServletResponse fifth = me(username, "wrong-5");
    JsonNode locked = problem(fifth, 401);
    assertThat(locked.get("type").asString()).endsWith("/sign-in-locked");
    assertThat(locked.get("rule").asString()).startsWith("sign-in-lockout");
    assertThat(fifth.getHeader("Retry-After")).isEqualTo(Long.toString(15 * 60));

    // now even the right password is refused
    assertThat(problem(me(username, PASSWORD), 401).get("type").asString())
        .endsWith("/sign-in-locked");
    clock.advance(Duration.ofMinutes(14));
    assertThat(problem(me(username, PASSWORD), 401).get("type").asString())
        .endsWith("/sign-in-locked");

    // 15 minutes after the fifth failure the name is free again
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(me(username, PASSWORD).getStatus()).isEqualTo(200);
  }

  @Test
  void failuresOutsideTheWindowDoNotCount() throws Exception {
    String username = newUser();
    for (int i = 0; i < 4; i++) {
      me(username, "wrong");
    }
    clock.advance(Duration.ofMinutes(16));
    for (int i = 0; i < 4; i++) {
      assertThat(problem(me(username, "wrong"), 401).get("type").asString())
          .endsWith("/unauthorized");
    }
    assertThat(me(username, PASSWORD).getStatus()).isEqualTo(200);
  }

  @Test
  void aSuccessClearsTheFailures() throws Exception {
    String username = newUser();
    for (int i = 0; i < 4; i++) {
      problem(me(username, "wrong"), 401);
    }
    assertThat(me(username, PASSWORD).getStatus()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(problem(me(username, "wrong"), 401).get("type").asString())
          .endsWith("/unauthorized");
    }
    assertThat(me(username, PASSWORD).getStatus()).isEqualTo(200);
  }

  @Test
  void unknownNamesAreCountedAndAnsweredAlike() throws Exception {
    String known = newUser();
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 5; i++) {
      JsonNode forKnown = problem(me(known, "wrong"), 401);
      JsonNode forUnknown = problem(me(unknown, "wrong"), 401);
      assertThat(forUnknown.get("type")).isEqualTo(forKnown.get("type"));
      assertThat(forUnknown.get("title")).isEqualTo(forKnown.get("title"));
      if (i < 5) {
        assertThat(forUnknown.get("detail")).isEqualTo(forKnown.get("detail"));
      }
      assertThat(forUnknown.get("type").asString())
          .endsWith(i < 5 ? "/unauthorized" : "/sign-in-locked");
    }
  }

  @Test
  void theFormLoginIsLockedToo_andSharesTheCountWithTheApi() throws Exception {
    String username = newUser();
    for (int i = 0; i < 3; i++) {
      mvc.perform(formLogin("/login").user(username).password("wrong"))
          .andExpect(unauthenticated())
          .andExpect(redirectedUrl("/login?error"));
    }
    problem(me(username, "wrong"), 401);
    mvc.perform(formLogin("/login").user(username).password("wrong"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?locked"));
    mvc.perform(formLogin("/login").user(username).password(PASSWORD))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?locked"));
    assertThat(problem(me(username, PASSWORD), 401).get("type").asString())
        .endsWith("/sign-in-locked");
    String page =
        mvc.perform(get("/login").param("locked", ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("登录失败次数过多");

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    mvc.perform(formLogin("/login").user(username).password(PASSWORD))
        .andExpect(authenticated().withUsername(username))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
    String username = newUser();
    mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
        .andExpect(status().isForbidden())
        .andExpect(unauthenticated());
    mvc.perform(post("/logout").with(user(username))).andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(user(username)).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));
    // the refused form post was not counted as a failed sign-in, nor was it one
    mvc.perform(formLogin("/login").user(username).password(PASSWORD))
        .andExpect(authenticated().withUsername(username));
  }

  @Test
  void oversizedCredentialsAreRefusedNeverA500() throws Exception {
    String username = newUser();
    String huge = "x".repeat(100 * 1024);
    problem(me(username, huge), 401);
    problem(me(huge, PASSWORD), 401);
    problem(me(huge, huge), 401);
    // a password longer than any stored one is a failure like any other (counted)
    for (int i = 0; i < 4; i++) {
      me(username, huge);
    }
    assertThat(problem(me(username, PASSWORD), 401).get("type").asString())
        .endsWith("/sign-in-locked");
    mvc.perform(formLogin("/login").user(huge).password(huge))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void malformedBasicCredentialsAreRefusedNeverA500() throws Exception {
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, ':', (byte) 0xc3, (byte) 0x28};
    List<String> headers =
        List.of(
            "Basic !!!not-base64!!!",
            "Basic " + Base64.getEncoder().encodeToString("no-colon-here".getBytes()),
            "Basic " + Base64.getEncoder().encodeToString(notUtf8),
            "Basic " + Base64.getEncoder().encodeToString(":".getBytes()),
            "Basic ",
            "Basic",
            "Basic " + "A".repeat(100 * 1024),
            "Digest username=\"admin\"");
    for (String h : headers) {
      MockHttpServletResponse r =
          mvc.perform(get("/api/users/me").header("Authorization", h)).andReturn().getResponse();
      assertThat(r.getStatus()).as(h.length() > 40 ? h.substring(0, 40) : h).isIn(400, 401);
      if (r.getStatus() == 401) {
        assertThat(r.getContentType()).startsWith("application/problem+json");
      }
    }
  }

  @Test
  void signInAtTheFormGetsANewSessionId() throws Exception {
    String username = newUser();
    MockHttpSession session = new MockHttpSession();
    String before = session.getId();
    MockHttpSession after =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(authenticated())
                .andReturn()
                .getRequest()
                .getSession(false);
    assertThat(after).isNotNull();
    MockHttpSession reused =
        (MockHttpSession)
            mvc.perform(
                    post("/login")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("password", PASSWORD))
                .andExpect(authenticated())
                .andReturn()
                .getRequest()
                .getSession(false);
    assertThat(reused.getId()).isNotEqualTo(before);
  }

  @Test
  void sessionsTimeOutAfterThirtyIdleMinutesWithAHardenedCookie() {
    assertThat(sessionTimeout).isEqualTo(Duration.ofMinutes(30));
    assertThat(cookieHttpOnly).isTrue();
    assertThat(cookieSameSite).isEqualToIgnoringCase("lax");
  }

  @Test
  void bothChainsSendTheSecurityHeaders() throws Exception {
    for (var request :
        List.of(
            get("/api/users/me").with(httpBasic(ADMIN, ADMIN_PASSWORD)),
            get("/api/petitions/whatever"),
            get("/login"),
            get("/portal"))) {
      mvc.perform(request)
          .andExpect(header().string("X-Frame-Options", "DENY"))
          .andExpect(header().string("X-Content-Type-Options", "nosniff"))
          .andExpect(header().string("Referrer-Policy", "same-origin"))
          .andExpect(header().string("Content-Security-Policy", startsWith("default-src")));
    }
    mvc.perform(get("/login"))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("script-src 'self'")));
  }

  @Test
  void theLockedProblemIsDocumentedAsProblemDetails() throws Exception {
    String username = newUser();
    for (int i = 0; i < 5; i++) {
      me(username, "wrong");
    }
    mvc.perform(get("/api/users/me").with(httpBasic(username, PASSWORD)))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"xinfang\""))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.title").value("Sign-in locked"))
        .andExpect(jsonPath("$.detail").exists());
  }
}
