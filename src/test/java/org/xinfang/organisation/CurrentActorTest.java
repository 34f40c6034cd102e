package org.xinfang.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/** The signed-in user is read once per request, and a disabled user is refused from the next. */
class CurrentActorTest extends IntegrationTest {

  private static final String PASSWORD = "Xf-actor-test-9";

  @Autowired CurrentActor currentActor;
  @Autowired Users users;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void forgetRequest() {
    RequestContextHolder.resetRequestAttributes();
    SecurityContextHolder.clearContext();
  }

  private String newUser() {
    String username = "ca-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(
        new NewUser(
            username, PASSWORD, "当前用户测试", DemoData.CITY_PETITION_BUREAU, Set.of(Role.REGISTRAR)));
    return username;
  }

  private void disable(String username) {
    jdbc.sql("update app_user set enabled = false where username = :u")
        .param("u", username)
        .update();
  }

  private static void beginRequest(String username) {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_REGISTRAR")));
  }

  @Test
  void oneRequestReadsTheUserOnceAndTheNextReadsThemAgain() {
    String username = newUser();
    beginRequest(username);
    assertThat(currentActor.find()).map(Actor::username).contains(username);
    disable(username);
    // the same request: the answer it began with
    assertThat(currentActor.find()).map(Actor::username).contains(username);
    assertThat(currentActor.signedIn()).map(SignedIn::username).contains(username);

    beginRequest(username);
    assertThat(currentActor.find()).isEmpty();
  }

  @Test
  void withoutARequestEveryCallReads() {
    String username = newUser();
    // the test framework gives each test a mock request; a scheduled job has none
    RequestContextHolder.resetRequestAttributes();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_REGISTRAR")));
    assertThat(currentActor.find()).isPresent();
    disable(username);
    assertThat(currentActor.find()).isEmpty();
  }

  @Test
  void aUserDisabledWhileSignedInIsRefusedOnTheNextPage() throws Exception {
    String username = newUser();
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    disable(username);
    mvc.perform(get("/").session(session)).andExpect(status().isForbidden());
  }
}
