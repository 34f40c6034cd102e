package org.xinfang.organisation.web;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

class OrganisationApiTest extends IntegrationTest {

  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-pw");
  static final RequestPostProcessor CLERK = httpBasic(DemoData.CITY_REGISTRAR, DemoData.PASSWORD);

  @Autowired MockMvc mvc;

  @Test
  void listsTheTreeForAnySignedInUser() throws Exception {
    mvc.perform(get("/api/organisations").with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(DemoData.PROVINCE_GOVERNMENT))
        .andExpect(jsonPath("$[0].parentId").doesNotExist())
        .andExpect(jsonPath("$[?(@.id == 'zs-xfj')].type").value("PETITION_BUREAU"))
        .andExpect(jsonPath("$[?(@.id == 'zs-xfj')].level").value("COUNTY"))
        .andExpect(jsonPath("$[?(@.id == 'zs-xfj')].parentId").value("zs-gov"))
        .andExpect(jsonPath("$[?(@.id == 'zs-xfj')].regionCode").value("210202"))
        .andExpect(jsonPath("$[?(@.id == 'zs-xfj')].name").value("大连市中山区信访局"))
        .andExpect(jsonPath("$[?(@.id == 'zs-xfj')].line").value("信访"));
  }

  @Test
  void filtersByLevelTypeAndParent() throws Exception {
    mvc.perform(
            get("/api/organisations")
                .param("level", "COUNTY")
                .param("type", "PETITION_BUREAU")
                .with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].id", hasItem("zs-xfj")))
        .andExpect(jsonPath("$[*].level", everyItem(is("COUNTY"))))
        .andExpect(jsonPath("$[*].type", everyItem(is("PETITION_BUREAU"))));
    mvc.perform(
            get("/api/organisations").param("parentId", DemoData.QINGNIWAQIAO_STREET).with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].parentId", everyItem(is(DemoData.QINGNIWAQIAO_STREET))))
        .andExpect(jsonPath("$[*].id", hasItem(DemoData.YOUHAO_COMMUNITY)));
  }

  @Test
  void refusesAnUnknownFilterValue() throws Exception {
    mvc.perform(get("/api/organisations").param("level", "GALAXY").with(CLERK))
        .andExpect(status().isBadRequest());
  }

  @Test
  void needsSignIn() throws Exception {
    mvc.perform(get("/api/organisations"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"xinfang\""));
  }

  @Test
  void showsOneWithItsReviewOrgans() throws Exception {
    mvc.perform(get("/api/organisations/{id}", DemoData.ZHONGSHAN_HUMAN_RESOURCES).with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(DemoData.ZHONGSHAN_HUMAN_RESOURCES))
        .andExpect(jsonPath("$.reviewOrgans[0]").value(DemoData.CITY_HUMAN_RESOURCES))
        .andExpect(jsonPath("$.reviewOrgans[1]").value(DemoData.ZHONGSHAN_GOVERNMENT));
    mvc.perform(get("/api/organisations/{id}", DemoData.PROVINCE_GOVERNMENT).with(CLERK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reviewOrgans").isEmpty());
  }

  @Test
  void unknownIs404() throws Exception {
    mvc.perform(get("/api/organisations/{id}", "no-such-org").with(CLERK))
        .andExpect(status().isNotFound());
  }

  @Test
  void adminCreates() throws Exception {
    String id = "t-" + UUID.randomUUID();
    mvc.perform(
            post("/api/organisations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"id": "%s", "name": "大连市中山区退役军人事务局", "shortName": "中山区退役军人局",
                     "level": "COUNTY", "type": "DEPARTMENT", "parentId": "zs-gov",
                     "regionCode": "210202", "line": "退役军人"}
                    """
                        .formatted(id)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/organisations/" + id))
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.vertical").value(false))
        .andExpect(jsonPath("$.reviewOrgans[0]").value(DemoData.ZHONGSHAN_GOVERNMENT));
    mvc.perform(get("/api/organisations/{id}", id).with(CLERK)).andExpect(status().isOk());
  }

  @Test
  void adminCreatesWithAGeneratedId() throws Exception {
    mvc.perform(
            post("/api/organisations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "西岗区测试街道办事处", "level": "TOWNSHIP", "type": "GOVERNMENT",
                     "parentId": "xg-gov", "regionCode": "210203099"}
                    """))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/organisations/")))
        .andExpect(jsonPath("$.id", not(is(""))));
  }

  @Test
  void refusesBadOrganisations() throws Exception {
    mvc.perform(
            post("/api/organisations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "坏机构", "level": "COUNTY", "type": "DEPARTMENT",
                     "parentId": "no-such-org", "regionCode": "210202"}
                    """))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/organisations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "坏机构", "level": "COUNTY", "type": "DEPARTMENT",
                     "parentId": "zs-gov", "regionCode": "2102"}
                    """))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/organisations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "坏机构", "level": "PLANET", "type": "DEPARTMENT",
                     "parentId": "zs-gov", "regionCode": "210202"}
                    """))
        .andExpect(status().isBadRequest());
  }

  @Test
  void onlyAdminsCreate() throws Exception {
    mvc.perform(
            post("/api/organisations")
                .with(CLERK)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name": "越权机构", "level": "COUNTY", "type": "DEPARTMENT",
                     "parentId": "zs-gov", "regionCode": "210202"}
                    """))
        .andExpect(status().isForbidden())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
  }
}
