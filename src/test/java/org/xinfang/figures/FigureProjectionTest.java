package org.xinfang.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.petition.PetitionGenerator;
import org.xinfang.petition.PetitionStatistics;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The figures' facts are projected after the act commits (issue 7): the act notes its petition in
 * {@code figure_pending}; the projector derives the noted petitions' facts in batches before every
 * figures read and on a schedule. The scheduled drain is off in the tests (config), so what an act
 * leaves undrained is seen exactly.
 */
class FigureProjectionTest extends IntegrationTest {

  @Autowired FigureProjector projector;
  @Autowired FactStore facts;
  @Autowired PetitionStatistics statistics;
  @Autowired PetitionGenerator generator;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired org.xinfang.shared.DeferredWrites writes;
  @Autowired org.xinfang.petition.DutyChanges dutyChanges;

  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String gov = "fp-gov-" + tag;
  final String dep = "fp-dep-" + tag;

  private void county() throws Exception {
    organisation(gov, "投影县人民政府", "COUNTY", "GOVERNMENT", "dl-gov", "219905");
    organisation(dep, "投影县人社局", "COUNTY", "DEPARTMENT", gov, "219905");
  }

  private String url() {
    return "/api/figures?organisation=" + gov + "&from=2026-09-01&to=2026-10-31";
  }

