package org.xinfang.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, that a password matched its stored hash.
 * HTTP Basic sends the password with every request; running Argon2id or bcrypt (deliberately slow)
 * on each would cost tens to hundreds of milliseconds per API call. The memory holds only an HMAC,
 * under a key that lives and dies with this process, of the stored hash and the password — never
 * the password — and a changed password (a new hash) never matches an old entry.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

  private static final int MAX_ENTRIES = 10_000;

  private final PasswordEncoder delegate;
  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;
  private final ConcurrentHashMap<String, Long> verified = new ConcurrentHashMap<>();

  VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return false;
    }
    String fingerprint = fingerprint(rawPassword, encodedPassword);
    long now = clock.millis();
    Long until = verified.get(fingerprint);
    if (until != null && until > now) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(fingerprint, now + ttl.toMillis());
    } else if (until != null) {
      verified.remove(fingerprint);
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private String fingerprint(CharSequence raw, String encoded) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encoded.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(raw.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
