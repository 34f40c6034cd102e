package org.xinfang.access;

import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.xinfang.organisation.Users;

/**
 * Sign-in with a user name and password (HTTP Basic on the API, the form at {@code /login}),
 * guarded against guessing: a locked name is refused before its password is looked at; each failure
 * is counted (for unknown names too, with the same answer), a success clears them. A password
 * longer than any stored one is a failure without hashing it. The password check itself, and the
 * upgrade of an old hash to the current algorithm, are the delegate's (a {@code
 * DaoAuthenticationProvider}).
 */
final class GuardedSignIn implements AuthenticationProvider {

  private final AuthenticationProvider delegate;
  private final SignInAttempts attempts;

  GuardedSignIn(AuthenticationProvider delegate, SignInAttempts attempts) {
    this.delegate = delegate;
    this.attempts = attempts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    SignInAttempts.State state = attempts.state(username);
    if (state.lockedAt(attempts.now())) {
      throw new SignInLocked(state.lockedUntil(), attempts.now());
    }
    Object credentials = authentication.getCredentials();
    if (credentials != null
        && credentials.toString().getBytes(StandardCharsets.UTF_8).length
            > Users.MAX_PASSWORD_BYTES) {
      throw failure(username, new BadCredentialsException("Bad credentials"));
    }
    Authentication result;
    try {
      result = delegate.authenticate(authentication);
    } catch (BadCredentialsException | AccountStatusException e) {
      throw failure(username, e);
    }
    attempts.succeeded(username, state);
    return result;
  }

  /** Counts the failure; the one that locks the name answers that it is locked now. */
  private AuthenticationException failure(String username, AuthenticationException e) {
    java.time.Instant lockedUntil = attempts.failed(username);
    return lockedUntil == null ? e : new SignInLocked(lockedUntil, attempts.now());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
