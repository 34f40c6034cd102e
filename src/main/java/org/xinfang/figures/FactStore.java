package org.xinfang.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.petition.PetitionFacts;
import org.xinfang.petition.PetitionStatistics;

/**
 * The precomputed facts the figures are counted from (tables figure_fact, figure_duty,
 * figure_volume_day): derived again for the petitions the acts noted, after their commit, by {@link
 * FigureProjector}; written by the generator with its batches; and rebuilt for every petition by
 * {@link #rebuild}. Every writer holds the figures' lock ({@code figure_lock}) while it writes: the
 * volumes per day are kept by differences, which two writers at once could count twice.
 */
@Component
class FactStore {

  private final JdbcClient jdbc;
  private final PetitionStatistics statistics;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final org.springframework.jdbc.core.JdbcTemplate batch;
  private final org.xinfang.shared.BulkRows bulk;

  FactStore(
      JdbcClient jdbc,
      org.springframework.jdbc.core.JdbcTemplate batch,
      PetitionStatistics statistics,
      org.springframework.transaction.PlatformTransactionManager transactionManager,
      org.xinfang.shared.BulkRows bulk) {
    this.bulk = bulk;
    this.jdbc = jdbc;
    this.batch = batch;
    this.statistics = statistics;
    this.transactions =
        new org.springframework.transaction.support.TransactionTemplate(transactionManager);
  }

  /** Petitions were written in bulk by the generator: their facts, in the same transaction. */
  @EventListener
  public void on(org.xinfang.petition.PetitionsGenerated generated) {
    replace(generated.petitionIds(), generated.facts());
  }

  /** One petition's facts derived again from its whole history, now. */
  @Transactional
  void refresh(String petitionId) {
    replace(List.of(petitionId), statistics.facts(petitionId).map(List::of).orElseGet(List::of));
  }

  /**
   * These petitions' facts derived again in bulk (their rows and histories in two queries), in the
   * caller's transaction, under the lock ({@link #lock}).
   */
  void replace(List<String> ids) {
    replace(ids, statistics.facts(ids));
  }

  /**
   * Takes the figures' lock until the transaction ends, waiting while another writer of facts (a
   * drain, the generator, a rebuild; on any instance) holds it.
   */
  void lock() {
    long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    while (true) {
      try {
        jdbc.sql("select id from figure_lock where id = 1 for update").query(Integer.class).list();
        return;
      } catch (org.springframework.dao.QueryTimeoutException
          | org.springframework.dao.PessimisticLockingFailureException e) {
        // H2 gives up a row lock after its LOCK_TIMEOUT (2 s; the statement alone fails, the
        // transaction goes on) while a drain of many petitions can take longer: wait again.
        // PostgreSQL waits for the lock as long as it is held.
        if (System.nanoTime() > giveUp) {
          throw e;
        }
      }
    }
  }

  /**
   * Derives every petition's facts again, 1,000 petitions to a transaction: their rows and
   * histories read in two queries, the facts derived in memory, old facts deleted and new ones
   * written in batches; returns how many petitions.
   */
  long rebuild(java.util.function.LongConsumer progress) {
    long done = 0;
    String after = null;
    while (true) {
      List<String> ids = statistics.ids(after, 1000);
      if (ids.isEmpty()) {
        // a repeat rebuilt before the petition it names had facts: every earliest repeat again;
        // and the volumes per day counted again from the facts
        transactions.executeWithoutResult(
            status -> {
              lock();
              jdbc.sql(
                      "update figure_fact set first_repeat_day = (select min(r.received_day)"
                          + " from figure_fact r where r.repeat_of = figure_fact.petition_id)")
                  .update();
              jdbc.sql("delete from figure_volume_day").update();
              jdbc.sql(
                      "insert into figure_volume_day (received_by, received_day, batches, persons)"
                          + " select received_by, received_day, count(*), sum(persons)"
                          + " from figure_fact where accuses_organisation = false"
                          + " group by received_by, received_day")
                  .update();
            });
        return done;
      }
      transactions.executeWithoutResult(status -> replace(ids));
      done += ids.size();
      progress.accept(done);
      after = ids.get(ids.size() - 1);
    }
  }

