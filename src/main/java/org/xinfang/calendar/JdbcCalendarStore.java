package org.xinfang.calendar;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The calendar in tables {@code calendar_year} and {@code calendar_day} (V2__calendar.sql). */
@Repository
@DependsOnDatabaseInitialization
class JdbcCalendarStore implements CalendarStore {

  /** Separates the notice URLs in {@code calendar_year.sources}. */
  private static final String SEPARATOR = "\n";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcCalendarStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public List<StoredYear> years() {
    return jdbc.sql("select \"year\", sources, origin from calendar_year order by \"year\"")
        .query(
            (rs, i) ->
                new StoredYear(
                    rs.getInt("year"),
                    splitSources(rs.getString("sources")),
                    rs.getString("origin")))
        .list();
  }

  @Override
  public List<StoredDay> days() {
    return jdbc.sql("select \"day\", \"year\", off_day, name from calendar_day order by \"day\"")
        .query(
            (rs, i) ->
                new StoredDay(
                    rs.getObject("day", java.time.LocalDate.class),
                    rs.getInt("year"),
                    rs.getBoolean("off_day"),
                    rs.getString("name")))
        .list();
  }

  @Override
  public void replace(Notice notice, String origin) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("delete from calendar_day where \"year\" = ?").param(notice.year()).update();
          jdbc.sql("delete from calendar_year where \"year\" = ?").param(notice.year()).update();
          jdbc.sql(
                  "insert into calendar_year (\"year\", sources, loaded_at, origin) values (?, ?, ?, ?)")
              .param(notice.year())
              .param(String.join(SEPARATOR, notice.sources()))
              .param(OffsetDateTime.now())
              .param(origin)
              .update();
          for (Notice.Listed listed : notice.days()) {
            jdbc.sql("delete from calendar_day where \"day\" = ?").param(listed.date()).update();
            jdbc.sql(
                    "insert into calendar_day (\"day\", \"year\", off_day, name) values (?, ?, ?, ?)")
                .param(listed.date())
                .param(notice.year())
                .param(listed.offDay())
                .param(listed.name())
                .update();
          }
        });
  }

  private static List<String> splitSources(String sources) {
    if (sources == null || sources.isBlank()) {
      return List.of();
    }
    return Arrays.stream(sources.split(SEPARATOR)).filter(s -> !s.isBlank()).toList();
  }
}
