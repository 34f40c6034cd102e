package org.xinfang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure to an RFC 9457 problem (API.md Conventions): bad input 400 with the offending
 * fields, a refused act 409 with its rule and article, unknown ids 404 — never a 500 for bad input.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  static final String TYPE_BASE = "https://xinfang.org/problems/";

  @ExceptionHandler(LawViolation.class)
  ResponseEntity<Object> lawViolation(LawViolation e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "act-refused", "The law refuses this act", e);
    p.setProperty("rule", e.rule());
    return respond(p);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<Object> notFound(NotFound e) {
    return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e));
  }

  @ExceptionHandler(Forbidden.class)
  ResponseEntity<Object> forbidden(Forbidden e) {
    ProblemDetail p = problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this user", e);
    if (e.rule() != null) {
      p.setProperty("rule", e.rule());
    }
    return respond(p);
  }

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<Object> invalid(InvalidInput e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e);
    p.setProperty("fields", e.fields());
    return respond(p);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> concurrent(OptimisticLockingFailureException e) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Another act on this petition was recorded at the same moment; reload and try again.");
    p.setType(URI.create(TYPE_BASE + "concurrent-act"));
    p.setTitle("Concurrent act");
    p.setProperty("rule", "one-act-at-a-time (optimistic concurrency)");
    return respond(p);
  }

  /**
   * Two transactions waited on each other's rows (a deadlock the database broke by refusing one) or
   * a lock was not had in time: the work of two users at the same moment, refused as the concurrent
   * act is, nothing written.
   */
  @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
  ResponseEntity<Object> locked(org.springframework.dao.PessimisticLockingFailureException e) {
    log.info("lock refused: {}", e.getMostSpecificCause().getMessage());
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Another act was being recorded at the same moment and this request was refused;"
                + " try again.");
    p.setType(URI.create(TYPE_BASE + "concurrent-act"));
    p.setTitle("Concurrent act");
    p.setProperty("rule", "one-act-at-a-time (locks)");
    return respond(p);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
    log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "The data conflicts with what is already recorded.");
    p.setType(URI.create(TYPE_BASE + "conflict"));
    p.setTitle("Conflict");
    return respond(p);
  }

  /**
   * A multipart form the resolver could not read: a part over the limits or too many parts → 413, a
   * file name holding U+0000 or another malformed part → 400 (the container's own refusals).
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> multipart(MultipartException e) {
    boolean tooLarge = e instanceof MaxUploadSizeExceededException;
    for (Throwable c = e; c != null && !tooLarge; c = c.getCause()) {
      tooLarge =
          c.getClass().getSimpleName().endsWith("LimitExceededException")
              || (c instanceof org.apache.tomcat.util.http.InvalidParameterException p
                  && p.getErrorCode() == 413);
    }
    ProblemDetail p =
        tooLarge
            ? ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "A file or the form is larger than allowed.")
            : ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The form could not be read as sent (a file name, a part).");
    p.setType(URI.create(TYPE_BASE + (tooLarge ? "too-large" : "invalid-input")));
    p.setTitle(tooLarge ? "Content too large" : "Invalid input");
    if (!tooLarge) {
      p.setProperty("fields", Map.of("file", "could not be read as sent"));
    }
    return respond(p);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' has an invalid value.");
    p.setType(URI.create(TYPE_BASE + "invalid-input"));
    p.setTitle("Invalid input");
    p.setProperty("fields", Map.of(e.getName(), "invalid value"));
    return respond(p);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; nothing was changed.");
    p.setType(URI.create(TYPE_BASE + "internal"));
    p.setTitle("Internal error");
    return respond(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof RequestSizeLimit.BodyTooLarge) {
        ProblemDetail p =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than 1 MiB.");
        p.setType(URI.create(TYPE_BASE + "too-large"));
        p.setTitle("Content too large");
        return respond(p);
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String detail = "The request body is not valid JSON for this operation.";
    Throwable cause = ex.getCause();
    if (cause instanceof JacksonException je) {
      String path =
          je.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String reason = je.getOriginalMessage();
      if (reason != null && reason.length() > 300) {
        reason = reason.substring(0, 300) + "…";
      }
      if (!path.isEmpty()) {
        fields.put(path, reason == null ? "invalid" : reason);
        detail = "Field '" + path + "' is invalid.";
      } else if (reason != null) {
        detail = "Malformed JSON: " + reason;
      }
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setType(URI.create(TYPE_BASE + "invalid-input"));
    p.setTitle("Invalid input");
    p.setProperty("fields", fields);
    return respond(p);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      fields.putIfAbsent(fe.getField(), fe.getDefaultMessage());
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(ge -> fields.putIfAbsent(ge.getObjectName(), ge.getDefaultMessage()));
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Invalid fields: " + String.join(", ", fields.keySet()));
    p.setType(URI.create(TYPE_BASE + "invalid-input"));
    p.setTitle("Invalid input");
    p.setProperty("fields", fields);
    return respond(p);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    ex.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            fields.putIfAbsent(
                                r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage())));
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Invalid parameters: " + String.join(", ", fields.keySet()));
    p.setType(URI.create(TYPE_BASE + "invalid-input"));
    p.setTitle("Invalid input");
    p.setProperty("fields", fields);
    return respond(p);
  }

  /** Spring's own problems (405, 415, 404 for no route…) get a type too, as API.md asks. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail p) {
      if (p.getType() == null || "about:blank".equals(p.getType().toString())) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String slug =
            status == null
                ? "error-" + statusCode.value()
                : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        p.setType(URI.create(TYPE_BASE + slug));
      }
      if (p.getTitle() == null) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        p.setTitle(status == null ? "Error" : status.getReasonPhrase());
      }
    }
    return response;
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, RuntimeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setType(URI.create(TYPE_BASE + type));
    p.setTitle(title);
    return p;
  }

  private static ResponseEntity<Object> respond(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }
}
