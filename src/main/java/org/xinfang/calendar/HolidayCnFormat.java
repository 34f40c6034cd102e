package org.xinfang.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xinfang.shared.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the public holiday-cn format ({@code {year, papers, days:[{name, date, isOffDay}]}}, see
 * github.com/NateScarlet/holiday-cn) and checks a {@link Notice} before it may be loaded.
 */
final class HolidayCnFormat {

  static final int MIN_YEAR = 1990;
  static final int MAX_YEAR = 2200;
  static final LocalDate MAX_YEAR_END = LocalDate.of(MAX_YEAR, 12, 31);
  private static final int MAX_NAME = 40;
  private static final int MAX_SOURCES = 2000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HolidayCnFormat() {}

  /** Parses and validates one holiday-cn year file. */
  static Notice read(InputStream in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      throw new InvalidInput("body", "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInput("body", "expected a holiday-cn object {year, papers, days}");
    }
    JsonNode year = root.get("year");
    if (year == null || !year.isInt()) {
      throw new InvalidInput("year", "required, an integer such as 2027");
    }
    List<String> papers = new ArrayList<>();
    JsonNode papersNode = root.get("papers");
    if (papersNode != null && !papersNode.isNull()) {
      if (!papersNode.isArray()) {
        throw new InvalidInput("papers", "expected a list of notice URLs");
      }
      for (int i = 0; i < papersNode.size(); i++) {
        JsonNode paper = papersNode.get(i);
        if (!paper.isString()) {
          throw new InvalidInput("papers[" + i + "]", "expected the notice URL as a string");
        }
        papers.add(paper.stringValue().strip());
      }
    }
    List<Notice.Listed> days = new ArrayList<>();
    JsonNode daysNode = root.get("days");
    if (daysNode != null && !daysNode.isNull()) {
      if (!daysNode.isArray()) {
        throw new InvalidInput("days", "expected a list of {name, date, isOffDay}");
      }
      for (int i = 0; i < daysNode.size(); i++) {
        days.add(readDay(daysNode.get(i), "days[" + i + "]"));
      }
    }
    Notice notice = new Notice(year.intValue(), papers, days);
    validate(notice);
    return notice;
  }

  private static Notice.Listed readDay(JsonNode day, String field) {
    if (!day.isObject()) {
      throw new InvalidInput(field, "expected {name, date, isOffDay}");
    }
    JsonNode name = day.get("name");
    if (name == null || !name.isString()) {
      throw new InvalidInput(field + ".name", "required: the holiday's name, e.g. 春节");
    }
    JsonNode date = day.get("date");
    if (date == null || !date.isString()) {
      throw new InvalidInput(field + ".date", "required: an ISO date (yyyy-mm-dd)");
    }
    LocalDate parsed;
    try {
      parsed = LocalDate.parse(date.stringValue().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          field + ".date", "not a valid ISO date (yyyy-mm-dd): " + date.stringValue());
    }
    JsonNode offDay = day.get("isOffDay");
    if (offDay == null || !offDay.isBoolean()) {
      throw new InvalidInput(
          field + ".isOffDay", "required: true for a day off, false for a worked weekend");
    }
    return new Notice.Listed(parsed, offDay.booleanValue(), name.stringValue().strip());
  }

  /** Checks what a notice must satisfy to be loaded; the product's bundled data passes the same. */
  static void validate(Notice notice) {
    int year = notice.year();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidInput("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR);
    }
    if (notice.days().isEmpty() && notice.sources().isEmpty()) {
      throw new InvalidInput(
          "days",
          "the "
              + year
              + " notice is not published: this file is a placeholder without days or papers;"
              + " the year stays provisional (statutory holidays assumed) until the notice is"
              + " imported");
    }
    if (notice.days().isEmpty()) {
      throw new InvalidInput("days", "the notice lists no days");
    }
    if (notice.sources().isEmpty()) {
      throw new InvalidInput("papers", "name the notice the days come from (its URL)");
    }
    for (int i = 0; i < notice.sources().size(); i++) {
      if (notice.sources().get(i).isBlank()) {
        throw new InvalidInput("papers[" + i + "]", "must not be blank");
      }
    }
    if (String.join("\n", notice.sources()).length() > MAX_SOURCES) {
      throw new InvalidInput("papers", "at most " + MAX_SOURCES + " characters in all");
    }
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < notice.days().size(); i++) {
      Notice.Listed day = notice.days().get(i);
      String field = "days[" + i + "]";
      if (day.name() == null || day.name().isBlank()) {
        throw new InvalidInput(field + ".name", "required: the holiday's name, e.g. 春节");
      }
      if (day.name().length() > MAX_NAME) {
        throw new InvalidInput(field + ".name", "at most " + MAX_NAME + " characters");
      }
      if (!belongsTo(day.date(), year)) {
        throw new InvalidInput(
            field + ".date",
            day.date() + " is not in " + year + " (or the adjacent December/January)");
      }
      if (!seen.add(day.date())) {
        throw new InvalidInput(field + ".date", day.date() + " is listed twice");
      }
      if (!day.offDay() && !isWeekend(day.date())) {
        throw new InvalidInput(
            field + ".isOffDay",
            day.date() + " is a weekday: only a weekend day can be listed as worked (调休)");
      }
    }
  }

  /** A notice lists its own year's dates and, at most, the adjacent December or January. */
  private static boolean belongsTo(LocalDate date, int year) {
    return date.getYear() == year
        || (date.getYear() == year - 1 && date.getMonthValue() == 12)
        || (date.getYear() == year + 1 && date.getMonthValue() == 1);
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
