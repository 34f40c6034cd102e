package org.xinfang.supervision;

/**
 * What the joint conference decides against an organ that does not perform (条例 Art. 39 para. 3).
 */
public enum Escalation {
  /** 挂牌督办: a supervision plaque, rectification by a deadline. */
  PLAQUE,
  /** 约谈: the leaders are summoned. */
  SUMMONS,
  /** 通报: a bulletin names the organ. */
  BULLETIN
}
