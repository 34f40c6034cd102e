package org.xinfang.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xinfang.support.IntegrationTest;

/**
 * The password policy on POST /api/users and on a change of one's own password; Argon2id hashes.
 */
class PasswordApiTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwordEncoder;

  private static String fresh() {
    return "pw-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> user(String username, String password) {
    return Map.of(
        "username",
        username,
        "password",
        password,
        "displayName",
        "密码测试",
        "organisationId",
        "zs-xfj",
        "roles",
        List.of("REGISTRAR"));
  }

  private String hash(String username) {
    return jdbc.sql("select password_hash from app_user where username = :u")
        .param("u", username)
        .query(String.class)
        .single();
  }

  @Test
  void weakPasswordsAreRefusedNamingThePasswordField() throws Exception {
    String username = fresh();
    for (String weak :
        List.of(
            "short1!",
            "onlyletters",
            "12345678901",
            "xx" + username + "-1",
            "Password123",
            "qwerty123",
            "x".repeat(129) + "1")) {
      postJson("/api/users", user(username, weak))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.fields.password").exists());
    }
    assertThat(
            jdbc.sql("select count(*) from app_user where username = :u")
                .param("u", username)
                .query(Integer.class)
                .single())
        .isZero();
    postJson("/api/users", user(username, "demo12345")).andExpect(status().isCreated());
  }

  @Test
  void newHashesAreArgon2id() throws Exception {
    String username = fresh();
    postJson("/api/users", user(username, "good-pass-9")).andExpect(status().isCreated());
    assertThat(hash(username)).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
  }

  @Test
  void aBcryptHashIsUpgradedToArgon2idAtTheNextSignIn() throws Exception {
    String username = fresh();
    postJson("/api/users", user(username, "good-pass-9")).andExpect(status().isCreated());
    String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("old-style-pw1");
    jdbc.sql("update app_user set password_hash = :h where username = :u")
        .param("h", bcrypt)
        .param("u", username)
        .update();

    mvc.perform(get("/api/users/me").with(httpBasic(username, "old-style-pw1")))
        .andExpect(status().isOk());
    String upgraded = hash(username);
    assertThat(upgraded).startsWith("{argon2}$argon2id$").isNotEqualTo(bcrypt);
    assertThat(passwordEncoder.matches("old-style-pw1", upgraded)).isTrue();
    mvc.perform(get("/api/users/me").with(httpBasic(username, "old-style-pw1")))
        .andExpect(status().isOk());
    assertThat(hash(username)).isEqualTo(upgraded);
  }

  @Test
  void aWrongPasswordDoesNotUpgradeTheHash() throws Exception {
    String username = fresh();
    postJson("/api/users", user(username, "good-pass-9")).andExpect(status().isCreated());
    String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("old-style-pw1");
    jdbc.sql("update app_user set password_hash = :h where username = :u")
        .param("h", bcrypt)
        .param("u", username)
        .update();
    mvc.perform(get("/api/users/me").with(httpBasic(username, "not-it-123")))
        .andExpect(status().isUnauthorized());
    assertThat(hash(username)).isEqualTo(bcrypt);
  }

  @Test
  void aUserChangesTheirOwnPasswordUnderThePolicy() throws Exception {
    String username = fresh();
    postJson("/api/users", user(username, "first-pass-1")).andExpect(status().isCreated());

    postJsonAs(
            username,
            "first-pass-1",
            "/api/users/me/password",
            Map.of("currentPassword", "not-the-current-1", "password", "second-pass-2"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.currentPassword").exists());
    for (String weak : List.of("password1", "abcdefghij", username + "-22")) {
      postJsonAs(
              username,
              "first-pass-1",
              "/api/users/me/password",
              Map.of("currentPassword", "first-pass-1", "password", weak))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.fields.password").exists());
    }
    postJsonAs(
            username,
            "first-pass-1",
            "/api/users/me/password",
            Map.of("currentPassword", "first-pass-1", "password", "second-pass-2"))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/users/me").with(httpBasic(username, "second-pass-2")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/users/me").with(httpBasic(username, "first-pass-1")))
        .andExpect(status().isUnauthorized());
  }
}
