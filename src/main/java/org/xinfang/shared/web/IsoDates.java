package org.xinfang.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * API.md Conventions: dates are {@code YYYY-MM-DD}, and nothing else is taken for one. Jackson on
 * its own would read the number 20000 as a day counted from 1970 (2024-10-04), an array {@code
 * [2026,10,6]} as a date and a timestamp as its day: a mistyped field would back-date an act
 * instead of being refused. An empty string stays "no date", as an empty form field sends it.
 */
@Configuration(proxyBeanMethods = false)
class IsoDates {

  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Bean
  JacksonModule isoDatesOnly() {
    return new SimpleModule("iso-dates-only").addDeserializer(LocalDate.class, new Strict());
  }

  static final class Strict extends ValueDeserializer<LocalDate> {

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate)
            ctxt.handleUnexpectedToken(
                ctxt.constructType(LocalDate.class),
                p.currentToken(),
                p,
                "a date is written as a string YYYY-MM-DD");
      }
      String text = p.getString();
      if (text.isEmpty()) {
        return null;
      }
      if (SHAPE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
          return (LocalDate)
              ctxt.handleWeirdStringValue(LocalDate.class, text, "no such day: %s", text);
        }
      }
      return (LocalDate)
          ctxt.handleWeirdStringValue(
              LocalDate.class, text, "a date is written YYYY-MM-DD, not '%s'", text);
    }
  }
}
