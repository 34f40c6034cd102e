package org.xinfang.petition;

/** The grounds for not accepting a matter, each with its article (LAW.md §3). */
public enum DeclineGround {
  NOT_COMPETENT("条例 Art. 23 para. 1"),
  ALREADY_IN_PROGRESS("条例 Art. 19 para. 3"),
  LITIGATION_MATTER("条例 Arts. 20, 22, 28"),
  LEVEL_SKIPPING("2014 逐级走访办法 Art. 4"),
  FINAL_AFTER_RE_REVIEW("条例 Art. 36 para. 3"),
  APPEAL_WINDOW_MISSED("条例 Arts. 35–36; 2014 逐级走访办法");

  private final String basis;

  DeclineGround(String basis) {
    this.basis = basis;
  }

  public String basis() {
    return basis;
  }

  /** 不再受理 (a final matter raised again) has its own notice; everything else is 不予受理. */
  public boolean isFinalDecline() {
    return this == FINAL_AFTER_RE_REVIEW;
  }

  /**
   * Declined because the same matter was raised again — already in handling (Art. 19 para. 3) or
   * final (Art. 36 para. 3): the petition is then a repeat of the one named.
   */
  public boolean sameMatterAgain() {
    return this == ALREADY_IN_PROGRESS || this == FINAL_AFTER_RE_REVIEW;
  }
}
