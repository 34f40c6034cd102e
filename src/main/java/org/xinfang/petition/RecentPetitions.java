package org.xinfang.petition;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.PetitionerData;

/**
 * The petitions this instance committed an act on or read lately: their record, people and history,
 * as of a version and a head of the history chain. A read of the petition's row whose version and
 * chain head are the ones kept here does not read and parse the petitioners, the accused and the
 * history again (three statements of the four an act used to read, and the JSON of every event).
 * Any act, on any instance, adds events and raises the version, so a row changed since is never
 * matched: its petition is read in full, as before. An act may also trust what is kept without
 * reading the row at all ({@link Petitions#trustRecent}): its save's version check, made by the
 * database, refuses it if another instance acted since, and the act is then decided again on the
 * row as read.
 *
 * <p>What is kept is immutable (records; the history a copy). It is put here only after its
 * transaction committed, never from a transaction rolled back. Nothing but an act changes a
 * petition's people or history once registered; the start-up backfills that rewrite stored rows
 * (sealing plain identity numbers, chaining unchained histories) run before any act and {@link
 * #clear} afterwards.
 */
final class RecentPetitions {

  /** One petition as committed: the key (version, events, head) and what it saves reading. */
  record Snapshot(
      int version,
      int events,
      String head,
      List<PetitionerData> petitioners,
      List<AccusedData> accused,
      List<HistoryEvent> history,
      Petitions.Record record) {

    boolean matches(int rowVersion, Petitions.Head rowHead) {
      return version == rowVersion
          && rowHead != null
          && events == rowHead.events()
          && head != null
          && head.equals(rowHead.hash());
    }
  }

  private final Cache<String, Snapshot> kept;

  RecentPetitions(long size) {
    this.kept = Caffeine.newBuilder().maximumSize(Math.max(0, size)).build();
  }

  /** What is kept of a petition if its row still reads this version and chain head. */
  Snapshot matching(String id, int rowVersion, Petitions.Head rowHead) {
    Snapshot s = kept.getIfPresent(id);
    return s != null && s.matches(rowVersion, rowHead) ? s : null;
  }

  /**
   * Keeps a committed petition: only one whose people were read back (not a registration's input),
   * a replayed aggregate with no act left unsaved, whose history is exactly as long as its chain
   * head says (a history read after another act committed, newer than the row read before it, is
   * not kept).
   */
  void committed(LoadedPetitions.Loaded l) {
    if (l.fromInput
        || l.petition == null
        || !l.petition.pending().isEmpty()
        || l.head == null
        || l.record.version() != l.petition.version()) {
      return;
    }
    List<HistoryEvent> history = l.petition.history();
    if (history.size() != l.head.events()
        || (!history.isEmpty() && history.get(history.size() - 1).seq() != l.head.events())) {
      kept.invalidate(l.record.id());
      return;
    }
    kept.put(
        l.record.id(),
        new Snapshot(
            l.record.version(),
            l.head.events(),
            l.head.hash(),
            List.copyOf(l.record.petitioners()),
            List.copyOf(l.record.accused()),
            List.copyOf(history),
            l.record));
  }

  /**
   * What is kept of a petition, whatever its row now reads: for an act that trusts it instead of
   * reading the row ({@link Petitions#trustRecent}), whose version check refuses it if it is old.
   */
  Snapshot latest(String id) {
    return kept.getIfPresent(id);
  }

  /** Forgets a petition (what was kept proved older than its row). */
  void forget(String id) {
    kept.invalidate(id);
  }

  /** Whether a petition is kept (for tests). */
  boolean keeps(String id) {
    return kept.getIfPresent(id) != null;
  }

  void clear() {
    kept.invalidateAll();
  }
}
