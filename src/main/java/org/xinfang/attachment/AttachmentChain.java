package org.xinfang.attachment;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.audit.HistoryChain;

/**
 * The chain of a petition's attachment rows (V12__audit.sql): each row's link covers its recorded
 * fields, its SHA-256 among them, and the link of the attachment before it; {@code attachment_head}
 * keeps how many there are and the last link, written in the same transaction as the row.
 */
final class AttachmentChain {

  private AttachmentChain() {}

  /** The head of one petition's attachment chain. */
  record Head(int attachments, String hash) {}

  static Optional<Head> head(JdbcClient jdbc, String petitionId) {
    return jdbc.sql("select attachments, head_hash from attachment_head where petition_id = :p")
        .param("p", petitionId)
        .query((rs, n) -> new Head(rs.getInt("attachments"), rs.getString("head_hash")))
        .optional();
  }

  /** Moves the head on to a new last link; fails when another upload moved it meanwhile. */
  static void moveHead(
      JdbcClient jdbc, String petitionId, Optional<Head> before, int seq, String hash) {
    if (before.isEmpty()) {
      jdbc.sql(
              "insert into attachment_head (petition_id, attachments, head_hash)"
                  + " values (:p, :n, :h)")
          .param("p", petitionId)
          .param("n", seq)
          .param("h", hash)
          .update();
      return;
    }
    int updated =
        jdbc.sql(
                "update attachment_head set attachments = :n, head_hash = :h"
                    + " where petition_id = :p and attachments = :before")
            .param("n", seq)
            .param("h", hash)
            .param("p", petitionId)
            .param("before", before.get().attachments())
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException(
          "another attachment was stored for petition " + petitionId + " meanwhile");
    }
  }

  /** What the first attachment of a petition links back to. */
  static String genesis(String algorithm, String petitionId) {
    return HistoryChain.genesis(algorithm, "attachments\u001f" + petitionId);
  }

  /** The link of one attachment row at its position in the petition's chain. */
  static String link(String algorithm, String previous, Attachment a, int seq) {
    long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, a.uploadedAt().toInstant());
    return HistoryChain.linkWith(
        algorithm,
        previous,
        a.id(),
        a.petitionId(),
        Integer.toString(seq),
        a.filename(),
        a.contentType(),
        Long.toString(a.size()),
        a.sha256(),
        a.pages() == null ? null : a.pages().toString(),
        a.uploadedBy(),
        Long.toString(micros));
  }
}
