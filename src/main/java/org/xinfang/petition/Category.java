package org.xinfang.petition;

/** The three classes of matters, each with its own legal track (条例 Arts. 29–31). */
public enum Category {
  /** 建议意见类 (条例 Art. 29). */
  SUGGESTION,
  /** 检举控告类 (条例 Art. 30): never disclosed to the accused. */
  ACCUSATION,
  /** 申诉求决类 (条例 Art. 31): exactly one pathway. */
  GRIEVANCE
}