  @Test
  @DisplayName(
      "LAW.md §9 volume and on-time notice (条例 Art. 21 para. 2): an act's facts are not written"
          + " in the act, only noted; the next figures read counts them exactly")
  void anActIsNotedAndCountedAtTheNextRead() throws Exception {
    county();
    Map<String, Object> body = letter("2026-09-18", dep);
    body.put("persons", 2);
    String id = register(body).get("id").asText();
    // the registration committed: its petition is noted, and no fact of it is written yet
    assertThat(factRows(id)).isEmpty();
    assertThat(notes(id)).isEqualTo(1);

    JsonNode f = body(getJson(url()).andExpect(status().isOk()));
    assertThat(f.get("volumeBatches").get("numerator").asLong()).isEqualTo(1);
    assertThat(f.get("volumePersons").get("numerator").asLong()).isEqualTo(2);
    assertThat(notes(id)).isZero();
    assertExact(id);

    // accepted on time (notice due 10-08 after the National Day holiday): noted, not written
    act(
        id,
        "accept",
        Map.of("on", "2026-09-20", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    Map<String, List<String>> before = factRows(id);
    assertThat(notes(id)).isGreaterThanOrEqualTo(1);
    f = body(getJson(url()).andExpect(status().isOk()));
    assertThat(f.get("onTimeNoticeRate").get("numerator").asLong()).isEqualTo(1);
    assertThat(f.get("onTimeNoticeRate").get("denominator").asLong()).isEqualTo(1);
    assertThat(factRows(id)).isNotEqualTo(before);
    assertThat(notes(id)).isZero();
    assertExact(id);
    assertVolumesPerDayEqualTheFacts(dep);
  }

  @Test
  @DisplayName(
      "LAW.md §9: an act committed while a drain runs stays noted and is counted by the next drain"
          + " (the drain deletes only the notes it read)")
  void aNoteAddedDuringADrainIsKept() throws Exception {
    county();
    String id = register(letter("2026-09-18", dep)).get("id").asText();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      // a drain that, after deriving the facts it read and before deleting its notes, lets an
      // act on the same petition commit in another transaction
      boolean[] once = {true};
      FactStore hooked =
          new FactStore(
              jdbc,
              new org.springframework.jdbc.core.JdbcTemplate(dataSource()),
              statistics,
              transactionManager,
              new org.xinfang.shared.BulkRows(dataSource())) {
            @Override
            void replace(List<String> ids) {
              super.replace(ids);
              if (once[0] && ids.contains(id)) {
                once[0] = false;
                try {
                  other
                      .submit(
                          () ->
                              act(
                                  id,
                                  "accept",
                                  Map.of(
                                      "on",
                                      "2026-09-20",
                                      "category",
                                      "GRIEVANCE",
                                      "pathway",
                                      "PETITION_HANDLING")))
                      .get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            }
          };
      new FigureProjector(jdbc, hooked, transactionManager, writes, dutyChanges).drain();
      assertThat(once[0]).as("the act ran during the drain").isFalse();
      // the drain wrote the facts as they were before the accept, and kept the accept's note
      assertThat(notes(id)).isEqualTo(1);
      assertThat(factRows(id).get("fact").get(0)).doesNotContain("GRIEVANCE");

      JsonNode f = body(getJson(url()).andExpect(status().isOk()));
      assertThat(f.get("onTimeNoticeRate").get("numerator").asLong()).isEqualTo(1);
      assertThat(factRows(id).get("fact").get(0)).contains("GRIEVANCE");
      assertThat(notes(id)).isZero();
      assertExact(id);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "LAW.md §9 volume (批次, 人次): two drains at once take turns — every petition noted (twice)"
          + " is projected, and the volumes per day count each once")
  void concurrentDrainsDoNotDoubleCount() throws Exception {
    county();
    String bureau = "fp-xfj-" + tag;
    organisation(bureau, "投影县信访局", "COUNTY", "PETITION_BUREAU", gov, "219905");
    organisation("fp-twn-" + tag, "投影镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "219905001");
    organisation(
        "fp-vil-" + tag,
        "投影村民委员会",
        "VILLAGE",
        "VILLAGE_COMMITTEE",
        "fp-twn-" + tag,
        "219905001001");
    // petitions loaded without their facts, then each noted twice, as two acts would
    generator.generate(600, 2, 11, 100, gov, new PetitionGenerator.Bulk(false, false), done -> {});
    List<String> ids =
        jdbc.sql("select id from petition where received_by = :b order by id")
            .param("b", bureau)
            .query(String.class)
            .list();
    assertThat(ids).hasSize(600);
    for (int round = 0; round < 2; round++) {
      new TransactionTemplate(transactionManager)
          .executeWithoutResult(
              s ->
                  jdbc.sql(
                          "insert into figure_pending (petition_id) select id from petition"
                              + " where received_by = :b order by id")
                      .param("b", bureau)
                      .update());
    }
    // with whatever notes the other tests of the shared database left undrained
    long noted = jdbc.sql("select count(*) from figure_pending").query(Long.class).single();

    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> drains = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        drains.add(
            two.submit(
                () -> {
                  start.await();
                  return projector.drain();
                }));
      }
      start.countDown();
      long drained = 0;
      for (Future<Long> d : drains) {
        drained += d.get(120, TimeUnit.SECONDS);
      }
      // each note was read and deleted by exactly one of the two
      assertThat(drained).isEqualTo(noted);
    } finally {
      two.shutdownNow();
    }
    assertThat(
            jdbc.sql("select count(*) from figure_fact where received_by = :b")
                .param("b", bureau)
                .query(Long.class)
                .single())
        .isEqualTo(600);
    assertVolumesPerDayEqualTheFacts(bureau);
    for (String id : ids.subList(0, 50)) {
      assertExact(id);
    }
  }

  @Test
  @DisplayName("LAW.md §9: the scheduled drain projects what the acts noted")
  void theScheduledDrainProjects() throws Exception {
    county();
    String id = register(letter("2026-09-18", dep)).get("id").asText();
    assertThat(notes(id)).isEqualTo(1);
    new FigureProjectionJob(projector).drain();
    assertThat(notes(id)).isZero();
    assertExact(id);
  }

  @Autowired Figures figures;

  @Test
  @DisplayName(
      "LAW.md §9: a read drains in its own transaction, on its own connection (a reader never"
          + " waits for a second connection while holding one)")
  void aReadDrainsInItsOwnTransaction() throws Exception {
    county();
    String id = register(letter("2026-09-18", dep)).get("id").asText();
    assertThat(notes(id)).isEqualTo(1);
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(
            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(
                    ADMIN,
                    null,
                    List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                            "ROLE_ADMIN"))));
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      new TransactionTemplate(transactionManager)
          .executeWithoutResult(
              status -> {
                Figures.Period p =
                    figures.period(
                        gov,
                        java.time.LocalDate.parse("2026-09-01"),
                        java.time.LocalDate.parse("2026-10-31"));
                assertThat(figures.figure("volumeBatches", p).numerator()).isEqualTo(1);
                assertThat(notes(id)).as("drained in the read's transaction").isZero();
                try {
                  assertThat(other.submit(() -> notes(id)).get(30, TimeUnit.SECONDS))
                      .as("not committed yet: another connection still sees the note")
                      .isEqualTo(1);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
    } finally {
      other.shutdownNow();
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
    assertThat(notes(id)).isZero();
    assertExact(id);
  }

  @Test
  @DisplayName(
      "LAW.md §9: a petition whose facts cannot be derived keeps its note and stops no read; the"
          + " others are projected")
  void aBrokenNoteStopsNoRead() throws Exception {
    county();
    String broken = register(letter("2026-09-18", dep)).get("id").asText();
    String good = register(letter("2026-09-19", dep)).get("id").asText();
    String payload =
        jdbc.sql("select payload from petition_event where petition_id = :p and seq = 1")
            .param("p", broken)
            .query(String.class)
            .single();
    jdbc.sql("update petition_event set payload = '{' where petition_id = :p and seq = 1")
        .param("p", broken)
        .update();
    try {
      JsonNode f = body(getJson(url()).andExpect(status().isOk()));
      assertThat(f.get("volumeBatches").get("numerator").asLong()).isEqualTo(1);
      assertThat(notes(good)).isZero();
      assertThat(notes(broken)).isEqualTo(1);
      assertExact(good);
    } finally {
      jdbc.sql("update petition_event set payload = :x where petition_id = :p and seq = 1")
          .param("x", payload)
          .param("p", broken)
          .update();
    }
    JsonNode f = body(getJson(url()).andExpect(status().isOk()));
    assertThat(f.get("volumeBatches").get("numerator").asLong()).isEqualTo(2);
    assertThat(notes(broken)).isZero();
    assertExact(broken);
  }

  private javax.sql.DataSource dataSource() {
    return ((org.springframework.jdbc.datasource.DataSourceTransactionManager) transactionManager)
        .getDataSource();
  }

  private long notes(String id) {
    return jdbc.sql("select count(*) from figure_pending where petition_id = :p")
        .param("p", id)
        .query(Long.class)
        .single();
  }

  /** The stored facts of the petition equal its facts derived again from its history. */
  private void assertExact(String id) {
    Map<String, List<String>> stored = factRows(id);
    assertThat(stored.get("fact")).hasSize(1);
    facts.refresh(id);
    assertThat(factRows(id)).isEqualTo(stored);
    assertThat(statistics.facts(id)).isPresent();
  }

  private void assertVolumesPerDayEqualTheFacts(String receivedBy) {
    VolumeChecks.assertVolumesPerDayEqualTheFacts(jdbc, receivedBy);
  }

  /** The petition's fact and duty rows, as text. */
  private Map<String, List<String>> factRows(String id) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> fact =
        jdbc.sql(
                """
                select concat_ws('|', petition_id, received_by, received_on, received_day, persons,
                  channel, category, region_code, topic, repeat_of, concluded_on, concluded_day,
                  concluded_by, opinion_given, rating, rated_on, resolved, resolved_on, resolved_by,
                  first_repeat_day, accuses_organisation)
                from figure_fact where petition_id = :p
                """)
            .param("p", id)
            .query(String.class)
            .list();
    if (fact.isEmpty()) {
      return out;
    }
    out.put("fact", fact);
    out.put(
        "duty",
        jdbc.sql(
                """
                select concat_ws('|', petition_id, ordinal, duty, owed_by, arose, due, done_on,
                  done_act) from figure_duty where petition_id = :p order by ordinal
                """)
            .param("p", id)
            .query(String.class)
            .list());
    return out;
  }
}
