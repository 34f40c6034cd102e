package org.xinfang.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.calendar.CalendarDay;
import org.xinfang.calendar.CalendarYear;
import org.xinfang.calendar.Due;
import org.xinfang.calendar.LawProfile;
import org.xinfang.calendar.PeriodRule;
import org.xinfang.calendar.PeriodUnit;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.shared.InvalidInput;

/** The working-day calendar over HTTP (API.md "Calendar"). */
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "Working days, holidays and the law's periods (LAW.md §7)")
class CalendarController {

  private final WorkingCalendar calendar;
  private final LawProfile profile;
  private final org.springframework.context.ApplicationEventPublisher events;

  CalendarController(
      WorkingCalendar calendar,
      LawProfile profile,
      org.springframework.context.ApplicationEventPublisher events) {
    this.calendar = calendar;
    this.profile = profile;
    this.events = events;
  }

  @GetMapping("/due")
  @Operation(
      summary = "Due date of a period",
      description =
          "Counting starts the day after `from` (民法典 Art. 201); a CALENDAR period ending on a rest"
              + " day ends on the next working day unless rollForward=false (民法典 Art. 203)."
              + " `provisional` is true when the period reaches into a year whose holiday notice"
              + " is not loaded.")
  DueResponse due(
      @Parameter(
              description = "the day of the triggering event (yyyy-mm-dd)",
              example = "2026-02-10")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "the period's length, 1..3660", example = "60")
          @RequestParam(required = false)
          String days,
      @Parameter(description = "CALENDAR (default) or WORKING", example = "CALENDAR")
          @RequestParam(required = false)
          String unit,
      @Parameter(description = "roll forward off a rest day (default true)", example = "true")
          @RequestParam(required = false)
          String rollForward) {
    Due due = calendar.due(date(from), length(days), unit(unit), flag("rollForward", rollForward));
    return new DueResponse(due.date(), due.provisional());
  }

  @GetMapping("/profile")
  @Operation(summary = "The active law profile and its period rules")
  ProfileResponse profile() {
    return new ProfileResponse(profile.name(), profile.rules());
  }

  @GetMapping("/{year}")
  @Operation(
      summary = "A year's days off and worked weekends",
      description =
          "With the notice they came from. A year whose notice is not loaded is provisional: its"
              + " days off are the assumed statutory holidays.")
  YearResponse year(@Parameter(example = "2026") @PathVariable String year) {
    int value;
    try {
      value = Integer.parseInt(year.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("year", "not a year: " + year);
    }
    return YearResponse.of(calendar.year(value));
  }

  @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Import a year's holiday notice (holiday-cn format)",
      description =
          "Body: `{year, papers, days:[{name, date, isOffDay}]}`. Replaces that year's data. A"
              + " placeholder without days and papers is refused (400): the year stays"
              + " provisional.")
  YearResponse importYear(@RequestBody(required = false) byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidInput("body", "required: a holiday-cn year file");
    }
    org.xinfang.calendar.CalendarYear year =
        calendar.importHolidayCn(new ByteArrayInputStream(body));
    events.publishEvent(new org.xinfang.calendar.CalendarYearLoaded(year.year()));
    return YearResponse.of(year);
  }

  private static LocalDate date(String from) {
    if (from == null || from.isBlank()) {
      throw new InvalidInput("from", "required: the event date (yyyy-mm-dd)");
    }
    try {
      return LocalDate.parse(from.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput("from", "not a valid date (yyyy-mm-dd): " + from);
    }
  }

  private static int length(String days) {
    if (days == null || days.isBlank()) {
      throw new InvalidInput("days", "required: the period's length, 1..3660");
    }
    try {
      return Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("days", "not a whole number of days, 1..3660: " + days);
    }
  }

  private static PeriodUnit unit(String unit) {
    if (unit == null || unit.isBlank()) {
      return PeriodUnit.CALENDAR;
    }
    try {
      return PeriodUnit.valueOf(unit.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("unit", "must be CALENDAR or WORKING, not " + unit);
    }
  }

  private static boolean flag(String field, String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidInput(field, "must be true or false, not " + value);
    };
  }

  /** {@code {"due": "2026-04-13", "provisional": false}} */
  record DueResponse(LocalDate due, boolean provisional) {}

  record ProfileResponse(String name, List<PeriodRule> rules) {}

  record YearResponse(
      int year,
      boolean loaded,
      boolean provisional,
      List<String> sources,
      List<CalendarDay> daysOff,
      List<CalendarDay> workingWeekends) {

    static YearResponse of(CalendarYear year) {
      return new YearResponse(
          year.year(),
          year.loaded(),
          !year.loaded(),
          year.sources(),
          year.daysOff(),
          year.workingWeekends());
    }
  }
}
