package org.xinfang.conference.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.SignedIn;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/**
 * What the workbench layout's header needs on the conference pages (the signed-in user, the page's
 * own address for the language switch), and how those pages answer a missing or forbidden meeting:
 * as a page, not as the API's problem JSON.
 */
@ControllerAdvice(assignableTypes = ConferencePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConferencePageAdvice {

  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final MessageSource messages;

  ConferencePageAdvice(
      CurrentActor currentActor, Organisations organisations, MessageSource messages) {
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.messages = messages;
  }

  @ModelAttribute("me")
  SignedIn me() {
    return currentActor.signedIn().orElse(null);
  }

  @ModelAttribute("selfUrl")
  String selfUrl(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound(NotFound e) {
    return error(
        HttpStatus.NOT_FOUND, msg("conf.error.notFound"), msg("conf.error.notFound.detail"));
  }

  @ExceptionHandler(Forbidden.class)
  ModelAndView forbidden(Forbidden e) {
    return error(HttpStatus.FORBIDDEN, msg("conf.problem.forbidden"), e.getMessage());
  }

  @ExceptionHandler(LawViolation.class)
  ModelAndView refused(LawViolation e) {
    return error(HttpStatus.CONFLICT, msg("conf.problem.refused"), e.getMessage());
  }

  private ModelAndView error(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("workbench/error", status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("message", message);
    page.addObject("me", me());
    page.addObject("selfUrl", "/conferences");
    return page;
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
