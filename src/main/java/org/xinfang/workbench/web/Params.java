package org.xinfang.workbench.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Lenient reading of request parameters for the pages. */
final class Params {

  private Params() {}

  /** The enum constant named {@code value}, or null for blank or unknown values. */
  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean isEnum(Class<? extends Enum<?>> type, String value) {
    return value != null
        && Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value.strip()));
  }

  /** A yyyy-MM-dd date, or null when blank; throws {@link DateTimeParseException} on junk. */
  static LocalDate date(String value) {
    return blank(value) ? null : LocalDate.parse(value.strip());
  }

  static String trimmed(String value) {
    return blank(value) ? null : value.strip();
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static <E extends Enum<E>> List<Option> options(
      Class<E> type, String prefix, Labels labels, List<E> only) {
    return (only == null ? Arrays.asList(type.getEnumConstants()) : only)
        .stream().map(e -> new Option(e.name(), labels.of(prefix, e))).toList();
  }
}