  private void replace(List<String> ids, List<PetitionFacts> facts) {
    // every write of facts goes through here, so every writer takes the lock here (again within
    // the same transaction is free)
    lock();
    // what the rows being replaced said: whom each repeated (a link may change), and the day of
    // its own earliest repeat (kept: the repeats naming it are other petitions' facts)
    // and what they counted in the volumes per day (taken out, the new facts put in)
    java.util.Set<String> repeated = new java.util.HashSet<>();
    java.util.Map<String, Integer> firstRepeat = new java.util.HashMap<>();
    java.util.Map<VolumeDay, long[]> volumes = new java.util.TreeMap<>();
    jdbc.sql(
            "select petition_id, repeat_of, first_repeat_day, received_by, received_day, persons,"
                + " accuses_organisation from figure_fact where petition_id in (:ids)")
        .param("ids", ids)
        .query(
            (java.sql.ResultSet rs) -> {
              if (rs.getString(2) != null) {
                repeated.add(rs.getString(2));
              }
              int day = rs.getInt(3);
              if (!rs.wasNull()) {
                firstRepeat.put(rs.getString(1), day);
              }
              if (!rs.getBoolean(7)) {
                count(volumes, new VolumeDay(rs.getString(4), rs.getInt(5)), -1, -rs.getInt(6));
              }
            });
    jdbc.sql("delete from figure_duty where petition_id in (:ids)").param("ids", ids).update();
    jdbc.sql("delete from figure_fact where petition_id in (:ids)").param("ids", ids).update();
    List<Object[]> factRows = new java.util.ArrayList<>(facts.size());
    List<Object[]> dutyRows = new java.util.ArrayList<>();
    for (PetitionFacts f : facts) {
      factRows.add(factRow(f, firstRepeat.get(f.id())));
      for (PetitionFacts.DutySpan d : f.duties()) {
        dutyRows.add(dutyRow(f, d));
      }
    }
    if (facts.size() > 1) {
      bulk.insert("figure_fact", FACT_COLUMNS, factRows);
      bulk.insert("figure_duty", DUTY_COLUMNS, dutyRows);
    } else {
      batch.batchUpdate(INSERT_FACT, factRows);
      batch.batchUpdate(INSERT_DUTY, dutyRows);
    }
    for (PetitionFacts f : facts) {
      if (f.repeatOf() != null) {
        repeated.add(f.repeatOf());
      }
      if (!f.accusesOrganisation()) {
        count(
            volumes,
            new VolumeDay(f.receivedBy(), (int) f.receivedOn().toEpochDay()),
            1,
            f.persons());
      }
    }
    firstRepeats(repeated);
    addVolumes(volumes);
  }

  /** A receiving organisation and a day: a row of {@code figure_volume_day}. */
  private record VolumeDay(String receivedBy, int day) implements Comparable<VolumeDay> {
    @Override
    public int compareTo(VolumeDay o) {
      int c = receivedBy.compareTo(o.receivedBy);
      return c != 0 ? c : Integer.compare(day, o.day);
    }
  }

  private static void count(Map<VolumeDay, long[]> volumes, VolumeDay key, long n, long persons) {
    long[] v = volumes.computeIfAbsent(key, k -> new long[2]);
    v[0] += n;
    v[1] += persons;
  }

