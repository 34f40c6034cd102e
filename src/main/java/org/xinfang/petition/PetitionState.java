package org.xinfang.petition;

/**
 * Where a petition stands in its legal life. The acts allowed in each state live in {@link
 * Petition}; this enum only names the states.
 */
public enum PetitionState {
  /** 登记: received and registered by the receiving organ, not yet routed or decided. */
  REGISTERED,
  /** 转送: sent to the handling organisation (条例 Art. 22). */
  FORWARDED,
  /** 交办: sent with a due date for a result report (条例 Art. 22 item 3). */
  ASSIGNED,
  /** 异议: the receiving organ objected within 5 working days; the sender decides (Art. 23). */
  OBJECTED,
  /** 受理: accepted; handling in progress. */
  ACCEPTED,
  /** 不予受理 / 不再受理. Concluded. */
  DECLINED,
  /** 导入: diverted to a legal procedure (Art. 31 items 1–4). Concluded. */
  DIVERTED,
  /** 调解、和解: ended by a recorded agreement (Art. 33). Concluded. */
  SETTLED,
  /** 已作出处理意见: the handling opinion is issued (Art. 32). */
  REPLIED,
  /** 复查: review requested, under review (Art. 35). */
  UNDER_REVIEW,
  /** 提出复查意见: the review opinion is issued. */
  REVIEWED,
  /** 复核: re-review requested, under re-review (Art. 36). */
  UNDER_RE_REVIEW,
  /** 复核意见: final; the same facts and reasons are not accepted again (Art. 36 para. 3). */
  FINAL
}
