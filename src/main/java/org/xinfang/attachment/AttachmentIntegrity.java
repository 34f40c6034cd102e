package org.xinfang.attachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.audit.HistoryChain;
import org.xinfang.audit.IntegrityCheck;

/**
 * The attachments as one of the chains the audit verifies and anchors: every petition's attachment
 * rows are walked in order and their links recomputed, the head row must match the last link, no
 * attachment may stand outside a chain, and each file is re-hashed against its row's SHA-256 (a
 * missing or altered file is named). At start-up it chains the attachment rows written before the
 * chain existed.
 */
@Component
@Order(10)
class AttachmentIntegrity implements IntegrityCheck, ApplicationRunner {

  static final String CHAIN = "attachments";
  private static final Logger log = LoggerFactory.getLogger(AttachmentIntegrity.class);

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Attachments attachments;
  private final TransactionTemplate transactions;

  AttachmentIntegrity(
      JdbcClient jdbc,
      DataSource dataSource,
      Attachments attachments,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.attachments = attachments;
    this.transactions = transactions;
  }

  @Override
  public String chain() {
    return CHAIN;
  }

  /** The walk of one petition's attachment chain. */
  private static final class Walk {
    String petitionId;
    int count;
    String head;
    int expectedSeq = 1;
    String previous;
  }

  @Override
  public Result verify() {
    long[] checked = {0};
    Broken[] broken = {null};
    Walk[] walk = {null};
    Map<String, String> files = new HashMap<>(); // sha256 → null when sound, else the reason
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(1000);
    template.query(
        """
        select h.petition_id as pid, h.attachments as head_count, h.head_hash, a.id, a.petition_id,
          a.filename, a.content_type, a.size, a.sha256, a.pages, a.uploaded_by, a.uploaded_at,
          a.seq, a.algorithm, a.prev_hash, a.hash
        from attachment_head h left join attachment a on a.petition_id = h.petition_id
          and a.seq is not null
        order by h.petition_id, a.seq
        """,
        (RowCallbackHandler)
            rs -> {
              if (broken[0] != null) {
                return;
              }
              String pid = rs.getString("pid");
              if (walk[0] == null || !pid.equals(walk[0].petitionId)) {
                if (walk[0] != null && (broken[0] = headCheck(walk[0])) != null) {
                  return;
                }
                Walk w = new Walk();
                w.petitionId = pid;
                w.count = rs.getInt("head_count");
                w.head = rs.getString("head_hash");
                walk[0] = w;
              }
              Walk w = walk[0];
              if (rs.getObject("seq") == null) {
                return;
              }
              int seq = rs.getInt("seq");
              String id = rs.getString("id");
              if (seq != w.expectedSeq) {
                broken[0] = new Broken(pid, w.expectedSeq, null, "missing-attachment");
                return;
              }
              String algorithm = rs.getString("algorithm");
              if (!HistoryChain.ALGORITHMS.contains(algorithm)) {
                broken[0] = new Broken(pid, seq, id, "unknown-algorithm");
                return;
              }
              String expectedPrevious =
                  seq == 1 ? AttachmentChain.genesis(algorithm, pid) : w.previous;
              if (!expectedPrevious.equals(rs.getString("prev_hash"))) {
                broken[0] = new Broken(pid, seq, id, "link-broken");
                return;
              }
              Attachment a = Attachments.row(rs, 0);
              if (!AttachmentChain.link(algorithm, expectedPrevious, a, seq)
                  .equals(rs.getString("hash"))) {
                broken[0] = new Broken(pid, seq, id, "content-changed");
                return;
              }
              String file = files.computeIfAbsent(a.sha256() + "/" + a.size(), k -> file(a));
              if (!file.isEmpty()) {
                broken[0] = new Broken(pid, seq, id, file);
                return;
              }
              checked[0]++;
              w.previous = rs.getString("hash");
              w.expectedSeq = seq + 1;
            });
    if (broken[0] == null && walk[0] != null) {
      broken[0] = headCheck(walk[0]);
    }
    if (broken[0] == null) {
      // an attachment outside every chain: its petition has no head, or the row no position
      broken[0] =
          jdbc.sql(
                  """
                  select a.petition_id, a.seq, a.id from attachment a
                  where a.seq is null or not exists
                    (select 1 from attachment_head h where h.petition_id = a.petition_id)
                  order by a.petition_id, a.id limit 1
                  """)
              .query(
                  (rs, n) ->
                      new Broken(
                          rs.getString("petition_id"),
                          rs.getObject("seq", Integer.class),
                          rs.getString("id"),
                          "unchained-attachment"))
              .optional()
              .orElse(null);
    }
    return new Result(checked[0], broken[0]);
  }

