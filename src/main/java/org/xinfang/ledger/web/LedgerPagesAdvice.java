package org.xinfang.ledger.web;

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
import org.xinfang.ledger.Ledgers;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.SignedIn;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.NotFound;

/**
 * What the ledger pages show in the workbench header (the signed-in user, the language switch), and
 * how they answer when a ledger is missing or not the user's: as the workbench's error page.
 */
@ControllerAdvice(assignableTypes = LedgerPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerPagesAdvice {

  private final CurrentActor currentActor;
  private final Ledgers ledgers;
  private final MessageSource messages;

  LedgerPagesAdvice(CurrentActor currentActor, Ledgers ledgers, MessageSource messages) {
    this.currentActor = currentActor;
    this.ledgers = ledgers;
    this.messages = messages;
  }

  @ModelAttribute("me")
  SignedIn me() {
    return currentActor.signedIn().orElse(null);
  }

  @ModelAttribute("selfUrl")
  String selfUrl(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod()) ? path : "/ledgers";
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound(NotFound e) {
    return error(HttpStatus.NOT_FOUND, msg("wb.error.notFound"), msg("wb.error.notFound.detail"));
  }

  @ExceptionHandler(Forbidden.class)
  ModelAndView forbidden(Forbidden e) {
    return error(HttpStatus.FORBIDDEN, msg("ledger.error.forbidden"), e.getMessage());
  }

  private ModelAndView error(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("workbench/error", status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("message", message);
    page.addObject("me", me());
    page.addObject("selfUrl", "/ledgers");
    return page;
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
