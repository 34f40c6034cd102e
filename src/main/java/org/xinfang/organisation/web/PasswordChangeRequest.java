package org.xinfang.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/users/me/password}: the current password and the new one. */
record PasswordChangeRequest(
    @NotBlank @Size(max = 128) String currentPassword,
    @NotBlank @Size(min = 8, max = 128) String password) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[…]";
  }
}
