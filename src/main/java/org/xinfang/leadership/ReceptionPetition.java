package org.xinfang.leadership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A petition a reception dealt with.
 *
 * @param outcome {@code REGISTERED} (a new matter registered on the spot) or {@code ADVANCED} (an
 *     existing matter moved on)
 */
public record ReceptionPetition(
    @NotBlank @Size(max = 36) String petitionId, @NotNull Outcome outcome) {

  /** What the reception did with the petition. */
  public enum Outcome {
    REGISTERED,
    ADVANCED
  }
}
