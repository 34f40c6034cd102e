package org.xinfang.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors: the heads of every chain, recorded now and then, each anchor's digest chained to the one
 * before it. A chain can be rewritten consistently by someone who can write to the database and
 * knows the scheme (the hash has no secret); what was anchored cannot, without the anchor digests
 * changing too, and those are meant to be copied out of the database (printed by the command,
 * exported by {@code GET /api/audit/anchors}) and compared later ({@code expect}).
 *
 * <p>An anchor records only the heads that moved since the anchor before it, so the table grows
 * with the work done, not with the number of petitions times the number of anchors.
 */
@Service
public class Anchors {

  private final JdbcClient jdbc;
  private final ObjectProvider<IntegrityCheck> checks;
  private final AuditSettings settings;
  private final Clock clock;

  Anchors(
      JdbcClient jdbc, ObjectProvider<IntegrityCheck> checks, AuditSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.checks = checks;
    this.settings = settings;
    this.clock = clock;
  }

  /** One anchor, as exported. */
  public record Anchor(
      long id,
      OffsetDateTime createdAt,
      String algorithm,
      int heads,
      String prevDigest,
      String digest) {}

  /** Records the heads that moved since the last anchor, and the new anchor's digest. */
  @Transactional
  public Anchor anchor() {
    Map<String, Integer> anchored = new HashMap<>();
    jdbc.sql(
            "select chain, petition_id, max(seq) as seq from audit_anchor_head"
                + " group by chain, petition_id")
        .query(
            rs -> {
              anchored.put(
                  key(rs.getString("chain"), rs.getString("petition_id")), rs.getInt("seq"));
            });
    List<IntegrityCheck.Head> moved = new ArrayList<>();
    checks
        .orderedStream()
        .forEach(
            check ->
                check.heads(
                    h -> {
                      Integer seq = anchored.get(key(h.chain(), h.petitionId()));
                      if (seq == null || seq != h.seq()) {
                        moved.add(h);
                      }
                    }));
    moved.sort(ORDER);
    Anchor last = latest();
    long id = last == null ? 1 : last.id() + 1;
    String algorithm = settings.algorithm();
    String prev = last == null ? HistoryChain.genesis(algorithm, "anchors") : last.digest();
    OffsetDateTime at =
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    String digest = digest(algorithm, prev, id, at, moved);
    jdbc.sql(
            "insert into audit_anchor (id, created_at, algorithm, heads, prev_digest, digest)"
                + " values (:id, :at, :alg, :heads, :prev, :digest)")
        .param("id", id)
        .param("at", at)
        .param("alg", algorithm)
        .param("heads", moved.size())
        .param("prev", prev)
        .param("digest", digest)
        .update();
    for (IntegrityCheck.Head h : moved) {
      jdbc.sql(
              "insert into audit_anchor_head (anchor_id, chain, petition_id, seq, hash)"
                  + " values (:id, :chain, :p, :seq, :hash)")
          .param("id", id)
          .param("chain", h.chain())
          .param("p", h.petitionId())
          .param("seq", h.seq())
          .param("hash", h.hash())
          .update();
    }
    return new Anchor(id, at, algorithm, moved.size(), prev, digest);
  }

  /** Every anchor, oldest first (to be copied out of the database). */
  @Transactional(readOnly = true)
  public List<Anchor> list() {
    return jdbc.sql(
            "select id, created_at, algorithm, heads, prev_digest, digest from audit_anchor"
                + " order by id")
        .query(Anchors::row)
        .list();
  }

  /** The latest anchor, or null when none was written. */
  @Transactional(readOnly = true)
  public Anchor latest() {
    return jdbc.sql(
            "select id, created_at, algorithm, heads, prev_digest, digest from audit_anchor"
                + " order by id desc limit 1")
        .query(Anchors::row)
        .optional()
        .orElse(null);
  }

  /** What the walk of the anchors found. */
  public record Check(long anchors, IntegrityCheck.Broken firstBroken, String chain) {}

