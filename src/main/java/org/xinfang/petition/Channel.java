package org.xinfang.petition;

/**
 * How a matter came in (条例 Art. 17): every channel enters the same record and workflow (Art. 21).
 */
public enum Channel {
  ONLINE,
  LETTER,
  PHONE,
  FAX,
  VISIT;

  /** Oral submissions are recorded as told (条例 Art. 19 para. 1). */
  public boolean isOral() {
    return this == VISIT || this == PHONE;
  }
}
