package org.xinfang.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what one client address does on the portal in a sliding window, in the database so that
 * several instances share the counts. Addresses are kept only as SHA-256 digests, and only for a
 * day.
 */
@Service
public class RateLimiter {

  /** What is counted. */
  public enum Action {
    /** A petition submitted (or recognised as a duplicate). */
    SUBMIT,
    /** A look-up with a wrong number, query code or phone digits. */
    TRACK_FAILURE
  }

  private static final Duration KEEP = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PortalSettings settings;

  public RateLimiter(JdbcClient jdbc, Clock clock, PortalSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /** Whether this address has used up its allowance for the action in the current window. */
  @Transactional(readOnly = true)
  public boolean exceeded(String address, Action action) {
    OffsetDateTime now = now();
    Integer hits =
        jdbc.sql(
                "select count(*) from portal_hit where client = :c and action = :a and at > :since")
            .param("c", key(address))
            .param("a", action.name())
            .param("since", now.minus(settings.rateLimit().window()))
            .query(Integer.class)
            .single();
    return hits >= limit(action);
  }

  /** Counts one action of this address (and forgets what is older than a day). */
  @Transactional
  public void record(String address, Action action) {
    OffsetDateTime now = now();
    jdbc.sql("insert into portal_hit (client, action, at) values (:c, :a, :at)")
        .param("c", key(address))
        .param("a", action.name())
        .param("at", now)
        .update();
    jdbc.sql("delete from portal_hit where at < :cutoff").param("cutoff", now.minus(KEEP)).update();
  }

  /** How long until the oldest counted action of the window leaves it (for Retry-After). */
  @Transactional(readOnly = true)
  public Duration retryAfter(String address, Action action) {
    OffsetDateTime now = now();
    Duration window = settings.rateLimit().window();
    OffsetDateTime oldest =
        jdbc.sql("select min(at) from portal_hit where client = :c and action = :a and at > :since")
            .param("c", key(address))
            .param("a", action.name())
            .param("since", now.minus(window))
            .query(OffsetDateTime.class)
            .optional()
            .orElse(now);
    Duration left = Duration.between(now, oldest.plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The window's length. */
  public Duration window() {
    return settings.rateLimit().window();
  }

  private int limit(Action action) {
    return switch (action) {
      case SUBMIT -> settings.rateLimit().submissions();
      case TRACK_FAILURE -> settings.rateLimit().failures();
    };
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Addresses are personal data: only a digest is stored. */
  private static String key(String address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("xinfang-portal:" + address).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
