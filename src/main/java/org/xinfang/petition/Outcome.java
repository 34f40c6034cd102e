package org.xinfang.petition;

/** The outcome of a handling opinion (条例 Art. 32). */
public enum Outcome {
  /** 予以支持. */
  SUPPORT,
  /** 解释说明: reasonable but without legal basis. */
  EXPLAIN,
  /** 不予支持. */
  NOT_SUPPORT
}
