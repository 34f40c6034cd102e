package org.xinfang.workbench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.xinfang.demo.DemoData;

/** Sign-in at /login with a session for the pages. */
class SignInTest extends WorkbenchTestSupport {

  @Test
  void theRightPasswordSignsInAndOpensMyWork() throws Exception {
    mvc.perform(formLogin("/login").user(DemoData.CITY_REGISTRAR).password(DemoData.PASSWORD))
        .andExpect(authenticated().withUsername(DemoData.CITY_REGISTRAR))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    mvc.perform(formLogin("/login").user(DemoData.CITY_REGISTRAR).password("wrong-password"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }
}
