package org.xinfang.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person's password must be (issue 4, sign-in): at least {@value #MIN_LENGTH} characters, at
 * least two character classes (letters, digits, other), not containing the user name, and not one
 * of the commonest passwords. Checked when a user is created and when a user changes their own
 * password; the bootstrap administrator's password is the operator's choice and only warned about.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 8;

  /**
   * The commonest passwords of at least 8 characters with two character classes (leaked-password
   * lists, international and Chinese), compared without regard to case; shorter or single-class
   * ones are refused by the other rules already.
   */
  private static final Set<String> COMMON =
      Set.of(
          "password1",
          "password12",
          "password123",
          "passw0rd",
          "p@ssw0rd",
          "p@ssword",
          "p@55w0rd",
          "pass@123",
          "pa$$w0rd",
          "qwerty123",
          "qwerty12",
          "qwer1234",
          "qwe12345",
          "qwe123456",
          "1qaz2wsx",
          "1q2w3e4r",
          "1q2w3e4r5t",
          "q1w2e3r4",
          "zaq12wsx",
          "asdf1234",
          "asd123456",
          "zxc123456",
          "zxcv1234",
          "abc12345",
          "abc123456",
          "abcd1234",
          "a1234567",
          "a12345678",
          "a123456789",
          "aa123456",
          "aa123456789",
          "qq123456",
          "123456abc",
          "123456aa",
          "123456qq",
          "111111aa",
          "admin123",
          "admin1234",
          "admin@123",
          "administrator1",
          "welcome1",
          "welcome123",
          "letmein1",
          "iloveyou1",
          "woaini1314",
          "woaini520",
          "changeme1",
          "trustno1",
          "xinfang123");

  private PasswordPolicy() {}

  /** Why this password is refused for this user, or empty when it is acceptable. */
  static Optional<String> problem(String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (classes(password) < 2) {
      return Optional.of("must mix at least two of letters, digits and other characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && !username.isBlank()
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("must not contain the user name");
    }
    if (COMMON.contains(lower)) {
      return Optional.of("is one of the commonest passwords");
    }
    return Optional.empty();
  }

  private static int classes(String password) {
    boolean letter = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); ) {
      int c = password.codePointAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
      i += Character.charCount(c);
    }
    return (letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
