package org.xinfang.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;

/** The module's event table, and who may read within which organisations. */
@Component
class SupervisionRecord {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final Clock clock;

  SupervisionRecord(JdbcClient jdbc, Organisations organisations, Clock clock) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  OffsetDateTime now() {
    return clock.instant().atZone(CHINA).toOffsetDateTime();
  }

  /** Appends an event in the caller's transaction. */
  void record(
      String kind,
      String subjectId,
      String act,
      LocalDate on,
      String actor,
      String organisationId,
      String article,
      String detail) {
    jdbc.sql(
            """
            insert into supervision_event (subject_kind, subject_id, act, on_date, actor,
              organisation_id, recorded_at, article, detail)
            values (:kind, :subject, :act, :on, :actor, :org, :at, :article, :detail)
            """)
        .param("kind", kind)
        .param("subject", subjectId)
        .param("act", act)
        .param("on", on)
        .param("actor", actor)
        .param("org", organisationId)
        .param("at", now())
        .param("article", article)
        .param("detail", detail)
        .update();
  }

  List<SupervisionEvent> events(String kind, String subjectId) {
    return jdbc.sql(
            """
            select id, subject_kind, subject_id, act, on_date, actor, organisation_id,
              recorded_at, article, detail
            from supervision_event where subject_kind = :kind and subject_id = :id order by id
            """)
        .param("kind", kind)
        .param("id", subjectId)
        .query(
            (rs, n) ->
                new SupervisionEvent(
                    rs.getLong("id"),
                    rs.getString("subject_kind"),
                    rs.getString("subject_id"),
                    rs.getString("act"),
                    rs.getObject("on_date", LocalDate.class),
                    rs.getString("actor"),
                    rs.getString("organisation_id"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("article"),
                    rs.getString("detail")))
        .list();
  }

  /**
   * The organisations whose matters the user oversees: a supervisor's or leader's jurisdiction (条例
   * Art. 40), otherwise their own organisation; everything for the bootstrap administrator.
   */
  Set<String> oversees(Actor actor) {
    if (actor.bootstrapAdmin() && actor.organisationId() == null) {
      return organisations.all().stream()
          .map(org.xinfang.organisation.Organisation::id)
          .collect(java.util.stream.Collectors.toSet());
    }
    if (actor.organisationId() == null) {
      return Set.of();
    }
    if (actor.bootstrapAdmin() || actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)) {
      return organisations.jurisdiction(actor.organisationId());
    }
    return Set.of(actor.organisationId());
  }

  /** Supervisors, leaders (and the bootstrap administrator) oversee; others only act for own. */
  static boolean supervises(Actor actor) {
    return actor.bootstrapAdmin() || actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER);
  }
}
