package org.xinfang.access;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because the user name is locked after repeated failures, until a time. */
final class SignInLocked extends AuthenticationException {

  static final String RULE = "sign-in-lockout";

  private final transient Instant until;
  private final long retryAfterSeconds;

  SignInLocked(Instant until, Instant now) {
    super("too many failed sign-ins; locked until " + until);
    this.until = until;
    this.retryAfterSeconds = Math.max(1, Duration.between(now, until).toSeconds());
  }

  Instant until() {
    return until;
  }

  /** Seconds until the lock ends (for {@code Retry-After}). */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
