package org.xinfang.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes whose result nobody reads before the transaction's next statement: queued on the
 * transaction's connection and sent just before that connection's next statement, savepoint or
 * commit, whichever comes first. On PostgreSQL the queued writes go in one round trip (the driver
 * sends the statements of one prepared text together, before one Sync), so an act's event, row
 * update, duties and journal notes cost one wait instead of one each; on H2 they run one by one.
 *
 * <p>What a queued write may not do is fail quietly: a write that must touch an exact number of
 * rows (a row update under its version check) names that number and the exception to throw, which
 * is thrown when the write is sent — with the commit at the latest (on PostgreSQL the commit goes
 * in the round trip of the last writes, and the server checks each count before it), so the
 * transaction rolls back as it did when the write ran at once. A database error is translated as
 * {@code JdbcClient} translates it, and thrown again by the connection's next statement and by the
 * commit, so whoever catches it where it surfaced cannot commit without the writes. A rollback (of
 * the transaction or to a savepoint) drops what it would undo. Outside a transaction, and after its
 * commit (an {@code afterCommit} callback), a write runs at once. A counter that must answer now
 * ({@link Write#sendReturning}) goes with the queue in the same round trip.
 *
 * <p>Only the connections of the pool this application wraps ({@link DeferringDataSource}) defer:
 * every statement on them first sends what is queued, so nothing read in the transaction misses a
 * queued write.
 */
@Component
public class DeferredWrites {

  private final DataSource dataSource;
  private final boolean postgres;
  private final SQLExceptionTranslator translator;
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  /** Texts kept in each of the maps below, at most (each holds the same few hundred). */
  private static final int KEPT_TEXTS = 2_000;

  /** What {@code map} keeps for {@code key}, computed and kept (while there is room) if absent. */
  private static <K, V> V kept(Map<K, V> map, K key, java.util.function.Function<K, V> compute) {
    V value = map.get(key);
    if (value == null) {
      value = compute.apply(key);
      if (map.size() < KEPT_TEXTS) {
        map.put(key, value);
      }
    }
    return value;
  }

  /** The server-checked forms of writes ({@link #serverChecked}), by text, count and place. */
  private final Map<String, String> checked = new ConcurrentHashMap<>();

  /**
   * The texts of batches sent before, by their statements' texts: the same batch sends the same
   * {@code String}, whose hash the driver's statement cache then does not compute again.
   */
  private final Map<List<String>, String> batches = new ConcurrentHashMap<>();

  /**
   * A write's text parsed once: its {@code ?} form when every parameter is one value, and the
   * parameters' names in the order of their placeholders.
   */
  private record Template(ParsedSql parsed, String sql, List<String> names) {

    static Template of(String namedSql) {
      ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
      // a source that answers every name with the name itself: the values in placeholder order
      // are then the names
      org.springframework.jdbc.core.namedparam.SqlParameterSource naming =
          new org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource() {
            @Override
            public boolean hasValue(String name) {
              return true;
            }

            @Override
            public Object getValue(String name) {
              return name;
            }
          };
      List<String> ordered = new ArrayList<>();
      for (Object name : NamedParameterUtils.buildValueArray(parsed, naming, null)) {
        ordered.add((String) name);
      }
      String sql = NamedParameterUtils.substituteNamedParameters(parsed, naming);
      return new Template(parsed, sql, List.copyOf(ordered));
    }
  }

  public DeferredWrites(DataSource dataSource, Database database) {
    this.dataSource = dataSource;
    this.postgres = database.isPostgres();
    this.translator = new JdbcTemplate(dataSource).getExceptionTranslator();
  }

  /** How many writes wait on the current transaction's connection (for tests). */
  int queued() {
    Connection con = DataSourceUtils.getConnection(dataSource);
    try {
      DeferringDataSource.Handler handler = DeferringDataSource.handlerOf(con);
      return handler == null || handler.pending() == null
          ? 0
          : ((Queue) handler.pending()).writes.size();
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }

  /** A write to queue: {@code :name} parameters, as {@code JdbcClient} takes them. */
  public Write sql(String sql) {
    return new Write(sql);
  }

  /** A write being described: its parameters, then {@link #defer()} or {@link #deferExpecting}. */
  public final class Write {
    private final String sql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Write(String sql) {
      this.sql = sql;
    }

    /**
     * A parameter; its value is read when the write is sent, so pass values that do not change
     * (strings, numbers, dates, records). A collection stands for its elements ({@code in (:ids)}).
     */
    public Write param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    /** Several parameters at once (null values allowed). */
    public Write params(Map<String, ?> values) {
      params.putAll(values);
      return this;
    }

    /** Queues the write; the number of rows it touches is not checked. */
    public void defer() {
      enqueue(this, -1, null);
    }

    /**
     * Queues the write; when it is sent and touches other than {@code rows} rows, {@code otherwise}
     * is thrown (and the transaction rolls back). On PostgreSQL the server checks the count inside
     * the round trip (V36), so a failed check stops the writes queued after it and the commit sent
     * with them, and its exception is the one reported; the write is then an insert, update or
     * delete without a {@code returning} of its own. On H2 the count is checked as the write runs.
     */
    public Queued deferExpecting(int rows, Supplier<? extends RuntimeException> otherwise) {
      Pending pending = pending(this, rows, otherwise);
      return new Queued(DeferredWrites.this.enqueue(pending), pending);
    }

    /**
     * Queues a check: this statement is a query of one number ({@code select count(*) …}), and when
     * it answers other than {@code count}, {@code otherwise} is thrown and the transaction rolls
     * back. It goes with the writes (on PostgreSQL checked by the server in their round trip, so
     * nothing after it runs and no commit sent with it happens); it reads what the transaction sees
     * when it is sent: a copy kept from an earlier read, verified without a round trip of its own.
     */
    public void deferCheck(int count, Supplier<? extends RuntimeException> otherwise) {
      DeferredWrites.this.enqueue(pending(this, count, otherwise, true));
    }

    /**
     * Sends what is queued and this update of one row now, and answers the updated row's {@code
     * column} (empty when no row matched): a counter's next value, in the same round trip as the
     * writes before it on PostgreSQL.
     */
    public OptionalLong sendReturning(String column) {
      return DeferredWrites.this.sendReturning(this, column, false);
    }

    /**
     * Sends this update of one row now, ahead of the writes queued (which stay queued, to go with
     * the next statement or the commit), and answers the updated row's {@code column} (empty when
     * no row matched): a counter that does not depend on the queued writes. Its row is then locked
     * before the rows those writes touch.
     */
    public OptionalLong sendAhead(String column) {
      return DeferredWrites.this.sendReturning(this, column, true);
    }
  }

  /**
   * A write queued expecting a count, which a later write of the same transaction may take the
   * place of while it waits (a row updated twice in one transaction, updated once).
   */
  public final class Queued {
    private final Queue queue;
    private Pending pending;

    private Queued(Queue queue, Pending pending) {
      this.queue = queue;
      this.pending = pending;
    }

    /**
     * Puts {@code write} in this write's place in the queue, with the same expected count and
     * exception, if this write has not been sent; answers whether it did. Once sent (any statement
     * or savepoint of the transaction sends the queue), it stays as it was sent and nothing is
     * replaced.
     */
    public boolean replaceWith(Write write) {
      if (queue == null || queue.completing || queue.failed != null) {
        return false;
      }
      for (int i = 0; i < queue.writes.size(); i++) {
        if (queue.writes.get(i) == pending) {
          Pending replacing = pending(write, pending.expected(), pending.otherwise());
          queue.writes.set(i, replacing);
          pending = replacing;
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One queued write, in the driver's {@code ?} form; with {@code counts}, a query of one number (a
   * {@code select count(*) …}) that must answer {@code expected}.
   */
  private record Pending(
      String sql,
      Object[] args,
      int expected,
      Supplier<? extends RuntimeException> otherwise,
      boolean counts) {
    Pending(
        String sql, Object[] args, int expected, Supplier<? extends RuntimeException> otherwise) {
      this(sql, args, expected, otherwise, false);
    }
  }

  private Pending pending(Write w, int expected, Supplier<? extends RuntimeException> otherwise) {
    return pending(w, expected, otherwise, false);
  }

  private Pending pending(
      Write w, int expected, Supplier<? extends RuntimeException> otherwise, boolean counts) {
    Template t = kept(templates, w.sql, Template::of);
    if (w.params.values().stream().noneMatch(v -> v instanceof Iterable<?>)) {
      // every parameter one value: the text as parsed, the values in its placeholders' order
      Object[] args = new Object[t.names().size()];
      for (int i = 0; i < args.length; i++) {
        String name = t.names().get(i);
        if (!w.params.containsKey(name)) {
          throw new org.springframework.dao.InvalidDataAccessApiUsageException(
              "No value supplied for the SQL parameter '" + name + "'");
        }
        args[i] = w.params.get(name);
      }
      return new Pending(t.sql(), args, expected, otherwise, counts);
    }
    ParsedSql p = t.parsed();
    MapSqlParameterSource source = new MapSqlParameterSource(w.params);
    // a collection parameter stands for as many placeholders as it has elements (`in (:ids)`)
    List<Object> args = new ArrayList<>();
    for (Object value : NamedParameterUtils.buildValueArray(p, source, null)) {
      if (value instanceof Iterable<?> values) {
        values.forEach(args::add);
      } else {
        args.add(value);
      }
    }
    return new Pending(
        NamedParameterUtils.substituteNamedParameters(p, source),
        args.toArray(),
        expected,
        otherwise,
        counts);
  }

  /**
   * Sends this one statement, an update of one row, and answers the value of {@code column} in the
   * updated row (empty when no row was updated): after what is queued, in one round trip on
   * PostgreSQL ({@code returning}); or, {@code ahead}, alone, the queue left queued. On H2 the
   * column comes back as the statement's generated key, as {@code JdbcClient} reads it.
   */
  private OptionalLong sendReturning(Write w, String column, boolean ahead) {
    Pending statement = pending(w, -1, null);
    Connection con = DataSourceUtils.getConnection(dataSource);
    try {
      DeferringDataSource.Handler handler = DeferringDataSource.handlerOf(con);
      Queue queue = handler == null ? null : (Queue) handler.pending();
      if (queue == null) {
        return returning(con, List.of(), statement, column);
      }
      return ahead
          ? queue.ahead(() -> returning(con, List.of(), statement, column))
          : queue.sendWith(queued -> returning(con, queued, statement, column));
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }

  /** The queued writes, then the counter's update, whose column it answers. */
  private OptionalLong returning(
      Connection con, List<Pending> queued, Pending statement, String column) {
    if (postgres) {
      List<Pending> all = new ArrayList<>(queued);
      all.add(new Pending(statement.sql() + " returning " + column, statement.args(), -1, null));
      return together(con, all, true, false);
    }
    send(con, queued);
    try (PreparedStatement ps = con.prepareStatement(statement.sql(), new String[] {column})) {
      bind(ps, statement.args());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys.next() ? OptionalLong.of(keys.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw translated(statement.sql(), e);
    }
  }

  /** As {@code JdbcClient} translates it; an error no rule names stays an uncategorized one. */
  private RuntimeException translated(String sql, SQLException e) {
    RuntimeException t = translator.translate("deferred writes", sql, e);
    return t != null ? t : new UncategorizedSQLException("deferred writes", sql, e);
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, args[i]);
    }
  }

  /** The number a count query answered. */
  private static int count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.getResultSet()) {
      return rs != null && rs.next() ? rs.getInt(1) : -1;
    }
  }

  private static void check(Pending write, int rows) {
    if (write.expected() >= 0 && rows != write.expected()) {
      throw write.otherwise().get();
    }
  }

  private void enqueue(Write w, int expected, Supplier<? extends RuntimeException> otherwise) {
    enqueue(pending(w, expected, otherwise));
  }

  /** Queues the write; answers the queue, or null when it was sent at once. */
  private Queue enqueue(Pending pending) {
    Connection con = DataSourceUtils.getConnection(dataSource);
    try {
      DeferringDataSource.Handler handler = DeferringDataSource.handlerOf(con);
      if (handler == null
          || !TransactionSynchronizationManager.isSynchronizationActive()
          || !DataSourceUtils.isConnectionTransactional(con, dataSource)) {
        send(con, List.of(pending));
        return null;
      }
      Queue queue = (Queue) handler.pending();
      if (queue == null) {
        queue = new Queue(con);
        handler.pending(queue);
      }
      if (queue.completing) {
        // after the commit (an afterCommit callback): nothing would send it any more
        send(con, List.of(pending));
        return null;
      }
      if (!queue.registered) {
        queue.registered = true;
        Queue registered = queue;
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void beforeCompletion() {
                registered.completing = true;
              }

              @Override
              public void afterCompletion(int status) {
                registered.clear();
                registered.registered = false;
                registered.completing = false;
              }
            });
      }
      queue.writes.add(pending);
      return queue;
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }

  /** The writes queued on one connection. */
  private final class Queue implements DeferringDataSource.Pending {
    private final Connection connection;
    private final List<Pending> writes = new ArrayList<>();
    private boolean flushing;
    private boolean registered;

    /** The transaction is completing: a write now (in an afterCommit callback) goes at once. */
    private boolean completing;

    /**
     * A failure of writes already taken off the queue: thrown again by the connection's next
     * statement and by the commit, so that a caller who catches the exception of the statement it
     * surfaced in (a read, or an insert expecting its own duplicate) cannot commit the transaction
     * without them (on PostgreSQL the failed transaction refuses every statement anyway). A
     * rollback forgets it: every savepoint call sends the queue first, so what failed was inside
     * what is rolled back.
     */
    private RuntimeException failed;

    Queue(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void flush() {
      sendQueued(false);
    }

    /**
     * On the connection's commit: on PostgreSQL the queue goes with the commit in one round trip
     * (the driver then finds the transaction ended); on H2 it is sent before the commit.
     */
    @Override
    public void flushCommitting() {
      sendQueued(true);
    }

    private void sendQueued(boolean commit) {
      if (!flushing && (failed != null || !writes.isEmpty())) {
        sendWith(
            batch -> {
              send(connection, batch, commit);
              return null;
            });
      }
    }

    /**
     * Takes the queued writes off the queue and sends them with {@code sender}; a failure is kept
     * (and thrown again by the next send); after a failure, that failure again.
     */
    <T> T sendWith(java.util.function.Function<List<Pending>, T> sender) {
      if (failed != null) {
        writes.clear();
        throw failed;
      }
      List<Pending> batch = new ArrayList<>(writes);
      writes.clear();
      flushing = true;
      try {
        return sender.apply(batch);
      } catch (RuntimeException e) {
        failed = e;
        throw e;
      } finally {
        flushing = false;
      }
    }

    /**
     * Runs {@code statement} on the connection with the queue held back: what is queued stays
     * queued (after a failure, that failure again).
     */
    <T> T ahead(Supplier<T> statement) {
      if (failed != null) {
        writes.clear();
        throw failed;
      }
      boolean was = flushing;
      flushing = true;
      try {
        return statement.get();
      } finally {
        flushing = was;
      }
    }

    @Override
    public void clear() {
      writes.clear();
      failed = null;
    }
  }

  /** Sends writes on the connection: together on PostgreSQL, one by one on H2. */
  private void send(Connection con, List<Pending> batch) {
    send(con, batch, false);
  }

  /**
   * Sends writes on the connection: together on PostgreSQL, with the transaction's commit last when
   * {@code commit}; one by one on H2 (whose commit follows on its own).
   */
  private void send(Connection con, List<Pending> batch, boolean commit) {
    if (postgres) {
      together(con, batch, false, commit);
    } else {
      batch.forEach(write -> together(con, List.of(write), false, false));
    }
  }

  /**
   * Sends the writes as one prepared text and checks their counts in order; with {@code
   * lastReturns}, the last statement returns a row and its first column is the answer; with {@code
   * commit} (PostgreSQL only), the transaction's commit goes last in the same text, so the driver
   * finds the transaction ended and its own commit sends nothing.
   *
   * <p>On PostgreSQL a write expecting a row count is checked by the server, inside the round trip
   * ({@code xinfang_expect_rows}, V36): a count other than expected fails right there, so no write
   * after it runs and the commit is refused; the failure is turned into that write's exception. On
   * H2 each count is checked as its write returns.
   */
  private OptionalLong together(
      Connection con, List<Pending> writes, boolean lastReturns, boolean commit) {
    if (writes.isEmpty()) {
      return OptionalLong.empty();
    }
    List<Pending> sent = new ArrayList<>(writes.size() + 1);
    for (int i = 0; i < writes.size(); i++) {
      Pending w = writes.get(i);
      sent.add(postgres && w.expected() >= 0 ? serverChecked(w, i) : w);
    }
    if (commit) {
      sent.add(new Pending("commit", new Object[0], -1, null));
    }
    Pending joined = joined(sent);
    try (PreparedStatement ps = con.prepareStatement(joined.sql())) {
      bind(ps, joined.args());
      boolean results = ps.execute();
      for (Pending write : lastReturns ? writes.subList(0, writes.size() - 1) : writes) {
        if (!postgres) {
          check(write, write.counts() ? count(ps) : results ? -1 : ps.getUpdateCount());
        }
        results = ps.getMoreResults();
      }
      if (!lastReturns) {
        return OptionalLong.empty();
      }
      try (ResultSet rs = ps.getResultSet()) {
        return rs != null && rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      RuntimeException expected = expectationFailed(e, writes);
      throw expected != null ? expected : translated(joined.sql(), e);
    }
  }

  /**
   * A write whose count the server checks: {@code with deferred_write as (… returning 1) select
   * xinfang_expect_rows(count(*), expected, place) from deferred_write}; the write is an insert,
   * update or delete without a {@code returning} of its own. A count check: {@code select
   * xinfang_expect_rows((select count(*) …), expected, place)}.
   */
  private Pending serverChecked(Pending w, int place) {
    String sql =
        kept(
            checked,
            w.expected() + " " + place + " " + w.counts() + " " + w.sql(),
            key -> {
              String check = "xinfang_expect_rows(%s, " + w.expected() + ", " + place + ")";
              return w.counts()
                  // a query that answers no row reads as no count (-1): it fails the check
                  ? "select " + check.formatted("coalesce((" + w.sql().strip() + "), -1)")
                  : "with deferred_write as ("
                      + w.sql().strip()
                      + " returning 1) select "
                      + check.formatted("count(*)")
                      + " from deferred_write";
            });
    return new Pending(sql, w.args(), w.expected(), w.otherwise(), w.counts());
  }

  /** The exception of the write whose server-checked count failed, if that is what failed. */
  private static RuntimeException expectationFailed(SQLException e, List<Pending> writes) {
    int place = ExpectRowsMigration.placeOf(e);
    return place >= 0 && place < writes.size() && writes.get(place).otherwise() != null
        ? writes.get(place).otherwise().get()
        : null;
  }

  /** The writes as one prepared text: the driver sends its statements together. */
  private Pending joined(List<Pending> batch) {
    if (batch.size() == 1) {
      return batch.get(0);
    }
    List<String> texts = new ArrayList<>(batch.size());
    int count = 0;
    for (Pending p : batch) {
      texts.add(p.sql());
      count += p.args().length;
    }
    String sql = kept(batches, List.copyOf(texts), key -> String.join(";\n", key));
    Object[] args = new Object[count];
    int at = 0;
    for (Pending p : batch) {
      System.arraycopy(p.args(), 0, args, at, p.args().length);
      at += p.args().length;
    }
    return new Pending(sql, args, -1, null);
  }
}
