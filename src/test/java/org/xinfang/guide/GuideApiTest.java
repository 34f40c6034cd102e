package org.xinfang.guide;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinfang.demo.DemoData.CITY_DISCIPLINE_INSPECTION;
import static org.xinfang.demo.DemoData.CITY_GOVERNMENT;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.CITY_PUBLIC_SECURITY;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.support.IntegrationTest;

/** The route map for the registration desk: the organs found in the demo city's tree. */
class GuideApiTest extends IntegrationTest {

  @Test
  @DisplayName(
      "the route map names the demo city's organs: bureau, discipline, 人社, police, government")
  void organsOfTheDemoCity() throws Exception {
    getJson("/api/guide/route?kind=ACCUSE")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.next").doesNotExist())
        .andExpect(jsonPath("$.route.id").value("accusation"))
        .andExpect(jsonPath("$.route.organ.organisationId").value(CITY_DISCIPLINE_INSPECTION));
    getJson("/api/guide/route?kind=REQUEST&court=NO&dispute=LABOUR")
        .andExpect(jsonPath("$.route.organ.organisationId").value(CITY_HUMAN_RESOURCES))
        .andExpect(jsonPath("$.route.pathway").value("ARBITRATION"));
    getJson("/api/guide/route?kind=REQUEST&court=CRIME")
        .andExpect(jsonPath("$.route.organ.organisationId").value(CITY_PUBLIC_SECURITY));
    getJson("/api/guide/route?kind=REQUEST&court=NO&dispute=NONE&party=NO&admin=DECISION")
        .andExpect(jsonPath("$.route.organ.organisationId").value(CITY_GOVERNMENT));
    getJson("/api/guide/route")
        .andExpect(jsonPath("$.next.key").value("kind"))
        .andExpect(jsonPath("$.route.id").value("petition-handling"))
        .andExpect(jsonPath("$.route.organ.organisationId").value(CITY_PETITION_BUREAU));
    getJson("/api/guide/route?kind=REQUEST")
        .andExpect(jsonPath("$.next.key").value("court"))
        .andExpect(jsonPath("$.path.kind").value("REQUEST"));
  }

  @Test
  @DisplayName(
      "the questions are listed in order; a wrong answer is 400; the API needs a signed-in user")
  void questionsAndErrors() throws Exception {
    getJson("/api/guide/questions")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].key").value("kind"))
        .andExpect(jsonPath("$[1].when.kind[0]").value("REQUEST"));
    getJson("/api/guide/route?kind=NONSENSE")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.kind").exists());
    mvc.perform(get("/api/guide/questions")).andExpect(status().isUnauthorized());
  }
}
