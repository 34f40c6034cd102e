package org.xinfang.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.audit.AuditSettings;
import org.xinfang.audit.HistoryChain;
import org.xinfang.petition.PetitionService;
import org.xinfang.support.IntegrationTest;

/**
 * Issue 4: each attachment row is chained with its petition's other attachments, and the
 * verification re-hashes each file. Row tampering is rolled back; file tampering is undone in a
 * finally block (each test's files are its own: random bytes).
 */
class AttachmentChainTest extends IntegrationTest {

  @Autowired Attachments attachments;
  @Autowired PetitionService petitions;
  @Autowired AuditSettings settings;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Value("${xinfang.data-dir}")
  String dataDir;

  private String id;
  private List<Attachment> stored;

  @BeforeEach
  void threeAttachments() throws Exception {
    id = register(letter("2026-11-27", CITY_PETITION_BUREAU)).get("id").asString();
    for (int i = 0; i < 3; i++) {
      attachments.store(
          id, "scan-" + i + ".png", null, new ByteArrayInputStream(AttachmentsTest.png()), "t");
    }
    stored = attachments.list(id);
    assertThat(stored).hasSize(3);
  }

  private PetitionService.ChainReport tampered(Consumer<JdbcClient> tamper) {
    return new TransactionTemplate(transactions)
        .execute(
            status -> {
              tamper.accept(jdbc);
              PetitionService.ChainReport r = petitions.verifyHistory();
              status.setRollbackOnly();
              return r;
            });
  }

  private int seqOf(Attachment a) {
    return jdbc.sql("select seq from attachment where id = :id")
        .param("id", a.id())
        .query(Integer.class)
        .single();
  }

  private Attachment at(int seq) {
    return stored.stream().filter(a -> seqOf(a) == seq).findFirst().orElseThrow();
  }

  private void assertBroken(PetitionService.ChainReport r, Integer seq, String id, String reason) {
    assertThat(r.intact()).as("intact").isFalse();
    assertThat(r.firstBroken().chain()).isEqualTo("attachments");
    assertThat(r.firstBroken().petitionId()).isEqualTo(this.id);
    assertThat(r.firstBroken().seq()).isEqualTo(seq);
    assertThat(r.firstBroken().recordId()).isEqualTo(id);
    assertThat(r.firstBroken().reason()).isEqualTo(reason);
  }

  @Test
  @DisplayName("untouched attachments verify, each counted; the API keeps its shape")
  void intact() throws Exception {
    PetitionService.ChainReport r = petitions.verifyHistory();
    assertThat(r.intact()).isTrue();
    assertThat(r.chains().get("attachments")).isGreaterThanOrEqualTo(3);
    body(getJson("/api/audit/verify"))
        .properties()
        .forEach(e -> assertThat(e.getKey()).isIn("intact", "checked", "firstBroken", "chains"));
  }

  @Test
  @DisplayName("an edited attachment row (its name, its hash, its uploader) is found")
  void rowEdited() {
    Attachment second = at(2);
    assertBroken(
        tampered(
            db ->
                db.sql("update attachment set filename = 'other.png' where id = :id")
                    .param("id", second.id())
                    .update()),
        2,
        second.id(),
        "content-changed");
    // pointing the row at another attachment's (intact) file
    assertBroken(
        tampered(
            db ->
                db.sql("update attachment set sha256 = :s, size = :n where id = :id")
                    .param("s", at(1).sha256())
                    .param("n", at(1).size())
                    .param("id", second.id())
                    .update()),
        2,
        second.id(),
        "content-changed");
  }

  @Test
  @DisplayName("a deleted attachment row (in the middle, the last, all with their head) is found")
  void rowsDeleted() {
    assertBroken(
        tampered(
            db -> db.sql("delete from attachment where id = :id").param("id", at(2).id()).update()),
        2,
        null,
        "missing-attachment");
    assertBroken(
        tampered(
            db -> db.sql("delete from attachment where id = :id").param("id", at(3).id()).update()),
        3,
        null,
        "missing-attachments");
    PetitionService.ChainReport headless =
        tampered(
            db -> {
              db.sql("delete from attachment_head where petition_id = :p").param("p", id).update();
              db.sql("delete from attachment where id = :id").param("id", at(3).id()).update();
            });
    assertThat(headless.firstBroken().reason()).isEqualTo("unchained-attachment");
    assertThat(headless.firstBroken().petitionId()).isEqualTo(id);
  }

  @Test
  @DisplayName("reordered attachment rows are found")
  void rowsReordered() {
    Attachment first = at(1);
    Attachment second = at(2);
    assertBroken(
        tampered(
            db -> {
              db.sql("update attachment set seq = 99 where id = :id")
                  .param("id", first.id())
                  .update();
              db.sql("update attachment set seq = 1 where id = :id")
                  .param("id", second.id())
                  .update();
              db.sql("update attachment set seq = 2 where id = :id")
                  .param("id", first.id())
                  .update();
            }),
        1,
        second.id(),
        "link-broken");
  }

  @Test
  @DisplayName("an altered or a missing attachment file is found and named")
  void fileTampered() throws Exception {
    Attachment second = at(2);
    Path file = Path.of(dataDir, "attachments", second.sha256().substring(0, 2), second.sha256());
    byte[] original = Files.readAllBytes(file);
    try {
      byte[] altered = original.clone();
      altered[altered.length - 1] ^= 0x01;
      Files.write(file, altered);
      assertBroken(petitions.verifyHistory(), 2, second.id(), "file-altered");
      Files.delete(file);
      assertBroken(petitions.verifyHistory(), 2, second.id(), "file-missing");
    } finally {
      Files.write(file, original);
    }
    assertThat(petitions.verifyHistory().intact()).isTrue();
  }

  @Test
  @DisplayName("an attachment chained with SM3 after SHA-256 ones verifies and is checked by SM3")
  void sm3Attachment() throws Exception {
    ReflectionTestUtils.setField(settings, "algorithm", HistoryChain.SM3);
    Attachment fourth;
    try {
      fourth =
          attachments.store(
              id, "scan-3.png", null, new ByteArrayInputStream(AttachmentsTest.png()), "t");
    } finally {
      ReflectionTestUtils.setField(settings, "algorithm", HistoryChain.SHA_256);
    }
    assertThat(
            jdbc.sql("select algorithm from attachment where id = :id")
                .param("id", fourth.id())
                .query(String.class)
                .single())
        .isEqualTo(HistoryChain.SM3);
    assertThat(petitions.verifyHistory().intact()).isTrue();
    assertBroken(
        tampered(
            db ->
                db.sql("update attachment set uploaded_by = 'x' where id = :id")
                    .param("id", fourth.id())
                    .update()),
        4,
        fourth.id(),
        "content-changed");
  }
}
