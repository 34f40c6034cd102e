package org.xinfang.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters as RFC 9457 problem details, like every other API error
 * (API.md Conventions); the 401 names the Basic realm so clients know how to sign in.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "xinfang";

  /** The same problem types as the application's problem handler. */
  private static final String TYPE_BASE = "https://xinfang.org/problems/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    if (authException instanceof SignInLocked locked) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "sign-in-locked",
          "Sign-in locked",
          "Too many failed sign-ins for this user name; it is locked until " + locked.until() + ".",
          SignInLocked.RULE + " (repeated failed sign-ins)");
      return;
    }
    if (authException instanceof InvalidBearerToken) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "invalid-token",
          "Invalid bearer token",
          authException.getMessage(),
          null);
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "Sign-in required",
        "Sign in with HTTP Basic (the user's name and password) or a bearer API token.",
        null);
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "Not allowed for this user",
        "Your roles do not allow this.",
        null);
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail,
      String rule)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPE_BASE + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    if (rule != null) {
      problem.put("rule", rule);
    }
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
