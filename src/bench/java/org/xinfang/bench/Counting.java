package org.xinfang.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what goes to the database while switched on: statements executed (a batch counts its
 * rows; a prepared text of several statements, as the application's deferred writes send on
 * PostgreSQL, counts each), round trips (each execute, and each commit the driver sends: not one
 * whose transaction the last writes' text already ended), commits, and the time spent waiting in
 * execute and commit. It wraps the application's
 * DataSource (the HikariCP pool) so that Xinfang, Flowable and the insert loop are counted alike.
 */
final class Counting implements BeanPostProcessor {

  static volatile boolean on;
  static final AtomicLong statements = new AtomicLong();
  static final AtomicLong roundTrips = new AtomicLong();
  static final AtomicLong commits = new AtomicLong();
  static final AtomicLong nanosInDatabase = new AtomicLong();

  /** Statements prepared while on, by their SQL's first words (what an act sends). */
  static final java.util.Map<String, AtomicLong> bySql = new java.util.concurrent.ConcurrentHashMap<>();

  /** The time waited in execute, by what was sent (its first statement, and how many more). */
  static final java.util.Map<String, AtomicLong> waitBySql =
      new java.util.concurrent.ConcurrentHashMap<>();

  static void reset() {
    bySql.clear();
    waitBySql.clear();
    statements.set(0);
    roundTrips.set(0);
    commits.set(0);
    nanosInDatabase.set(0);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
      return wrap(ds, DataSource.class, 1, null);
    }
    return bean;
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrap(T target, Class<T> type, int parts, String label) {
    InvocationHandler h =
        (proxy, method, args) -> {
          String m = method.getName();
          long start = 0;
          boolean timed = on && (m.startsWith("execute") || m.equals("commit"));
          if (timed) {
            start = System.nanoTime();
            if (m.equals("commit") && !ended(target)) {
              // the driver sends a commit only for a transaction not already ended in the text of
              // the last writes (the application's deferred writes on PostgreSQL)
              roundTrips.incrementAndGet();
            }
          }
          int prepared = 1;
          String sent = null;
          if (on && m.startsWith("prepare") && args != null && args[0] instanceof String sql) {
            String[] statementsOf = sql.split(";\n");
            // the commit sent in the text of the last writes (PostgreSQL) is counted as a commit
            prepared = (int) java.util.Arrays.stream(statementsOf).filter(x -> !x.equals("commit")).count();
            for (String one : statementsOf) {
              String key = one.strip().replaceAll("\\s+", " ");
              key = key.length() > 90 ? key.substring(0, 90) : key;
              bySql.computeIfAbsent(key, x -> new AtomicLong()).incrementAndGet();
              if (sent == null) {
                sent = key.substring(0, Math.min(60, key.length()));
              }
            }
            if (statementsOf.length > 1) {
              sent += " (+" + (statementsOf.length - 1) + ")";
            }
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (timed) {
            long waited = System.nanoTime() - start;
            nanosInDatabase.addAndGet(waited);
            waitBySql
                .computeIfAbsent(m.equals("commit") ? "commit" : String.valueOf(label), x -> new AtomicLong())
                .addAndGet(waited);
            if (m.equals("commit")) {
              commits.incrementAndGet();
            } else if (m.equals("executeBatch") && result instanceof int[] rows) {
              statements.addAndGet(rows.length);
              roundTrips.incrementAndGet();
            } else if (m.equals("executeLargeBatch") && result instanceof long[] rows) {
              statements.addAndGet(rows.length);
              roundTrips.incrementAndGet();
            } else {
              statements.addAndGet(parts);
              roundTrips.incrementAndGet();
            }
          }
          if (m.equals("unwrap")) {
            // the driver's own connection, asked for by name (COPY): wrapping it again would not
            // be the class asked for (the figures' drain fell back to one petition at a time)
            return result;
          }
          if (result instanceof Connection c && !Proxy.isProxyClass(c.getClass())) {
            return wrap(c, Connection.class, 1, null);
          }
          if (result instanceof Statement s && !Proxy.isProxyClass(s.getClass())) {
            Class<? extends Statement> kind =
                s instanceof java.sql.CallableStatement
                    ? java.sql.CallableStatement.class
                    : s instanceof java.sql.PreparedStatement
                        ? java.sql.PreparedStatement.class
                        : Statement.class;
            return wrapStatement(s, kind, prepared, sent);
          }
          return result;
        };
    return (T) Proxy.newProxyInstance(Counting.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  /** Whether a PostgreSQL connection's transaction already ended (its commit sends nothing). */
  private static boolean ended(Object connection) {
    try {
      return connection instanceof Connection c
          && c.isWrapperFor(org.postgresql.core.BaseConnection.class)
          && c.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
              == org.postgresql.core.TransactionState.IDLE;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Object wrapStatement(
      Statement s, Class<? extends Statement> kind, int parts, String label) {
    return wrap(s, (Class<Statement>) (Class<?>) kind, parts, label);
  }
}
