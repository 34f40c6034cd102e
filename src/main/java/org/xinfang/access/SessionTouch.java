package org.xinfang.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The pages' sessions in the database (Spring Session JDBC): every signed-in page moves the
 * session's last-access time, one single-row update and a commit. On PostgreSQL that commit does
 * not wait for the write-ahead log to reach the disk ({@code synchronous_commit} off for that
 * transaction only): a database crash may lose the last fraction of a second of session touches (a
 * session then looks idle a moment earlier, or asks to sign in again), never a petition's data,
 * which every other transaction still commits durably. Measured at 10,000,000 petitions: the flush
 * was the one disk wait of a page request, up to 35 ms while other writes ran.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouch {

  /** Spring Session's update, with the commit of its transaction made asynchronous. */
  static final String UPDATE_SESSION_QUERY =
      """
      UPDATE %TABLE_NAME%
      SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?,
        PRINCIPAL_NAME = ?
      FROM (SELECT set_config('synchronous_commit', 'off', true)) AS ASYNC_COMMIT
      WHERE PRIMARY_ID = ?
      """;

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> asynchronousSessionTouch(
      org.xinfang.shared.Database database) {
    boolean postgres = database.isPostgres();
    return repository -> {
      if (postgres) {
        repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
      }
    };
  }
}
