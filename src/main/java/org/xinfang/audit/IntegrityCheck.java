package org.xinfang.audit;

import java.util.function.Consumer;

/**
 * A chained record another module keeps (the attachments, say), verified beside the history: a
 * module offers one as a bean; the verification runs every one after the history chain.
 */
public interface IntegrityCheck {

  /** The chain's name in reports and anchors, e.g. {@code attachments} (at most 16 characters). */
  String chain();

  /** Walks the whole record and names the first broken link, if any. */
  Result verify();

  /** Every petition's current head of this chain (for anchoring), in any order. */
  void heads(Consumer<Head> each);

  /** The hash of the link at a position of a petition's chain, or null when there is none. */
  String hashAt(String petitionId, int seq);

  /** What a walk found: how many links it checked and the first broken one (null when intact). */
  record Result(long checked, Broken firstBroken) {}

  /**
   * The first broken link: its petition, its position, the record's own id where it has one (an
   * attachment's), and how it fails.
   */
  record Broken(String petitionId, Integer seq, String recordId, String reason) {}

  /** The head of one petition's chain: how many links, and the last one's hash. */
  record Head(String chain, String petitionId, int seq, String hash) {}
}
