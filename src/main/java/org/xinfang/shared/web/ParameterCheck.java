package org.xinfang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters the server cannot read as sent are refused before anything else reads them, with a
 * problem (API.md Conventions: never a 500 for bad input; nothing silently altered):
 *
 * <ul>
 *   <li>a query or form parameter whose bytes are not valid in the request's encoding → 400;
 *   <li>a text field of a multipart form that is not valid UTF-8 (the container would store U+FFFD
 *       in its place) → 400 naming it;
 *   <li>a file name holding U+0000 → 400; a part over the upload limits → 413.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ParameterCheck extends OncePerRequestFilter {

  /**
   * Text fields of a form are small; a longer one is a file sent as text and left to its reader.
   */
  private static final long TEXT_FIELD_BYTES = 2L * 1024 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String field;
    try {
      request.getParameterMap();
      field = multipart(request) ? unreadableField(request) : null;
    } catch (RuntimeException e) {
      if (caused(e, "SizeLimitExceededException")) {
        RequestSizeLimit.problem(
            response, 413, "too-large", "Content too large", "A file is larger than allowed.");
        return;
      }
      if (caused(e, "InvalidFileNameException")) {
        invalid(response, "file", "The file name holds a character a file name cannot.");
        return;
      }
      if (caused(e, "InvalidParameterException")) {
        invalid(response, "parameters", "A parameter is not valid in the request's encoding.");
        return;
      }
      throw e;
    }
    if (field != null) {
      invalid(response, field, "'" + field + "' is not valid UTF-8.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/form-data");
  }

  /** The first text field (no file name) whose bytes are not valid text, or null. */
  private static String unreadableField(HttpServletRequest request)
      throws IOException, ServletException {
    Charset charset =
        request.getCharacterEncoding() == null
            ? StandardCharsets.UTF_8
            : Charset.forName(request.getCharacterEncoding());
    for (Part part : request.getParts()) {
      if (part.getSubmittedFileName() != null || part.getSize() > TEXT_FIELD_BYTES) {
        continue;
      }
      try (InputStream in = part.getInputStream()) {
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(in.readAllBytes()));
      } catch (CharacterCodingException e) {
        return part.getName();
      }
    }
    return null;
  }

  private static boolean caused(Throwable e, String simpleName) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getClass().getSimpleName().endsWith(simpleName)) {
        return true;
      }
    }
    return false;
  }

  private static void invalid(HttpServletResponse response, String field, String detail)
      throws IOException {
    RequestSizeLimit.problem(response, 400, "invalid-input", "Invalid input", detail, field);
  }
}
