package org.xinfang.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/** API.md Users. */
class UserApiTest extends IntegrationTest {

  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-pw");
  static final RequestPostProcessor CLERK = httpBasic(DemoData.CITY_REGISTRAR, DemoData.PASSWORD);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwordEncoder;

  private static String fresh() {
    return "u-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private ResultActions create(RequestPostProcessor as, String body) throws Exception {
    return mvc.perform(
        post("/api/users").with(as).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private static String user(String username, String password, String org, String roles) {
    return """
        {"username": "%s", "password": "%s", "displayName": "测试用户",
         "organisationId": %s, "roles": %s}
        """
        .formatted(username, password, org == null ? "null" : "\"" + org + "\"", roles);
  }

  @Test
  void adminCreatesAUserWhoCanSignIn() throws Exception {
    String username = fresh();
    create(ADMIN, user(username, "s3cret-pass", "zs-xfj", "[\"REGISTRAR\", \"SUPERVISOR\"]"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/users/" + username))
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.displayName").value("测试用户"))
        .andExpect(jsonPath("$.organisationId").value("zs-xfj"))
        .andExpect(jsonPath("$.roles[0]").value("REGISTRAR"))
        .andExpect(jsonPath("$.roles[1]").value("SUPERVISOR"))
        .andExpect(jsonPath("$.password").doesNotExist())
        .andExpect(jsonPath("$.passwordHash").doesNotExist());

    mvc.perform(get("/api/users/me").with(httpBasic(username, "s3cret-pass")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.organisationId").value("zs-xfj"))
        .andExpect(jsonPath("$.bootstrapAdmin").value(false));
    mvc.perform(get("/api/users").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].username", hasItem(username)));
    mvc.perform(get("/api/users/{u}", username).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(username));
  }

  @Test
  void storesOnlyAHash() throws Exception {
    String username = fresh();
    create(ADMIN, user(username, "plain-text-pw", "dl-rsj", "[\"HANDLER\"]"))
        .andExpect(status().isCreated());
    String hash =
        jdbc.sql("select password_hash from app_user where username = :u")
            .param("u", username)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("plain-text-pw");
    assertThat(passwordEncoder.matches("plain-text-pw", hash)).isTrue();
  }

  @Test
  void nonAdminIsRefused() throws Exception {
    create(CLERK, user(fresh(), "s3cret-pass", "zs-xfj", "[\"REGISTRAR\"]"))
        .andExpect(status().isForbidden())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(jsonPath("$.status").value(403));
    mvc.perform(get("/api/users").with(CLERK)).andExpect(status().isForbidden());
  }

  @Test
  void withoutCredentials401AsProblemDetails() throws Exception {
    create(request -> request, user(fresh(), "s3cret-pass", "zs-xfj", "[\"REGISTRAR\"]"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"xinfang\""))
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(jsonPath("$.type").exists())
        .andExpect(jsonPath("$.title").exists())
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").exists());
    mvc.perform(get("/api/users/me")).andExpect(status().isUnauthorized());
  }

  @Test
  void wrongPasswordIs401() throws Exception {
    mvc.perform(get("/api/users/me").with(httpBasic("admin", "not-the-password")))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
  }

  @Test
  void takenUsernameIs409() throws Exception {
    create(ADMIN, user(DemoData.CITY_REGISTRAR, "s3cret-pass", "dl-xfj", "[\"REGISTRAR\"]"))
        .andExpect(status().isConflict());
    // the same name in another case would be a second account reading as the first
    create(
            ADMIN,
            user(
                DemoData.CITY_REGISTRAR.toUpperCase(java.util.Locale.ROOT),
                "s3cret-pass",
                "dl-xfj",
                "[\"REGISTRAR\"]"))
        .andExpect(status().isConflict());
  }

  @Test
  void badInputIs400() throws Exception {
    // unknown role
    create(ADMIN, user(fresh(), "s3cret-pass", "zs-xfj", "[\"EMPEROR\"]"))
        .andExpect(status().isBadRequest());
    // password too short
    create(ADMIN, user(fresh(), "short", "zs-xfj", "[\"REGISTRAR\"]"))
        .andExpect(status().isBadRequest());
    // unknown organisation
    create(ADMIN, user(fresh(), "s3cret-pass", "no-such-org", "[\"REGISTRAR\"]"))
        .andExpect(status().isBadRequest());
    // no organisation for a non-administrator
    create(ADMIN, user(fresh(), "s3cret-pass", null, "[\"HANDLER\"]"))
        .andExpect(status().isBadRequest());
    // no roles
    create(ADMIN, user(fresh(), "s3cret-pass", "zs-xfj", "[]")).andExpect(status().isBadRequest());
    // missing fields
    create(ADMIN, "{\"username\": \"%s\"}".formatted(fresh())).andExpect(status().isBadRequest());
    // malformed username
    create(ADMIN, user("no spaces allowed", "s3cret-pass", "zs-xfj", "[\"REGISTRAR\"]"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aPureAdministratorNeedsNoOrganisation() throws Exception {
    create(ADMIN, user(fresh(), "s3cret-pass", null, "[\"ADMIN\"]"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.organisationId").value(nullValue()));
  }
}
