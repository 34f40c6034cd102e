package org.xinfang.shared;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V36, the same migration on both databases: on PostgreSQL it creates {@code
 * xinfang_expect_rows}, the function with which {@link DeferredWrites} has the server check a
 * queued write's row count inside the round trip that sends it (a version check that touched no row
 * fails there, so nothing queued after it runs and the commit sent with it is refused); on H2,
 * where the count is checked by the application as each write runs, it does nothing.
 */
@Component
class ExpectRowsMigration implements JavaMigration {

  /** The function's error: {@code XF001}, its message naming the write by its place. */
  static final String SQLSTATE = "XF001";

  static final String FUNCTION =
      """
      create or replace function xinfang_expect_rows(touched bigint, expected integer, place integer)
      returns integer language plpgsql as $$
      begin
        if touched <> expected then
          raise exception 'deferred write % touched % rows, not %', place, touched, expected
            using errcode = 'XF001';
        end if;
        return place;
      end
      $$
      """;

  private static final java.util.regex.Pattern MESSAGE =
      java.util.regex.Pattern.compile("deferred write (\\d+) touched (\\d+) rows");

  /**
   * The place (in its round trip) of the write whose count the function refused, if that is what
   * {@code e} or one of its causes reports; else -1.
   */
  static int placeOf(java.sql.SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException s && SQLSTATE.equals(s.getSQLState())) {
        java.util.regex.Matcher m = MESSAGE.matcher(String.valueOf(s.getMessage()));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    }
    return -1;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("36");
  }

  @Override
  public String getDescription() {
    return "expect rows (PostgreSQL: server-checked deferred writes)";
  }

  @Override
  public Integer getChecksum() {
    return FUNCTION.hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(FUNCTION);
    }
  }
}
