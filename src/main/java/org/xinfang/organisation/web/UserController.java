package org.xinfang.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.NewUser;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.NotFound;

@Tag(name = "Users", description = "Who acts for which organisation, in which roles")
@RestController
@RequestMapping("/api/users")
class UserController {

  private final Users users;
  private final CurrentActor currentActor;

  UserController(Users users, CurrentActor currentActor) {
    this.users = users;
    this.currentActor = currentActor;
  }

  @Operation(
      summary = "Create a user (administrators)",
      description =
          "Roles: REGISTRAR, HANDLER, LEADER, SUPERVISOR, ADMIN. 409 if the name is taken. The"
              + " password must have at least 8 characters of at least two classes (letters,"
              + " digits, other), must not contain the user name and must not be one of the"
              + " commonest passwords (else 400 naming password).")
  @PostMapping
  ResponseEntity<UserView> create(@Valid @RequestBody NewUserRequest body) {
    requireAdmin();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    body.roles().forEach(r -> roles.add(Enums.parse(Role.class, "roles", r)));
    Actor created =
        users.create(
            new NewUser(
                body.username(),
                body.password(),
                body.displayName(),
                body.organisationId(),
                roles));
    return ResponseEntity.created(URI.create("/api/users/" + created.username()))
        .body(UserView.of(created));
  }

  @Operation(summary = "All users (administrators)")
  @GetMapping
  List<UserView> all() {
    requireAdmin();
    return users.all().stream().map(UserView::of).toList();
  }

  @Operation(summary = "The signed-in user")
  @GetMapping("/me")
  UserView me() {
    return UserView.of(currentActor.get());
  }

  @Operation(
      summary = "Change the signed-in user's own password",
      description =
          "The current password must match (else 400 naming currentPassword). The new one must"
              + " have at least 8 characters of at least two classes (letters, digits, other),"
              + " must not contain the user name and must not be one of the commonest passwords"
              + " (else 400 naming password).")
  @PostMapping("/me/password")
  ResponseEntity<Void> changeOwnPassword(@Valid @RequestBody PasswordChangeRequest body) {
    users.changeOwnPassword(currentActor.get().username(), body.currentPassword(), body.password());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "One user (administrators)")
  @GetMapping("/{username}")
  UserView one(@PathVariable String username) {
    requireAdmin();
    return users
        .find(username)
        .map(UserView::of)
        .orElseThrow(() -> new NotFound("user " + username));
  }

  private void requireAdmin() {
    if (!currentActor.get().has(Role.ADMIN)) {
      throw new Forbidden("admin-only", "only administrators manage users");
    }
  }
}
