package org.xinfang.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/organisations}; {@code id} is optional (a UUID is given). */
record NewOrganisationRequest(
    @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 50) String shortName,
    @NotBlank String level,
    @NotBlank String type,
    @Size(max = 64) String parentId,
    @NotBlank @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String regionCode,
    @Size(max = 40) String line,
    Boolean vertical) {}
