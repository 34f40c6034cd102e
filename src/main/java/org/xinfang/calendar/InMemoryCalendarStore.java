package org.xinfang.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A calendar store in memory, with the same semantics as the database one; for tests. */
final class InMemoryCalendarStore implements CalendarStore {

  private final Map<Integer, StoredYear> years = new TreeMap<>();
  private final Map<LocalDate, StoredDay> days = new TreeMap<>();

  @Override
  public synchronized List<StoredYear> years() {
    return new ArrayList<>(years.values());
  }

  @Override
  public synchronized List<StoredDay> days() {
    return new ArrayList<>(days.values());
  }

  @Override
  public synchronized void replace(Notice notice, String origin) {
    years.put(notice.year(), new StoredYear(notice.year(), notice.sources(), origin));
    days.values().removeIf(d -> d.noticeYear() == notice.year());
    for (Notice.Listed listed : notice.days()) {
      days.put(
          listed.date(),
          new StoredDay(listed.date(), notice.year(), listed.offDay(), listed.name()));
    }
  }
}
