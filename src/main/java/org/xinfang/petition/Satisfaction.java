package org.xinfang.petition;

/** The petitioner's rating (条例 Art. 21). */
public enum Satisfaction {
  SATISFIED,
  BASICALLY_SATISFIED,
  DISSATISFIED
}
