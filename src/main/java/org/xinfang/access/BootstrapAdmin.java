package org.xinfang.access;

import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.NewUser;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.UserCredentials;
import org.xinfang.organisation.Users;

/**
 * The bootstrap administrator {@code admin} (API.md Conventions, Users): created on a start where
 * it is missing, with the password from {@code XINFANG_ADMIN_PASSWORD} or a generated one printed
 * once; re-keyed when that variable names a different password. Runs after the demo seed (order 0),
 * so that {@code admin} belongs to the root organisation where there is one.
 */
@Component
@Order(BootstrapAdmin.ORDER)
class BootstrapAdmin implements ApplicationRunner {

  static final int ORDER = 10;

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int GENERATED_LENGTH = 20;

  private final Users users;
  private final Organisations organisations;
  private final PasswordEncoder passwordEncoder;
  private final String configuredPassword;

  BootstrapAdmin(
      Users users,
      Organisations organisations,
      PasswordEncoder passwordEncoder,
      @Value("${XINFANG_ADMIN_PASSWORD:}") String configuredPassword) {
    this.users = users;
    this.organisations = organisations;
    this.passwordEncoder = passwordEncoder;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureAdmin();
  }

  void ensureAdmin() {
    boolean configured = !configuredPassword.isEmpty();
    if (configured && configuredPassword.length() < 8) {
      log.warn("XINFANG_ADMIN_PASSWORD is shorter than 8 characters; choose a stronger one");
    }
    var existing = users.credentials(Actor.BOOTSTRAP_ADMIN);
    if (existing.isEmpty()) {
      String password = configured ? configuredPassword : generatePassword();
      users.create(
          new NewUser(
              Actor.BOOTSTRAP_ADMIN,
              password,
              "系统管理员",
              organisations.root().map(Organisation::id).orElse(null),
              Set.of(Role.ADMIN)));
      if (configured) {
        log.info(
            "Bootstrap administrator '{}' created with the password from XINFANG_ADMIN_PASSWORD",
            Actor.BOOTSTRAP_ADMIN);
      } else {
        log.warn(
            "Bootstrap administrator '{}' created with password: {}",
            Actor.BOOTSTRAP_ADMIN,
            password);
      }
    } else if (configured && !matches(existing.get())) {
      users.changePassword(Actor.BOOTSTRAP_ADMIN, configuredPassword);
      log.info(
          "Bootstrap administrator '{}' password set from XINFANG_ADMIN_PASSWORD",
          Actor.BOOTSTRAP_ADMIN);
    }
  }

  private boolean matches(UserCredentials credentials) {
    try {
      return passwordEncoder.matches(configuredPassword, credentials.passwordHash());
    } catch (IllegalArgumentException e) {
      return false; // an unreadable hash: replace it
    }
  }

  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
