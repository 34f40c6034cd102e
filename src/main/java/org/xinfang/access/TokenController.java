package org.xinfang.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Role;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.NotFound;

@Tag(
    name = "API tokens",
    description =
        "Revocable bearer tokens: send `Authorization: Bearer xft_…` instead of HTTP Basic. The"
            + " secret is shown once, when the token is made; an unknown, revoked or expired"
            + " token, or one whose user is disabled, is refused with 401.")
@RestController
@RequestMapping("/api/tokens")
class TokenController {

  /** The body of {@code POST /api/tokens}. */
  record NewTokenRequest(
      @Schema(description = "what the token is for, e.g. the client's name")
          @NotBlank
          @Size(max = 100)
          String name,
      @Schema(description = "the last day the token is valid (YYYY-MM-DD); none: until revoked")
          LocalDate expiresOn) {}

  /** A token as listed: never its secret. */
  record TokenView(
      String id,
      String username,
      String name,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      OffsetDateTime lastUsedAt) {

    static TokenView of(ApiTokens.Token t) {
      return new TokenView(
          t.id(),
          t.username(),
          t.name(),
          t.createdAt(),
          t.expiresAt(),
          t.revokedAt(),
          t.lastUsedAt());
    }
  }

  /** A token just made, with its secret: shown this once. */
  record IssuedTokenView(
      String id,
      String username,
      String name,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      @Schema(description = "the secret for `Authorization: Bearer …`; shown only this once")
          String token) {}

  private final ApiTokens tokens;
  private final CurrentActor currentActor;

  TokenController(ApiTokens tokens, CurrentActor currentActor) {
    this.tokens = tokens;
    this.currentActor = currentActor;
  }

  @Operation(
      summary = "Make an API token for the signed-in user",
      description =
          "201 with the secret (`token`, beginning `xft_`), shown only this once; only its SHA-256"
              + " is kept. `expiresOn` (optional) is the last day it is valid.")
  @PostMapping
  ResponseEntity<IssuedTokenView> issue(@Valid @RequestBody NewTokenRequest body) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn != null && "bearer-token".equals(signedIn.getDetails())) {
      // a token minting tokens would outlive its own revocation
      throw new Forbidden(
          "token-from-password (access)",
          "A token is made by a user signed in with their password, not by another token.");
    }
    Actor actor = currentActor.get();
    ApiTokens.Issued issued = tokens.issue(actor.username(), body.name(), body.expiresOn());
    ApiTokens.Token t = issued.token();
    return ResponseEntity.created(URI.create("/api/tokens/" + t.id()))
        .body(
            new IssuedTokenView(
                t.id(), t.username(), t.name(), t.createdAt(), t.expiresAt(), issued.secret()));
  }

  @Operation(summary = "The signed-in user's tokens (without their secrets), newest first")
  @GetMapping
  List<TokenView> mine() {
    return tokens.of(currentActor.get().username()).stream().map(TokenView::of).toList();
  }

  @Operation(
      summary = "Revoke a token",
      description =
          "Your own tokens; administrators may revoke anyone's. 204; 404 for a token that is not"
              + " yours (or does not exist).")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable String id) {
    Actor actor = currentActor.get();
    ApiTokens.Token token =
        tokens
            .find(id)
            .filter(t -> t.username().equals(actor.username()) || actor.has(Role.ADMIN))
            .orElseThrow(() -> new NotFound("token " + id));
    tokens.revoke(token.id());
    return ResponseEntity.noContent().build();
  }
}
