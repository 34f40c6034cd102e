package org.xinfang.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The petitions whose duties acts rewrote since a reader last took them: the deadline watch's input
 * (条例 Art. 38 para. 2). An act writes one note, in the acts' journal ({@code
 * org.xinfang.figures.Figures#ACTS_JOURNAL}, heard from {@link PetitionActed}); the figures' drain
 * moves each note it deletes there into this journal ({@link #note(java.util.Collection)}) in the
 * same transaction, and the watch reads both journals, so an act pays one journal insert, not two.
 * Duties rewritten outside an act (a holiday notice) are noted here directly; a bulk load notes
 * {@link #EVERYTHING}. A reader takes what is noted, compares, and then {@link #taken removes
 * exactly the notes it read}, so a note added meanwhile stays for the next reader.
 *
 * <p>The watch compares millions of duties in single statements, so it joins the duties in SQL
 * rather than through Java: the relations it may name are published here ({@link #JOURNAL}, {@link
 * #DUTIES}), and nothing else of this module's tables is.
 */
@Component
public class DutyChanges {

  /**
   * The journal of noted petitions: {@code (id, petition_id)}, {@code petition_id} once or more.
   */
  public static final String JOURNAL = "petition_duty_change";

  /**
   * What each petition owes now: {@code (petition_id, duty, due, owed_by, basis, provisional,
   * optional, paused)}; a duty is open when {@code owed_by is not null and optional = false and
   * paused = false}.
   */
  public static final String DUTIES = "petition_duty";

  /** The note of a bulk load: every petition's duties may have changed. */
  static final String EVERYTHING = "*";

  private final JdbcClient jdbc;
  private final org.xinfang.shared.DeferredWrites writes;
  private final org.xinfang.shared.BulkRows bulk;

  DutyChanges(
      JdbcClient jdbc, org.xinfang.shared.DeferredWrites writes, org.xinfang.shared.BulkRows bulk) {
    this.jdbc = jdbc;
    this.writes = writes;
    this.bulk = bulk;
  }

  /** What is noted now: the notes' ids, and whether one says every petition. */
  public record Noted(List<Long> ids, boolean everything) {}

  /** The notes as they stand (read, not removed). */
  public Noted noted() {
    List<Long> ids = new ArrayList<>();
    boolean everything = false;
    for (Map<String, Object> row :
        jdbc.sql("select id, petition_id from " + JOURNAL).query().listOfRows()) {
      ids.add(((Number) row.get("id")).longValue());
      everything |= EVERYTHING.equals(row.get("petition_id"));
    }
    return new Noted(List.copyOf(ids), everything);
  }

  /** Removes the notes a reader has dealt with, by id (in the reader's transaction). */
  public void taken(List<Long> ids) {
    for (int i = 0; i < ids.size(); i += 500) {
      jdbc.sql("delete from " + JOURNAL + " where id in (:ids)")
          .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
          .update();
    }
  }

  /**
   * Notes petitions whose notes the figures' drain moves here from the acts' journal, in the
   * drain's transaction, each once, in bulk.
   */
  public void note(java.util.Collection<String> petitionIds) {
    bulk.insert(
        JOURNAL,
        List.of("petition_id"),
        new java.util.LinkedHashSet<>(petitionIds).stream().map(id -> new Object[] {id}).toList());
  }

  /** Notes one petition whose duties were rewritten outside an act (in that transaction). */
  void note(String petitionId) {
    writes
        .sql("insert into " + JOURNAL + " (petition_id) values (:p)")
        .param("p", petitionId)
        .defer();
  }

  /** Notes every petition (a bulk load, before and after it). */
  void noteEverything() {
    note(EVERYTHING);
  }
}
