package org.xinfang.leadership.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.shared.Forbidden;

/** Which organisations' figures the signed-in user may ask for, and today's date. */
@Component
class Scopes {

  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final Clock clock;

  Scopes(CurrentActor currentActor, Organisations organisations, Clock clock) {
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
  }

  /**
   * The jurisdiction of {@code organisation} (default: the user's own), when the user may see it:
   * their own organisation; as supervisor or leader, one within their jurisdiction.
   */
  Set<String> jurisdiction(String organisation) {
    Actor actor = currentActor.get();
    String org =
        organisation == null || organisation.isBlank()
            ? actor.organisationId()
            : organisation.strip();
    if (org == null) {
      return Set.of();
    }
    boolean wide = actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER);
    boolean allowed =
        actor.bootstrapAdmin()
            || (wide && organisations.jurisdiction(actor.organisationId()).contains(org))
            || (!wide && org.equals(actor.organisationId()));
    if (!allowed) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the figures of their own organisation (a supervisor or leader: of their"
              + " jurisdiction).");
    }
    return wide || actor.bootstrapAdmin() ? organisations.jurisdiction(org) : Set.of(org);
  }
}
