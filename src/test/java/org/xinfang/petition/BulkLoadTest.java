package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.shared.BulkRows;
import org.xinfang.support.IntegrationTest;

/**
 * The generator's bulk path (issue 7): rows written with {@code COPY} on PostgreSQL (a batch of
 * inserts elsewhere) arrive exactly as given, and a load that defers its secondary indexes and
 * foreign keys leaves the schema exactly as it found it — also when it is stopped half-way.
 */
class BulkLoadTest extends IntegrationTest {

  private static final List<String> TABLES =
      List.of(
          "petition",
          "petitioner",
          "petition_event",
          "petition_duty",
          "petition_party",
          "figure_fact",
          "figure_duty");

  @Autowired BulkRows bulk;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired DeferredIndexes deferred;
  @Autowired PetitionGenerator generator;

  @Test
  @DisplayName(
      "bulk rows: text with quotes, commas, new lines, backslashes and Chinese, the empty text and"
          + " null arrive as given")
  void rowsArriveAsGiven() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<Object[]> rows = new ArrayList<>();
    String[] texts = {
      "plain",
      "with \"quotes\", commas, and\nnew lines\r\n",
      "back\\slash \\N \\.",
      "信访人反映：拖欠工资，\"至今\"未解决",
      "",
      ",",
      "\"",
      " leading and trailing spaces "
    };
    for (int i = 0; i < texts.length; i++) {
      rows.add(
          new Object[] {"bulk-" + tag + "-" + i, "t" + tag, i % 2 == 0 ? "a" : null, texts[i]});
    }
    String table = "bulk_probe_" + tag;
    jdbc.sql(
            "create table "
                + table
                + " (name varchar(40) primary key, tag varchar(20) not null, kind varchar(10),"
                + " body varchar(200), on_day date, flag boolean, n integer)")
        .update();
    List<Object[]> full = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = java.util.Arrays.copyOf(rows.get(i), 7);
      r[4] = i % 3 == 0 ? null : java.time.LocalDate.of(2026, 2, 17).plusDays(i);
      r[5] = i % 3 == 1 ? null : i % 2 == 0;
      r[6] = i % 3 == 2 ? null : i * 1000;
      full.add(r);
    }
    try {
      tx.executeWithoutResult(
          s ->
              bulk.insert(
                  table, List.of("name", "tag", "kind", "body", "on_day", "flag", "n"), full));
      List<Object[]> back =
          jdbc.sql("select name, tag, kind, body, on_day, flag, n from " + table + " order by name")
              .query(
                  (rs, n) ->
                      new Object[] {
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class),
                        rs.getObject(6, Boolean.class),
                        rs.getObject(7, Integer.class)
                      })
              .list();
      assertThat(back).hasSize(texts.length);
      for (int i = 0; i < texts.length; i++) {
        assertThat(back.get(i)).as("row " + i).containsExactly(full.get(i));
      }
      assertThat(back.get(4)[3]).isNotNull().isEqualTo("");
      assertThat(back.get(1)[2]).isNull();
    } finally {
      jdbc.sql("drop table " + table).update();
    }
  }

  @Test
  @DisplayName(
      "deferred indexes (PostgreSQL): a load built without its secondary indexes and foreign keys"
          + " ends with every one of them as before, and writes what a normal load writes")
  void deferredLoadRestoresTheSchema() throws Exception {
    assumeTrue(deferred.supported(), "PostgreSQL only");
    List<String> before = schema();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String gov = "bulk-gov-" + tag;
    String bureau = "bulk-xfj-" + tag;
    organisation(gov, "批量县人民政府", "COUNTY", "GOVERNMENT", "dl-gov", "219903");
    organisation(bureau, "批量县信访局", "COUNTY", "PETITION_BUREAU", gov, "219903");
    organisation("bulk-rsj-" + tag, "批量县人社局", "COUNTY", "DEPARTMENT", gov, "219903");
    organisation("bulk-town-" + tag, "批量镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "219903001");
    organisation(
        "bulk-v-" + tag,
        "批量村民委员会",
        "VILLAGE",
        "VILLAGE_COMMITTEE",
        "bulk-town-" + tag,
        "219903001001");

    PetitionGenerator.Report report =
        generator.generate(120, 2, 7, 50, gov, new PetitionGenerator.Bulk(true, true), done -> {});

    assertThat(schema()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from deferred_ddl").query(Long.class).single()).isZero();
    assertThat(report.indexes()).isPositive();
    long written =
        jdbc.sql("select count(*) from petition where received_by = :b")
            .param("b", bureau)
            .query(Long.class)
            .single();
    long facts =
        jdbc.sql("select count(*) from figure_fact where received_by = :b")
            .param("b", bureau)
            .query(Long.class)
            .single();
    assertThat(written).isEqualTo(120);
    assertThat(facts).isEqualTo(120);
  }

  @Test
  @DisplayName(
      "deferred indexes (PostgreSQL): a load stopped after dropping them leaves its list, and the"
          + " next start of the application builds every one again")
  void stoppedLoadIsMendedAtStart() {
    assumeTrue(deferred.supported(), "PostgreSQL only");
    List<String> before = schema();
    int dropped = deferred.defer(TABLES);
    assertThat(dropped).isGreaterThan(10);
    assertThat(schema()).isNotEqualTo(before);
    assertThat(jdbc.sql("select count(*) from deferred_ddl").query(Long.class).single())
        .isEqualTo(dropped);

    deferred.run(null); // what the application does when it starts

    assertThat(schema()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from deferred_ddl").query(Long.class).single()).isZero();
  }

  /** The indexes and foreign keys of the loaded tables, as PostgreSQL defines them. */
  private List<String> schema() {
    List<String> out = new ArrayList<>();
    out.addAll(
        jdbc.sql(
                "select indexdef from pg_indexes where schemaname = current_schema() and tablename"
                    + " in (:t) order by indexname")
            .param("t", TABLES)
            .query(String.class)
            .list());
    out.addAll(
        jdbc.sql(
                "select c.conname || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c join"
                    + " pg_class t on t.oid = c.conrelid where t.relname in (:t) order by 1")
            .param("t", TABLES)
            .query(String.class)
            .list());
    return out;
  }
}
