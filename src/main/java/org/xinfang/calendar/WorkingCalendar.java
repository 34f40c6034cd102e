package org.xinfang.calendar;

import jakarta.annotation.PostConstruct;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xinfang.shared.InvalidInput;

/**
 * Counts the law's periods (LAW.md §7) over the holiday calendar.
 *
 * <p>Working days are Monday–Friday, minus the days off and plus the worked weekends a loaded State
 * Council notice lists. For a year whose notice is not loaded the statutory holidays are assumed
 * (no swapped days) and every due date reaching into that year is provisional.
 *
 * <p>The product carries the notices of 2023–2026 ({@code calendar/cn-holidays.txt}) and loads
 * those the database lacks on start; further notices are imported in the holiday-cn format. The
 * data is cached; an import refreshes the cache, and the cache is read again after a minute, so an
 * import on another instance on the same database is seen there too.
 */
@Service
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  static final int MIN_LENGTH = 1;
  static final int MAX_LENGTH = 3660;

  private final CalendarStore store;
  private final StatutoryHolidays statutory = new StatutoryHolidays();
  private volatile Snapshot snapshot;

  WorkingCalendar(CalendarStore store) {
    this.store = store;
  }

  /**
   * A calendar in memory, holding the product's bundled notices (2023–2026): for tests of this and
   * other modules that need real deadlines without a database.
   */
  public static WorkingCalendar inMemory() {
    WorkingCalendar calendar = new WorkingCalendar(new InMemoryCalendarStore());
    calendar.init();
    return calendar;
  }

  /** Loads the bundled notices the store lacks, then the cache. */
  @PostConstruct
  void init() {
    snapshot();
  }

  /**
   * Several instances may share the database: a notice imported on another instance is read here
   * within this long (the data is a few hundred rows).
   */
  static final long REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        current = snapshot;
        if (current == null) {
          loadBundled();
          current = refresh();
        }
      }
    } else if (System.nanoTime() - current.loadedAt() > REFRESH_NANOS) {
      synchronized (this) {
        current = snapshot;
        if (System.nanoTime() - current.loadedAt() > REFRESH_NANOS) {
          current = refresh();
        }
      }
    }
    return current;
  }

  private void loadBundled() {
    Set<Integer> present =
        Set.copyOf(store.years().stream().map(CalendarStore.StoredYear::year).toList());
    for (Notice notice : BundledCalendar.notices()) {
      if (!present.contains(notice.year())) {
        try {
          store.replace(notice, CalendarStore.BUNDLED);
          log.info("Loaded the bundled holiday notice of {}", notice.year());
        } catch (RuntimeException e) {
          // another instance on the same database may have loaded it at the same moment
          log.warn("Could not load the bundled holiday notice of {}", notice.year(), e);
        }
      }
    }
  }

  private synchronized Snapshot refresh() {
    Map<Integer, CalendarStore.StoredYear> years = new TreeMap<>();
    for (CalendarStore.StoredYear year : store.years()) {
      years.put(year.year(), year);
    }
    Map<LocalDate, CalendarStore.StoredDay> days = new HashMap<>();
    for (CalendarStore.StoredDay day : store.days()) {
      days.put(day.day(), day);
    }
    Snapshot fresh =
        new Snapshot(Map.copyOf(years), Map.copyOf(days), System.nanoTime(), new Counts());
    snapshot = fresh;
    return fresh;
  }

  /**
   * Whether {@code day} is a working day: the weekday rule (Monday–Friday), overridden by the dates
   * a loaded notice lists; for a year not loaded, the statutory holidays are days off.
   */
  public boolean isWorkingDay(LocalDate day) {
    checkDate("date", day);
    int[] counts = counts(day.getYear(), snapshot());
    int d = day.getDayOfYear();
    return counts[d] != counts[d - 1];
  }

  /**
   * The working days in ({@code from}, {@code to}]: 0 when {@code to} is not after {@code from}.
   * Counted from each year's running totals (kept with the cached data), not day by day, so a
   * ten-year span costs what one day does.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    checkDate("from", from);
    checkDate("to", to);
    if (!to.isAfter(from)) {
      return 0;
    }
    Snapshot data = snapshot();
    int n = counts(to.getYear(), data)[to.getDayOfYear()];
    for (int y = from.getYear(); y < to.getYear(); y++) {
      int[] year = counts(y, data);
      n += year[year.length - 1];
    }
    return n - counts(from.getYear(), data)[from.getDayOfYear()];
  }

  /**
   * Working days in ({@code from}, {@code to}] for any two dates, never refused: the calendar's
   * count within the years it can hold (1990–2200), Monday to Friday beyond them. For grading a
   * date typed far out (a task's due date in 2500), where a count is owed and an error would stop a
   * whole run.
   */
  public int workingDaysBetweenAny(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    LocalDate first = LocalDate.of(HolidayCnFormat.MIN_YEAR, 1, 1);
    LocalDate last = HolidayCnFormat.MAX_YEAR_END;
    int n = 0;
    if (from.isBefore(first)) {
      LocalDate upTo = to.isBefore(first) ? to : first.minusDays(1);
      n += weekdays(from, upTo);
      from = upTo;
    }
    if (to.isAfter(last)) {
      LocalDate after = from.isAfter(last) ? from : last;
      n += weekdays(after, to);
      to = after;
    }
    if (to.isAfter(from)) {
      // from may be the day before the first year: its count is 0 by definition
      n +=
          from.isBefore(first)
              ? workingDaysBetween(first, to) + (isWorkingDay(first) ? 1 : 0)
              : workingDaysBetween(from, to);
    }
    return n;
  }

  /** Whether {@code day} is a working day, for any date (see {@link #workingDaysBetweenAny}). */
  public boolean isWorkingDayAny(LocalDate day) {
    return workingDaysBetweenAny(day.minusDays(1), day) == 1;
  }

  /** Monday to Friday in ({@code from}, {@code to}], counted in closed form. */
  private static int weekdays(LocalDate from, LocalDate to) {
    return to.isAfter(from) ? (int) (weekdaysUpTo(to) - weekdaysUpTo(from)) : 0;
  }

  /** Weekdays from Monday 1969-12-29 up to and including {@code day} (negative before it). */
  private static long weekdaysUpTo(LocalDate day) {
    long k = day.toEpochDay() + 3; // 0: Monday 1969-12-29
    return Math.floorDiv(k, 7) * 5 + Math.min(Math.floorMod(k, 7) + 1, 5);
  }

  /**
   * The running count of working days of {@code year}: element {@code d} holds those from 1 January
   * up to and including the {@code d}-th day of the year (element 0 is 0). Built on first use.
   */
  private int[] counts(int year, Snapshot data) {
    int i = year - HolidayCnFormat.MIN_YEAR;
    int[] counts = data.counts().years().get(i);
    if (counts == null) {
      LocalDate first = LocalDate.of(year, 1, 1);
      counts = new int[first.lengthOfYear() + 1];
      for (int d = 1; d < counts.length; d++) {
        counts[d] = counts[d - 1] + (working(first.plusDays(d - 1L), data) ? 1 : 0);
      }
      data.counts().years().compareAndSet(i, null, counts);
      counts = data.counts().years().get(i);
    }
    return counts;
  }

  /** Whether the official notice of {@code year} is loaded. */
  public boolean isLoaded(int year) {
    return snapshot().years().containsKey(year);
  }

  /**
   * Start-day exclusion (民法典 Art. 201): counting starts the day after {@code event}. CALENDAR:
   * event+length, then if rollForward and that day is a rest day, the next working day (民法典 Art.
   * 203). WORKING: the length-th working day after event. provisional=true if any year from event+1
   * to the due date (inclusive) is not loaded.
   */
  public Due due(LocalDate event, int length, PeriodUnit unit, boolean rollForward) {
    checkDate("from", event);
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInput(
          "days", "a period must be " + MIN_LENGTH + " to " + MAX_LENGTH + " days, not " + length);
    }
    if (unit == null) {
      throw new InvalidInput("unit", "required: CALENDAR or WORKING");
    }
    Snapshot data = snapshot();
    LocalDate last = HolidayCnFormat.MAX_YEAR_END;
    LocalDate day;
    if (unit == PeriodUnit.CALENDAR) {
      day = event.plusDays(length);
      while (rollForward && !day.isAfter(last) && !working(day, data)) {
        day = day.plusDays(1);
      }
    } else {
      day = event;
      int counted = 0;
      while (counted < length && !day.isAfter(last)) {
        day = day.plusDays(1);
        if (working(day, data)) {
          counted++;
        }
      }
    }
    if (day.isAfter(last)) {
      throw new InvalidInput("days", "the period would end after " + last.getYear());
    }
    boolean provisional = false;
    for (int y = event.plusDays(1).getYear(); y <= day.getYear() && !provisional; y++) {
      provisional = !data.years().containsKey(y);
    }
    return new Due(day, provisional);
  }

  /** The due date of {@code rule} for an event on {@code event}. */
  public Due due(LocalDate event, PeriodRule rule) {
    Objects.requireNonNull(rule, "rule");
    return due(event, rule.length(), rule.unit(), rule.rollForward());
  }

  /**
   * The due date of {@code rule} lengthened by {@code extraLength} days of the same unit (e.g. 60
   * days plus an extension); the caller leaves out days that do not count (e.g. hearing days).
   */
  public Due due(LocalDate event, PeriodRule rule, int extraLength) {
    Objects.requireNonNull(rule, "rule");
    if (extraLength < 0) {
      throw new InvalidInput("days", "an extension cannot be negative: " + extraLength);
    }
    long length = (long) rule.length() + extraLength;
    if (length > MAX_LENGTH) {
      throw new InvalidInput(
          "days", "a period must be at most " + MAX_LENGTH + " days, not " + length);
    }
    return due(event, (int) length, rule.unit(), rule.rollForward());
  }

  /** The year's days off and worked weekends, with the notice they came from. */
  public CalendarYear year(int year) {
    checkYear("year", year);
    Snapshot data = snapshot();
    CalendarStore.StoredYear loaded = data.years().get(year);
    Map<LocalDate, CalendarDay> off = new TreeMap<>();
    List<CalendarDay> worked = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    if (loaded != null) {
      sources.addAll(loaded.sources());
    } else {
      sources.add(StatutoryHolidays.BASIS);
      statutory.of(year).forEach((date, name) -> off.put(date, new CalendarDay(date, name)));
    }
    for (CalendarStore.StoredDay day : data.days().values()) {
      if (day.day().getYear() != year) {
        continue;
      }
      if (day.offDay()) {
        off.put(day.day(), new CalendarDay(day.day(), day.name()));
      } else {
        off.remove(day.day());
        worked.add(new CalendarDay(day.day(), day.name()));
      }
      if (day.noticeYear() != year) {
        // a date listed by the adjacent year's notice (e.g. 元旦 starting on 31 December)
        CalendarStore.StoredYear other = data.years().get(day.noticeYear());
        if (other != null) {
          other.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        }
      }
    }
    worked.sort(Comparator.comparing(CalendarDay::date));
    return new CalendarYear(
        year, loaded != null, List.copyOf(sources), List.copyOf(off.values()), List.copyOf(worked));
  }

  /**
   * Imports one year's notice in the public holiday-cn format ({@code {year, papers, days:[{name,
   * date, isOffDay}]}}); replaces that year's data and persists it. A placeholder without days and
   * papers is refused: the year stays provisional.
   *
   * @return the year as now loaded
   */
  public CalendarYear importHolidayCn(InputStream json) {
    if (json == null) {
      throw new InvalidInput("body", "required: a holiday-cn year file");
    }
    Notice notice = HolidayCnFormat.read(json);
    synchronized (this) {
      snapshot();
      store.replace(notice, CalendarStore.IMPORTED);
      refresh();
    }
    log.info(
        "Imported the holiday notice of {} ({} days) from {}",
        notice.year(),
        notice.days().size(),
        notice.sources());
    return year(notice.year());
  }

  private boolean working(LocalDate day, Snapshot data) {
    CalendarStore.StoredDay listed = data.days().get(day);
    if (listed != null) {
      return !listed.offDay();
    }
    if (!data.years().containsKey(day.getYear()) && statutory.isHoliday(day)) {
      return false;
    }
    return !HolidayCnFormat.isWeekend(day);
  }

  private static void checkDate(String field, LocalDate date) {
    if (date == null) {
      throw new InvalidInput(field, "required: an ISO date (yyyy-mm-dd)");
    }
    checkYear(field, date.getYear());
  }

  private static void checkYear(String field, int year) {
    if (year < HolidayCnFormat.MIN_YEAR || year > HolidayCnFormat.MAX_YEAR) {
      throw new InvalidInput(
          field,
          "must be within the years "
              + HolidayCnFormat.MIN_YEAR
              + " to "
              + HolidayCnFormat.MAX_YEAR
              + ": "
              + year);
    }
  }

  /** The calendar data as read from the store: loaded years and listed days. */
  private record Snapshot(
      Map<Integer, CalendarStore.StoredYear> years,
      Map<LocalDate, CalendarStore.StoredDay> days,
      long loadedAt,
      Counts counts) {}

  /** Each year's running count of working days over one snapshot, built as years are asked for. */
  private record Counts(AtomicReferenceArray<int[]> years) {
    Counts() {
      this(new AtomicReferenceArray<>(HolidayCnFormat.MAX_YEAR - HolidayCnFormat.MIN_YEAR + 1));
    }
  }
}
