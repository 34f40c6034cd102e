package org.xinfang.organisation;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/** The users who act for organisations, with their roles; passwords are kept only as hashes. */
@Service
public class Users {

  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  /**
   * The longest password, in UTF-8 bytes. Argon2id (the default hash) reads a password of any
   * length; the bound keeps hashing cheap against huge inputs, and sign-in refuses a longer
   * password without hashing it (no stored password is longer). Hashes of earlier releases
   * ({bcrypt}, which reads no more than 72 bytes) were only ever made of passwords of at most 72.
   */
  public static final int MAX_PASSWORD_BYTES = 128;

  private static final String COLUMNS = "username, display_name, organisation_id, roles";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final org.xinfang.shared.DeferredWrites writes;

  /**
   * The users this instance read lately, with the columns a kept copy is verified by: used only
   * where {@link org.xinfang.shared.KeptCopies} allows, and then verified by the database before
   * the commit.
   */
  private final com.github.benmanes.caffeine.cache.Cache<String, Kept> kept =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

  private record Kept(Actor actor, String displayName, String organisationId, String roles) {}

  public Users(
      JdbcClient jdbc,
      Organisations organisations,
      ObjectProvider<PasswordEncoder> passwordEncoder,
      ObjectProvider<Clock> clock,
      org.xinfang.shared.DeferredWrites writes) {
    this.writes = writes;
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.passwordEncoder =
        passwordEncoder.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder);
    this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
  }

  /**
   * The enabled user with this username. Where the transaction allows kept copies ({@link
   * org.xinfang.shared.KeptCopies}: an act that is decided again if anything refuses it), the user
   * as this instance last read them, verified by the database with the act's writes — still
   * enabled, with the same organisation, name and roles — before its commit; otherwise read.
   */
  public Optional<Actor> find(String username) {
    if (username == null) {
      return Optional.empty();
    }
    if (org.xinfang.shared.KeptCopies.allowed()) {
      Kept k = kept.getIfPresent(username);
      if (k != null) {
        writes
            .sql(
                """
                select count(*) from app_user where username = :username and enabled = true
                  and coalesce(display_name, '') = :displayName
                  and coalesce(organisation_id, '') = :organisationId and roles = :roles
                """)
            .param("username", username)
            .param("displayName", k.displayName())
            .param("organisationId", k.organisationId())
            .param("roles", k.roles())
            .deferCheck(
                1,
                () ->
                    new org.springframework.dao.OptimisticLockingFailureException(
                        "user " + username + " changed since this instance read them"));
        org.xinfang.shared.KeptCopies.used();
        return Optional.of(k.actor());
      }
    }
    Optional<Kept> read =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from app_user where username = :username and enabled = true")
            .param("username", username)
            .query(
                (rs, n) ->
                    new Kept(
                        actor(rs, n),
                        java.util.Objects.requireNonNullElse(rs.getString("display_name"), ""),
                        java.util.Objects.requireNonNullElse(rs.getString("organisation_id"), ""),
                        rs.getString("roles")))
            .optional();
    read.ifPresentOrElse(k -> kept.put(username, k), () -> kept.invalidate(username));
    return read.map(Kept::actor);
  }

  /** Every user, by username. */
  public List<Actor> all() {
    return jdbc.sql("select " + COLUMNS + " from app_user order by username")
        .query(Users::actor)
        .list();
  }

  /** What sign-in needs: the stored hash, whether the user is enabled, the roles. */
  public Optional<UserCredentials> credentials(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select username, password_hash, enabled, roles from app_user where username = :username")
        .param("username", username)
        .query(
            (rs, n) ->
                new UserCredentials(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    rs.getBoolean("enabled"),
                    roles(rs.getString("roles"))))
        .optional();
  }

  /**
   * Creates a user. People's passwords must satisfy the password policy ({@link PasswordPolicy});
   * the bootstrap administrator's password is whatever the operator configured.
   *
   * @throws InvalidInput for a malformed field, no roles, or an unknown organisation
   * @throws LawViolation when the username is taken
   */
  @Transactional
  public Actor create(NewUser u) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
      errors.put("username", "must match [A-Za-z0-9_.@-]{1,64}");
    } else if (u.username().equals("me")) {
      errors.put("username", "'me' is reserved");
    }
    checkPassword(u.password(), errors);
    if (!errors.containsKey("password") && !Actor.BOOTSTRAP_ADMIN.equals(u.username())) {
      PasswordPolicy.problem(u.username(), u.password())
          .ifPresent(problem -> errors.put("password", problem));
    }
    if (u.displayName() == null || u.displayName().isBlank()) {
      errors.put("displayName", "must not be blank");
    } else if (u.displayName().length() > 100) {
      errors.put("displayName", "must be at most 100 characters");
    }
    if (u.roles() == null || u.roles().isEmpty()) {
      errors.put("roles", "must name at least one role");
    }
    if (u.organisationId() == null || u.organisationId().isBlank()) {
      // a user acts for their own organisation; only a pure administrator may have none
      if (u.roles() != null && !u.roles().isEmpty() && !u.roles().equals(Set.of(Role.ADMIN))) {
        errors.put("organisationId", "must name the organisation the user acts for");
      }
    } else if (organisations.find(u.organisationId()).isEmpty()) {
      errors.put("organisationId", "no organisation " + u.organisationId());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (credentials(u.username()).isPresent() || nameTakenInAnyCase(u.username())) {
      throw usernameTaken(u.username());
    }
    String organisationId =
        u.organisationId() == null || u.organisationId().isBlank() ? null : u.organisationId();
    Actor actor =
        new Actor(
            u.username(),
            u.displayName().strip(),
            organisationId,
            u.roles(),
            Actor.BOOTSTRAP_ADMIN.equals(u.username()));
    try {
      jdbc.sql(
              """
              insert into app_user
                (username, password_hash, display_name, organisation_id, roles, enabled, created_at)
              values
                (:username, :hash, :displayName, :organisationId, :roles, true, :createdAt)
              """)
          .param("username", actor.username())
          .param("hash", passwordEncoder.encode(u.password()))
          .param("displayName", actor.displayName())
          .param("organisationId", actor.organisationId())
          .param("roles", actor.roles().stream().map(Role::name).collect(Collectors.joining(",")))
          .param("createdAt", OffsetDateTime.now(clock))
          .update();
    } catch (DuplicateKeyException e) {
      throw usernameTaken(u.username());
    }
    return actor;
  }

  /**
   * Whether a user of the same name in another case exists: {@code PR-CLERK} beside {@code
   * pr-clerk} would be a second account that reads as the first in every list and history.
   */
  private boolean nameTakenInAnyCase(String username) {
    return jdbc.sql("select count(*) from app_user where lower(username) = :name")
            .param("name", username.toLowerCase(java.util.Locale.ROOT))
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Replaces a user's password (stored as a new hash) on the operator's say-so, without the
   * password policy (the bootstrap administrator's password from {@code XINFANG_ADMIN_PASSWORD}). A
   * user changing their own password goes through {@link #changeOwnPassword}.
   *
   * @throws NotFound for an unknown username
   * @throws InvalidInput for an empty or over-long password
   */
  @Transactional
  public void changePassword(String username, String password) {
    Map<String, String> errors = new LinkedHashMap<>();
    checkPassword(password, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    int updated =
        jdbc.sql("update app_user set password_hash = :hash where username = :username")
            .param("hash", passwordEncoder.encode(password))
            .param("username", username)
            .update();
    if (updated == 0) {
      throw new NotFound("user " + username);
    }
  }

  /**
   * A user changes their own password: the current one must match, the new one must satisfy the
   * password policy.
   *
   * @throws InvalidInput naming {@code currentPassword} when it does not match, or {@code password}
   *     when the new one is refused by the policy
   * @throws NotFound for an unknown username
   */
  @Transactional
  public void changeOwnPassword(String username, String currentPassword, String password) {
    UserCredentials credentials =
        credentials(username).orElseThrow(() -> new NotFound("user " + username));
    if (currentPassword == null
        || currentPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
        || !passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
      throw new InvalidInput("currentPassword", "does not match the current password");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    checkPassword(password, errors);
    if (errors.isEmpty()) {
      PasswordPolicy.problem(username, password).ifPresent(p -> errors.put("password", p));
    }
    if (errors.isEmpty() && password.equals(currentPassword)) {
      errors.put("password", "must differ from the current password");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    jdbc.sql("update app_user set password_hash = :hash where username = :username")
        .param("hash", passwordEncoder.encode(password))
        .param("username", username)
        .update();
  }

  /**
   * Replaces a stored hash by a stronger one of the same password (sign-in re-hashes a {bcrypt}
   * hash as Argon2id once the password has matched). Only when the stored hash is still the old
   * one, so a password changed meanwhile is never overwritten.
   *
   * @return whether the hash was replaced
   */
  @Transactional
  public boolean upgradePasswordHash(String username, String oldHash, String newHash) {
    return jdbc.sql(
                "update app_user set password_hash = :newHash"
                    + " where username = :username and password_hash = :oldHash")
            .param("newHash", newHash)
            .param("username", username)
            .param("oldHash", oldHash)
            .update()
        == 1;
  }

  private static void checkPassword(String password, Map<String, String> errors) {
    if (password == null || password.isEmpty()) {
      errors.put("password", "must not be empty");
    } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      errors.put("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes");
    }
  }

  private static LawViolation usernameTaken(String username) {
    return new LawViolation("username-unique", "a user named " + username + " already exists");
  }

  private static Actor actor(ResultSet rs, int n) throws SQLException {
    String username = rs.getString("username");
    return new Actor(
        username,
        rs.getString("display_name"),
        rs.getString("organisation_id"),
        roles(rs.getString("roles")),
        Actor.BOOTSTRAP_ADMIN.equals(username));
  }

  private static Set<Role> roles(String column) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(column.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(s -> roles.add(Role.valueOf(s)));
    return roles;
  }
}