  private static Broken headCheck(Walk w) {
    int last = w.expectedSeq - 1;
    if (last < w.count) {
      return new Broken(w.petitionId, last + 1, null, "missing-attachments");
    }
    if (last > w.count || !Objects.equals(w.previous, w.head)) {
      return new Broken(w.petitionId, last, null, "head-mismatch");
    }
    return null;
  }

  /** "" when the stored file has the recorded hash and size; else how it fails. */
  private String file(Attachment a) {
    if (a.sha256() == null || !a.sha256().matches("[0-9a-f]{64}")) {
      return "file-altered";
    }
    Path path = attachments.pathOf(a.sha256());
    try {
      if (!Files.isRegularFile(path)) {
        return "file-missing";
      }
      return Files.size(path) == a.size() && Attachments.hashOf(path).equals(a.sha256())
          ? ""
          : "file-altered";
    } catch (IOException e) {
      log.warn("attachment file {} unreadable: {}", path, e.toString());
      return "file-unreadable";
    }
  }

  @Override
  public void heads(Consumer<Head> each) {
    jdbc.sql("select petition_id, attachments, head_hash from attachment_head")
        .query(
            rs -> {
              each.accept(
                  new Head(
                      CHAIN,
                      rs.getString("petition_id"),
                      rs.getInt("attachments"),
                      rs.getString("head_hash")));
            });
  }

  @Override
  public String hashAt(String petitionId, int seq) {
    return jdbc.sql("select hash from attachment where petition_id = :p and seq = :s")
        .param("p", petitionId)
        .param("s", seq)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** At start-up: chains, once, the attachment rows written before the chain existed (V12). */
  @Override
  public void run(ApplicationArguments args) {
    Integer chained =
        transactions.execute(
            status -> {
              List<String> ids =
                  jdbc.sql(
                          """
                          select distinct a.petition_id from attachment a where a.seq is null
                            and not exists (select 1 from attachment_head h
                              where h.petition_id = a.petition_id)
                          """)
                      .query(String.class)
                      .list();
              for (String id : ids) {
                List<Attachment> rows =
                    jdbc.sql(
                            "select id, petition_id, filename, content_type, size, sha256, pages,"
                                + " uploaded_by, uploaded_at from attachment where petition_id ="
                                + " :p order by uploaded_at, filename, id")
                        .param("p", id)
                        .query(Attachments::row)
                        .list();
                String previous = AttachmentChain.genesis(HistoryChain.SHA_256, id);
                int seq = 0;
                for (Attachment a : rows) {
                  seq++;
                  String hash = AttachmentChain.link(HistoryChain.SHA_256, previous, a, seq);
                  jdbc.sql(
                          "update attachment set seq = :s, algorithm = :alg, prev_hash = :prev,"
                              + " hash = :hash where id = :id")
                      .param("s", seq)
                      .param("alg", HistoryChain.SHA_256)
                      .param("prev", previous)
                      .param("hash", hash)
                      .param("id", a.id())
                      .update();
                  previous = hash;
                }
                AttachmentChain.moveHead(jdbc, id, Optional.empty(), seq, previous);
              }
              return ids.size();
            });
    if (chained != null && chained > 0) {
      log.info("Chained the attachments of {} petitions stored before the chain existed", chained);
    }
  }
}
