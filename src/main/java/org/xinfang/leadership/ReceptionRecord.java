package org.xinfang.leadership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a reception or outreach visit recorded.
 *
 * @param names the visitors' names, masked in every view (optional)
 */
public record ReceptionRecord(
    LocalDate heldOn,
    int visitors,
    String names,
    String notes,
    String recordedBy,
    OffsetDateTime recordedAt,
    List<ReceptionPetition> petitions) {}
