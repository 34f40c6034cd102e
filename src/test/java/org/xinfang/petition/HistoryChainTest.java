package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.support.IntegrationTest;

/**
 * A record nobody can quietly change (API.md Integrity): editing, deleting or reordering history
 * rows directly in the database is found by the chain verification, which names the first broken
 * link. Each tampering happens in a transaction that is rolled back afterwards.
 */
class HistoryChainTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired PetitionService petitions;
  @Autowired PlatformTransactionManager transactions;

  private String id;

  @BeforeEach
  void aPetitionWithAHistory() throws Exception {
    today("2026-03-10");
    id = register(letter("2026-03-02", "dl-xfj")).get("id").asString();
    act(id, "forward", Map.of("on", "2026-03-03", "to", "dl-rsj"));
    act(
        id,
        "accept",
        Map.of("on", "2026-03-05", "category", "GRIEVANCE", "pathway", "PETITION_HANDLING"));
  }

  private PetitionService.ChainReport tampered(Consumer<JdbcClient> tamper) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    return tx.execute(
        status -> {
          tamper.accept(jdbc);
          PetitionService.ChainReport report = petitions.verifyHistory();
          status.setRollbackOnly();
          return report;
        });
  }

  @Test
  @DisplayName("an untouched history verifies intact, every event checked")
  void intact() {
    PetitionService.ChainReport report = petitions.verifyHistory();
    assertThat(report.intact()).isTrue();
    assertThat(report.checked()).isGreaterThanOrEqualTo(3);
    assertThat(report.firstBroken()).isNull();
  }

  @Test
  @DisplayName("an edited history row is found: content-changed, with its petition and event")
  void editedRow() {
    PetitionService.ChainReport report =
        tampered(
            db ->
                db.sql(
                        "update petition_event set actor = 'someone-else' where petition_id = :p and seq = 2")
                    .param("p", id)
                    .update());
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().petitionId()).isEqualTo(id);
    assertThat(report.firstBroken().seq()).isEqualTo(2);
    assertThat(report.firstBroken().reason()).isEqualTo("content-changed");
    assertThat(petitions.verifyHistory().intact()).as("rolled back").isTrue();
  }

  @Test
  @DisplayName("an edited payload or date is found")
  void editedPayloadAndDate() {
    assertThat(
            tampered(
                    db ->
                        db.sql(
                                "update petition_event set on_date = :d where petition_id = :p and seq = 3")
                            .param("d", java.time.LocalDate.of(2026, 3, 4))
                            .param("p", id)
                            .update())
                .firstBroken()
                .reason())
        .isEqualTo("content-changed");
    assertThat(
            tampered(
                    db ->
                        db.sql(
                                "update petition_event set payload = replace(payload, 'GRIEVANCE', 'SUGGESTION') where petition_id = :p and act = 'accept'")
                            .param("p", id)
                            .update())
                .intact())
        .isFalse();
  }

  @Test
  @DisplayName(
      "a deleted row in the middle breaks the sequence; a deleted last row is missed by the count")
  void deletedRows() {
    PetitionService.ChainReport middle =
        tampered(
            db ->
                db.sql("delete from petition_event where petition_id = :p and seq = 2")
                    .param("p", id)
                    .update());
    assertThat(middle.firstBroken().petitionId()).isEqualTo(id);
    assertThat(middle.firstBroken().reason()).isEqualTo("missing-event");
    int last =
        jdbc.sql("select max(seq) from petition_event where petition_id = :p")
            .param("p", id)
            .query(Integer.class)
            .single();
    PetitionService.ChainReport tail =
        tampered(
            db ->
                db.sql("delete from petition_event where petition_id = :p and seq = :s")
                    .param("p", id)
                    .param("s", last)
                    .update());
    assertThat(tail.firstBroken().petitionId()).isEqualTo(id);
    assertThat(tail.firstBroken().reason()).isEqualTo("missing-events");
  }

  @Test
  @DisplayName("reordered rows are found: the links no longer follow")
  void reorderedRows() {
    PetitionService.ChainReport report =
        tampered(
            db -> {
              db.sql("update petition_event set seq = 99 where petition_id = :p and seq = 2")
                  .param("p", id)
                  .update();
              db.sql("update petition_event set seq = 2 where petition_id = :p and seq = 3")
                  .param("p", id)
                  .update();
              db.sql("update petition_event set seq = 3 where petition_id = :p and seq = 99")
                  .param("p", id)
                  .update();
            });
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().petitionId()).isEqualTo(id);
    assertThat(report.firstBroken().seq()).isEqualTo(2);
  }

  @Test
  @DisplayName("API.md Integrity: GET /api/audit/verify for administrators and supervisors only")
  void verifyEndpoint() throws Exception {
    getJson("/api/audit/verify")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.intact").value(true))
        .andExpect(jsonPath("$.checked").isNumber());
    getAs("dl-supervisor", "demo12345", "/api/audit/verify").andExpect(status().isOk());
    getAs("dl-clerk", "demo12345", "/api/audit/verify").andExpect(status().isForbidden());
  }
}
