package org.xinfang.access;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that is unknown, revoked or expired, or whose user is disabled. */
final class InvalidBearerToken extends AuthenticationException {

  InvalidBearerToken() {
    super("The bearer token is unknown, revoked or expired.");
  }
}
