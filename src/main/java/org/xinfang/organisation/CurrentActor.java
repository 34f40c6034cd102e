package org.xinfang.organisation;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.xinfang.shared.Forbidden;

/**
 * The user on whose behalf the current request acts, from Spring Security's context. Read from the
 * database once per request (a page asked for it up to three times): a user disabled before the
 * request began is refused by it, and no answer outlives its request. In an act that may use kept
 * copies ({@link org.xinfang.shared.KeptCopies}) the user may be the one this instance last read,
 * verified by the database before the act commits.
 */
@Component
public class CurrentActor {

  private static final String READ = CurrentActor.class.getName() + ".read";

  /** The user read for this request, by the name it was read for. */
  private record Read(String username, Optional<Actor> actor) {}

  private final Users users;
  private final Organisations organisations;

  public CurrentActor(Users users, Organisations organisations) {
    this.users = users;
    this.organisations = organisations;
  }

  /** The signed-in user as a page header shows them, if there is one. */
  public Optional<SignedIn> signedIn() {
    return find()
        .map(
            a ->
                new SignedIn(
                    a.username(),
                    a.displayName() == null ? a.username() : a.displayName(),
                    a.organisationId() == null
                        ? ""
                        : organisations
                            .find(a.organisationId())
                            .map(Organisation::displayName)
                            .orElse("")));
  }

  /** The signed-in user, if there is one (and they are still enabled). */
  public Optional<Actor> find() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    String username = authentication.getName();
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST) instanceof Read read
        && read.username().equals(username)) {
      return read.actor();
    }
    Optional<Actor> actor = users.find(username);
    // a user kept by this instance (an act that may use kept copies) is verified with that act's
    // writes, and the act decided again on a fresh read if they changed: never remembered for the
    // request, or the second decision would reuse the copy unverified
    if (request != null && !org.xinfang.shared.KeptCopies.allowed()) {
      request.setAttribute(READ, new Read(username, actor), RequestAttributes.SCOPE_REQUEST);
    }
    return actor;
  }

  /**
   * @throws Forbidden when nobody (or no known user) is signed in
   */
  public Actor get() {
    return find().orElseThrow(() -> new Forbidden("signed-in-user", "this needs a signed-in user"));
  }
}
