package org.xinfang.figures.web;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.web.pages.PageAdvice;
import org.xinfang.shared.InvalidInput;

/**
 * What the workbench layout's header needs on the figures pages (the signed-in user, the page's own
 * address for the language switch), and how those pages answer a missing or unreadable
 * organisation, or a bad period: as a page, not as the API's problem JSON. First of the advice, as
 * the page controller's own handlers were.
 */
@ControllerAdvice(assignableTypes = FiguresPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FiguresPagesAdvice extends PageAdvice {

  FiguresPagesAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/figures",
        ErrorText.titled("wb.error.notFound"),
        ErrorText.titled("fig.error.forbidden"));
  }

  @ExceptionHandler(InvalidInput.class)
  ModelAndView invalid(InvalidInput e) {
    return refusal(HttpStatus.BAD_REQUEST, "fig.error.invalid", e);
  }
}
