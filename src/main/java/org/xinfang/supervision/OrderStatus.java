package org.xinfang.supervision;

/** Where a supervision order stands. */
public enum OrderStatus {
  /** Issued; the organ owes its written reply by the reply date. */
  ISSUED,
  /** The organ replied in writing (条例 Art. 40 para. 4). */
  ANSWERED
}
