package org.xinfang.support;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * The sessions of the pages live in the database (Spring Session JDBC) and are found by their
 * cookie. MockMvc carries no cookies from one request to the next: the tests carry a {@link
 * org.springframework.mock.web.MockHttpSession} instead. This resolver lets them keep doing so
 * while every request still goes through the database-kept session: for a MockMvc request without
 * the cookie, the stored session's id is read from (and written to) the {@code MockHttpSession},
 * whose own id changes whenever the stored session's id does (session fixation protection stays
 * observable). Real requests (the browser tests, the two-instance test) use the cookie alone.
 */
public final class MockMvcSessionIdResolver implements HttpSessionIdResolver {

  static final String STORED_ID = MockMvcSessionIdResolver.class.getName() + ".id";

  private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

  /** The cookie as application.yml sets it (server.servlet.session.cookie.*). */
  public MockMvcSessionIdResolver(String cookieName) {
    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
    serializer.setCookieName(cookieName);
    serializer.setUseHttpOnlyCookie(true);
    serializer.setSameSite("Lax");
    cookies.setCookieSerializer(serializer);
  }

  /** Imported by {@link IntegrationTest} (the MockMvc tests), not by the real-server tests. */
  @TestConfiguration
  public static class Config {
    @Bean
    public HttpSessionIdResolver mockMvcSessionIdResolver(
        @Value("${server.servlet.session.cookie.name:JSESSIONID}") String cookieName) {
      return new MockMvcSessionIdResolver(cookieName);
    }
  }

  @Override
  public List<String> resolveSessionIds(HttpServletRequest request) {
    List<String> fromCookie = cookies.resolveSessionIds(request);
    MockHttpServletRequest mock = mock(request);
    if (!fromCookie.isEmpty() || mock == null) {
      return fromCookie;
    }
    HttpSession carried = mock.getSession(false);
    Object id = carried == null ? null : carried.getAttribute(STORED_ID);
    return id == null ? List.of() : List.of(id.toString());
  }

  @Override
  public void setSessionId(
      HttpServletRequest request, HttpServletResponse response, String sessionId) {
    cookies.setSessionId(request, response, sessionId);
    MockHttpServletRequest mock = mock(request);
    if (mock == null) {
      return;
    }
    HttpSession existing = mock.getSession(false);
    if (existing != null && !sessionId.equals(existing.getAttribute(STORED_ID))) {
      mock.changeSessionId();
    }
    mock.getSession(true).setAttribute(STORED_ID, sessionId);
  }

  @Override
  public void expireSession(HttpServletRequest request, HttpServletResponse response) {
    cookies.expireSession(request, response);
    MockHttpServletRequest mock = mock(request);
    HttpSession carried = mock == null ? null : mock.getSession(false);
    if (carried != null) {
      carried.removeAttribute(STORED_ID);
    }
  }

  private static MockHttpServletRequest mock(ServletRequest request) {
    ServletRequest r = request;
    while (r instanceof ServletRequestWrapper w) {
      r = w.getRequest();
    }
    return r instanceof MockHttpServletRequest m ? m : null;
  }
}
