package org.xinfang.leadership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A leader takes charge of one petition or a group of related ones.
 *
 * @param receivingOrg the organ that drives the procedure (程序推进)
 * @param handlingOrg the organ that solves the substance (实质解决)
 * @param on the day taken; today when absent
 */
public record NewPackage(
    @NotBlank @Size(max = 200) String title,
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 36) String> petitionIds,
    @NotBlank @Size(max = 64) String receivingOrg,
    @NotBlank @Size(max = 64) String handlingOrg,
    LocalDate on) {}
