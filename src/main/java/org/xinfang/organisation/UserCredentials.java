package org.xinfang.organisation;

import java.util.Set;

/** What sign-in needs to know about a user: the stored hash, whether enabled, the roles. */
public record UserCredentials(
    String username, String passwordHash, boolean enabled, Set<Role> roles) {

  @Override
  public String toString() {
    return "UserCredentials[username=%s, enabled=%s, roles=%s]".formatted(username, enabled, roles);
  }
}
