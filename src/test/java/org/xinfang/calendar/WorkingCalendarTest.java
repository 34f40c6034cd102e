package org.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.shared.InvalidInput;

/** Counting periods on the bundled calendar, without Spring or a database (LAW.md §7). */
class WorkingCalendarTest {

  private final WorkingCalendar calendar = WorkingCalendar.inMemory();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private Due calendarDays(String event, int days) {
    return calendar.due(d(event), days, PeriodUnit.CALENDAR, true);
  }

  private Due workingDays(String event, int days) {
    return calendar.due(d(event), days, PeriodUnit.WORKING, true);
  }

  @ParameterizedTest(name = "({0}, {1}]")
  @CsvSource({
    "2026-02-12, 2026-02-28", // 春节 2026 with its worked Saturday
    "2025-09-26, 2025-10-16", // 国庆 2025
    "2022-12-30, 2023-01-03", // across the year, listed by the next year's notice
    "2016-02-01, 2026-02-01", // ten years, most of them assumed (statutory holidays only)
    "2026-06-01, 2031-07-15", // into years whose notice is not loaded
    "2024-02-29, 2028-02-29", // leap day to leap day
    "2026-03-09, 2026-03-09", // empty
    "2026-03-09, 2026-03-01" // backwards: empty
  })
  @DisplayName("Working days between two dates: the count of isWorkingDay over (from, to]")
  void workingDaysBetween(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        n++;
      }
    }
    assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(n);
    assertThat(calendar.isWorkingDay(d("2026-02-16"))).isFalse();
  }

  @ParameterizedTest(name = "({0}, {1}]")
  @CsvSource({
    "2026-02-12, 2026-02-28", // within the calendar's years: the calendar's count
    "2200-12-20, 2201-01-20", // across its last year: the calendar, then Monday–Friday
    "1989-12-01, 1990-01-15", // across its first year
    "2500-01-01, 2500-03-01", // far beyond: Monday–Friday only
    "1900-01-01, 1900-02-01",
    "1989-12-30, 2201-01-02", // both ends beyond
    "2500-03-01, 2500-01-01" // backwards: empty
  })
  @DisplayName(
      "Working days between any two dates: the calendar within 1990–2200, Monday to Friday beyond"
          + " (the deadline watch grades any due date; 条例 Art. 38 para. 2)")
  void workingDaysBetweenAny(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      boolean inYears = day.getYear() >= 1990 && day.getYear() <= 2200;
      if (inYears ? calendar.isWorkingDay(day) : day.getDayOfWeek().getValue() <= 5) {
        n++;
      }
    }
    assertThat(calendar.workingDaysBetweenAny(from, to)).isEqualTo(n);
    assertThat(calendar.isWorkingDayAny(to))
        .isEqualTo(
            to.getYear() >= 1990 && to.getYear() <= 2200
                ? calendar.isWorkingDay(to)
                : to.getDayOfWeek().getValue() <= 5);
  }

  @Nested
  @DisplayName("LAW.md §7 worked examples")
  class WorkedExamples {

    @Test
    @DisplayName("2025-09-26 + 15 days = 2025-10-11: a swapped working Saturday (调休) does not roll")
    void swappedSaturdayIsAWorkingDay() {
      assertThat(calendarDays("2025-09-26", 15)).isEqualTo(new Due(d("2025-10-11"), false));
    }

    @Test
    @DisplayName("民法典 Art. 203: 2026-02-10 + 60 days ends Saturday 04-11 → Monday 2026-04-13")
    void saturdayRollsToMonday() {
      assertThat(calendarDays("2026-02-10", 60)).isEqualTo(new Due(d("2026-04-13"), false));
    }

    @Test
    @DisplayName("民法典 Art. 203: 2025-12-31 + 60 days ends Sunday 03-01 → 2026-03-02, across years")
    void sundayRollsToMondayAcrossTheYear() {
      assertThat(calendarDays("2025-12-31", 60)).isEqualTo(new Due(d("2026-03-02"), false));
    }

    @Test
    @DisplayName("民法典 Art. 203: 2026-09-18 + 30 days ends Sunday 10-18 → 2026-10-19")
    void sundayAfterNationalDayRolls() {
      assertThat(calendarDays("2026-09-18", 30)).isEqualTo(new Due(d("2026-10-19"), false));
    }

    @Test
    @DisplayName("工作日: 2025-09-26 + 5 working days = 2025-10-10 (09-28 works; 10-01..10-08 off)")
    void workingDaysAcrossNationalDay2025() {
      assertThat(workingDays("2025-09-26", 5)).isEqualTo(new Due(d("2025-10-10"), false));
    }
  }

  @Test
  @DisplayName("民法典 Art. 201: the event day is not counted; counting starts the next day")
  void startDayExclusion() {
    // Monday 2026-03-02: one day later is Tuesday, not Monday itself
    assertThat(calendarDays("2026-03-02", 1).date()).isEqualTo(d("2026-03-03"));
    assertThat(workingDays("2026-03-02", 1).date()).isEqualTo(d("2026-03-03"));
    // an event on a rest day: counting still starts the next day
    assertThat(calendarDays("2026-03-01", 15).date()).isEqualTo(d("2026-03-16"));
  }

  @Test
  @DisplayName(
      "Per-rule configuration (LAW.md §7): with roll-forward off, a period may end on a rest day")
  void rollForwardOff() {
    assertThat(calendar.due(d("2026-02-10"), 60, PeriodUnit.CALENDAR, false))
        .isEqualTo(new Due(d("2026-04-11"), false));
    assertThat(calendar.due(d("2026-01-30"), 16, PeriodUnit.CALENDAR, false).date())
        .isEqualTo(d("2026-02-15"));
  }

  @Test
  @DisplayName("民法典 Art. 203: a period ending inside 春节 2026 rolls past the whole holiday")
  void rollsOverTheWholeSpringFestival() {
    // 01-30 + 16 = 02-15, first day of 02-15..02-23 off → Tuesday 02-24
    assertThat(calendarDays("2026-01-30", 16).date()).isEqualTo(d("2026-02-24"));
  }

  @Test
  @DisplayName("工作日 across 春节 2026: Saturday 02-14 is worked, 02-15..02-23 are off")
  void workingDaysAcrossSpringFestival2026() {
    // 02-13 (1), 02-14 Sat 调休 (2), 02-24 (3), 02-25 (4), 02-26 (5)
    assertThat(workingDays("2026-02-12", 5)).isEqualTo(new Due(d("2026-02-26"), false));
    // 02-13, 02-14, 02-24..02-27, then 02-28 a worked Saturday: the 7th working day
    assertThat(workingDays("2026-02-12", 7).date()).isEqualTo(d("2026-02-28"));
  }

  @Test
  @DisplayName("工作日 across 国庆 2025: 10 working days from 2025-09-26 end 2025-10-16")
  void workingDaysAcrossNationalDay2025() {
    // 09-28 Sun worked, 09-29, 09-30, 10-09, 10-10, 10-11 Sat worked, 10-13..10-16
    assertThat(workingDays("2025-09-26", 10)).isEqualTo(new Due(d("2025-10-16"), false));
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2026-02-14, true", // Saturday, worked (调休)
    "2026-02-16, false", // 除夕, off
    "2026-02-23, false", // Monday, off
    "2026-02-24, true",
    "2025-10-11, true", // Saturday, worked
    "2025-10-08, false", // Wednesday, off
    "2026-03-07, false", // plain Saturday
    "2026-03-09, true", // plain Monday
    "2022-12-31, false" // listed by the 2023 notice (元旦)
  })
  @DisplayName("Working days: Monday–Friday, minus holidays, plus swapped weekends (LAW.md §7)")
  void workingDay(LocalDate day, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @Nested
  @DisplayName("Years whose notice is not loaded (LAW.md §7: provisional)")
  class Provisional {

    @Test
    @DisplayName("2023–2026 are loaded from the bundled notices; 2027 is not")
    void loadedYears() {
      assertThat(calendar.isLoaded(2023)).isTrue();
      assertThat(calendar.isLoaded(2026)).isTrue();
      assertThat(calendar.isLoaded(2027)).isFalse();
      assertThat(calendar.isLoaded(2022)).isFalse();
    }

    @Test
    @DisplayName("A period reaching into 2027 is provisional; one ending in 2026 is not")
    void periodIntoAnUnloadedYearIsProvisional() {
      // 2026-12-01 + 60 = Saturday 2027-01-30 → Monday 2027-02-01
      assertThat(calendarDays("2026-12-01", 60)).isEqualTo(new Due(d("2027-02-01"), true));
      // 2026-10-01 + 30 = Saturday 10-31 → Monday 11-02
      assertThat(calendarDays("2026-10-01", 30)).isEqualTo(new Due(d("2026-11-02"), false));
      assertThat(workingDays("2026-12-24", 10).provisional()).isTrue();
    }

    @Test
    @DisplayName("民法典 Art. 203 with assumed 元旦 2027: 2026-12-31 + 1 day → Monday 2027-01-04")
    void assumedNewYearRolls() {
      assertThat(calendarDays("2026-12-31", 1)).isEqualTo(new Due(d("2027-01-04"), true));
    }

    @Test
    @DisplayName(
        "Counting starts after the event: an event on 2022-12-31 counts only in loaded 2023")
    void provisionalYearsStartAfterTheEvent() {
      assertThat(calendarDays("2022-12-31", 10)).isEqualTo(new Due(d("2023-01-10"), false));
      // from 2022-12-30 the first counted day is in 2022, not loaded; 12-31 is off (2023 notice)
      assertThat(calendarDays("2022-12-30", 1)).isEqualTo(new Due(d("2023-01-03"), true));
    }

    @Test
    @DisplayName("《全国年节及纪念日放假办法》 (2024) Art. 2: the holidays assumed for 2027")
    void assumedHolidays2027() {
      CalendarYear year = calendar.year(2027);
      assertThat(year.loaded()).isFalse();
      assertThat(year.workingWeekends()).isEmpty();
      assertThat(year.sources()).singleElement().asString().contains("全国年节及纪念日放假办法");
      assertThat(year.daysOff())
          .containsExactly(
              new CalendarDay(d("2027-01-01"), "元旦"),
              new CalendarDay(d("2027-02-05"), "春节"), // 除夕 = 腊月廿九
              new CalendarDay(d("2027-02-06"), "春节"), // 正月初一
              new CalendarDay(d("2027-02-07"), "春节"),
              new CalendarDay(d("2027-02-08"), "春节"), // 正月初三
              new CalendarDay(d("2027-04-05"), "清明节"),
              new CalendarDay(d("2027-05-01"), "劳动节"),
              new CalendarDay(d("2027-05-02"), "劳动节"),
              new CalendarDay(d("2027-06-09"), "端午节"),
              new CalendarDay(d("2027-09-15"), "中秋节"),
              new CalendarDay(d("2027-10-01"), "国庆节"),
              new CalendarDay(d("2027-10-02"), "国庆节"),
              new CalendarDay(d("2027-10-03"), "国庆节"));
      assertThat(calendar.isWorkingDay(d("2027-02-08"))).isFalse();
      assertThat(calendar.isWorkingDay(d("2027-02-09"))).isTrue();
      assertThat(calendar.isWorkingDay(d("2027-06-09"))).isFalse();
      assertThat(calendar.isWorkingDay(d("2027-09-15"))).isFalse();
      assertThat(calendar.isWorkingDay(d("2027-10-04"))).isTrue(); // no swapped days assumed
    }

    @Test
    @DisplayName(
        "The assumed statutory holidays are all days off in the official 2025 and 2026 notices")
    void assumptionAgreesWithTheFirstNoticesUnderThe2024Revision() {
      StatutoryHolidays statutory = new StatutoryHolidays();
      for (int year : new int[] {2025, 2026}) {
        assertThat(statutory.of(year).keySet())
            .as("statutory holidays of %d", year)
            .allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse());
      }
      assertThat(statutory.of(2025)).containsKey(d("2025-01-28")); // 除夕 on 腊月廿九
    }

    @Test
    @DisplayName("A 中秋 falling in 国庆 (2028-10-03) is one assumed day off named for both")
    void overlappingHolidays() {
      assertThat(new StatutoryHolidays().of(2028)).containsEntry(d("2028-10-03"), "中秋节、国庆节");
    }

    @Test
    @DisplayName("Loading the 2027 notice makes 2027 deadlines final and replaces the assumption")
    void importingTheNoticeEndsProvisionality() {
      WorkingCalendar fresh = WorkingCalendar.inMemory();
      String json =
          """
          {"year": 2027, "papers": ["https://example.org/notice-2027"],
           "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                    {"name": "春节", "date": "2027-02-05", "isOffDay": true},
                    {"name": "春节", "date": "2027-02-09", "isOffDay": true},
                    {"name": "春节", "date": "2027-02-20", "isOffDay": false}]}
          """;
      CalendarYear year =
          fresh.importHolidayCn(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      assertThat(year.loaded()).isTrue();
      assertThat(year.sources()).containsExactly("https://example.org/notice-2027");
      assertThat(year.daysOff()).extracting(CalendarDay::date).contains(d("2027-02-09"));
      assertThat(year.workingWeekends()).containsExactly(new CalendarDay(d("2027-02-20"), "春节"));
      assertThat(fresh.isLoaded(2027)).isTrue();
      assertThat(fresh.isWorkingDay(d("2027-02-08"))).isTrue(); // no longer assumed
      assertThat(fresh.isWorkingDay(d("2027-02-20"))).isTrue();
      assertThat(fresh.due(d("2026-12-01"), 60, PeriodUnit.CALENDAR, true))
          .isEqualTo(new Due(d("2027-02-01"), false));
    }
  }

  @Nested
  @DisplayName("Rules and extensions")
  class Rules {

    private final LawProfile national = LawProfile.of("national");

    @Test
    @DisplayName("条例 Art. 34: 60 days from acceptance on 2026-02-10, with roll-forward")
    void concludeRule() {
      assertThat(calendar.due(d("2026-02-10"), national.rule("conclude")))
          .isEqualTo(new Due(d("2026-04-13"), false));
    }

    @Test
    @DisplayName("条例 Art. 34: 60 days + a 30-day extension count as one 90-day period")
    void extension() {
      assertThat(calendar.due(d("2026-02-10"), national.rule("conclude"), 30))
          .isEqualTo(new Due(d("2026-05-11"), false));
      assertThat(calendar.due(d("2026-02-10"), national.rule("conclude"), 0))
          .isEqualTo(calendar.due(d("2026-02-10"), national.rule("conclude")));
    }

    @Test
    @DisplayName("条例 Art. 23 para. 3: an objection within 5 working days")
    void objectRule() {
      assertThat(calendar.due(d("2025-09-26"), national.rule("object")).date())
          .isEqualTo(d("2025-10-10"));
    }
  }

  @Nested
  @DisplayName("Guarded inputs")
  class Guards {

    @ParameterizedTest(name = "length {0} is refused")
    @CsvSource({"0", "-1", "3661", "99999"})
    @DisplayName("A period is 1..3660 days")
    void lengthOutOfRange(int length) {
      assertThatThrownBy(() -> calendar.due(d("2026-02-10"), length, PeriodUnit.CALENDAR, true))
          .isInstanceOf(InvalidInput.class)
          .satisfies(e -> assertThat(((InvalidInput) e).fields()).containsKey("days"));
    }

    @Test
    @DisplayName("3660 days is accepted, counted in working days too")
    void longestPeriod() {
      assertThat(calendar.due(d("2026-02-10"), 3660, PeriodUnit.WORKING, true).provisional())
          .isTrue();
    }

    @Test
    @DisplayName("Dates are within the years 1990..2200")
    void datesOutOfRange() {
      assertThatThrownBy(() -> calendar.due(d("1989-12-31"), 5, PeriodUnit.CALENDAR, true))
          .isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> calendar.due(d("2200-12-01"), 60, PeriodUnit.CALENDAR, true))
          .isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> calendar.isWorkingDay(d("2201-01-01")))
          .isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> calendar.year(1989)).isInstanceOf(InvalidInput.class);
      assertThat(calendar.year(2200).loaded()).isFalse();
      assertThat(calendar.year(1990).daysOff()).isNotEmpty();
    }

    @Test
    @DisplayName("A missing date or unit, or a negative extension, is refused")
    void missingArguments() {
      assertThatThrownBy(() -> calendar.due(null, 5, PeriodUnit.CALENDAR, true))
          .isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> calendar.due(d("2026-02-10"), 5, null, true))
          .isInstanceOf(InvalidInput.class);
      PeriodRule conclude = LawProfile.of("national").rule("conclude");
      assertThatThrownBy(() -> calendar.due(d("2026-02-10"), conclude, -1))
          .isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> calendar.due(d("2026-02-10"), conclude, 3601))
          .isInstanceOf(InvalidInput.class);
    }
  }
}
