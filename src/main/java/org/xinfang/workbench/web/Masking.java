package org.xinfang.workbench.web;

/**
 * Personal data as the pages show it by default (张*, 138****0000): enough to recognise a person on
 * the telephone, not enough to copy their data. The full values are shown only when asked for.
 */
final class Masking {

  private Masking() {}

  /** Keeps the family name (the first character): 张三 → 张*, 欧阳娜娜 → 欧***. */
  static String name(String name) {
    if (blank(name)) {
      return "";
    }
    String s = name.strip();
    int n = s.codePointCount(0, s.length());
    String first = s.substring(0, s.offsetByCodePoints(0, 1));
    return first + "*".repeat(Math.max(1, n - 1));
  }

  /** Keeps the first three and the last four digits: 13800000000 → 138****0000. */
  static String phone(String phone) {
    if (blank(phone)) {
      return "";
    }
    String s = phone.strip();
    if (s.length() >= 8) {
      return s.substring(0, 3) + "****" + s.substring(s.length() - 4);
    }
    return "*".repeat(Math.max(1, s.length() - 2)) + s.substring(Math.max(0, s.length() - 2));
  }

  /** Keeps the region (first six) and the last four characters of an ID number. */
  static String idNumber(String id) {
    if (blank(id)) {
      return "";
    }
    String s = id.strip();
    if (s.length() > 10) {
      return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }
    return "*".repeat(Math.max(1, s.length() - 2)) + s.substring(Math.max(0, s.length() - 2));
  }

  /** Keeps the beginning of an address (city and district), hides the rest. */
  static String address(String address) {
    if (blank(address)) {
      return "";
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
