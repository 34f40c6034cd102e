package org.xinfang.petition;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A bulk load's deferred indexes and foreign keys (PostgreSQL only). The plain secondary indexes
 * and the foreign keys of the tables a load writes are recorded in {@code deferred_ddl} and
 * dropped; the rows are written without maintaining or checking them row by row; then each index is
 * built in one sorted pass and each foreign key added again, which checks every row in one join (a
 * row that breaks it fails the load's end loudly, it is not let in). Primary keys and unique
 * indexes stay, so duplicates are refused as they are written; an index the load itself reads stays
 * too. A load stopped half-way leaves its list behind, and the next start of the application builds
 * what is on it.
 */
@Component
@Order(50)
class DeferredIndexes implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

  /** Read by the load itself (the earliest repeat of each petition, per batch). */
  private static final List<String> KEPT = List.of("ix_figure_fact_repeat_of");

  private final JdbcClient jdbc;

  private final org.xinfang.shared.Database database;

  DeferredIndexes(JdbcClient jdbc, org.xinfang.shared.Database database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** Whether the database can (PostgreSQL). */
  boolean supported() {
    return database.isPostgres();
  }

  /** Records and drops the plain secondary indexes and foreign keys of these tables. */
  int defer(List<String> tables) {
    List<String[]> found = new ArrayList<>();
    jdbc.sql(
            "select indexname, tablename, indexdef from pg_indexes where schemaname ="
                + " current_schema() and tablename in (:tables) and indexdef not like 'CREATE"
                + " UNIQUE%' order by tablename, indexname")
        .param("tables", tables)
        .query(
            (java.sql.ResultSet rs) -> {
              if (!KEPT.contains(rs.getString(1))) {
                found.add(
                    new String[] {rs.getString(1), rs.getString(2), "index", rs.getString(3)});
              }
            });
    jdbc.sql(
            "select c.conname, t.relname, pg_get_constraintdef(c.oid) from pg_constraint c join"
                + " pg_class t on t.oid = c.conrelid where c.contype = 'f' and t.relname in"
                + " (:tables) and t.relnamespace = current_schema()::regnamespace order by 2, 1")
        .param("tables", tables)
        .query(
            (java.sql.ResultSet rs) -> {
              found.add(
                  new String[] {
                    rs.getString(1),
                    rs.getString(2),
                    "foreign key",
                    "alter table "
                        + rs.getString(2)
                        + " add constraint "
                        + rs.getString(1)
                        + " "
                        + rs.getString(3)
                  });
            });
    for (String[] d : found) {
      jdbc.sql("insert into deferred_ddl (name, table_name, kind, definition) values (?, ?, ?, ?)")
          .params(d[0], d[1], d[2], d[3])
          .update();
      jdbc.sql(
              d[2].equals("index")
                  ? "drop index " + d[0]
                  : "alter table " + d[1] + " drop constraint " + d[0])
          .update();
    }
    return found.size();
  }

  /** Builds every index and adds every foreign key on the list, each struck off once done. */
  int restore() {
    List<String[]> listed =
        jdbc.sql(
                "select name, kind, definition from deferred_ddl"
                    + " order by case kind when 'index' then 0 else 1 end, table_name, name")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    for (String[] d : listed) {
      long started = System.nanoTime();
      boolean exists =
          jdbc.sql(
                      d[1].equals("index")
                          ? "select count(*) from pg_indexes where schemaname = current_schema()"
                              + " and indexname = ?"
                          : "select count(*) from pg_constraint where conname = ?")
                  .param(d[0])
                  .query(Long.class)
                  .single()
              > 0;
      if (!exists) {
        jdbc.sql(d[2]).update();
      }
      jdbc.sql("delete from deferred_ddl where name = ?").param(d[0]).update();
      log.info("{} {} built in {} ms", d[1], d[0], (System.nanoTime() - started) / 1_000_000);
    }
    return listed.size();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (supported()
        && jdbc.sql("select count(*) from deferred_ddl").query(Long.class).single() > 0) {
      log.warn("A bulk load left indexes or foreign keys unbuilt: building them now");
      restore();
    }
  }
}
