package org.xinfang.leadership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a reception recorded: how many came, their names (optional), petitions, notes. */
public record NewReception(
    @Min(0) @Max(100000) int visitors,
    @Size(max = 2000) String names,
    @Size(max = 10000) String notes,
    @Size(max = 100) List<@Valid ReceptionPetition> petitions) {}
