package org.xinfang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.support.IntegrationTest;

/**
 * The act's writes are queued and sent together (on PostgreSQL in one round trip) before the
 * transaction's next statement or its commit. Nothing a user submitted may be lost or reordered by
 * that: every read sees the writes before it, a failed check or a database error still refuses the
 * whole transaction, and a rollback undoes exactly what it would have undone.
 */
@DisplayName("Deferred writes: sent before the next statement or the commit, never lost")
class DeferredWritesTest extends IntegrationTest {

  @Autowired DeferredWrites writes;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Database database;
  @Autowired PlatformTransactionManager transactionManager;

  private TransactionTemplate tx;

  @BeforeEach
  void table() {
    tx = new TransactionTemplate(transactionManager);
    jdbc.sql("create table if not exists deferred_probe (id int primary key, v varchar(20), n int)")
        .update();
    jdbc.sql("delete from deferred_probe").update();
  }

  @AfterEach
  void drop() {
    jdbc.sql("drop table if exists deferred_probe").update();
  }

  private void insert(int id, String v) {
    writes
        .sql("insert into deferred_probe (id, v) values (:id, :v)")
        .param("id", id)
        .param("v", v)
        .defer();
  }

  /** What the transaction running the body was refused with. */
  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refusedIn(
      java.util.function.Consumer<org.springframework.transaction.TransactionStatus> body) {
    return assertThatThrownBy(() -> tx.executeWithoutResult(body));
  }

  /** The counter row's update, sent with the queue. */
  private java.util.OptionalLong bump(int id) {
    return writes
        .sql("update deferred_probe set n = n + 1 where id = :id")
        .param("id", id)
        .sendReturning("n");
  }

  /** An update of a row that is not there, queued expecting one row. */
  private void updateOfAMissingRow(String message) {
    writes
        .sql("update deferred_probe set v = :v where id = :id")
        .param("v", "x")
        .param("id", 99)
        .deferExpecting(1, () -> new OptimisticLockingFailureException(message));
  }

  private List<String> values() {
    return jdbc.sql("select v from deferred_probe order by id").query(String.class).list();
  }

  @Test
  @DisplayName("a read in the transaction sees every write queued before it, in order")
  void readSeesQueuedWrites() {
    List<String> seen =
        tx.execute(
            s -> {
              insert(1, "a");
              writes
                  .sql("update deferred_probe set v = :v where id = :id")
                  .param("v", "b")
                  .param("id", 1)
                  .defer();
              insert(2, "c");
              return values();
            });
    assertThat(seen).containsExactly("b", "c");
    assertThat(values()).containsExactly("b", "c");
  }

