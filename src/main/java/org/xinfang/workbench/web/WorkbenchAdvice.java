package org.xinfang.workbench.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;

/**
 * What every workbench page shows in its header (the signed-in user and organisation, the language
 * switch), and how a page answers when something is missing or not allowed: as a page, not as the
 * API's problem JSON.
 */
@ControllerAdvice(basePackageClasses = WorkbenchAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchAdvice {

  private static final Logger log = LoggerFactory.getLogger(WorkbenchAdvice.class);

  private final CurrentActor currentActor;
  private final OrganisationChoices organisations;
  private final Labels labels;
  private final Problems problems;

  WorkbenchAdvice(
      CurrentActor currentActor,
      OrganisationChoices organisations,
      Labels labels,
      Problems problems) {
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.labels = labels;
    this.problems = problems;
  }

  /** The signed-in user as the header shows them. */
  public record Me(
      String username, String displayName, String organisationName, boolean bootstrapAdmin) {}

  @ModelAttribute("me")
  Me me() {
    return currentActor
        .find()
        .map(
            a ->
                new Me(
                    a.username(),
                    a.displayName() == null ? a.username() : a.displayName(),
                    organisations.name(a.organisationId()),
                    a.bootstrapAdmin()))
        .orElse(null);
  }

  /** This page's address without {@code lang}: the language switch links to it. */
  @ModelAttribute("selfUrl")
  String selfUrl(HttpServletRequest request) {
    return selfUrlOf(request);
  }

  static String selfUrlOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"GET".equals(request.getMethod()) || request.getQueryString() == null) {
      return path;
    }
    List<String> kept = new ArrayList<>();
    for (String part : request.getQueryString().split("&")) {
      if (!part.isEmpty() && !part.startsWith("lang=")) {
        kept.add(part);
      }
    }
    return kept.isEmpty() ? path : path + "?" + String.join("&", kept);
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound(NotFound e, HttpServletRequest request) {
    return errorPage(
        HttpStatus.NOT_FOUND,
        labels.msg("wb.error.notFound"),
        labels.msg("wb.error.notFound.detail"),
        request);
  }

  @ExceptionHandler(Forbidden.class)
  ModelAndView forbidden(Forbidden e, HttpServletRequest request) {
    Problem p = problems.of(e);
    return errorPage(HttpStatus.FORBIDDEN, p.title(), p.message(), request);
  }

  /** Input refused before any page could take it (text a record cannot hold): 400, as a page. */
  @ExceptionHandler(InvalidInput.class)
  ModelAndView invalid(InvalidInput e, HttpServletRequest request) {
    return errorPage(
        HttpStatus.BAD_REQUEST,
        labels.msg("wb.error.badRequest"),
        labels.msg("wb.error.badRequest.detail")
            + " ("
            + String.join(", ", e.fields().keySet())
            + ")",
        request);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse mvc && mvc.getStatusCode().is4xxClientError()) {
      // Spring's own refusals of a request (a missing parameter, a wrong method…): not our failure
      HttpStatus status = HttpStatus.valueOf(mvc.getStatusCode().value());
      return errorPage(
          status,
          labels.msg("wb.error.badRequest"),
          labels.msg("wb.error.badRequest.detail"),
          request);
    }
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return errorPage(
        HttpStatus.INTERNAL_SERVER_ERROR,
        labels.msg("wb.error.unexpected"),
        labels.msg("wb.error.unexpected.detail"),
        request);
  }

  /** Exception handlers do not get the model attributes above: the error page gets them here. */
  private ModelAndView errorPage(
      HttpStatus status, String title, String message, HttpServletRequest request) {
    ModelAndView page = new ModelAndView("workbench/error", status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("message", message);
    page.addObject("me", me());
    page.addObject("selfUrl", "/");
    return page;
  }

  /** Whether this actor picks the organisation they work for (the bootstrap admin). */
  static boolean picksOrganisation(Actor actor) {
    return actor.bootstrapAdmin()
        || actor.organisationId() == null
        || actor.has(org.xinfang.organisation.Role.SUPERVISOR)
        || actor.has(org.xinfang.organisation.Role.LEADER);
  }
}
