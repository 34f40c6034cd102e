package org.xinfang.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.petition.PetitionFacts;
import org.xinfang.petition.PetitionGenerator;
import org.xinfang.petition.PetitionStatistics;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The data generator (issue 7) and the bulk derivation of the figures' facts (issue 6) on a county
 * of its own: what the generator writes is a record the law allows, with repeat chains, and the
 * facts derived in bulk are exactly those derived one petition at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedRecordTest extends IntegrationTest {

  private static final int COUNT = 400;
  private final String tag = UUID.randomUUID().toString().substring(0, 6);
  private final String gov = "gen-gov-" + tag;
  private final String bureau = "gen-xfj-" + tag;

  @Autowired PetitionGenerator generator;
  @Autowired PetitionStatistics statistics;
  @Autowired FactStore facts;
  @Autowired JdbcClient jdbc;

  private PetitionGenerator.Report report;
  private List<String> ids;

  @BeforeAll
  void generate() throws Exception {
    organisation(gov, "生成县人民政府", "COUNTY", "GOVERNMENT", "dl-gov", "219902");
    organisation(bureau, "生成县信访局", "COUNTY", "PETITION_BUREAU", gov, "219902");
    organisation("gen-rsj-" + tag, "生成县人社局", "COUNTY", "DEPARTMENT", gov, "219902");
    organisation("gen-zjj-" + tag, "生成县住建局", "COUNTY", "DEPARTMENT", gov, "219902", "住建");
    for (int t = 1; t <= 2; t++) {
      String town = "gen-town" + t + "-" + tag;
      organisation(town, "生成" + t + "镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "21990200" + t);
      for (int v = 1; v <= 2; v++) {
        organisation(
            "gen-v" + t + v + "-" + tag,
            "生成" + t + v + "村民委员会",
            "VILLAGE",
            "VILLAGE_COMMITTEE",
            town,
            "21990200" + t + "00" + v);
      }
    }
    report = generator.generate(COUNT, 3, 42, 150, gov, done -> {});
    ids =
        jdbc.sql("select id from petition where received_by = :b order by id")
            .param("b", bureau)
            .query(String.class)
            .list();
  }

  @Test
  @DisplayName("issue 7: every generated petition is written with its whole history, chained")
  void everyPetitionWithItsHistory() throws Exception {
    assertThat(report.petitions()).isEqualTo(COUNT);
    assertThat(ids).hasSize(COUNT);
    long events =
        jdbc.sql(
                "select count(*) from petition_event e join petition p on p.id = e.petition_id"
                    + " where p.received_by = :b")
            .param("b", bureau)
            .query(Long.class)
            .single();
    assertThat(events).isEqualTo(report.events()).isGreaterThan(3L * COUNT);
    // the projection agrees with the history: event count and chain head
    long disagreeing =
        jdbc.sql(
                """
                select count(*) from petition p where p.received_by = :b and (
                  p.history_events <> (select count(*) from petition_event e
                                       where e.petition_id = p.id)
                  or p.history_head <> (select e.hash from petition_event e
                                        where e.petition_id = p.id and e.seq = p.history_events))
                """)
            .param("b", bureau)
            .query(Long.class)
            .single();
    assertThat(disagreeing).isZero();
    JsonNode verify = body(getJson("/api/audit/verify").andExpect(status().isOk()));
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
  }

  @Test
  @DisplayName(
      "issue 7 / 条例 Art. 36 para. 3: repeat chains — the same petitioner raises the same matter"
          + " again later, linked to the earlier petition; a final one is not accepted again")
  void repeatChains() {
    record Repeat(String id, String earlier, String earlierBureau, String name, String name0) {}
    List<Repeat> repeats =
        jdbc.sql(
                """
                select p.id, p.repeat_of, e.received_by, a.name, b.name
                from petition p
                join petition e on e.id = p.repeat_of
                join petitioner a on a.petition_id = p.id and a.ordinal = 0
                join petitioner b on b.petition_id = e.id and b.ordinal = 0
                where p.received_by = :b and e.received_on < p.received_on
                """)
            .param("b", bureau)
            .query(
                (rs, n) ->
                    new Repeat(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
            .list();
    long linked =
        jdbc.sql("select count(*) from petition where received_by = :b and repeat_of is not null")
            .param("b", bureau)
            .query(Long.class)
            .single();
    // about one in twelve to fourteen is a repeat; every one is received after what it repeats
    assertThat(linked).isBetween(COUNT / 40L, COUNT / 6L);
    assertThat(repeats).hasSize((int) linked);
    for (Repeat r : repeats) {
      assertThat(r.earlierBureau()).isEqualTo(bureau);
      assertThat(r.name()).isEqualTo(r.name0());
    }
    // a repeat of a matter already final after re-review is declined, not accepted again
    long acceptedAfterFinal =
        jdbc.sql(
                """
                select count(*) from petition p join petition e on e.id = p.repeat_of
                where p.received_by = :b and e.is_final and p.state = 'ACCEPTED'
                  and exists (select 1 from petition_event x where x.petition_id = e.id
                              and x.act = 're-review' and x.on_date < p.received_on)
                """)
            .param("b", bureau)
            .query(Long.class)
            .single();
    assertThat(acceptedAfterFinal).isZero();
  }

  @Test
  @DisplayName(
      "issue 7 / 条例 Art. 22 item 3: an assigned matter's result is reported to the bureau that"
          + " assigned it — no old report duty is left open")
  void assignedMattersAreReported() {
    long reported =
        jdbc.sql(
                "select count(*) from petition_event e join petition p on p.id = e.petition_id"
                    + " where p.received_by = :b and e.act = 'report'")
            .param("b", bureau)
            .query(Long.class)
            .single();
    long stale =
        jdbc.sql(
                "select count(*) from petition_duty d join petition p on p.id = d.petition_id"
                    + " where p.received_by = :b and d.duty = 'REPORT' and d.due < :before")
            .param("b", bureau)
            .param("before", java.time.LocalDate.of(2026, 11, 27).minusDays(120))
            .query(Long.class)
            .single();
    assertThat(reported).isGreaterThan(COUNT / 20L);
    assertThat(stale).isZero();
  }

  @Test
  @DisplayName(
      "issue 6: facts written by the generator, and facts derived in bulk (two queries per"
          + " thousand petitions, one replay each), equal the facts derived petition by petition")
  void bulkDerivationEqualsOneByOne() {
    // the generator wrote its facts with its batches, from the histories it held in memory
    Map<String, List<String>> generated = rows();
    assertVolumesPerDayEqualTheFacts();
    List<PetitionFacts> bulk = statistics.facts(ids);
    List<PetitionFacts> single =
        ids.stream().map(id -> statistics.facts(id).orElseThrow()).toList();
    assertThat(bulk).hasSize(COUNT).isEqualTo(single);
    assertThat(bulk.stream().filter(f -> f.repeatOf() != null)).isNotEmpty();
    assertThat(bulk.stream().filter(f -> !f.duties().isEmpty())).isNotEmpty();

    facts.rebuild(done -> {});
    Map<String, List<String>> rebuilt = rows();
    for (String id : ids) {
      facts.refresh(id);
    }
    Map<String, List<String>> oneByOne = rows();
    assertThat(rebuilt).isEqualTo(oneByOne);
    assertThat(generated).isEqualTo(oneByOne);
    assertThat(rebuilt.get("fact")).hasSize(COUNT);
    assertThat(facts.missing()).isZero();

    assertVolumesPerDayEqualTheFacts();
  }

  private void assertVolumesPerDayEqualTheFacts() {
    VolumeChecks.assertVolumesPerDayEqualTheFacts(jdbc, bureau);
  }

  /** The generated county's fact rows, as text, in a fixed order. */
  private Map<String, List<String>> rows() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put(
        "fact",
        jdbc.sql(
                """
                select concat_ws('|', petition_id, received_by, received_on, received_day, persons,
                  channel, category, region_code, topic, repeat_of, concluded_on, concluded_day,
                  concluded_by, opinion_given, rating, rated_on, resolved, resolved_on, resolved_by)
                from figure_fact where received_by = :b order by petition_id
                """)
            .param("b", bureau)
            .query(String.class)
            .list());
    out.put(
        "duty",
        jdbc.sql(
                """
                select concat_ws('|', d.petition_id, d.ordinal, d.duty, d.owed_by, d.arose, d.due,
                  d.done_on, d.done_act)
                from figure_duty d join figure_fact f on f.petition_id = d.petition_id
                where f.received_by = :b order by d.petition_id, d.ordinal
                """)
            .param("b", bureau)
            .query(String.class)
            .list());
    return out;
  }
}
