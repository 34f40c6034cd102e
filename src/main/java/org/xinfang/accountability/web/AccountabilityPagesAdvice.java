package org.xinfang.accountability.web;

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
 * What the workbench layout's header needs on the accountability pages (the signed-in user, the
 * page's own address for the language switch), and how those pages answer a missing or forbidden
 * trace or referral, or bad input: as a page, not as the API's problem JSON. First of the advice,
 * as the page controller's own handlers were.
 */
@ControllerAdvice(assignableTypes = AccountabilityPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountabilityPagesAdvice extends PageAdvice {

  AccountabilityPagesAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/accountability",
        new ErrorText("acc.error.notFound", "acc.error.notFound.detail"),
        ErrorText.titled("acc.error.forbidden"));
  }

  @ExceptionHandler(InvalidInput.class)
  ModelAndView invalid(InvalidInput e) {
    return refusal(HttpStatus.BAD_REQUEST, "acc.problem.refused", e);
  }
}
