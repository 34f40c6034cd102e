package org.xinfang.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins and lock-outs, in the database so that several instances agree. Every user name
 * is counted, whether or not it names a user (the answer is the same either way); names are kept
 * only as their SHA-256. A success clears the name's failures.
 */
@Component
class SignInAttempts {

  /** What is on record for a user name: the failures in the window, and a lock (or null). */
  record State(int failures, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
      return lockedUntil != null && lockedUntil.isAfter(now);
    }

    boolean clean() {
      return failures == 0 && lockedUntil == null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final LockoutSettings settings;

  SignInAttempts(JdbcClient jdbc, Clock clock, LockoutSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  Instant now() {
    return clock.instant();
  }

  /** The failures and the lock on record for this user name (one query). */
  State state(String username) {
    String account = account(username);
    Instant now = now();
    return jdbc.sql(
            """
            select
              (select count(*) from sign_in_failure
                where account = :account and at > :since and at <= :now) as failures,
              (select max(locked_until) from sign_in_lock where account = :account) as locked_until
            """)
        .param("account", account)
        .param("since", at(now.minus(settings.window())))
        .param("now", at(now))
        .query(
            (rs, n) -> {
              OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
              return new State(rs.getInt("failures"), until == null ? null : until.toInstant());
            })
        .single();
  }

  /**
   * Records a failed sign-in; the {@code maxFailures}-th within the window locks the name.
   *
   * @return the end of the lock when this failure locked the name, else null
   */
  Instant failed(String username) {
    String account = account(username);
    Instant now = now();
    Instant since = now.minus(settings.window());
    jdbc.sql("delete from sign_in_failure where at <= :since").param("since", at(since)).update();
    jdbc.sql("delete from sign_in_lock where locked_until <= :now").param("now", at(now)).update();
    jdbc.sql("insert into sign_in_failure (account, at) values (:account, :at)")
        .param("account", account)
        .param("at", at(now))
        .update();
    int failures =
        jdbc.sql(
                "select count(*) from sign_in_failure"
                    + " where account = :account and at > :since and at <= :now")
            .param("account", account)
            .param("since", at(since))
            .param("now", at(now))
            .query(Integer.class)
            .single();
    if (failures < settings.maxFailures()) {
      return null;
    }
    Instant until = now.plus(settings.duration());
    lock(account, until);
    jdbc.sql("delete from sign_in_failure where account = :account")
        .param("account", account)
        .update();
    return until;
  }

  /** A successful sign-in clears the name's failures and any expired lock. */
  void succeeded(String username, State state) {
    if (state.clean()) {
      return;
    }
    String account = account(username);
    jdbc.sql("delete from sign_in_failure where account = :account")
        .param("account", account)
        .update();
    jdbc.sql("delete from sign_in_lock where account = :account")
        .param("account", account)
        .update();
  }

  private void lock(String account, Instant until) {
    int updated =
        jdbc.sql("update sign_in_lock set locked_until = :until where account = :account")
            .param("until", at(until))
            .param("account", account)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql("insert into sign_in_lock (account, locked_until) values (:account, :until)")
            .param("account", account)
            .param("until", at(until))
            .update();
      } catch (DuplicateKeyException e) {
        // another instance locked the name at the same moment: locked either way
      }
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static String account(String username) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((username == null ? "" : username).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
