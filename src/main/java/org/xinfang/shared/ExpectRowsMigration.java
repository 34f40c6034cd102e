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
