package org.xinfang.shared;

/** The user may not do this: 403. */
public class Forbidden extends RuntimeException {

  private final String rule;

  public Forbidden(String rule, String detail) {
    super(detail);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
