package org.xinfang.calendar;

import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays assumed for a year whose notice is not loaded (LAW.md §7): the statutory days of
 * 《全国年节及纪念日放假办法》 (2024 revision, Art. 2) — 元旦 1/1; 春节 除夕 to 正月初三 (4 days); 清明 the solar-term day;
 * 劳动节 5/1–5/2; 端午 五月初五; 中秋 八月十五; 国庆 10/1–10/3. Lunar dates and the solar term come from tyme4j. No
 * swapped working days and no make-up days are assumed.
 */
final class StatutoryHolidays {

  static final String BASIS =
      "《全国年节及纪念日放假办法》(2024年修订) 第二条: statutory holidays assumed until the year's notice is"
          + " loaded (provisional)";

  private final Map<Integer, SortedMap<LocalDate, String>> cache = new ConcurrentHashMap<>();

  /** The assumed days off of {@code year}, by date, with the holiday's name. */
  SortedMap<LocalDate, String> of(int year) {
    return cache.computeIfAbsent(year, StatutoryHolidays::compute);
  }

  boolean isHoliday(LocalDate day) {
    return of(day.getYear()).containsKey(day);
  }

  private static SortedMap<LocalDate, String> compute(int year) {
    SortedMap<LocalDate, String> days = new TreeMap<>();
    add(days, LocalDate.of(year, 1, 1), 1, "元旦");
    // 除夕 is the last day of the 12th lunar month (the 29th or the 30th): the day before 正月初一.
    add(days, local(LunarDay.fromYmd(year, 1, 1).next(-1).getSolarDay()), 4, "春节");
    add(days, local(SolarTerm.fromName(year, "清明").getJulianDay().getSolarDay()), 1, "清明节");
    add(days, MonthDay.of(5, 1).atYear(year), 2, "劳动节");
    add(days, local(LunarDay.fromYmd(year, 5, 5).getSolarDay()), 1, "端午节");
    add(days, local(LunarDay.fromYmd(year, 8, 15).getSolarDay()), 1, "中秋节");
    add(days, MonthDay.of(10, 1).atYear(year), 3, "国庆节");
    return Collections.unmodifiableSortedMap(days);
  }

  private static void add(Map<LocalDate, String> days, LocalDate first, int count, String name) {
    for (int i = 0; i < count; i++) {
      days.merge(first.plusDays(i), name, (a, b) -> a + "、" + b);
    }
  }

  private static LocalDate local(SolarDay day) {
    return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
  }
}
