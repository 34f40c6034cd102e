package org.xinfang.conference.web;

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
 * What the workbench layout's header needs on the conference pages (the signed-in user, the page's
 * own address for the language switch), and how those pages answer a missing or forbidden meeting:
 * as a page, not as the API's problem JSON.
 */
@ControllerAdvice(assignableTypes = ConferencePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConferencePageAdvice extends PageAdvice {

  ConferencePageAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/conferences",
        new ErrorText("conf.error.notFound", "conf.error.notFound.detail"),
        ErrorText.titled("conf.problem.forbidden"));
  }

  @ExceptionHandler(LawViolation.class)
  ModelAndView refused(LawViolation e) {
    return refusal(HttpStatus.CONFLICT, "conf.problem.refused", e);
  }
}
