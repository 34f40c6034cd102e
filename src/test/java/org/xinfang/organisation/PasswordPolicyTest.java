package org.xinfang.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void acceptsPasswordsOfTwoClassesAndEightCharacters() {
    assertThat(PasswordPolicy.problem("dl-clerk", "demo12345")).isEmpty();
    assertThat(PasswordPolicy.problem("someone", "s3cret-pass")).isEmpty();
    assertThat(PasswordPolicy.problem("someone", "plain-text-pw")).isEmpty();
    assertThat(PasswordPolicy.problem("someone", "信访工作2026年")).isEmpty();
  }

  @Test
  void refusesShortSingleClassPersonalAndCommonPasswords() {
    assertThat(PasswordPolicy.problem("someone", "ab12!"))
        .hasValueSatisfying(m -> assertThat(m).contains("at least 8"));
    assertThat(PasswordPolicy.problem("someone", "信访工作")).isPresent();
    assertThat(PasswordPolicy.problem("someone", "abcdefghijk"))
        .hasValueSatisfying(m -> assertThat(m).contains("two"));
    assertThat(PasswordPolicy.problem("someone", "1234567890")).isPresent();
    assertThat(PasswordPolicy.problem("someone", "!!!!????")).isPresent();
    assertThat(PasswordPolicy.problem("wang.wei", "xx-WANG.WEI-1"))
        .hasValueSatisfying(m -> assertThat(m).contains("user name"));
    assertThat(PasswordPolicy.problem("someone", "Password123"))
        .hasValueSatisfying(m -> assertThat(m).contains("commonest"));
    assertThat(PasswordPolicy.problem("someone", "1qaz2wsx")).isPresent();
    assertThat(PasswordPolicy.problem("someone", "")).isPresent();
    assertThat(PasswordPolicy.problem("someone", null)).isPresent();
  }
}
