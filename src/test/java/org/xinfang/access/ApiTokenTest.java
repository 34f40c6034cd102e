package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Revocable bearer API tokens: made, listed, used, revoked, expired, and a disabled user's. */
class ApiTokenTest extends IntegrationTest {

  static final String PASSWORD = "token-pass-1";

  @Autowired JdbcClient jdbc;

  private String newUser(String role) throws Exception {
    String username = "tk-" + UUID.randomUUID().toString().substring(0, 8);
    postJson(
            "/api/users",
            Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "displayName",
                "令牌测试",
                "organisationId",
                "zs-xfj",
                "roles",
                List.of(role)))
        .andExpect(status().isCreated());
    return username;
  }

  private JsonNode issue(String username, Map<String, Object> body) throws Exception {
    ResultActions r = postJsonAs(username, PASSWORD, "/api/tokens", body);
    r.andExpect(status().isCreated());
    return body(r);
  }

  private MockHttpServletResponse withToken(String secret, String url) throws Exception {
    return mvc.perform(get(url).header("Authorization", "Bearer " + secret))
        .andReturn()
        .getResponse();
  }

  private void assertRefused(String secret) throws Exception {
    MockHttpServletResponse r = withToken(secret, "/api/users/me");
    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    assertThat(r.getHeader("WWW-Authenticate")).startsWith("Bearer");
    JsonNode p = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    assertThat(p.get("status").asInt()).isEqualTo(401);
    assertThat(p.get("type").asString()).endsWith("/invalid-token");
  }

  @Test
  void aTokenIsShownOnceStoredAsAHashAndSignsInAsItsUser() throws Exception {
    String username = newUser("REGISTRAR");
    ResultActions created =
        postJsonAs(username, PASSWORD, "/api/tokens", Map.of("name", "nightly export"));
    created
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/tokens/")))
        .andExpect(jsonPath("$.name").value("nightly export"))
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.expiresAt").value(org.hamcrest.Matchers.nullValue()));
    JsonNode token = body(created);
    String secret = token.get("token").asString();
    assertThat(secret).startsWith("xft_").hasSizeGreaterThan(40);

    // only the SHA-256 of the secret is in the database
    String stored =
        jdbc.sql("select token_hash from api_token where id = :id")
            .param("id", token.get("id").asString())
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(ApiTokens.hash(secret)).doesNotContain(secret);

    MockHttpServletResponse me = withToken(secret, "/api/users/me");
    assertThat(me.getStatus()).isEqualTo(200);
    assertThat(
            json.readTree(me.getContentAsString(StandardCharsets.UTF_8)).get("username").asString())
        .isEqualTo(username);
    // the token carries the user's roles, no more
    assertThat(withToken(secret, "/api/users").getStatus()).isEqualTo(403);
    // nor does it make tokens: one it made would outlive its revocation
    assertThat(
            mvc.perform(
                    post("/api/tokens")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"child\"}"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);

    // listed without the secret, with its last use
    MockHttpServletResponse list = withToken(secret, "/api/tokens");
    assertThat(list.getStatus()).isEqualTo(200);
    String listed = list.getContentAsString(StandardCharsets.UTF_8);
    assertThat(listed).doesNotContain(secret).doesNotContain("\"token\"");
    JsonNode tokens = json.readTree(listed);
    assertThat(tokens.size()).isEqualTo(1);
    assertThat(tokens.get(0).get("id").asString()).isEqualTo(token.get("id").asString());
    assertThat(tokens.get(0).get("lastUsedAt").isNull()).isFalse();
    assertThat(tokens.get(0).get("revokedAt").isNull()).isTrue();
  }

  @Test
  void aRevokedTokenIsRefused() throws Exception {
    String username = newUser("HANDLER");
    JsonNode token = issue(username, Map.of("name", "script"));
    String secret = token.get("token").asString();
    assertThat(withToken(secret, "/api/users/me").getStatus()).isEqualTo(200);

    mvc.perform(
            delete("/api/tokens/{id}", token.get("id").asString())
                .header("Authorization", "Bearer " + secret))
        .andExpect(status().isNoContent());
    assertRefused(secret);
    mvc.perform(get("/api/tokens").with(httpBasic(username, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].revokedAt").isNotEmpty());
  }

  @Test
  void onlyTheOwnerOrAnAdministratorRevokes() throws Exception {
    String owner = newUser("REGISTRAR");
    String other = newUser("REGISTRAR");
    JsonNode token = issue(owner, Map.of("name", "mine"));
    String id = token.get("id").asString();
    mvc.perform(delete("/api/tokens/{id}", id).with(httpBasic(other, PASSWORD)))
        .andExpect(status().isNotFound());
    assertThat(withToken(token.get("token").asString(), "/api/users/me").getStatus())
        .isEqualTo(200);
    mvc.perform(delete("/api/tokens/{id}", id).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
        .andExpect(status().isNoContent());
    assertRefused(token.get("token").asString());
    mvc.perform(delete("/api/tokens/{id}", "no-such-token").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
        .andExpect(status().isNotFound());
    // another user's list does not show it
    mvc.perform(get("/api/tokens").with(httpBasic(other, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void aTokenExpiresAfterItsLastDay() throws Exception {
    String username = newUser("REGISTRAR");
    String today = clock.today().toString();
    JsonNode token = issue(username, Map.of("name", "one day", "expiresOn", today));
    assertThat(token.get("expiresAt").asString()).startsWith(clock.today().plusDays(1).toString());
    String secret = token.get("token").asString();
    assertThat(withToken(secret, "/api/users/me").getStatus()).isEqualTo(200);
    clock.setToday(clock.today().plusDays(1));
    assertRefused(secret);

    postJsonAs(
            username,
            PASSWORD,
            "/api/tokens",
            Map.of("name", "past", "expiresOn", clock.today().minusDays(1).toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.expiresOn").exists());
    postJsonAs(username, PASSWORD, "/api/tokens", Map.of("name", " "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.name").exists());
  }

  @Test
  void aDisabledUsersTokensStopWorking() throws Exception {
    String username = newUser("REGISTRAR");
    String secret = issue(username, Map.of("name", "ci")).get("token").asString();
    assertThat(withToken(secret, "/api/users/me").getStatus()).isEqualTo(200);
    jdbc.sql("update app_user set enabled = false where username = :u")
        .param("u", username)
        .update();
    assertRefused(secret);
  }

  @Test
  void theTokensAreInTheOpenApiDescription() throws Exception {
    String docs =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode api = json.readTree(docs);
    assertThat(api.get("paths").has("/api/tokens")).isTrue();
    assertThat(api.get("paths").has("/api/tokens/{id}")).isTrue();
    assertThat(api.get("paths").has("/api/users/me/password")).isTrue();
    assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
        .isEqualTo("bearer");
  }

  @Test
  void unknownAndMalformedTokensAreRefused() throws Exception {
    assertRefused("xft_" + "A".repeat(43));
    assertRefused("not-a-token");
    assertRefused("");
    assertRefused("xft_" + "x".repeat(100 * 1024));
  }
}
