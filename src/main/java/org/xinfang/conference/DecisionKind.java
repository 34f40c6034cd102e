package org.xinfang.conference;

/** What a joint conference decides about one matter. */
public enum DecisionKind {
  /** 交办: an organ is to do something by a due date (an assigned duty of that organ). */
  ASSIGN,
  /** 领导包案: a named leader takes personal charge (a duty of the leader's organisation). */
  LEADER_PACKAGE,
  /** 协调意见: the agreed result, e.g. which organ handles it and how. */
  COORDINATION
}
