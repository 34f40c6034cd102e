package org.xinfang.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Wraps the application's pool so that its connections can hold {@link DeferredWrites}: before a
 * connection prepares a statement, sets or releases a savepoint, commits or changes its
 * auto-commit, it sends what is queued on it (on PostgreSQL the commit goes in the same round trip
 * as the last writes); a rollback or its return to the pool drops what is queued (a rollback to a
 * savepoint drops only writes queued after it, since setting it sent the earlier).
 */
@Component
class DeferringDataSource implements BeanPostProcessor {

  /** What a connection has queued. */
  interface Pending {
    void flush();

    /** Sends what is queued on the connection's commit: on PostgreSQL, with the commit itself. */
    void flushCommitting();

    void clear();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource ds && !(bean instanceof Wrapping)) {
      return new Wrapping(ds);
    }
    return bean;
  }

  /** The deferring connection's handler, or null for any other connection. */
  static Handler handlerOf(Connection con) {
    if (Proxy.isProxyClass(con.getClass())
        && Proxy.getInvocationHandler(con) instanceof Handler h) {
      return h;
    }
    try {
      return con.isWrapperFor(Handler.class) ? con.unwrap(Handler.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** The pool, handing out deferring connections. */
  static final class Wrapping extends DelegatingDataSource {
    Wrapping(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(super.getConnection(username, password));
    }

    private static Connection wrap(Connection target) {
      return (Connection)
          Proxy.newProxyInstance(
              DeferringDataSource.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              new Handler(target));
    }
  }

  /** One connection's queue, and the calls that send or drop it first. */
  static final class Handler implements InvocationHandler {
    private final Connection target;
    private Pending pending;

    Handler(Connection target) {
      this.target = target;
    }

    Pending pending() {
      return pending;
    }

    void pending(Pending pending) {
      this.pending = pending;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "commit" -> {
          if (pending != null) {
            pending.flushCommitting();
          }
        }
        case "prepareStatement",
            "prepareCall",
            "createStatement",
            "setSavepoint",
            "releaseSavepoint",
            "setAutoCommit" -> {
          if (pending != null) {
            pending.flush();
          }
        }
        case "rollback", "close" -> {
          if (pending != null) {
            pending.clear();
          }
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "unwrap" -> {
          if (args[0] == Handler.class) {
            return this;
          }
          // whoever unwraps the driver's connection (COPY) talks to it past this proxy
          if (pending != null) {
            pending.flush();
          }
        }
        case "isWrapperFor" -> {
          if (args[0] == Handler.class) {
            return true;
          }
        }
        default -> {}
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getTargetException();
      }
    }
  }
}
