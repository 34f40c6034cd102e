package org.xinfang.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Personal data rules every module applies alike: how names, phones, ID numbers and addresses are
 * masked where they are shown without a request (张*, 138****0000), and the check of a resident
 * identity number (GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064
 * MOD 11-2 check character).
 */
public final class PersonalData {

  private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[0-9Xx]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private PersonalData() {}

  /**
   * Whether this is a valid 18-character resident identity number: digits, a real birth date not
   * after {@code today}, and the GB 11643 check character.
   */
  public static boolean validResidentId(String id, LocalDate today) {
    if (id == null || !RESIDENT_ID.matcher(id).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    if (Character.toUpperCase(id.charAt(17)) != CHECK.charAt(sum % 11)) {
      return false;
    }
    try {
      LocalDate born =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
      return born.getYear() >= 1880 && !born.isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The check character GB 11643 gives the first 17 digits (for test data and the generator). */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** Keeps the family name (the first character): 张三 → 张*, 欧阳娜娜 → 欧***. */
  public static String maskName(String name) {
    if (blank(name)) {
      return name == null ? null : "";
    }
    String s = name.strip();
    int n = s.codePointCount(0, s.length());
    String first = s.substring(0, s.offsetByCodePoints(0, 1));
    return first + "*".repeat(Math.max(1, n - 1));
  }

  /** Keeps the first three and the last four digits: 13800000000 → 138****0000. */
  public static String maskPhone(String phone) {
    if (blank(phone)) {
      return phone == null ? null : "";
    }
    String s = phone.strip();
    if (s.length() >= 8) {
      return s.substring(0, 3) + "****" + s.substring(s.length() - 4);
    }
    return "*".repeat(Math.max(1, s.length() - 2)) + s.substring(Math.max(0, s.length() - 2));
  }

  /** Keeps the region (first six) and the last four characters of an ID number. */
  public static String maskIdNumber(String id) {
    if (blank(id)) {
      return id == null ? null : "";
    }
    String s = id.strip();
    if (s.length() > 10) {
      return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }
    return "*".repeat(Math.max(1, s.length() - 2)) + s.substring(Math.max(0, s.length() - 2));
  }

  /** Keeps the beginning of an address (city and district), hides the rest. */
  public static String maskAddress(String address) {
    if (blank(address)) {
      return address == null ? null : "";
    }
    String s = address.strip();
    int n = s.codePointCount(0, s.length());
    int keep = Math.min(6, n / 2);
    return s.substring(0, s.offsetByCodePoints(0, keep)) + "****";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