  @Test
  @DisplayName("a write waits on the connection until the next statement sends it")
  void writesWait() {
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          insert(2, "b");
          assertThat(writes.queued()).isEqualTo(2);
          assertThat(values()).containsExactly("a", "b");
          assertThat(writes.queued()).isZero();
        });
  }

  @Test
  @DisplayName("a collection parameter stands for its elements")
  void collectionParameter() {
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          insert(2, "b");
          insert(3, "c");
          writes
              .sql("delete from deferred_probe where id in (:ids)")
              .param("ids", List.of(1, 3))
              .defer();
        });
    assertThat(values()).containsExactly("b");
  }

  @Test
  @DisplayName(
      "a text sent again binds each time its own values, a name used twice in both places, and"
          + " the same text with a collection its elements")
  void textsKeptBindTheirOwnValues() {
    for (int round = 0; round < 3; round++) {
      int id = 10 + round;
      tx.executeWithoutResult(
          s -> {
            // :id twice: the kept text's placeholders take the value in both places
            writes
                .sql("insert into deferred_probe (id, v) values (:id, cast(:id as varchar(10)))")
                .param("id", id)
                .defer();
            writes
                .sql("update deferred_probe set v = :v where id = :id")
                .param("v", "v" + id)
                .param("id", id)
                .defer();
          });
    }
    assertThat(values()).containsExactly("v10", "v11", "v12");
    tx.executeWithoutResult(
        s ->
            writes
                .sql("delete from deferred_probe where id in (:id)")
                .param("id", List.of(10, 12))
                .defer());
    assertThat(values()).containsExactly("v11");
    // a parameter left out is refused when the write is queued, as JdbcClient refuses it
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s ->
                        writes
                            .sql("update deferred_probe set v = :v where id = :id")
                            .param("v", "x")
                            .defer()))
        .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class)
        .hasMessageContaining("'id'");
    assertThat(values()).containsExactly("v11");
  }

  @Test
  @DisplayName("a write made after the commit (an afterCommit callback) is not dropped")
  void writeAfterCommitGoesAtOnce() {
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          org.springframework.transaction.support.TransactionSynchronizationManager
              .registerSynchronization(
                  new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                      insert(2, "after commit");
                    }
                  });
        });
    assertThat(values()).containsExactly("a", "after commit");
  }

  @Test
  @DisplayName("writes queued last are sent before the commit")
  void commitSendsWhatIsQueued() {
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          insert(2, "b");
        });
    assertThat(values()).containsExactly("a", "b");
  }

  @Test
  @DisplayName("outside a transaction a write runs at once")
  void noTransactionRunsAtOnce() {
    insert(1, "a");
    assertThat(values()).containsExactly("a");
  }

  @Test
  @DisplayName("a row count other than expected refuses the whole transaction with its exception")
  void countCheckRefusesTheTransaction() {
    refusedIn(
            s -> {
              insert(1, "a");
              updateOfAMissingRow("gone");
              insert(2, "b");
            })
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessage("gone");
    assertThat(values()).isEmpty();
  }

  @Test
  @DisplayName(
      "a failed count stops the writes queued after it: its exception is the one told, not theirs")
  void failedCountComesFirst() {
    refusedIn(
            s -> {
              insert(1, "a");
              updateOfAMissingRow("lost race");
              insert(1, "would be a duplicate"); // after the check: never runs
            })
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessage("lost race");
    assertThat(values()).isEmpty();
  }

  @Test
  @DisplayName(
      "a queued count check answers what the transaction sees when sent; another count refuses"
          + " the whole transaction with its exception, and nothing after it runs")
  void countCheckGoesWithTheWrites() {
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          writes
              .sql("select count(*) from deferred_probe where v = :v")
              .param("v", "a")
              .deferCheck(1, () -> new OptimisticLockingFailureException("changed"));
          insert(2, "b");
        });
    assertThat(values()).containsExactly("a", "b");
    refusedIn(
            s -> {
              insert(3, "c");
              writes
                  .sql("select count(*) from deferred_probe where v = :v")
                  .param("v", "gone")
                  .deferCheck(1, () -> new OptimisticLockingFailureException("changed"));
              insert(1, "would be a duplicate"); // after the check: never runs
            })
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessage("changed");
    assertThat(values()).containsExactly("a", "b");
  }

  @Test
  @DisplayName("on PostgreSQL the commit goes in the round trip of the last writes")
  void commitTravelsWithTheLastWrites() {
    org.junit.jupiter.api.Assumptions.assumeTrue(database.isPostgres());
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          java.sql.Connection con = DataSourceUtils.getConnection(dataSource);
          // what the connection does on the transaction manager's commit
          DeferringDataSource.handlerOf(con).pending().flushCommitting();
          try {
            // the driver saw the transaction end: its own commit will send nothing
            assertThat(con.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState())
                .isEqualTo(org.postgresql.core.TransactionState.IDLE);
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(values()).containsExactly("a");
  }

  @Test
  @DisplayName("a database error of a queued write is translated and rolls everything back")
  void databaseErrorRollsBack() {
    refusedIn(
            s -> {
              insert(1, "a");
              insert(1, "duplicate");
            })
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(values()).isEmpty();
  }

  @Test
  @DisplayName("a failure caught where it surfaced still refuses the commit: nothing half-written")
  void caughtFailureStillRefusesTheCommit() {
    refusedIn(
            s -> {
              insert(1, "a");
              insert(1, "duplicate");
              try {
                values(); // the read sends the queue, and the duplicate fails here
              } catch (DataIntegrityViolationException swallowed) {
                // a caller expecting its own duplicate would go on
              }
              insert(2, "b");
            })
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(values()).isEmpty();
  }

  @Test
  @DisplayName("a counter's update sent with the queue answers its new value, after the writes")
  void sendReturningGoesAfterTheQueue() {
    jdbc.sql("insert into deferred_probe (id, v, n) values (100, 'counter', 41)").update();
    java.util.OptionalLong[] next = new java.util.OptionalLong[2];
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          next[0] = bump(100);
          next[1] = bump(999);
          insert(2, "b");
        });
    assertThat(next[0]).hasValue(42);
    assertThat(next[1]).isEmpty();
    assertThat(values()).containsExactly("a", "b", "counter");
  }

  @Test
  @DisplayName(
      "a counter sent ahead answers at once and leaves the queue waiting; the queue goes with the"
          + " commit")
  void sendAheadLeavesTheQueue() {
    jdbc.sql("insert into deferred_probe (id, v, n) values (100, 'counter', 41)").update();
    java.util.OptionalLong[] next = new java.util.OptionalLong[1];
    int[] waiting = new int[2];
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          next[0] =
              writes
                  .sql("update deferred_probe set n = n + 1 where id = :id")
                  .param("id", 100)
                  .sendAhead("n");
          waiting[0] = writes.queued();
          insert(2, "b");
          waiting[1] = writes.queued();
        });
    assertThat(next[0]).hasValue(42);
    assertThat(waiting).containsExactly(1, 2);
    assertThat(values()).containsExactly("a", "b", "counter");
  }

  @Test
  @DisplayName(
      "a queued write is replaced in its place while it waits, keeping its check; once sent, it"
          + " is not")
  void queuedWriteReplacedWhileItWaits() {
    jdbc.sql("insert into deferred_probe (id, v, n) values (7, 'x', 0)").update();
    boolean[] replaced = new boolean[2];
    tx.executeWithoutResult(
        s -> {
          DeferredWrites.Queued first =
              writes
                  .sql("update deferred_probe set v = :v, n = :n where id = :id and n = :was")
                  .param("v", "first")
                  .param("n", 1)
                  .param("id", 7)
                  .param("was", 0)
                  .deferExpecting(1, () -> new OptimisticLockingFailureException("raced"));
          insert(8, "after");
          // the second update of the row, checked against what the first was read at
          replaced[0] =
              first.replaceWith(
                  writes
                      .sql("update deferred_probe set v = :v, n = :n where id = :id and n = :was")
                      .param("v", "second")
                      .param("n", 2)
                      .param("id", 7)
                      .param("was", 0));
          assertThat(writes.queued()).isEqualTo(2);
          values(); // a read sends the queue
          replaced[1] =
              first.replaceWith(
                  writes
                      .sql("update deferred_probe set v = 'third' where id = :id")
                      .param("id", 7));
        });
    assertThat(replaced).containsExactly(true, false);
    assertThat(
            jdbc.sql("select v || ':' || n from deferred_probe where id = 7")
                .query(String.class)
                .single())
        .isEqualTo("second:2");
    // the replacing write keeps the check and the exception of the write it replaced
    refusedIn(
            s -> {
              DeferredWrites.Queued first =
                  writes
                      .sql("update deferred_probe set n = 3 where id = :id and n = :was")
                      .param("id", 7)
                      .param("was", 2)
                      .deferExpecting(1, () -> new OptimisticLockingFailureException("raced"));
              first.replaceWith(
                  writes
                      .sql("update deferred_probe set n = 4 where id = :id and n = :was")
                      .param("id", 7)
                      .param("was", 99));
            })
        .isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessage("raced");
    assertThat(jdbc.sql("select n from deferred_probe where id = 7").query(Integer.class).single())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("a queued write failing in a counter's round trip refuses the transaction")
  void sendReturningReportsTheQueuesFailure() {
    jdbc.sql("insert into deferred_probe (id, v, n) values (100, 'counter', 1)").update();
    refusedIn(
            s -> {
              insert(1, "a");
              insert(1, "duplicate");
              try {
                bump(100);
              } catch (DataIntegrityViolationException swallowed) {
                // caught where it surfaced: the commit refuses all the same
              }
            })
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(values()).containsExactly("counter");
    assertThat(
            jdbc.sql("select n from deferred_probe where id = 100").query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a rollback drops what is queued; the next transaction on the pool starts clean")
  void rollbackDropsTheQueue() {
    tx.executeWithoutResult(
        s -> {
          insert(1, "a");
          s.setRollbackOnly();
        });
    tx.executeWithoutResult(s -> insert(2, "b"));
    assertThat(values()).containsExactly("b");
  }

  @Test
  @DisplayName("a rollback to a savepoint undoes the writes after it, not those before")
  void savepointRollback() {
    TransactionTemplate nested = new TransactionTemplate(transactionManager);
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    tx.executeWithoutResult(
        s -> {
          insert(1, "before");
          nested.executeWithoutResult(
              n -> {
                insert(2, "inside");
                n.setRollbackOnly();
              });
          insert(3, "after");
        });
    assertThat(values()).containsExactly("before", "after");
  }

  @Test
  @DisplayName("a transaction of its own (REQUIRES_NEW) neither sends nor takes the outer queue")
  void separateTransactionKeepsItsOwnQueue() {
    TransactionTemplate separate = new TransactionTemplate(transactionManager);
    separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    AtomicInteger seenInside = new AtomicInteger(-1);
    refusedIn(
            s -> {
              insert(1, "outer");
              separate.executeWithoutResult(
                  i -> {
                    insert(2, "inner");
                    seenInside.set(values().size());
                  });
              throw new IllegalStateException("outer fails");
            })
        .hasMessage("outer fails");
    // the inner transaction saw its own write only (the outer one was not sent), and committed it
    assertThat(seenInside.get()).isEqualTo(1);
    assertThat(values()).containsExactly("inner");
  }

  @Test
  @DisplayName("the pool's connections defer")
  void connectionsOfThePoolDefer() throws Exception {
    var con = DataSourceUtils.getConnection(dataSource);
    try {
      assertThat(DeferringDataSource.handlerOf(con)).isNotNull();
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }
}
