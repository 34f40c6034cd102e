package org.xinfang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xinfang.shared.RecordableText;

/**
 * Parameters the server cannot read as sent are refused before anything else reads them, with a
 * problem (API.md Conventions: never a 500 for bad input): a query parameter, or a parameter of a
 * URL-encoded form, whose bytes are not valid in its encoding → 400; too many of them → 413.
 *
 * <p>A multipart body is not read here: that would read (and spool to disk) an upload before the
 * request is authenticated. Its query string is checked on its own; its parts are read by the
 * multipart resolver after authentication, and their refusals are answered where that happens
 * ({@link ProblemHandler}, the pages' advice, {@link TextCheck} for text that is not UTF-8).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ParameterCheck extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (TextCheck.multipart(request)) {
      if (!readable(request.getQueryString())) {
        invalid(response, "The query's parameters are not valid UTF-8.");
        return;
      }
    } else {
      try {
        request.getParameterMap();
      } catch (InvalidParameterException e) {
        if (e.getErrorCode() == 413) {
          RequestSizeLimit.problem(
              response, 413, "too-large", "Content too large", "There are too many parameters.");
        } else {
          invalid(response, "The request's parameters could not be read as sent.");
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Whether every percent-encoded name and value of a query decodes to UTF-8. */
  static boolean readable(String query) {
    if (query == null) {
      return true;
    }
    for (String pair : query.split("&")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int i = 0; i < pair.length(); i++) {
        char c = pair.charAt(i);
        if (c == '%') {
          if (i + 2 >= pair.length()) {
            return false;
          }
          int hi = Character.digit(pair.charAt(i + 1), 16);
          int lo = Character.digit(pair.charAt(i + 2), 16);
          if (hi < 0 || lo < 0) {
            return false;
          }
          bytes.write(hi * 16 + lo);
          i += 2;
        } else {
          bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!RecordableText.isUtf8(bytes.toByteArray())) {
        return false;
      }
    }
    return true;
  }

  private static void invalid(HttpServletResponse response, String detail) throws IOException {
    RequestSizeLimit.problem(response, 400, "invalid-input", "Invalid input", detail, "parameters");
  }
}
