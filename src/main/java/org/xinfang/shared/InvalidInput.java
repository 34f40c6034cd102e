package org.xinfang.shared;

import java.util.Map;

/** Malformed or impossible input: 400 with the offending fields. */
public class InvalidInput extends RuntimeException {

  private final Map<String, String> fields;

  public InvalidInput(String field, String message) {
    this(Map.of(field, message));
  }

  public InvalidInput(Map<String, String> fields) {
    super(
        String.join(
            "; ", fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    this.fields = Map.copyOf(fields);
  }

  public Map<String, String> fields() {
    return fields;
  }
}
