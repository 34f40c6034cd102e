package org.xinfang.bulletin;

import org.springframework.stereotype.Component;
import org.xinfang.petition.Category;
import org.xinfang.petition.PetitionService;

/**
 * Whether a petition is an accusation: a bulletin names nothing of one, so no line or count can
 * reveal it to the accused (条例 Art. 30 para. 3). Only the category is asked; nothing is shown.
 */
@Component
class Confidential {

  private final PetitionService petitions;

  Confidential(PetitionService petitions) {
    this.petitions = petitions;
  }

  boolean accusation(String petitionId) {
    if (petitionId == null || !petitions.exists(petitionId)) {
      return false;
    }
    return petitions.getWithoutScope(petitionId).category() == Category.ACCUSATION;
  }
}
