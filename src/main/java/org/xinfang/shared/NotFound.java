package org.xinfang.shared;

/** An id that names nothing (or nothing this user may know exists): 404. */
public class NotFound extends RuntimeException {

  public NotFound(String what) {
    super(what);
  }
}
