package org.xinfang.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's holiday notice (国务院办公厅关于…部分节假日安排的通知) as data: the days it lists and the URL(s) it was
 * transcribed from. A listed date overrides the weekday rule. A notice may list a date of the
 * adjacent year (the 2023 notice starts 元旦 on 2022-12-31).
 */
record Notice(int year, List<String> sources, List<Listed> days) {

  Notice {
    sources = List.copyOf(sources);
    days = List.copyOf(days);
  }

  /** A listed date: {@code offDay} true is a day off, false a weekend day that is worked. */
  record Listed(LocalDate date, boolean offDay, String name) {}
}
