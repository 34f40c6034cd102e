package org.xinfang.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;

/**
 * For every portal page: the language switch keeps the page (and its query) and the errors are
 * pages in the citizen's language, never a JSON problem or a stack trace.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

  private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

  /** The same page in the other language (the query kept on GET pages), as a path. */
  @ModelAttribute("langUrl")
  String langUrl(HttpServletRequest request, Locale locale) {
    String target = locale.getLanguage().equals("en") ? "zh-CN" : "en";
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI());
    if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
      b.query(request.getQueryString());
    }
    return b.replaceQueryParam("lang", target).build().toUriString();
  }

  @ExceptionHandler(TooManyRequests.class)
  String tooMany(TooManyRequests e, HttpServletResponse response, Model model) {
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    model.addAttribute("minutes", (seconds + 59) / 60);
    return "portal/too-many";
  }

  @ExceptionHandler(InvalidInput.class)
  String invalid(InvalidInput e, HttpServletResponse response, Model model) {
    response.setStatus(400);
    model.addAttribute("messageKey", "portal.error.badRequest");
    return "portal/error";
  }

  @ExceptionHandler(NotFound.class)
  String notFound(NotFound e, HttpServletResponse response, Model model) {
    response.setStatus(404);
    model.addAttribute("messageKey", "portal.error.notFound");
    return "portal/error";
  }

  @ExceptionHandler(Exception.class)
  String unexpected(
      Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    log.error(
        "portal: unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    response.setStatus(500);
    model.addAttribute("messageKey", "portal.error.unexpected");
    return "portal/error";
  }
}
