package org.xinfang.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xinfang.organisation.UserCredentials;
import org.xinfang.organisation.Users;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;

/**
 * Revocable bearer API tokens. The secret ({@value #PREFIX} and 32 random bytes, URL-safe base64)
 * is shown once when the token is made; only its SHA-256 is stored. A token authenticates as its
 * user while it is neither revoked nor expired and the user is enabled.
 */
@Service
class ApiTokens {

  static final String PREFIX = "xft_";

  /** A token's last use is written at most this often (not on every request). */
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  private static final String COLUMNS =
      "id, username, name, created_at, expires_at, revoked_at, last_used_at";

  /** A token as listed (never its secret). */
  record Token(
      String id,
      String username,
      String name,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      OffsetDateTime lastUsedAt) {

    boolean activeAt(Instant now) {
      return revokedAt == null && (expiresAt == null || expiresAt.toInstant().isAfter(now));
    }
  }

  /** A token just made, with its secret (shown this once). */
  record Issued(Token token, String secret) {}

  private final JdbcClient jdbc;
  private final Users users;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(JdbcClient jdbc, Users users, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Makes a token for this user, valid through the end of {@code expiresOn} (in the clock's zone)
   * or until revoked.
   *
   * @throws InvalidInput for a blank or over-long name, or an expiry day in the past
   */
  Issued issue(String username, String name, LocalDate expiresOn) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("name", "must not be blank");
    }
    if (name.strip().length() > 100) {
      throw new InvalidInput("name", "must be at most 100 characters");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime expiresAt = null;
    if (expiresOn != null) {
      if (expiresOn.isBefore(now.toLocalDate())) {
        throw new InvalidInput("expiresOn", "must not be in the past");
      }
      expiresAt = expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Token token =
        new Token(UUID.randomUUID().toString(), username, name.strip(), now, expiresAt, null, null);
    jdbc.sql(
            """
            insert into api_token (id, username, name, token_hash, created_at, expires_at)
            values (:id, :username, :name, :hash, :createdAt, :expiresAt)
            """)
        .param("id", token.id())
        .param("username", username)
        .param("name", token.name())
        .param("hash", hash(secret))
        .param("createdAt", now)
        .param("expiresAt", expiresAt)
        .update();
    return new Issued(token, secret);
  }

  /** This user's tokens, newest first (revoked and expired ones too). */
  List<Token> of(String username) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from api_token where username = :username"
                + " order by created_at desc, id")
        .param("username", username)
        .query(ApiTokens::token)
        .list();
  }

  Optional<Token> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from api_token where id = :id")
        .param("id", id)
        .query(ApiTokens::token)
        .optional();
  }

  /**
   * Revokes a token (a revoked one stays revoked as of its first revocation).
   *
   * @throws NotFound for an unknown id
   */
  void revoke(String id) {
    int updated =
        jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
            .param("now", OffsetDateTime.now(clock))
            .param("id", id)
            .update();
    if (updated == 0 && find(id).isEmpty()) {
      throw new NotFound("token " + id);
    }
  }

  /**
   * The user a presented secret signs in as: the token must be known, neither revoked nor expired,
   * and its user enabled. Records the use.
   */
  Optional<UserCredentials> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Token> token =
        jdbc.sql("select " + COLUMNS + " from api_token where token_hash = :hash")
            .param("hash", hash(secret))
            .query(ApiTokens::token)
            .optional()
            .filter(t -> t.activeAt(now));
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<UserCredentials> user =
        users.credentials(token.get().username()).filter(UserCredentials::enabled);
    if (user.isPresent()) {
      OffsetDateTime lastUsed = token.get().lastUsedAt();
      if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(LAST_USED_GRANULARITY))) {
        jdbc.sql("update api_token set last_used_at = :now where id = :id")
            .param("now", OffsetDateTime.now(clock))
            .param("id", token.get().id())
            .update();
      }
    }
    return user;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static Token token(ResultSet rs, int n) throws SQLException {
    return new Token(
        rs.getString("id"),
        rs.getString("username"),
        rs.getString("name"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("expires_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class),
        rs.getObject("last_used_at", OffsetDateTime.class));
  }
}