  /**
   * Walks the anchors in order: each one's digest is recomputed from its heads and the digest
   * before it ({@code anchor-changed}); each anchored head must still be in its chain with the same
   * hash ({@code truncated-since-anchor}, {@code rewritten-since-anchor}); and a digest copied out
   * earlier, when given, must be one of them ({@code anchor-not-found}).
   */
  @Transactional(readOnly = true)
  public Check verify(String expectedDigest) {
    Map<String, IntegrityCheck> byChain = new HashMap<>();
    checks.orderedStream().forEach(c -> byChain.put(c.chain(), c));
    String previous = null;
    long n = 0;
    boolean expectedFound = expectedDigest == null || expectedDigest.isBlank();
    for (Anchor a : list()) {
      String prev = previous == null ? HistoryChain.genesis(a.algorithm(), "anchors") : previous;
      List<IntegrityCheck.Head> heads =
          jdbc.sql(
                  "select chain, petition_id, seq, hash from audit_anchor_head"
                      + " where anchor_id = :id")
              .param("id", a.id())
              .query(
                  (rs, i) ->
                      new IntegrityCheck.Head(
                          rs.getString("chain"),
                          rs.getString("petition_id"),
                          rs.getInt("seq"),
                          rs.getString("hash")))
              .list();
      heads = new ArrayList<>(heads);
      heads.sort(ORDER);
      if (!HistoryChain.ALGORITHMS.contains(a.algorithm())
          || !prev.equals(a.prevDigest())
          || heads.size() != a.heads()
          || !digest(a.algorithm(), prev, a.id(), a.createdAt(), heads).equals(a.digest())) {
        return new Check(
            n, new IntegrityCheck.Broken(null, (int) a.id(), null, "anchor-changed"), "anchors");
      }
      for (IntegrityCheck.Head h : heads) {
        IntegrityCheck chain = byChain.get(h.chain());
        String now = chain == null ? null : chain.hashAt(h.petitionId(), h.seq());
        if (now == null) {
          return new Check(
              n,
              new IntegrityCheck.Broken(
                  h.petitionId(), h.seq(), Long.toString(a.id()), "truncated-since-anchor"),
              h.chain());
        }
        if (!now.equals(h.hash())) {
          return new Check(
              n,
              new IntegrityCheck.Broken(
                  h.petitionId(), h.seq(), Long.toString(a.id()), "rewritten-since-anchor"),
              h.chain());
        }
      }
      if (!expectedFound && a.digest().equalsIgnoreCase(expectedDigest.strip())) {
        expectedFound = true;
      }
      previous = a.digest();
      n++;
    }
    if (!expectedFound) {
      return new Check(
          n, new IntegrityCheck.Broken(null, null, null, "anchor-not-found"), "anchors");
    }
    return new Check(n, null, null);
  }

  private static final Comparator<IntegrityCheck.Head> ORDER =
      Comparator.comparing(IntegrityCheck.Head::chain)
          .thenComparing(IntegrityCheck.Head::petitionId);

  private static String key(String chain, String petitionId) {
    return chain + '\u001f' + petitionId;
  }

  private static String digest(
      String algorithm,
      String previous,
      long id,
      OffsetDateTime at,
      List<IntegrityCheck.Head> heads) {
    List<String> fields = new ArrayList<>(3 + 4 * heads.size());
    fields.add(Long.toString(id));
    fields.add(Long.toString(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at.toInstant())));
    fields.add(Integer.toString(heads.size()));
    for (IntegrityCheck.Head h : heads) {
      fields.add(h.chain());
      fields.add(h.petitionId());
      fields.add(Integer.toString(h.seq()));
      fields.add(Objects.requireNonNull(h.hash()));
    }
    return HistoryChain.linkWith(algorithm, previous, fields.toArray(String[]::new));
  }

  private static Anchor row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Anchor(
        rs.getLong("id"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("algorithm"),
        rs.getInt("heads"),
        rs.getString("prev_digest"),
        rs.getString("digest"));
  }
}
