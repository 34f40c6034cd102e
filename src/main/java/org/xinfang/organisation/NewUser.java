package org.xinfang.organisation;

import java.util.Set;

/** What it takes to create a user; the password is given in clear and stored only as a hash. */
public record NewUser(
    String username, String password, String displayName, String organisationId, Set<Role> roles) {

  @Override
  public String toString() {
    return "NewUser[username=%s, displayName=%s, organisationId=%s, roles=%s]"
        .formatted(username, displayName, organisationId, roles);
  }
}
