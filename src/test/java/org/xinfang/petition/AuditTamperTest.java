package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.audit.Anchors;
import org.xinfang.audit.AuditSettings;
import org.xinfang.audit.HistoryChain;
import org.xinfang.support.IntegrationTest;

/**
 * Issue 4, a record nobody can quietly change: the last event deleted, the history deleted, the
 * last events reordered, a history consistently rewritten after an anchor, SM3 and mixed chains,
 * and the verification command. Every tampering is rolled back (anchors written in the same
 * transaction too), so the shared database stays intact for the other tests.
 */
class AuditTamperTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired PetitionService petitions;
  @Autowired Anchors anchors;
  @Autowired AuditSettings settings;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ConfigurableApplicationContext context;

  private String petition() throws Exception {
    today("2026-03-10");
    String id = register(letter("2026-03-02", "dl-xfj")).get("id").asString();
    act(id, "forward", Map.of("on", "2026-03-03", "to", "dl-rsj"));
    act(
        id,
        "accept",
        Map.of("on", "2026-03-05", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    return id;
  }

  private PetitionService.ChainReport tampered(Consumer<JdbcClient> tamper) {
    return tampered(tamper, null);
  }

  private PetitionService.ChainReport tampered(Consumer<JdbcClient> tamper, String expect) {
    return new TransactionTemplate(transactions)
        .execute(
            status -> {
              tamper.accept(jdbc);
              PetitionService.ChainReport report = petitions.verifyHistory(expect);
              status.setRollbackOnly();
              return report;
            });
  }

  private int last(String id) {
    return jdbc.sql("select max(seq) from petition_event where petition_id = :p")
        .param("p", id)
        .query(Integer.class)
        .single();
  }

  private void assertBroken(
      PetitionService.ChainReport r, String chain, String id, Integer seq, String reason) {
    assertThat(r.intact()).as("intact").isFalse();
    assertThat(r.firstBroken().chain()).isEqualTo(chain);
    assertThat(r.firstBroken().petitionId()).isEqualTo(id);
    if (seq != null) {
      assertThat(r.firstBroken().seq()).isEqualTo(seq);
    }
    assertThat(r.firstBroken().reason()).isEqualTo(reason);
  }

  @Test
  @DisplayName("the last event deleted: found by the head on the petition row, version or not")
  void lastEventDeleted() throws Exception {
    String id = petition();
    int last = last(id);
    PetitionService.ChainReport r =
        tampered(
            db -> {
              db.sql("delete from petition_event where petition_id = :p and seq = :s")
                  .param("p", id)
                  .param("s", last)
                  .update();
              db.sql("update petition set version = version - 1 where id = :p")
                  .param("p", id)
                  .update();
            });
    assertBroken(r, "history", id, last, "missing-events");
    assertThat(r.firstBroken().number()).isNotBlank();
  }

  @Test
  @DisplayName("the whole history of a petition deleted: found")
  void wholeHistoryDeleted() throws Exception {
    String id = petition();
    PetitionService.ChainReport r =
        tampered(
            db ->
                db.sql("delete from petition_event where petition_id = :p")
                    .param("p", id)
                    .update());
    assertBroken(r, "history", id, 1, "missing-events");
  }

  @Test
  @DisplayName("the last two events swapped (seq exchanged): found at the first of them")
  void lastEventsSwapped() throws Exception {
    String id = petition();
    int last = last(id);
    PetitionService.ChainReport r =
        tampered(
            db -> {
              db.sql("update petition_event set seq = 999 where petition_id = :p and seq = :s")
                  .param("p", id)
                  .param("s", last)
                  .update();
              db.sql("update petition_event set seq = :s where petition_id = :p and seq = :t")
                  .param("p", id)
                  .param("s", last)
                  .param("t", last - 1)
                  .update();
              db.sql("update petition_event set seq = :t where petition_id = :p and seq = 999")
                  .param("p", id)
                  .param("t", last - 1)
                  .update();
            });
    assertBroken(r, "history", id, last - 1, "link-broken");
  }

  @Test
  @DisplayName("a head moved back with the last event deleted, or the head row edited: found")
  void headEdited() throws Exception {
    String id = petition();
    int last = last(id);
    assertBroken(
        tampered(
            db ->
                db.sql("update petition set history_head = :h where id = :p")
                    .param("h", "0".repeat(64))
                    .param("p", id)
                    .update()),
        "history",
        id,
        last,
        "head-mismatch");
  }

  /** Deletes the last event and moves the head back to the one before: the chain is consistent. */
  private void truncateConsistently(JdbcClient db, String id, int last) {
    String before =
        db.sql("select hash from petition_event where petition_id = :p and seq = :s")
            .param("p", id)
            .param("s", last - 1)
            .query(String.class)
            .single();
    db.sql("delete from petition_event where petition_id = :p and seq = :s")
        .param("p", id)
        .param("s", last)
        .update();
    db.sql(
            "update petition set history_events = :n, history_head = :h, version = version - 1"
                + " where id = :p")
        .param("n", last - 1)
        .param("h", before)
        .param("p", id)
        .update();
  }

  @Test
  @DisplayName(
      "a truncation that also moves the head back is consistent: only an earlier anchor finds it")
  void truncationAfterAnchor() throws Exception {
    String id = petition();
    int last = last(id);
    assertThat(tampered(db -> truncateConsistently(db, id, last)).intact())
        .as("without an anchor, a consistent truncation by someone who knows the scheme")
        .isTrue();
    PetitionService.ChainReport r =
        tampered(
            db -> {
              anchors.anchor();
              truncateConsistently(db, id, last);
            });
    assertBroken(r, "history", id, last, "truncated-since-anchor");
  }

  @Test
  @DisplayName("a history rewritten with its hashes recomputed after an anchor: found by it")
  void rewrittenAfterAnchor() throws Exception {
    String id = petition();
    int last = last(id);
    PetitionService.ChainReport r =
        tampered(
            db -> {
              anchors.anchor();
              // change the actor of the last event and recompute its link and the head
              var row =
                  db.sql(
                          "select prev_hash, act, on_date, organisation_id, recorded_at, article,"
                              + " back_entered, admin_act, payload, algorithm from petition_event"
                              + " where petition_id = :p and seq = :s")
                      .param("p", id)
                      .param("s", last)
                      .query()
                      .singleRow();
              String hash =
                  Petitions.chainLink(
                      (String) row.get("algorithm"),
                      (String) row.get("prev_hash"),
                      id,
                      last,
                      (String) row.get("act"),
                      ((java.sql.Date) row.get("on_date")).toLocalDate(),
                      "someone-else",
                      (String) row.get("organisation_id"),
                      jdbc.sql(
                              "select recorded_at from petition_event where petition_id = :p"
                                  + " and seq = :s")
                          .param("p", id)
                          .param("s", last)
                          .query(java.time.OffsetDateTime.class)
                          .single()
                          .toInstant(),
                      (String) row.get("article"),
                      (Boolean) row.get("back_entered"),
                      (Boolean) row.get("admin_act"),
                      (String) row.get("payload"));
              db.sql(
                      "update petition_event set actor = 'someone-else', hash = :h"
                          + " where petition_id = :p and seq = :s")
                  .param("h", hash)
                  .param("p", id)
                  .param("s", last)
                  .update();
              db.sql("update petition set history_head = :h where id = :p")
                  .param("h", hash)
                  .param("p", id)
                  .update();
            });
    assertBroken(r, "history", id, last, "rewritten-since-anchor");
  }

  @Test
  @DisplayName("an anchor edited, or a digest kept outside that is no longer there: found")
  void anchorsTampered() throws Exception {
    petition();
    PetitionService.ChainReport edited =
        tampered(
            db -> {
              Anchors.Anchor a = anchors.anchor();
              db.sql("update audit_anchor_head set seq = seq + 1 where anchor_id = :a")
                  .param("a", a.id())
                  .update();
            });
    assertThat(edited.intact()).isFalse();
    assertThat(edited.firstBroken().chain()).isEqualTo("anchors");
    assertThat(edited.firstBroken().reason()).isEqualTo("anchor-changed");
    String[] digest = {null};
    PetitionService.ChainReport kept =
        new TransactionTemplate(transactions)
            .execute(
                status -> {
                  digest[0] = anchors.anchor().digest();
                  PetitionService.ChainReport r = petitions.verifyHistory(digest[0]);
                  status.setRollbackOnly();
                  return r;
                });
    assertThat(kept.intact()).as("the kept digest is found").isTrue();
    assertThat(kept.chains().get("anchors")).isGreaterThanOrEqualTo(1);
    PetitionService.ChainReport gone = petitions.verifyHistory(digest[0]); // rolled back
    assertThat(gone.intact()).isFalse();
    assertThat(gone.firstBroken().reason()).isEqualTo("anchor-not-found");
  }

  @Test
  @DisplayName("SM3: a petition chained with SM3 verifies, names SM3 on each row, finds tampering")
  void sm3Chain() throws Exception {
    String id;
    ReflectionTestUtils.setField(settings, "algorithm", HistoryChain.SM3);
    try {
      id = petition();
    } finally {
      ReflectionTestUtils.setField(settings, "algorithm", HistoryChain.SHA_256);
    }
    assertThat(
            jdbc.sql("select distinct algorithm from petition_event where petition_id = :p")
                .param("p", id)
                .query(String.class)
                .list())
        .containsExactly(HistoryChain.SM3);
    String first =
        jdbc.sql("select hash from petition_event where petition_id = :p and seq = 1")
            .param("p", id)
            .query(String.class)
            .single();
    String prev =
        jdbc.sql("select prev_hash from petition_event where petition_id = :p and seq = 1")
            .param("p", id)
            .query(String.class)
            .single();
    assertThat(prev).isEqualTo(HistoryChain.genesis(HistoryChain.SM3, id));
    assertThat(first).hasSize(64);
    assertThat(petitions.verifyHistory().intact()).isTrue();
    assertBroken(
        tampered(
            db ->
                db.sql("update petition_event set actor = 'x' where petition_id = :p and seq = 2")
                    .param("p", id)
                    .update()),
        "history",
        id,
        2,
        "content-changed");
    // relabelling an SM3 link as SHA-256 does not pass either
    assertBroken(
        tampered(
            db ->
                db.sql(
                        "update petition_event set algorithm = 'SHA-256'"
                            + " where petition_id = :p and seq = 1")
                    .param("p", id)
                    .update()),
        "history",
        id,
        1,
        "link-broken");
  }

  @Test
  @DisplayName("a deployment switches to SM3: the mixed history verifies, each link by its own")
  void mixedHistory() throws Exception {
    today("2026-03-10");
    String id = register(letter("2026-03-02", "dl-xfj")).get("id").asString();
    ReflectionTestUtils.setField(settings, "algorithm", HistoryChain.SM3);
    try {
      act(id, "forward", Map.of("on", "2026-03-03", "to", "dl-rsj"));
    } finally {
      ReflectionTestUtils.setField(settings, "algorithm", HistoryChain.SHA_256);
    }
    act(
        id,
        "accept",
        Map.of("on", "2026-03-05", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
    java.util.List<String> algorithms =
        jdbc.sql("select algorithm from petition_event where petition_id = :p order by seq")
            .param("p", id)
            .query(String.class)
            .list();
    assertThat(algorithms).contains(HistoryChain.SHA_256, HistoryChain.SM3);
    assertThat(algorithms.get(0)).isEqualTo(HistoryChain.SHA_256);
    assertThat(petitions.verifyHistory().intact()).isTrue();
    int sm3 = algorithms.indexOf(HistoryChain.SM3) + 1;
    assertBroken(
        tampered(
            db ->
                db.sql(
                        "update petition_event set on_date = :d"
                            + " where petition_id = :p and seq = :s")
                    .param("d", java.time.LocalDate.of(2026, 3, 4))
                    .param("p", id)
                    .param("s", sm3)
                    .update()),
        "history",
        id,
        sm3,
        "content-changed");
  }

  @Test
  @DisplayName("the verification command prints INTACT and exits 0, or names the break and exits 1")
  void command() throws Exception {
    String id = petition();
    VerifyCommand command = new VerifyCommand(petitions, anchors, context, "", "false");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("INTACT");
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    int code =
        new TransactionTemplate(transactions)
            .execute(
                status -> {
                  jdbc.sql("delete from petition_event where petition_id = :p and seq = 2")
                      .param("p", id)
                      .update();
                  int c = command.verify(new PrintStream(broken, true, StandardCharsets.UTF_8));
                  status.setRollbackOnly();
                  return c;
                });
    assertThat(code).isEqualTo(1);
    assertThat(broken.toString(StandardCharsets.UTF_8))
        .contains("BROKEN: chain history, petition " + id)
        .contains("position 2")
        .contains("missing-event");
  }
}
