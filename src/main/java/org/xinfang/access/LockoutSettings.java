package org.xinfang.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lock-out after repeated failed sign-ins ({@code xinfang.security.lockout.*}): after {@code
 * maxFailures} failures for one user name within {@code window}, that name is locked for {@code
 * duration}.
 */
@ConfigurationProperties(prefix = "xinfang.security.lockout")
record LockoutSettings(
    @DefaultValue("5") int maxFailures,
    @DefaultValue("15m") Duration window,
    @DefaultValue("15m") Duration duration) {

  LockoutSettings {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("xinfang.security.lockout.max-failures must be ≥ 1");
    }
    if (window.isNegative() || window.isZero() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "xinfang.security.lockout window and duration must be > 0");
    }
  }
}
