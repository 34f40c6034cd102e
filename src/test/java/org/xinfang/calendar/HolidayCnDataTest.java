package org.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinfang.shared.InvalidInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's bundled calendar against the official facts in the public holiday-cn files ({@code
 * ../shared/data/holiday-cn}, skipped where absent), and the importer against both.
 */
class HolidayCnDataTest {

  private static final Path DATA = Path.of("..", "shared", "data", "holiday-cn");

  @BeforeEach
  void dataPresent() {
    Assumptions.assumeTrue(
        Files.isDirectory(DATA), "no holiday-cn data at " + DATA.toAbsolutePath());
  }

  private static JsonNode read(int year) throws IOException {
    return JsonMapper.shared().readTree(DATA.resolve(year + ".json").toFile());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2023, 2024, 2025, 2026})
  @DisplayName("LAW.md §7: the bundled calendar agrees with every date the official notice lists")
  void bundledCalendarAgreesWithTheNotice(int year) throws IOException {
    WorkingCalendar bundled = WorkingCalendar.inMemory();
    JsonNode file = read(year);
    assertThat(file.get("days").size()).isPositive();
    for (JsonNode day : file.get("days")) {
      LocalDate date = LocalDate.parse(day.get("date").stringValue());
      boolean off = day.get("isOffDay").booleanValue();
      assertThat(bundled.isWorkingDay(date))
          .as("%s (%s) is %s", date, day.get("name").stringValue(), off ? "off" : "worked")
          .isEqualTo(!off);
    }
    assertThat(bundled.isLoaded(year)).isTrue();
    assertThat(bundled.year(year).sources())
        .containsExactly(file.get("papers").get(0).stringValue());
  }

  @Test
  @DisplayName(
      "Importing the holiday-cn files gives the same calendar as the bundled data, day by day")
  void importGivesTheSameCalendar() throws IOException {
    WorkingCalendar bundled = WorkingCalendar.inMemory();
    WorkingCalendar imported = WorkingCalendar.inMemory();
    for (int year = 2023; year <= 2026; year++) {
      CalendarYear result;
      try (InputStream in = Files.newInputStream(DATA.resolve(year + ".json"))) {
        result = imported.importHolidayCn(in);
      }
      assertThat(result).isEqualTo(bundled.year(year));
      JsonNode file = read(year);
      long off = 0;
      long worked = 0;
      for (JsonNode day : file.get("days")) {
        if (LocalDate.parse(day.get("date").stringValue()).getYear() == year) {
          if (day.get("isOffDay").booleanValue()) {
            off++;
          } else {
            worked++;
          }
        }
      }
      assertThat(result.daysOff()).hasSize((int) off);
      assertThat(result.workingWeekends()).hasSize((int) worked);
    }
    for (LocalDate day = LocalDate.of(2022, 12, 1);
        day.isBefore(LocalDate.of(2027, 2, 1));
        day = day.plusDays(1)) {
      assertThat(imported.isWorkingDay(day)).as("%s", day).isEqualTo(bundled.isWorkingDay(day));
    }
    assertThat(imported.year(2022)).isEqualTo(bundled.year(2022));
  }

  @Test
  @DisplayName("LAW.md §7: the empty 2027 placeholder is refused; 2027 stays provisional")
  void placeholderIsRefused() throws IOException {
    WorkingCalendar calendar = WorkingCalendar.inMemory();
    try (InputStream in = Files.newInputStream(DATA.resolve("2027.json"))) {
      assertThatThrownBy(() -> calendar.importHolidayCn(in))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("not published");
    }
    assertThat(calendar.isLoaded(2027)).isFalse();
    assertThat(calendar.year(2027).loaded()).isFalse();
  }
}
