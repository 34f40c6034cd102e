package org.xinfang.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xinfang.organisation.UserCredentials;

/**
 * {@code Authorization: Bearer <secret>} on the API: signs the request in as the token's user, or
 * answers 401 problem details when the token is unknown, revoked or expired or its user disabled.
 * Requests without a bearer token pass on (to HTTP Basic).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "bearer ";

  private final ApiTokens tokens;
  private final ProblemResponses problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null
        || header.length() < BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserCredentials> user = tokens.authenticate(header.substring(BEARER.length()).strip());
    if (user.isEmpty()) {
      contexts.clearContext();
      problems.commence(request, response, new InvalidBearerToken());
      return;
    }
    UserCredentials u = user.get();
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            u.username(),
            null,
            u.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
    authentication.setDetails("bearer-token");
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
