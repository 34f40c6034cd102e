package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/**
 * Issue 4 and API.md Users: a deployment switches off the bootstrap administrator's power to act
 * anywhere; then {@code admin} manages users and organisations but neither reads nor acts on
 * petitions.
 */
@TestPropertySource(properties = "xinfang.security.admin-acts-anywhere=false")
class AdminSwitchedOffTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void theBootstrapAdminNeitherReadsNorActsWhenSwitchedOff() throws Exception {
    int registered =
        postJson("/api/petitions", letter("2026-11-27", DemoData.CITY_PETITION_BUREAU))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(registered).isEqualTo(403);

    // a petition registered by the bureau's own registrar
    String id =
        body(postJsonAs(
                "dl-clerk",
                DemoData.PASSWORD,
                "/api/petitions",
                letter("2026-11-27", DemoData.CITY_PETITION_BUREAU)))
            .get("id")
            .asString();
    assertThat(getJson("/api/petitions/" + id).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(
            postJson("/api/petitions/" + id + "/forward", Map.of("to", "dl-rsj"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    String list =
        mvc.perform(get("/api/petitions").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain(id);
    // still the administrator: users and organisations
    assertThat(getJson("/api/users").andReturn().getResponse().getStatus()).isEqualTo(200);
    // and nothing the admin tried was recorded
    assertThat(
            jdbc.sql("select count(*) from petition_event where petition_id = :p and admin_act")
                .param("p", id)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(List.of(id)).isNotEmpty();
  }
}
