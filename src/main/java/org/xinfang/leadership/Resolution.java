package org.xinfang.leadership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How a package's matter was resolved (化解).
 *
 * @param how what was done
 * @param agreement whether the parties reached an agreement
 * @param commitmentSigned whether the petitioner signed a commitment to stop petitioning (息访承诺)
 * @param helpGiven help given, e.g. 司法救助 or 困难帮扶; null when none
 */
public record Resolution(
    @NotBlank @Size(max = 10000) String how,
    boolean agreement,
    boolean commitmentSigned,
    @Size(max = 2000) String helpGiven) {}
