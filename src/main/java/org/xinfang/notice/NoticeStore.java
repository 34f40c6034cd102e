package org.xinfang.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notices in plain SQL (V5__notice.sql), and the document-number sequences. */
@Repository
class NoticeStore {

  /** One stored notice; {@code pdf} and {@code sha256} stay null until it is first rendered. */
  record Row(
      String id,
      String petitionId,
      NoticeKind kind,
      NoticeStatus status,
      int actSeq,
      String documentNumber,
      LocalDate issuedOn,
      String issuedByOrg,
      String content,
      OffsetDateTime createdAt,
      byte[] pdf,
      String sha256) {}

  private static final String COLUMNS =
      "id, petition_id, kind, status, act_seq, document_number, issued_on, issued_by_org, content,"
          + " created_at";

  private final JdbcClient jdbc;

  NoticeStore(JdbcClient jdbc, org.xinfang.shared.DeferredWrites writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  /** A notice's insert goes with the act's other writes (nothing reads it back before). */
  private final org.xinfang.shared.DeferredWrites writes;

  void insert(Row r) {
    writes
        .sql(
            """
            insert into notice (id, petition_id, kind, status, act_seq, document_number, issued_on,
              issued_by_org, content, created_at)
            values (:id, :petitionId, :kind, :status, :actSeq, :documentNumber, :issuedOn,
              :issuedByOrg, :content, :createdAt)
            """)
        .param("id", r.id())
        .param("petitionId", r.petitionId())
        .param("kind", r.kind().name())
        .param("status", r.status().name())
        .param("actSeq", r.actSeq())
        .param("documentNumber", r.documentNumber())
        .param("issuedOn", r.issuedOn())
        .param("issuedByOrg", r.issuedByOrg())
        .param("content", r.content())
        .param("createdAt", r.createdAt())
        .defer();
  }

  /** The notice without its PDF bytes. */
  Optional<Row> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from notice where id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs, false))
        .optional();
  }

  /** The notice with its PDF bytes (null while not rendered). */
  Optional<Row> findWithPdf(String id) {
    return jdbc.sql("select " + COLUMNS + ", pdf, sha256 from notice where id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs, true))
        .optional();
  }

  /** A petition's notices in the order of the acts that required them. */
  List<Row> list(String petitionId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notice where petition_id = :p order by act_seq, created_at, kind, id")
        .param("p", petitionId)
        .query((rs, n) -> row(rs, false))
        .list();
  }

  /** The latest issued notice of a kind on a petition, optionally created by one act. */
  Optional<Row> latestIssued(String petitionId, NoticeKind kind, Integer actSeq) {
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from notice where petition_id = :p and kind = :k and status = 'ISSUED'"
                + (actSeq == null ? "" : " and act_seq = :seq")
                + " order by act_seq desc, created_at desc")
        .param("p", petitionId)
        .param("k", kind.name())
        .params(actSeq == null ? Map.of() : Map.of("seq", actSeq))
        .query((rs, n) -> row(rs, false))
        .stream()
        .findFirst();
  }

  /** Issues a draft; false when it was issued meanwhile. */
  boolean issue(String id, String documentNumber, LocalDate on, String content) {
    return jdbc.sql(
                """
                update notice set status = 'ISSUED', document_number = :number, issued_on = :on,
                  content = :content
                where id = :id and status = 'DRAFT'
                """)
            .param("id", id)
            .param("number", documentNumber)
            .param("on", on)
            .param("content", content)
            .update()
        == 1;
  }

  /** Keeps the first rendering of an issued notice; false when one was kept already. */
  boolean keepPdf(String id, byte[] pdf, String sha256, OffsetDateTime at) {
    return jdbc.sql(
                """
                update notice set pdf = :pdf, sha256 = :sha, rendered_at = :at
                where id = :id and pdf is null and status = 'ISSUED'
                """)
            .param("id", id)
            .param("pdf", pdf)
            .param("sha", sha256)
            .param("at", at)
            .update()
        == 1;
  }

  /**
   * The next serial of the document numbers of one organ, type code and year; the row lock of the
   * update serialises concurrent issues until the transaction ends.
   */
  int nextSerial(String organisationId, String typeCode, int year) {
    // the new value comes back with the update, sent with the act's queued writes
    java.util.OptionalLong serial =
        writes
            .sql(
                """
                update notice_number_sequence set last_serial = last_serial + 1
                where organisation_id = :org and type_code = :type and number_year = :year
                """)
            .param("org", organisationId)
            .param("type", typeCode)
            .param("year", year)
            // ahead of the act's queued writes: the row's update may then still take in the
            // issue-notice event's, and is written once
            .sendAhead("last_serial");
    if (serial.isEmpty()) {
      // the year's first: its row (or a concurrent issue's, which waits for nothing and fails
      // nothing: a failed insert would abort the whole transaction on PostgreSQL), then counted
      jdbc.sql(
              """
              insert into notice_number_sequence (organisation_id, type_code, number_year, last_serial)
              values (:org, :type, :year, 0) on conflict do nothing
              """)
          .param("org", organisationId)
          .param("type", typeCode)
          .param("year", year)
          .update();
      return nextSerial(organisationId, typeCode, year);
    }
    return (int) serial.getAsLong();
  }

  private static Row row(ResultSet rs, boolean withPdf) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("petition_id"),
        NoticeKind.valueOf(rs.getString("kind")),
        NoticeStatus.valueOf(rs.getString("status")),
        rs.getInt("act_seq"),
        rs.getString("document_number"),
        rs.getObject("issued_on", LocalDate.class),
        rs.getString("issued_by_org"),
        rs.getString("content"),
        rs.getObject("created_at", OffsetDateTime.class),
        withPdf ? rs.getBytes("pdf") : null,
        withPdf ? rs.getString("sha256") : null);
  }
}
