package org.xinfang.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.xinfang.organisation.Actor;

/**
 * Deployment-wide access settings ({@code xinfang.security.*}).
 *
 * @param adminActsAnywhere whether the bootstrap {@code admin} may act for any organisation (API.md
 *     Users: for set-up and the acceptance checks; every such act is marked in the history). A
 *     production deployment switches it off.
 */
@ConfigurationProperties(prefix = "xinfang.security")
public record AccessPolicy(@DefaultValue("true") boolean adminActsAnywhere) {

  /** Whether this actor may act for organisations other than their own. */
  public boolean actsAnywhere(Actor actor) {
    return adminActsAnywhere && actor != null && actor.bootstrapAdmin();
  }
}
