package org.xinfang.leadership.web;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.web.pages.PageAdvice;

/** What the workbench layout needs on these pages (who is signed in), and how refusals answer. */
@ControllerAdvice(assignableTypes = LeadershipPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the API's problem handler, as the other page advices
class LeadershipPagesAdvice extends PageAdvice {

  LeadershipPagesAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/",
        new ErrorText("wb.error.notFound", "wb.error.notFound.detail"),
        new ErrorText("wb.problem.forbidden", "ld.forbidden"));
  }
}
