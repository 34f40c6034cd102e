package org.xinfang.leadership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A roster entry to add.
 *
 * @param kind RECEPTION when absent
 * @param leader the leader on duty (user name); the signed-in user when absent
 * @param organisationId the organ receiving; the leader's organisation when absent
 */
public record NewDuty(
    ReceptionKind kind,
    @NotNull LocalDate date,
    @NotBlank @Size(max = 200) String place,
    @Size(max = 200) String destination,
    @Size(max = 64) String leader,
    @Size(max = 64) String organisationId) {}
