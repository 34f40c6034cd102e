package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/** Who may reach what without, and with, credentials. */
class SecurityTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired AccessPolicy accessPolicy;

  @Test
  void healthAndApiDocsAreOpen() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
  }

  @Test
  void calendarReadsAreOpenButImportIsForAdmins() throws Exception {
    mvc.perform(get("/api/calendar/2026")).andExpect(status().is(not(401)));
    mvc.perform(
            post("/api/calendar/import")
                .with(httpBasic(DemoData.CITY_REGISTRAR, DemoData.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theRestOfTheApiNeedsSignIn() throws Exception {
    mvc.perform(get("/api/petitions/whatever"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"xinfang\""));
  }

  @Test
  void pagesRedirectToTheLoginForm() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", endsWith("/login")));
    mvc.perform(get("/login")).andExpect(status().isOk());
  }

  @Test
  void apiIsStatelessAndHardened() throws Exception {
    mvc.perform(get("/api/users/me").with(httpBasic("admin", "admin-test-pw")))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Set-Cookie"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"));
  }

  @Test
  void adminActsAnywhereByDefault() {
    assertThat(accessPolicy.adminActsAnywhere()).isTrue();
  }
}
