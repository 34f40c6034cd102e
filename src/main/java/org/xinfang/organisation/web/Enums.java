package org.xinfang.organisation.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.xinfang.shared.InvalidInput;

/** Parses enum names from requests, answering 400 with the field and the allowed values. */
final class Enums {

  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          field,
          "unknown value '%s'; one of %s"
              .formatted(
                  value,
                  Arrays.stream(type.getEnumConstants())
                      .map(Enum::name)
                      .collect(Collectors.joining(", "))));
    }
  }
}
