package org.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The calendar over HTTP (API.md "Calendar"), on the whole application with in-memory H2. */
@WithMockUser(roles = "ADMIN")
class CalendarApiIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired WorkingCalendar calendar;

  @ParameterizedTest(name = "{0} + {1} {2} → {3}")
  @CsvSource({
    "2025-09-26, 15, CALENDAR, 2025-10-11",
    "2026-02-10, 60, CALENDAR, 2026-04-13",
    "2025-12-31, 60, CALENDAR, 2026-03-02",
    "2026-09-18, 30, CALENDAR, 2026-10-19",
    "2025-09-26, 5, WORKING, 2025-10-10"
  })
  @DisplayName("GET /api/calendar/due: the LAW.md §7 worked examples (民法典 Arts. 201, 203)")
  void workedExamples(String from, int days, String unit, String due) throws Exception {
    mvc.perform(
            get("/api/calendar/due")
                .param("from", from)
                .param("days", String.valueOf(days))
                .param("unit", unit))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value(due))
        .andExpect(jsonPath("$.provisional").value(false));
  }

  @Test
  @DisplayName(
      "GET /api/calendar/due: unit defaults to CALENDAR; rollForward=false may end on a rest day")
  void defaultsAndRollForward() throws Exception {
    mvc.perform(get("/api/calendar/due?from=2026-02-10&days=60"))
        .andExpect(status().isOk())
        .andExpect(content().json("{\"due\":\"2026-04-13\",\"provisional\":false}"));
    mvc.perform(get("/api/calendar/due?from=2026-02-10&days=60&rollForward=false"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2026-04-11"));
    mvc.perform(get("/api/calendar/due?from=2026-12-01&days=60"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2027-02-01"))
        .andExpect(jsonPath("$.provisional").value(true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          from=2026-02-10&days=0
          from=2026-02-10&days=99999
          from=2026-02-10&days=60&unit=FOO
          from=2026-02-30&days=60
          from=2026-02-10&days=abc
          from=2026-02-10&days=60&rollForward=maybe
          days=60
          from=2026-02-10
          from=1900-01-01&days=5
          """)
  @DisplayName("GET /api/calendar/due: bad input is a 400 problem, never a 500")
  void badInput(String query) throws Exception {
    mvc.perform(get("/api/calendar/due?" + query))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  @DisplayName("GET /api/calendar/2026: the loaded notice's days off and worked weekends")
  void year2026() throws Exception {
    mvc.perform(get("/api/calendar/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2026))
        .andExpect(jsonPath("$.loaded").value(true))
        .andExpect(jsonPath("$.provisional").value(false))
        .andExpect(
            jsonPath("$.sources[0]")
                .value("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"))
        .andExpect(jsonPath("$.daysOff[0].date").value("2026-01-01"))
        .andExpect(jsonPath("$.daysOff[0].name").value("元旦"))
        .andExpect(jsonPath("$.daysOff.length()").value(33))
        .andExpect(jsonPath("$.workingWeekends.length()").value(6))
        .andExpect(jsonPath("$.workingWeekends[1].date").value("2026-02-14"));
  }

  @Test
  @DisplayName("GET /api/calendar/2027: not loaded, provisional, statutory holidays assumed")
  void year2027() throws Exception {
    mvc.perform(get("/api/calendar/2027"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.loaded").value(false))
        .andExpect(jsonPath("$.provisional").value(true))
        .andExpect(jsonPath("$.daysOff.length()").value(13))
        .andExpect(jsonPath("$.daysOff[2].date").value("2027-02-06"))
        .andExpect(jsonPath("$.workingWeekends").isEmpty());
    mvc.perform(get("/api/calendar/abcd")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/calendar/1800")).andExpect(status().isBadRequest());
  }

  @Test
  @DisplayName("GET /api/calendar/profile: the national profile by default, with legal bases")
  void profile() throws Exception {
    mvc.perform(get("/api/calendar/profile"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("national"))
        .andExpect(jsonPath("$.rules.length()").value(15))
        .andExpect(jsonPath("$.rules[?(@.key=='conclude')].length").value(60))
        .andExpect(jsonPath("$.rules[?(@.key=='conclude')].basis").value("条例 Art. 34"))
        .andExpect(jsonPath("$.rules[?(@.key=='object')].unit").value("WORKING"));
  }

  @Test
  @DisplayName("POST /api/calendar/import: a year exported as holiday-cn imports to the same year")
  void importRoundTrip() throws Exception {
    String before =
        mvc.perform(get("/api/calendar/2026"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode year = JsonMapper.shared().readTree(before);
    ObjectNode file = JsonMapper.shared().createObjectNode();
    file.put("year", 2026);
    file.set("papers", year.get("sources"));
    ArrayNode days = file.putArray("days");
    for (String list : new String[] {"daysOff", "workingWeekends"}) {
      for (JsonNode day : year.get(list)) {
        days.addObject()
            .put("name", day.get("name").stringValue())
            .put("date", day.get("date").stringValue())
            .put("isOffDay", list.equals("daysOff"));
      }
    }
    String after =
        mvc.perform(
                post("/api/calendar/import")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(file.toString()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonMapper.shared().readTree(after)).isEqualTo(year);
    assertThat(calendar.isLoaded(2026)).isTrue();
  }

  @Test
  @DisplayName(
      "POST /api/calendar/import: the empty 2027 placeholder is refused (400); 2027 stays provisional")
  void placeholderRefused() throws Exception {
    mvc.perform(
            post("/api/calendar/import")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": 2027, \"papers\": [], \"days\": []}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/calendar/import")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("not json"))
        .andExpect(status().isBadRequest());
    assertThat(calendar.isLoaded(2027)).isFalse();
  }
}
