package org.xinfang.organisation.web;

import java.util.List;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.Role;

/** A user as the API shows it: never the password or its hash. */
record UserView(
    String username,
    String displayName,
    String organisationId,
    List<String> roles,
    boolean bootstrapAdmin) {

  static UserView of(Actor a) {
    return new UserView(
        a.username(),
        a.displayName(),
        a.organisationId(),
        a.roles().stream().map(Role::name).toList(),
        a.bootstrapAdmin());
  }
}
