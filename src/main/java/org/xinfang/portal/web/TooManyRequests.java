package org.xinfang.portal.web;

import java.time.Duration;

/** A client address has used up its allowance: answered 429 with a localised page. */
class TooManyRequests extends RuntimeException {

  private final Duration retryAfter;

  TooManyRequests(Duration retryAfter) {
    super("too many requests");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
