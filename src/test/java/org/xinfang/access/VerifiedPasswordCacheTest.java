package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

  private final AtomicInteger bcryptCalls = new AtomicInteger();
  private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
  private final PasswordEncoder counting =
      new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          bcryptCalls.incrementAndGet();
          return bcrypt.matches(raw, encoded);
        }
      };

  @Test
  @DisplayName("a verified password is not re-hashed within the TTL; a wrong one always is")
  void remembersOnlySuccess() {
    VerifiedPasswordCache cache =
        new VerifiedPasswordCache(counting, Duration.ofMinutes(5), Clock.systemUTC());
    String hash = cache.encode("correct horse");
    assertThat(cache.matches("correct horse", hash)).isTrue();
    assertThat(cache.matches("correct horse", hash)).isTrue();
    assertThat(bcryptCalls).hasValue(1);
    assertThat(cache.matches("wrong", hash)).isFalse();
    assertThat(cache.matches("wrong", hash)).isFalse();
    assertThat(bcryptCalls).hasValue(3);
  }

  @Test
  @DisplayName("a changed password (a new hash) never matches a remembered old one")
  void newHashInvalidates() {
    VerifiedPasswordCache cache =
        new VerifiedPasswordCache(counting, Duration.ofMinutes(5), Clock.systemUTC());
    String oldHash = cache.encode("old password");
    assertThat(cache.matches("old password", oldHash)).isTrue();
    String newHash = cache.encode("new password");
    assertThat(cache.matches("old password", newHash)).isFalse();
  }

  @Test
  @DisplayName("after the TTL the password is checked by bcrypt again")
  void expires() {
    Instant[] now = {Instant.parse("2026-11-27T00:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5), clock);
    String hash = cache.encode("pw-12345678");
    cache.matches("pw-12345678", hash);
    now[0] = now[0].plus(Duration.ofMinutes(6));
    cache.matches("pw-12345678", hash);
    assertThat(bcryptCalls).hasValue(2);
  }
}
