package org.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar persisted in its tables (V2__calendar.sql) on H2 in PostgreSQL mode, without the
 * application context.
 */
class JdbcCalendarStoreTest {

  private JdbcClient jdbc;
  private JdbcCalendarStore store;

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:calendar-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__calendar.sql"))
        .execute(dataSource);
    jdbc = JdbcClient.create(dataSource);
    store =
        new JdbcCalendarStore(
            jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
  }

  private WorkingCalendar started() {
    WorkingCalendar calendar = new WorkingCalendar(store);
    calendar.init();
    return calendar;
  }

  @Test
  @DisplayName("On start the bundled notices 2023–2026 are stored, each with its notice URL")
  void bundledNoticesAreStored() {
    WorkingCalendar calendar = started();
    assertThat(store.years())
        .extracting(CalendarStore.StoredYear::year)
        .containsExactly(2023, 2024, 2025, 2026);
    assertThat(store.years())
        .allSatisfy(y -> assertThat(y.origin()).isEqualTo(CalendarStore.BUNDLED));
    assertThat(jdbc.sql("select count(*) from calendar_day").query(Integer.class).single())
        .isEqualTo(34 + 36 + 33 + 39);
    assertThat(store.days())
        .filteredOn(d -> d.day().equals(LocalDate.of(2022, 12, 31)))
        .singleElement()
        .extracting(CalendarStore.StoredDay::noticeYear)
        .isEqualTo(2023);
    assertThat(calendar.due(LocalDate.parse("2026-02-10"), 60, PeriodUnit.CALENDAR, true))
        .isEqualTo(new Due(LocalDate.parse("2026-04-13"), false));
  }

  @Test
  @DisplayName("A year already in the database (e.g. imported) is not overwritten by bundled data")
  void importedDataSurvivesARestart() {
    started()
        .importHolidayCn(
            json(
                """
                {"year": 2026, "papers": ["https://example.org/corrected-2026"],
                 "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}
                """));
    WorkingCalendar restarted = started();
    CalendarYear year = restarted.year(2026);
    assertThat(year.sources()).containsExactly("https://example.org/corrected-2026");
    assertThat(year.daysOff()).hasSize(1);
    assertThat(restarted.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue();
    assertThat(
            store.years().stream().filter(y -> y.year() == 2026).findFirst().orElseThrow().origin())
        .isEqualTo(CalendarStore.IMPORTED);
  }

  @Test
  @DisplayName("Importing a notice replaces that year's data and persists it")
  void importReplacesAndPersists() {
    WorkingCalendar calendar = started();
    CalendarYear imported =
        calendar.importHolidayCn(
            json(
                """
                {"year": 2027, "papers": ["https://example.org/a", "https://example.org/b"],
                 "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true},
                          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                          {"name": "春节", "date": "2027-02-20", "isOffDay": false}]}
                """));
    assertThat(imported.loaded()).isTrue();
    assertThat(imported.sources())
        .containsExactly("https://example.org/a", "https://example.org/b");
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
    // a second import of 2027 replaces the first entirely, including its December day
    calendar.importHolidayCn(
        json(
            """
            {"year": 2027, "papers": ["https://example.org/c"],
             "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}
            """));
    WorkingCalendar restarted = started();
    assertThat(restarted.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(restarted.isWorkingDay(LocalDate.of(2027, 2, 20))).isFalse();
    assertThat(restarted.year(2027).sources()).containsExactly("https://example.org/c");
    assertThat(restarted.isLoaded(2027)).isTrue();
  }

  private static ByteArrayInputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
