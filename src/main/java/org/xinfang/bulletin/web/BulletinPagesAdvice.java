package org.xinfang.bulletin.web;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.web.pages.PageAdvice;

/**
 * What the workbench layout's header needs on the bulletin pages (the signed-in user, the page's
 * own address for the language switch), and how those pages answer a missing or forbidden bulletin:
 * as a page, not as the API's problem JSON. First of the advice, as the page controller's own
 * handlers were.
 */
@ControllerAdvice(assignableTypes = BulletinPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BulletinPagesAdvice extends PageAdvice {

  BulletinPagesAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/bulletins",
        ErrorText.titled("bulletin.error.notFound"),
        ErrorText.titled("bulletin.error.forbidden"));
  }
}
