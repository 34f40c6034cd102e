package org.xinfang.organisation.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.SignedIn;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.NotFound;

/**
 * The base of a module's page advice: what the workbench layout's header needs on the module's
 * pages (the signed-in user as {@code me}, the page's own address as {@code selfUrl} for the
 * language switch), and how those pages answer a missing or forbidden thing: as the workbench's
 * error page, not as the API's problem JSON.
 *
 * <p>A module subclasses it as a {@code @ControllerAdvice} scoped to its page controllers, giving
 * its home address (where the error page's language switch leads) and the texts of its 404 and 403
 * pages. A refusal the module's pages answer otherwise (a refused act, bad input) it handles in its
 * subclass with {@link #refusal}.
 */
public abstract class PageAdvice {

  /**
   * What an error page shows for one kind of refusal.
   *
   * @param titleKey the message key of the page's title
   * @param detailKey the message key of the page's message; {@code null} shows the exception's own
   *     message instead
   */
  public record ErrorText(String titleKey, String detailKey) {

    /** A title key, and the exception's own message below it. */
    public static ErrorText titled(String titleKey) {
      return new ErrorText(titleKey, null);
    }
  }

  private final CurrentActor currentActor;
  private final MessageSource messages;
  private final String home;
  private final ErrorText notFound;
  private final ErrorText forbidden;

  /**
   * @param home the module's home address: the error page's language switch leads there
   * @param notFound what a {@link NotFound} page shows
   * @param forbidden what a {@link Forbidden} page shows
   */
  protected PageAdvice(
      CurrentActor currentActor,
      MessageSource messages,
      String home,
      ErrorText notFound,
      ErrorText forbidden) {
    this.currentActor = currentActor;
    this.messages = messages;
    this.home = home;
    this.notFound = notFound;
    this.forbidden = forbidden;
  }

  @ModelAttribute("me")
  public SignedIn me() {
    return currentActor.signedIn().orElse(null);
  }

  @ModelAttribute("selfUrl")
  public String selfUrl(HttpServletRequest request) {
    return pageAddress(request);
  }

  /**
   * The {@code selfUrl} of a page: its path within the application. A subclass may answer otherwise
   * (override this, not {@link #selfUrl}, which carries the annotation).
   */
  protected String pageAddress(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ExceptionHandler(NotFound.class)
  public ModelAndView notFound(NotFound e) {
    return errorPage(HttpStatus.NOT_FOUND, notFound, e);
  }

  @ExceptionHandler(Forbidden.class)
  public ModelAndView forbidden(Forbidden e) {
    return errorPage(HttpStatus.FORBIDDEN, forbidden, e);
  }

  /** The error page with this title key and the exception's own message. */
  protected ModelAndView refusal(HttpStatus status, String titleKey, RuntimeException e) {
    return errorPage(status, msg(titleKey), e.getMessage());
  }

  private ModelAndView errorPage(HttpStatus status, ErrorText text, RuntimeException e) {
    return errorPage(
        status,
        msg(text.titleKey()),
        text.detailKey() == null ? e.getMessage() : msg(text.detailKey()));
  }

  /**
   * The workbench error page. Exception handlers do not get the model attributes above: the page
   * gets them here, with the module's home as its address.
   */
  protected ModelAndView errorPage(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("workbench/error", status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("message", message);
    page.addObject("me", me());
    page.addObject("selfUrl", home);
    return page;
  }

  /** The module's home address. */
  protected String home() {
    return home;
  }

  /** The text of a message key in the request's language (the key itself when it has none). */
  protected String msg(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
