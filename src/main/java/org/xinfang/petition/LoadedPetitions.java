package org.xinfang.petition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The petitions a transaction has loaded, by id: each one's record, the aggregate replayed from its
 * history, the head of its history chain and the organisations already recorded as its parties. An
 * act reads its petition once; the notice it issues, the {@code issue-notice} event that follows,
 * the figures' facts and the answer all use that same load instead of reading and replaying the
 * history again.
 *
 * <p>Kept as a resource of the transaction and only while one is active. A transaction started
 * inside another (which suspends it) starts with none; the resource is dropped when the transaction
 * completes, committed or rolled back. Nothing loaded outlives its transaction: the next one reads
 * the petition's row again; once the transaction has committed, what it loaded is offered to {@link
 * RecentPetitions}, which spares the next transaction the people and the history while the row's
 * version is unchanged. Within the transaction, each save replaces the entry with the state and
 * version just written; the optimistic check on {@code petition.version} is still made by every
 * save.
 */
final class LoadedPetitions {

  /**
   * One loaded petition. {@code petition} is null until the history is needed (a record read for a
   * scope check does not replay it); {@code parties} is known together with it.
   */
  static final class Loaded {
    Petitions.Record record;
    Petitions.Head head;
    Petition petition;
    Set<String> parties;

    /**
     * The history as this instance last committed it, when the row read still has that version and
     * chain head ({@link RecentPetitions}): replayed instead of read; used once.
     */
    List<HistoryEvent> known;

    /**
     * This transaction's update of the row, while it may still wait in the queue, and the version
     * it checks: a later save in the transaction takes its place instead of writing the row again
     * ({@link org.xinfang.shared.DeferredWrites.Queued#replaceWith}).
     */
    org.xinfang.shared.DeferredWrites.Queued rowUpdate;

    long rowReadAt;

    /**
     * Built from what a registration was given rather than read back (its people as submitted): not
     * kept beyond the transaction, since what was stored may differ (an identity number stripped).
     */
    boolean fromInput;

    Loaded(Petitions.Record record, Petitions.Head head) {
      this.record = record;
      this.head = head;
    }

    Petitions.Record record() {
      return record;
    }

    Petition petition() {
      return petition;
    }

    /**
     * The aggregate as the database holds it in this transaction: replayed, with no act on it left
     * unsaved (an act that failed half-way leaves its events pending: it is read again).
     */
    boolean replayed() {
      return petition != null && petition.pending().isEmpty();
    }

    void replayedFrom(List<HistoryEvent> history) {
      petition = Petition.replay(record.id(), record.version(), history);
      parties = Petitions.partiesOf(record.receivedBy(), petition, history);
    }

    /** Its new version, chain head and parties after a save. */
    void saved(Petitions.Head newHead, Set<String> newParties) {
      record = record.saved(petition.version(), petition.repeatOf());
      head = newHead;
      parties.addAll(newParties);
    }
  }

  /**
   * How many petitions a transaction keeps: an act needs one (two with a repeat link); a long
   * transaction walking many petitions (recomputing provisional due dates after a holiday notice,
   * rebuilding the figures) keeps only the most recent, and an aggregate dropped from here is saved
   * as any other: its chain head and parties are read again.
   */
  static final int KEPT = 32;

  /** The key of this application's resource (one per repository, not one per JVM). */
  private final Object key = new Object();

  /** Told of every petition loaded in a transaction once that transaction has committed. */
  private final java.util.function.Consumer<Loaded> committed;

  LoadedPetitions(java.util.function.Consumer<Loaded> committed) {
    this.committed = committed;
  }

  /** This transaction's loaded petitions, or null outside a transaction. */
  Map<String, Loaded> current() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Loaded> bound =
        (Map<String, Loaded>) TransactionSynchronizationManager.getResource(key);
    if (bound != null) {
      return bound;
    }
    Map<String, Loaded> fresh =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
            return size() > KEPT;
          }
        };
    TransactionSynchronizationManager.bindResource(key, fresh);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
          }

          @Override
          public void resume() {
            TransactionSynchronizationManager.bindResource(key, fresh);
          }

          @Override
          public void afterCommit() {
            for (Loaded l : fresh.values()) {
              committed.accept(l);
            }
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
          }
        });
    return fresh;
  }

  /** Whether this thread holds loaded petitions now (for tests: none outside a transaction). */
  boolean bound() {
    return TransactionSynchronizationManager.hasResource(key);
  }
}
