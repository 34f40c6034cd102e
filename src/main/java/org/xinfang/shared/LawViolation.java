package org.xinfang.shared;

/**
 * An act the law or the petition's state does not allow. Carries the rule and its article so that
 * the API can answer 409 with {@code "rule": "review-window (条例 Art. 35)"}.
 */
public class LawViolation extends RuntimeException {

  private final String rule;

  /**
   * @param rule the rule's short name and its article, e.g. {@code "review-window (条例 Art. 35)"}
   * @param detail what was refused and why, for the petitioner's or clerk's eyes
   */
  public LawViolation(String rule, String detail) {
    super(detail);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
