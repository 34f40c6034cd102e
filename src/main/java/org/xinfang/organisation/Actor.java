package org.xinfang.organisation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A signed-in user as the domain sees them: who acts, for which organisation, in which roles.
 *
 * @param organisationId the organisation the user acts for; null only for a pure administrator
 * @param bootstrapAdmin the built-in {@code admin}, who may act anywhere where the deployment
 *     allows
 */
public record Actor(
    String username,
    String displayName,
    String organisationId,
    Set<Role> roles,
    boolean bootstrapAdmin) {

  /** The username of the bootstrap administrator. */
  public static final String BOOTSTRAP_ADMIN = "admin";

  public Actor {
    roles =
        Collections.unmodifiableSet(
            roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
