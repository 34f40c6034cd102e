package org.xinfang.calendar;

import java.time.LocalDate;
import java.util.List;

/** Where the calendar data lives: the database in the product, a map in unit tests. */
interface CalendarStore {

  /** Where a year's data came from. */
  String BUNDLED = "bundled";

  String IMPORTED = "import";

  /** A loaded notice year. */
  record StoredYear(int year, List<String> sources, String origin) {}

  /** A listed day, with the year of the notice that lists it. */
  record StoredDay(LocalDate day, int noticeYear, boolean offDay, String name) {}

  List<StoredYear> years();

  List<StoredDay> days();

  /**
   * Replaces everything the notice's year listed before with this notice, atomically. A date the
   * notice lists replaces that date's entry from any other notice (the latest notice wins).
   */
  void replace(Notice notice, String origin);
}
