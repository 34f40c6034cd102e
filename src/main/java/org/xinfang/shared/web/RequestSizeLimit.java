package org.xinfang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * API.md Limits: a JSON request body over 1 MiB is answered 413 — by its declared length, or, for
 * chunked bodies, as soon as the 1 MiB is crossed while reading. Multipart uploads (attachments)
 * are limited by Spring's multipart settings instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  static final long MAX_BYTES = 1024 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      tooLarge(response);
      return;
    }
    try {
      chain.doFilter(new Limited(request), response);
    } catch (BodyTooLarge e) {
      if (!response.isCommitted()) {
        response.reset();
        tooLarge(response);
      }
    } catch (ServletException e) {
      if (hasCause(e, BodyTooLarge.class) && !response.isCommitted()) {
        response.reset();
        tooLarge(response);
      } else {
        throw e;
      }
    }
  }

  private static boolean hasCause(Throwable t, Class<?> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  static void tooLarge(HttpServletResponse response) throws IOException {
    problem(
        response, 413, "too-large", "Content too large", "The request body is larger than 1 MiB.");
  }

  /** A problem answered before any controller (RFC 9457), optionally naming one field. */
  static void problem(
      HttpServletResponse response,
      int status,
      String type,
      String title,
      String detail,
      String... field)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemHandler.TYPE_BASE + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (field.length > 0) {
      body.put("fields", Map.of(field[0], detail));
    }
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("request body over 1 MiB");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              long count;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++count > MAX_BYTES) {
                  throw new BodyTooLarge();
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0 && (count += n) > MAX_BYTES) {
                  throw new BodyTooLarge();
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
