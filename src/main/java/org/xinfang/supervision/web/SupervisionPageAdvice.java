package org.xinfang.supervision.web;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.web.pages.PageAdvice;
import org.xinfang.shared.LawViolation;

/**
 * What the workbench layout's header needs on the supervision pages (the signed-in user, the page's
 * own address for the language switch), and how those pages answer a missing or forbidden order or
 * check: as a page, not as the API's problem JSON.
 */
@ControllerAdvice(assignableTypes = SupervisionPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupervisionPageAdvice extends PageAdvice {

  SupervisionPageAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/supervision",
        new ErrorText("sup.error.notFound", "sup.error.notFound.detail"),
        ErrorText.titled("sup.problem.forbidden"));
  }

  @ExceptionHandler(LawViolation.class)
  ModelAndView refused(LawViolation e) {
    return refusal(HttpStatus.CONFLICT, "sup.problem.refused", e);
  }
}
