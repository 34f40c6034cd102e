package org.xinfang.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/** Assigned duties: recorded by the modules that assign them, closed by the organisation owing. */
@Service
public class Tasks {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS =
      "id, source, source_id, petition_id, owed_by, title, basis, due, created_by, created_at,"
          + " done_on, done_by, outcome, cancelled";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  Tasks(
      JdbcClient jdbc,
      Organisations organisations,
      CurrentActor currentActor,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.clock = clock;
  }

  /**
   * Records an assigned duty (in the caller's transaction).
   *
   * @param createdBy the user name of whoever assigned it
   * @throws InvalidInput for an unknown organisation, a blank title or a missing due date
   */
  @Transactional
  public Task assign(NewTask t, String createdBy) {
    if (t.owedBy() == null || organisations.find(t.owedBy()).isEmpty()) {
      throw new InvalidInput("owedBy", "no such organisation: " + t.owedBy());
    }
    if (t.title() == null || t.title().isBlank() || t.title().length() > 500) {
      throw new InvalidInput("title", "1–500 characters");
    }
    if (t.due() == null) {
      throw new InvalidInput("due", "required");
    }
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = clock.instant().atZone(CHINA).toOffsetDateTime();
    jdbc.sql(
            """
            insert into task (id, source, source_id, petition_id, owed_by, title, basis, due,
              created_by, created_at, cancelled)
            values (:id, :source, :sourceId, :petitionId, :owedBy, :title, :basis, :due,
              :createdBy, :createdAt, false)
            """)
        .param("id", id)
        .param("source", t.source())
        .param("sourceId", t.sourceId())
        .param("petitionId", t.petitionId())
        .param("owedBy", t.owedBy())
        .param("title", t.title().strip())
        .param("basis", t.basis())
        .param("due", t.due())
        .param("createdBy", createdBy)
        .param("createdAt", now)
        .update();
    events.publishEvent(new TaskAssigned(id, t.petitionId(), t.owedBy()));
    return find(id).orElseThrow();
  }

  public Optional<Task> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from task where id = :id")
        .param("id", id)
        .query(Tasks::row)
        .optional();
  }

  /** The duties a source record created (e.g. one conference decision's). */
  public List<Task> bySource(String source, String sourceId) {
    return jdbc.sql(
            "select " + COLUMNS + " from task where source = :s and source_id = :id order by due")
        .param("s", source)
        .param("id", sourceId)
        .query(Tasks::row)
        .list();
  }

  /** Open duties of one organisation, soonest due first. */
  public List<Task> open(String owedBy, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from task where owed_by = :o and done_on is null and cancelled = false"
                + " order by due, created_at limit :n")
        .param("o", owedBy)
        .param("n", limit)
        .query(Tasks::row)
        .list();
  }

  /** Every duty concerning one petition, oldest first. */
  public List<Task> forPetition(String petitionId) {
    return jdbc.sql(
            "select " + COLUMNS + " from task where petition_id = :p order by created_at, due")
        .param("p", petitionId)
        .query(Tasks::row)
        .list();
  }

  /** Open duties of the organisations given that are past due on {@code today}. */
  public List<Task> overdue(Set<String> owedBy, LocalDate today) {
    if (owedBy.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(owedBy);
    args.add(today);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from task where owed_by in ("
                + String.join(", ", java.util.Collections.nCopies(owedBy.size(), "?"))
                + ") and done_on is null and cancelled = false and due < ? order by due")
        .params(args)
        .query(Tasks::row)
        .list();
  }

  /**
   * The organisation owing it records the duty done (on a day not in the future).
   *
   * @throws Forbidden for a user of another organisation
   * @throws LawViolation when it is already done or cancelled
   */
  @Transactional
  public Task complete(String id, LocalDate on, String outcome) {
    Actor actor = currentActor.get();
    Task t = find(id).orElseThrow(() -> new NotFound("No task " + id));
    if (!actor.bootstrapAdmin() && !t.owedBy().equals(actor.organisationId())) {
      throw new Forbidden(
          "own-organisation (API.md Users)", "The organisation that owes a duty records it done.");
    }
    if (actor.roles().stream().noneMatch(r -> r != Role.ADMIN) && !actor.bootstrapAdmin()) {
      throw new Forbidden("role (API.md Users)", "Recording a duty done needs a working role.");
    }
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    LocalDate day = on == null ? today : on;
    if (day.isAfter(today)) {
      throw new InvalidInput("on", "not in the future");
    }
    if (outcome != null && outcome.length() > 10_000) {
      throw new InvalidInput("outcome", "at most 10000 characters");
    }
    int updated =
        jdbc.sql(
                """
                update task set done_on = :on, done_by = :by, outcome = :outcome
                where id = :id and done_on is null and cancelled = false
                """)
            .param("on", day)
            .param("by", actor.username())
            .param("outcome", outcome)
            .param("id", id)
            .update();
    if (updated != 1) {
      throw new LawViolation("task-open", "This duty is already done or was cancelled.");
    }
    return find(id).orElseThrow();
  }

  /**
   * Records done, as of {@code on}, every open duty of a source record that another module's act
   * discharges — e.g. an escalation (提级办) answered by a leader's case package or by the joint
   * conference taking the matter up. No user check: the discharging module checked its own act.
   *
   * @return how many duties were closed
   */
  @Transactional
  public int discharge(
      String source, String sourceId, LocalDate on, String outcome, String username) {
    return jdbc.sql(
            """
            update task set done_on = :on, done_by = :by, outcome = :outcome
            where source = :source and source_id = :sourceId and done_on is null
              and cancelled = false
            """)
        .param("on", on)
        .param("by", username)
        .param("outcome", outcome)
        .param("source", source)
        .param("sourceId", sourceId)
        .update();
  }

  /** The source withdraws a duty it assigned (e.g. a later decision replaces it). */
  @Transactional
  public void cancel(String id) {
    jdbc.sql("update task set cancelled = true where id = :id and done_on is null")
        .param("id", id)
        .update();
  }

  private static Task row(ResultSet rs, int n) throws SQLException {
    return new Task(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("source_id"),
        rs.getString("petition_id"),
        rs.getString("owed_by"),
        rs.getString("title"),
        rs.getString("basis"),
        rs.getObject("due", LocalDate.class),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("done_on", LocalDate.class),
        rs.getString("done_by"),
        rs.getString("outcome"),
        rs.getBoolean("cancelled"));
  }
}
