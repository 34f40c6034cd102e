package org.xinfang.supervision;

/** A checked sample item's verdict. */
public enum SpotResult {
  PASS,
  FAIL
}
