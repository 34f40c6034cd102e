package org.xinfang.shared;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows into one table inside the current transaction: on PostgreSQL with {@code COPY …
 * FROM STDIN (FORMAT csv)} (one round trip, no statement to parse per row), elsewhere as a JDBC
 * batch of inserts. The rows are the same either way; only the wire differs. For bulk loads (the
 * generator and the facts it hands over), never for a single act.
 */
@Component
public class BulkRows {

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  public BulkRows(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Inserts {@code rows} (values in the order of {@code columns}) into {@code table}. */
  public void insert(String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      if (connection.isWrapperFor(PGConnection.class)) {
        copy(connection.unwrap(PGConnection.class), table, columns, rows);
        return;
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Bulk write into " + table + " failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    jdbc.batchUpdate(
        "insert into "
            + table
            + " ("
            + String.join(", ", columns)
            + ") values ("
            + String.join(", ", Collections.nCopies(columns.size(), "?"))
            + ")",
        rows);
  }

  private static void copy(PGConnection pg, String table, List<String> columns, List<Object[]> rows)
      throws SQLException, java.io.IOException {
    StringBuilder csv = new StringBuilder(rows.size() * 64 * columns.size() / 4);
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException(
            table + ": " + row.length + " values for " + columns.size() + " columns");
      }
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv(csv, row[i]);
      }
      csv.append('\n');
    }
    pg.getCopyAPI()
        .copyIn(
            "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)",
            new StringReader(csv.toString()));
  }

  /** One CSV field: nothing for null (CSV's null), every text quoted (so "" is the empty text). */
  static void csv(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof java.time.ZonedDateTime z) {
      out.append(z.toOffsetDateTime()); // without the zone's name, which PostgreSQL does not read
    } else if (value instanceof Boolean b) {
      out.append(b ? 't' : 'f');
    } else if (value instanceof Number || value instanceof java.time.temporal.Temporal) {
      out.append(value); // ISO-8601, which PostgreSQL reads as it is
    } else {
      String s = value.toString();
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          out.append('"');
        }
        out.append(c);
      }
      out.append('"');
    }
  }
}
