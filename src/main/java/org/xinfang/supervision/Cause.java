package org.xinfang.supervision;

/** What a supervision order is issued for (条例 Art. 40 para. 1). */
public enum Cause {
  /** 拖延 */
  DELAY,
  /** 推诿 */
  SHIRKING,
  /** 敷衍 */
  PERFUNCTORY,
  /** 弄虚作假 */
  FALSIFICATION,
  /** 拒不执行信访处理意见 */
  REFUSAL_TO_EXECUTE
}
