package org.xinfang.figures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.petition.PetitionActed;

/**
 * Projects the acts into the figures' facts after they commit, in batches (issue 7): an act only
 * notes its petition in {@code figure_pending} (one insert in its transaction); a drain derives the
 * noted petitions' facts again in bulk ({@link FactStore#replace}) and deletes exactly the notes it
 * read. Drains run before every figures read ({@link #catchUp}; in the read's transaction, which is
 * therefore not read-only), so every figure of LAW.md §9 is exact as of its read, and every few
 * seconds ({@link FigureProjectionJob}) so the journal stays short. Drains take turns on a locked
 * row ({@code figure_lock}), across instances too: the volumes per day are adjusted by differences
 * and must not be adjusted twice for the same change. The acts' one note serves the deadline watch
 * too: the watch reads this journal with its own ({@link Figures#ACTS_JOURNAL}), and each drain
 * moves the notes it deletes into the watch's journal ({@link org.xinfang.petition.DutyChanges}) in
 * the same transaction.
 */
@Component
class FigureProjector {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(FigureProjector.class);

  /** Noted petitions per transaction of a drain. */
  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final org.xinfang.shared.DeferredWrites writes;
  private final FactStore facts;
  private final org.xinfang.petition.DutyChanges dutyChanges;
  private final TransactionTemplate separate;
  private final TransactionTemplate nested;

  FigureProjector(
      JdbcClient jdbc,
      FactStore facts,
      PlatformTransactionManager transactionManager,
      org.xinfang.shared.DeferredWrites writes,
      org.xinfang.petition.DutyChanges dutyChanges) {
    this.jdbc = jdbc;
    this.dutyChanges = dutyChanges;
    this.writes = writes;
    this.facts = facts;
    this.separate = new TransactionTemplate(transactionManager);
    // the scheduled drain's batches, and a read inside a read-only caller's transaction: each
    // batch commits on its own
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.nested = new TransactionTemplate(transactionManager);
    this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** An act was recorded: its petition's facts are owed (written by the next drain). */
  @EventListener
  public void on(PetitionActed acted) {
    writes
        .sql("insert into figure_pending (petition_id) values (:p)")
        .param("p", acted.petitionId())
        .defer();
  }

  /**
   * Before a figures read: drains the journal if anything is noted (one probe of its primary key
   * when nothing is), so the read counts every act committed before it.
   */
  void catchUp() {
    if (!pending()) {
      return;
    }
    if (org.springframework.transaction.support.TransactionSynchronizationManager
            .isActualTransactionActive()
        && !org.springframework.transaction.support.TransactionSynchronizationManager
            .isCurrentTransactionReadOnly()) {
      // in the reader's own transaction and on its connection: a reader never holds one
      // connection while waiting for a second (ten readers at once would empty the pool); the
      // lock is held until the read ends, and a read that fails leaves the notes for the next
      drainHere();
    } else {
      drain();
    }
  }

  /** Projects every noted petition in the caller's transaction. */
  private void drainHere() {
    while (batch() == BATCH) {
      // the next batch: a full one that projected every note it read
    }
  }

  /** Whether any act is noted and not yet projected. */
  boolean pending() {
    return !jdbc.sql("select id from figure_pending order by id limit 1")
        .query(Long.class)
        .list()
        .isEmpty();
  }

  /**
   * Projects every noted petition, {@link #BATCH} notes to a transaction, until the journal is
   * empty; returns how many notes were projected. A failed batch rolls back: its notes stay.
   */
  long drain() {
    long done = 0;
    while (true) {
      Integer n = separate.execute(status -> batch());
      done += Math.max(0, n);
      if (n < BATCH) {
        return done;
      }
    }
  }

  /**
   * One batch under the lock: the oldest notes, their petitions' facts, the notes deleted. Returns
   * {@link #BATCH} when a full batch projected something (there may be more), else fewer: the notes
   * projected, or -1 when none could be.
   */
  private int batch() {
    facts.lock();
    List<Long> ids = new ArrayList<>();
    List<String> notedPetitions = new ArrayList<>();
    jdbc.sql("select id, petition_id from figure_pending order by id limit :n")
        .param("n", BATCH)
        .query(
            (java.sql.ResultSet rs) -> {
              ids.add(rs.getLong(1));
              notedPetitions.add(rs.getString(2));
            });
    if (ids.isEmpty()) {
      return 0;
    }
    // a petition noted twice is derived once; a note written meanwhile (not read here) stays
    Set<String> petitions = new LinkedHashSet<>(notedPetitions);
    Set<String> projected = project(petitions);
    List<Long> done = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (projected.contains(notedPetitions.get(i))) {
        done.add(ids.get(i));
        moved.add(notedPetitions.get(i));
      }
    }
    // the notes deleted here move to the deadline watch's journal (DutyChanges) in this
    // transaction: the watch reads both journals, so each act's note is in one of them. A note
    // left here (its facts failed to derive) is read by the watch where it is
    dutyChanges.note(moved);
    for (int i = 0; i < done.size(); i += BATCH) {
      jdbc.sql("delete from figure_pending where id in (:ids)")
          .param("ids", done.subList(i, Math.min(done.size(), i + BATCH)))
          .update();
    }
    // a note left (a petition whose facts could not be derived) stays at the head of the journal:
    // the drain goes on while batches project something, and ends at a batch that projects nothing
    return done.isEmpty() ? -1 : ids.size() < BATCH ? done.size() : BATCH;
  }

  /**
   * The petitions' facts derived again, all at once; if that fails, one by one, so that one
   * petition whose history cannot be derived (a defect, logged) keeps its note without stopping
   * every figures read: the others are projected and its note stays for the next drain. Each
   * attempt runs under a savepoint, so a failed one leaves no half-written facts (and, on
   * PostgreSQL, no aborted transaction).
   */
  private Set<String> project(Set<String> petitions) {
    try {
      nested.executeWithoutResult(status -> facts.replace(new ArrayList<>(petitions)));
      return petitions;
    } catch (RuntimeException all) {
      Set<String> projected = new LinkedHashSet<>();
      for (String p : petitions) {
        try {
          nested.executeWithoutResult(status -> facts.replace(List.of(p)));
          projected.add(p);
        } catch (RuntimeException one) {
          log.error("figures: the facts of petition {} could not be derived; kept noted", p, one);
        }
      }
      return projected;
    }
  }
}
