package org.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.shared.InvalidInput;

/** Reading and checking holiday-cn year files before they become the calendar. */
class HolidayCnFormatTest {

  private static Notice read(String json) {
    return HolidayCnFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String file(String days) {
    return "{\"year\": 2027, \"papers\": [\"https://example.org/n\"], \"days\": [" + days + "]}";
  }

  @Test
  @DisplayName(
      "A holiday-cn file is read with its notice URL; unknown fields ($schema, $id) are ignored")
  void readsTheFormat() {
    Notice notice =
        read(
            """
            {"$schema": "https://example.org/schema.json", "$id": "x", "year": 2023,
             "papers": ["http://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm"],
             "days": [{"name": "元旦", "date": "2022-12-31", "isOffDay": true},
                      {"name": "春节", "date": "2023-01-28", "isOffDay": false}]}
            """);
    assertThat(notice.year()).isEqualTo(2023);
    assertThat(notice.sources()).hasSize(1);
    assertThat(notice.days())
        .containsExactly(
            new Notice.Listed(LocalDate.of(2022, 12, 31), true, "元旦"),
            new Notice.Listed(LocalDate.of(2023, 1, 28), false, "春节"));
  }

  @Test
  @DisplayName("LAW.md §7: a placeholder without days or papers is not a notice")
  void placeholder() {
    assertThatThrownBy(() -> read("{\"year\": 2027, \"papers\": [], \"days\": []}"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("2027 notice is not published");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not json                                                            | body
          []                                                                  | body
          {"papers": ["u"], "days": []}                                       | year
          {"year": 1989, "papers": ["u"], "days": [{"name": "元旦", "date": "1989-01-02", "isOffDay": true}]} | year
          {"year": 2027, "papers": ["u"], "days": []}                         | days
          {"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]} | papers
          {"year": 2027, "papers": ["u"], "days": [{"date": "2027-01-01", "isOffDay": true}]} | days[0].name
          {"year": 2027, "papers": ["u"], "days": [{"name": " ", "date": "2027-01-01", "isOffDay": true}]} | days[0].name
          {"year": 2027, "papers": ["u"], "days": [{"name": "元旦", "date": "2027-02-30", "isOffDay": true}]} | days[0].date
          {"year": 2027, "papers": ["u"], "days": [{"name": "元旦", "date": "2027-01-01"}]} | days[0].isOffDay
          {"year": 2027, "papers": ["u"], "days": [{"name": "国庆节", "date": "2026-10-01", "isOffDay": true}]} | days[0].date
          {"year": 2027, "papers": ["u"], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]} | days[1].date
          {"year": 2027, "papers": ["u"], "days": [{"name": "春节", "date": "2027-02-10", "isOffDay": false}]} | days[0].isOffDay
          """)
  @DisplayName("Malformed or impossible files are refused with the offending field")
  void refusals(String json, String field) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).fields()).containsKey(field));
  }

  @Test
  @DisplayName("A notice may list the adjacent December or January (元旦 2023 starts 2022-12-31)")
  void adjacentYear() {
    assertThat(
            read(file("{\"name\": \"元旦\", \"date\": \"2026-12-31\", \"isOffDay\": true}")).days())
        .hasSize(1);
  }

  @Test
  @DisplayName("The bundled notices pass the same checks as an import and cover 2023–2026")
  void bundledNotices() {
    assertThat(BundledCalendar.notices())
        .extracting(Notice::year)
        .containsExactly(2023, 2024, 2025, 2026);
    assertThat(BundledCalendar.notices())
        .allSatisfy(n -> assertThat(n.sources()).singleElement().asString().contains("gov.cn"));
  }
}
