package org.xinfang.attachment.web;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.xinfang.access.AccessPolicy;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Role;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.shared.Forbidden;

/**
 * Who may see and add attachments: signed-in staff read them (as they read the petition); the
 * registrars and handlers of the organisation that received or now holds the petition add them.
 */
@Component
class AttachmentAccess {

  private static final Set<Role> UPLOADERS = EnumSet.of(Role.REGISTRAR, Role.HANDLER);

  private final CurrentActor currentActor;
  private final PetitionService petitions;
  private final AccessPolicy policy;

  AttachmentAccess(CurrentActor currentActor, PetitionService petitions, AccessPolicy policy) {
    this.currentActor = currentActor;
    this.petitions = petitions;
    this.policy = policy;
  }

  /**
   * @throws org.xinfang.shared.NotFound for an unknown petition
   */
  void mayRead(String petitionId) {
    petitions.requireReadable(petitionId);
  }

  /**
   * @return the user name to record as the uploader
   * @throws Forbidden for a user without the role or of another organisation
   */
  String mayUpload(String petitionId) {
    Actor actor = currentActor.get();
    PetitionView p = petitions.get(petitionId); // 404 or 403 outside the user's scope
    if (policy.actsAnywhere(actor)) {
      return actor.username();
    }
    if (UPLOADERS.stream().noneMatch(actor::has)) {
      throw new Forbidden(
          "role (API.md Users)", "Adding attachments needs one of the roles " + UPLOADERS + ".");
    }
    String org = actor.organisationId();
    if (org == null || !(org.equals(p.receivedBy()) || org.equals(p.handlingOrganisation()))) {
      throw new Forbidden(
          "own-organisation (API.md Users)",
          "Attachments are added by the organisation that received or holds the petition.");
    }
    return actor.username();
  }
}
