package org.xinfang.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The petitions whose duties acts rewrote since a reader last took them: the deadline watch's input
 * (条例 Art. 38 para. 2). An act writes one note, for the figures' journal ({@link PetitionActed});
 * the figures' drain, which takes those notes in batches, notes the same petitions here ({@link
 * #note(java.util.Collection)}), one statement per batch, and the watch has that drain run before
 * it reads (so an act pays one journal insert, not two). Duties rewritten outside an act (a holiday
 * notice) are noted here directly; a bulk load notes {@link #EVERYTHING}. A reader takes what is
 * noted, compares, and then {@link #taken removes exactly the notes it read}, so a note added
 * meanwhile stays for the next reader.
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

  DutyChanges(JdbcClient jdbc, org.xinfang.shared.DeferredWrites writes) {
    this.jdbc = jdbc;
    this.writes = writes;
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
   * Notes petitions whose acts the figures' drain took from its journal, in the drain's
   * transaction: one insert of many rows for each {@value #NOTES_PER_INSERT}.
   */
  public void note(java.util.Collection<String> petitionIds) {
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(petitionIds));
    for (int i = 0; i < ids.size(); i += NOTES_PER_INSERT) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + NOTES_PER_INSERT));
      StringBuilder sql = new StringBuilder("insert into " + JOURNAL + " (petition_id) values ");
      Map<String, Object> params = new java.util.HashMap<>();
      for (int j = 0; j < chunk.size(); j++) {
        sql.append(j == 0 ? "(:p" : ", (:p").append(j).append(')');
        params.put("p" + j, chunk.get(j));
      }
      jdbc.sql(sql.toString()).params(params).update();
    }
  }

  /** Notes per insert in {@link #note(java.util.Collection)}. */
  static final int NOTES_PER_INSERT = 500;

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
