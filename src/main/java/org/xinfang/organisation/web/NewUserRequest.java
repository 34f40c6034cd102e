package org.xinfang.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/users} (API.md Users). */
record NewUserRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.@-]{1,64}") String username,
    @NotBlank @Size(min = 8, max = 128) String password,
    @NotBlank @Size(max = 100) String displayName,
    @Size(max = 64) String organisationId,
    @NotEmpty List<@NotBlank String> roles) {

  @Override
  public String toString() {
    return "NewUserRequest[username=%s, displayName=%s, organisationId=%s, roles=%s]"
        .formatted(username, displayName, organisationId, roles);
  }
}
