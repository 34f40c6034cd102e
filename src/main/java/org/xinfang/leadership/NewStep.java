package org.xinfang.leadership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A step added to a package's plan: what, which organisation owes it, by when. */
public record NewStep(
    @NotBlank @Size(max = 500) String title,
    @NotBlank @Size(max = 64) String owedBy,
    @NotNull LocalDate due) {}
