package org.xinfang.leadership;

/**
 * Where a roster entry stands on a given day: still to come (its day is today or later, nothing
 * recorded yet), held (a reception is recorded), or missed (its day passed with nothing recorded).
 */
public enum ReceptionStatus {
  UPCOMING,
  HELD,
  MISSED
}
