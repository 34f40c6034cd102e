package org.xinfang.figures;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;

/**
 * The history of this module's acts (table figure_event, insert only): who exported an assessment
 * or generated an annual report, for which organisation, when, on which article.
 */
@Component
class FigureEvents {

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final Clock clock;

  FigureEvents(JdbcClient jdbc, CurrentActor currentActor, Clock clock) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.clock = clock;
  }

  /** One recorded act. */
  record Event(
      long id,
      String act,
      String actor,
      String organisationId,
      OffsetDateTime recordedAt,
      String basis,
      String details) {}

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void record(String act, String organisationId, String basis, String details) {
    Actor actor = currentActor.get();
    jdbc.sql(
            "insert into figure_event (act, actor, organisation_id, recorded_at, basis, details)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(act, actor.username(), organisationId, OffsetDateTime.now(clock), basis, details)
        .update();
  }

  List<Event> of(String organisationId) {
    return jdbc.sql(
            "select id, act, actor, organisation_id, recorded_at, basis, details from figure_event"
                + " where organisation_id = ? order by id")
        .params(organisationId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }
}
