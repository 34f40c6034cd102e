package org.xinfang.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.web.pages.PageAdvice;

/**
 * What the ledger pages show in the workbench header (the signed-in user, the language switch), and
 * how they answer when a ledger is missing or not the user's: as the workbench's error page.
 */
@ControllerAdvice(assignableTypes = LedgerPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerPagesAdvice extends PageAdvice {

  LedgerPagesAdvice(CurrentActor currentActor, MessageSource messages) {
    super(
        currentActor,
        messages,
        "/ledgers",
        new ErrorText("wb.error.notFound", "wb.error.notFound.detail"),
        ErrorText.titled("ledger.error.forbidden"));
  }

  /** A form posted and shown again switches language on the ledgers' home, not on the post. */
  @Override
  protected String pageAddress(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) ? super.pageAddress(request) : home();
  }
}
