package org.xinfang.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xinfang.shared.InvalidInput;

/**
 * The holiday notices the product carries, read from {@code calendar/cn-holidays.txt}: one block
 * per year, {@code year <yyyy> <url>…}, then {@code off <date>[..<date>] <name>} and {@code work
 * <date> <name>} lines.
 */
final class BundledCalendar {

  static final String RESOURCE = "/calendar/cn-holidays.txt";

  private BundledCalendar() {}

  /** The bundled notices, each validated like an import. */
  static List<Notice> notices() {
    try (InputStream in = BundledCalendar.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Notice> parse(InputStream in) throws IOException {
    List<Notice> notices = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Integer year = null;
    List<String> sources = List.of();
    List<Notice.Listed> days = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] parts = text.split("\\s+", 3);
      if (parts.length < 2) {
        throw error(number, "expected '<keyword> <value> …': " + text);
      }
      try {
        switch (parts[0]) {
          case "year" -> {
            if (year != null) {
              notices.add(checked(new Notice(year, sources, days), number));
            }
            year = Integer.parseInt(parts[1]);
            sources = parts.length > 2 ? Arrays.asList(parts[2].split("\\s+")) : List.of();
            days = new ArrayList<>();
          }
          case "off", "work" -> {
            if (year == null || parts.length < 3) {
              throw error(number, "expected a 'year' line first and a holiday name: " + text);
            }
            boolean off = parts[0].equals("off");
            String[] range = parts[1].split("\\.\\.", 2);
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            if (to.isBefore(from) || (!off && !to.equals(from))) {
              throw error(number, "bad date range: " + parts[1]);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
              days.add(new Notice.Listed(d, off, parts[2].strip()));
            }
          }
          default -> throw error(number, "unknown keyword '" + parts[0] + "'");
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        throw error(number, e.getMessage());
      }
    }
    if (year != null) {
      notices.add(checked(new Notice(year, sources, days), number));
    }
    return notices;
  }

  private static Notice checked(Notice notice, int line) {
    try {
      HolidayCnFormat.validate(notice);
    } catch (InvalidInput e) {
      throw error(line, "year " + notice.year() + ": " + e.getMessage());
    }
    return notice;
  }

  private static IllegalStateException error(int line, String message) {
    return new IllegalStateException(RESOURCE + " line " + line + ": " + message);
  }
}