  /**
   * Adds the differences to the volumes per day, in key order. A petition whose receiver, day,
   * persons and accusation did not change changes nothing here and writes nothing; the writers hold
   * the figures' lock, so two never count the same difference or insert the same day's row at once.
   */
  private void addVolumes(Map<VolumeDay, long[]> volumes) {
    List<VolumeDay> keys = new java.util.ArrayList<>();
    List<Object[]> updates = new java.util.ArrayList<>();
    volumes.forEach(
        (k, v) -> {
          if (v[0] != 0 || v[1] != 0) {
            keys.add(k);
            updates.add(new Object[] {v[0], v[1], k.receivedBy(), k.day()});
          }
        });
    if (keys.isEmpty()) {
      return;
    }
    int[] updated =
        batch.batchUpdate(
            "update figure_volume_day set batches = batches + ?, persons = persons + ?"
                + " where received_by = ? and received_day = ?",
            updates);
    List<Object[]> inserts = new java.util.ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (updated[i] == 0) {
        Object[] u = updates.get(i);
        inserts.add(new Object[] {u[2], u[3], u[0], u[1]});
      }
    }
    batch.batchUpdate(
        "insert into figure_volume_day (received_by, received_day, batches, persons)"
            + " values (?, ?, ?, ?)",
        inserts);
  }

  /**
   * Sets {@code first_repeat_day} of these petitions: the day the earliest repeat naming each was
   * received (LAW.md §9, first-petition resolution), null when none.
   */
  private void firstRepeats(java.util.Collection<String> ids) {
    List<String> all = new java.util.ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += 1000) {
      jdbc.sql(
              "update figure_fact set first_repeat_day = (select min(r.received_day) from"
                  + " figure_fact r where r.repeat_of = figure_fact.petition_id)"
                  + " where petition_id in (:ids)")
          .param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
          .update();
    }
  }

  /** How many petitions have no facts yet. */
  long missing() {
    return jdbc.sql(
            "select count(*) from petition p where not exists"
                + " (select 1 from figure_fact f where f.petition_id = p.id)")
        .query(Long.class)
        .single();
  }

  private static final List<String> FACT_COLUMNS =
      List.of(
          "petition_id",
          "received_by",
          "received_on",
          "received_day",
          "persons",
          "channel",
          "category",
          "region_code",
          "topic",
          "repeat_of",
          "concluded_on",
          "concluded_day",
          "concluded_by",
          "opinion_given",
          "rating",
          "rated_on",
          "resolved",
          "resolved_on",
          "resolved_by",
          "first_repeat_day",
          "accuses_organisation");

  private static final List<String> DUTY_COLUMNS =
      List.of(
          "petition_id",
          "ordinal",
          "duty",
          "owed_by",
          "arose",
          "due",
          "done_on",
          "done_act",
          "accuses_organisation");

  private static final String INSERT_FACT =
      """
      insert into figure_fact (petition_id, received_by, received_on, received_day, persons,
        channel, category, region_code, topic, repeat_of, concluded_on, concluded_day,
        concluded_by, opinion_given, rating, rated_on, resolved, resolved_on, resolved_by,
        first_repeat_day, accuses_organisation)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

  private static final String INSERT_DUTY =
      "insert into figure_duty (petition_id, ordinal, duty, owed_by, arose, due, done_on, done_act,"
          + " accuses_organisation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static Object[] factRow(PetitionFacts f, Integer firstRepeatDay) {
    return new Object[] {
      f.id(),
      f.receivedBy(),
      f.receivedOn(),
      (int) f.receivedOn().toEpochDay(),
      f.persons(),
      f.channel().name(),
      f.category() == null ? null : f.category().name(),
      f.regionCode(),
      f.topic(),
      f.repeatOf(),
      f.firstConcludedOn(),
      f.firstConcludedOn() == null ? null : (int) f.firstConcludedOn().toEpochDay(),
      f.firstConcludedBy(),
      f.opinionGiven(),
      f.rating() == null ? null : f.rating().name(),
      f.ratedOn(),
      f.resolved(),
      f.resolvedOn(),
      f.resolvedBy(),
      firstRepeatDay,
      f.accusesOrganisation()
    };
  }

  private static Object[] dutyRow(PetitionFacts f, PetitionFacts.DutySpan d) {
    return new Object[] {
      f.id(),
      d.ordinal(),
      d.duty().name(),
      d.owedBy(),
      d.arose(),
      d.due(),
      d.doneOn(),
      d.doneAct(),
      f.accusesOrganisation()
    };
  }

  static LocalDate epoch(int day) {
    return LocalDate.ofEpochDay(day);
  }
}
