package org.xinfang.shared;

import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, asked once: the embedded default (H2) or PostgreSQL in
 * production. The same migrations and statements run on both; the few things only PostgreSQL offers
 * (COPY, planner statistics refreshed on demand, dropping and rebuilding indexes around a bulk
 * load, a commit that does not wait for its flush) ask here.
 */
@Component
public class Database {

  private final DataSource dataSource;
  private volatile Boolean postgres;

  public Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether this is PostgreSQL (the product name its driver reports). */
  public boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try (java.sql.Connection c = dataSource.getConnection()) {
        known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Cannot tell the database's product", e);
      }
      postgres = known;
    }
    return known;
  }
}
