package org.xinfang.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xinfang.demo.DemoData;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;
import org.xinfang.support.IntegrationTest;

/** API.md Conventions: the bootstrap administrator and XINFANG_ADMIN_PASSWORD. */
class BootstrapAdminTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Users users;
  @Autowired BootstrapAdmin bootstrapAdmin;
  @Autowired PasswordEncoder passwordEncoder;

  @Test
  @DisplayName("admin exists with the password from XINFANG_ADMIN_PASSWORD, at the root")
  void createdFromTheEnvironment() throws Exception {
    assertThat(users.find("admin"))
        .hasValueSatisfying(
            admin -> {
              assertThat(admin.roles()).containsExactly(Role.ADMIN);
              assertThat(admin.bootstrapAdmin()).isTrue();
              assertThat(admin.organisationId()).isEqualTo(DemoData.PROVINCE_GOVERNMENT);
            });
    mvc.perform(get("/api/users/me").with(httpBasic("admin", "admin-test-pw")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("admin"))
        .andExpect(jsonPath("$.bootstrapAdmin").value(true))
        .andExpect(jsonPath("$.roles[0]").value("ADMIN"));
  }

  @Test
  @DisplayName("a restart with a different XINFANG_ADMIN_PASSWORD re-keys admin")
  void rekeyedWhenTheEnvironmentChanges() {
    users.changePassword("admin", "some-older-password");
    assertThat(passwordEncoder.matches("admin-test-pw", hash())).isFalse();

    bootstrapAdmin.ensureAdmin();

    assertThat(passwordEncoder.matches("admin-test-pw", hash())).isTrue();
    String unchanged = hash();
    bootstrapAdmin.ensureAdmin(); // a matching password is left alone
    assertThat(hash()).isEqualTo(unchanged);
  }

  @Test
  void generatedPasswordsAreLongAndRandom() {
    String one = BootstrapAdmin.generatePassword();
    assertThat(one).hasSize(20).matches("[A-Za-z0-9]{20}");
    assertThat(BootstrapAdmin.generatePassword()).isNotEqualTo(one);
  }

  private String hash() {
    return users.credentials("admin").orElseThrow().passwordHash();
  }
}
