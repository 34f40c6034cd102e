package org.xinfang.leadership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.xinfang.organisation.Users;
import org.xinfang.petition.PetitionService;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import org.xinfang.shared.PersonalData;

/**
 * The leaders' reception duty (条例 Art. 7: 领导接访, 下访): a roster of who receives where on which day,
 * what each reception recorded, and which duty days passed with nothing recorded (missed).
 */
@Service
public class Receptions {

  /** The basis every reception act cites. */
  public static final String BASIS = "条例 Art. 7 (领导接访)";

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS =
      "id, kind, duty_date, place, destination, leader, organisation_id, created_by";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final Users users;
  private final CurrentActor currentActor;
  private final PetitionService petitions;
  private final Clock clock;

  Receptions(
      JdbcClient jdbc,
      Organisations organisations,
      Users users,
      CurrentActor currentActor,
      PetitionService petitions,
      Clock clock) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.users = users;
    this.currentActor = currentActor;
    this.petitions = petitions;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /**
   * A leader or supervisor puts a leader on the roster of an organisation within their
   * jurisdiction.
   *
   * @throws Forbidden for a user who is neither leader nor supervisor, or an organisation outside
   *     their jurisdiction
   */
  @Transactional
  public ReceptionDuty schedule(NewDuty n) {
    Actor actor = currentActor.get();
    if (!actor.bootstrapAdmin() && !actor.has(Role.LEADER) && !actor.has(Role.SUPERVISOR)) {
      throw new Forbidden(
          "role (API.md Users)", "The reception roster is kept by leaders and supervisors.");
    }
    String leaderName = blank(n.leader()) ? actor.username() : n.leader().strip();
    Actor leader =
        users
            .find(leaderName)
            .orElseThrow(() -> new InvalidInput("leader", "no such user: " + leaderName));
    if (!leader.has(Role.LEADER)) {
      throw new InvalidInput("leader", "not a leader: " + leaderName);
    }
    String org = blank(n.organisationId()) ? leader.organisationId() : n.organisationId().strip();
    if (org == null || organisations.find(org).isEmpty()) {
      throw new InvalidInput("organisationId", "no such organisation: " + org);
    }
    if (!actor.bootstrapAdmin()
        && !organisations.jurisdiction(actor.organisationId()).contains(org)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A roster is kept for organisations within one's own jurisdiction.");
    }
    ReceptionKind kind = n.kind() == null ? ReceptionKind.RECEPTION : n.kind();
    if (kind == ReceptionKind.VISIT_OUT && blank(n.destination())) {
      throw new InvalidInput("destination", "required for an outreach visit (VISIT_OUT)");
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            insert into reception_duty (id, kind, duty_date, place, destination, leader,
              organisation_id, created_by, created_at)
            values (:id, :kind, :date, :place, :destination, :leader, :org, :by, :at)
            """)
        .param("id", id)
        .param("kind", kind.name())
        .param("date", n.date())
        .param("place", n.place().strip())
        .param("destination", blank(n.destination()) ? null : n.destination().strip())
        .param("leader", leaderName)
        .param("org", org)
        .param("by", actor.username())
        .param("at", now())
        .update();
    event(
        id,
        "schedule",
        actor,
        kind + " " + n.date() + " at " + n.place().strip() + ", leader " + leaderName);
    return load(id);
  }

  /**
   * Records what a reception (or outreach visit) did, on its day or later; once.
   *
   * @throws Forbidden for anyone but the leader on duty and users of the receiving organisation
   * @throws LawViolation before the day, or when already recorded
   * @throws NotFound when a petition named is unknown or hidden from the user
   */
  @Transactional
  public ReceptionDuty record(String id, NewReception r) {
    Actor actor = currentActor.get();
    ReceptionDuty d = readable(id, actor);
    if (!actor.bootstrapAdmin()
        && !actor.username().equals(d.leader())
        && !d.organisationId().equals(actor.organisationId())) {
      throw new Forbidden(
          "reception-on-duty (" + BASIS + ")",
          "A reception is recorded by the leader on duty or the receiving organisation.");
    }
    if (d.date().isAfter(today())) {
      throw new LawViolation(
          "reception-held (" + BASIS + ")", "A reception is recorded on its day or later.");
    }
    if (d.record() != null) {
      throw new LawViolation(
          "reception-once (" + BASIS + ")", "This reception is already recorded.");
    }
    Map<String, ReceptionPetition> named = new LinkedHashMap<>();
    for (ReceptionPetition p :
        r.petitions() == null ? List.<ReceptionPetition>of() : r.petitions()) {
      if (p == null || blank(p.petitionId()) || p.outcome() == null) {
        throw new InvalidInput("petitions", "each needs a petitionId and an outcome");
      }
      petitions.requireReadable(p.petitionId().strip());
      named.put(p.petitionId().strip(), p);
    }
    jdbc.sql(
            """
            insert into reception (duty_id, held_on, visitors, names, notes, recorded_by,
              recorded_at)
            values (:id, :on, :visitors, :names, :notes, :by, :at)
            """)
        .param("id", id)
        .param("on", d.date())
        .param("visitors", r.visitors())
        .param("names", blank(r.names()) ? null : r.names().strip())
        .param("notes", blank(r.notes()) ? null : r.notes().strip())
        .param("by", actor.username())
        .param("at", now())
        .update();
    named.forEach(
        (petitionId, p) ->
            jdbc.sql(
                    "insert into reception_petition (duty_id, petition_id, outcome)"
                        + " values (:id, :p, :o)")
                .param("id", id)
                .param("p", petitionId)
                .param("o", p.outcome().name())
                .update());
    event(
        id,
        "record",
        actor,
        r.visitors()
            + " visitor(s)"
            + (named.isEmpty() ? "" : "; petitions " + String.join(", ", named.keySet())));
    return masked(load(id));
  }

  /**
   * A roster entry the signed-in user may see (names of visitors masked).
   *
   * @throws Forbidden outside their organisation (a supervisor or leader: their jurisdiction)
   */
  @Transactional(readOnly = true)
  public ReceptionDuty get(String id) {
    return masked(readable(id, currentActor.get()));
  }

  /** The roster entries the signed-in user may see between two days (inclusive), by date. */
  @Transactional(readOnly = true)
  public List<ReceptionDuty> roster(LocalDate from, LocalDate to) {
    Actor actor = currentActor.get();
    return ids(null, from, to).stream()
        .map(this::load)
        .filter(d -> mayRead(d, actor))
        .map(Receptions::masked)
        .toList();
  }

  /**
   * The reception duty of some organisations between two days (inclusive), as of today: how many
   * entries, held, missed, upcoming. Not scoped to a user: for modules that report on organisations
   * (the daily bulletin).
   */
  @Transactional(readOnly = true)
  public DutyStatus dutyStatus(Set<String> orgs, LocalDate from, LocalDate to) {
    if (orgs == null || orgs.isEmpty()) {
      return new DutyStatus(0, 0, 0, 0, List.of());
    }
    LocalDate today = today();
    int held = 0, upcoming = 0;
    List<ReceptionDuty> missed = new ArrayList<>();
    List<String> ids = ids(orgs, from, to);
    for (String id : ids) {
      ReceptionDuty d = masked(load(id));
      switch (d.status(today)) {
        case HELD -> held++;
        case UPCOMING -> upcoming++;
        case MISSED -> missed.add(d);
      }
    }
    return new DutyStatus(ids.size(), held, missed.size(), upcoming, missed);
  }

  private List<String> ids(Set<String> orgs, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new InvalidInput("to", "a period from–to, to not before from");
    }
    if (from.plusDays(400).isBefore(to)) {
      throw new InvalidInput("to", "at most 400 days");
    }
    List<Object> args = new ArrayList<>(List.of(from, to));
    String in = "";
    if (orgs != null) {
      in =
          " and organisation_id in ("
              + String.join(", ", Collections.nCopies(orgs.size(), "?"))
              + ")";
      args.addAll(orgs);
    }
    return jdbc.sql(
            "select id from reception_duty where duty_date >= ? and duty_date <= ?"
                + in
                + " order by duty_date, organisation_id, id")
        .params(args)
        .query(String.class)
        .list();
  }

  private ReceptionDuty readable(String id, Actor actor) {
    ReceptionDuty d = find(id).orElseThrow(() -> new NotFound("No roster entry " + id));
    if (!mayRead(d, actor)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the roster of their own organisation (a supervisor or leader: of their"
              + " jurisdiction).");
    }
    return d;
  }

  private boolean mayRead(ReceptionDuty d, Actor actor) {
    if (actor.bootstrapAdmin() || actor.username().equals(d.leader())) {
      return true;
    }
    if (actor.organisationId() == null) {
      return false;
    }
    if (actor.organisationId().equals(d.organisationId())) {
      return true;
    }
    return (actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER))
        && organisations.jurisdiction(actor.organisationId()).contains(d.organisationId());
  }

  /** Visitors' names are personal data: masked in every view (docs/access.md). */
  private static ReceptionDuty masked(ReceptionDuty d) {
    ReceptionRecord r = d.record();
    if (r == null || r.names() == null) {
      return d;
    }
    List<String> masked = new ArrayList<>();
    for (String name : r.names().split("[、,，;；\\s]+")) {
      if (!name.isBlank()) {
        masked.add(PersonalData.maskName(name));
      }
    }
    return new ReceptionDuty(
        d.id(),
        d.kind(),
        d.date(),
        d.place(),
        d.destination(),
        d.leader(),
        d.organisationId(),
        d.createdBy(),
        new ReceptionRecord(
            r.heldOn(),
            r.visitors(),
            String.join("、", masked),
            r.notes(),
            r.recordedBy(),
            r.recordedAt(),
            r.petitions()),
        d.history());
  }

  private Optional<ReceptionDuty> find(String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    boolean exists =
        jdbc.sql("select count(*) from reception_duty where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single()
            > 0;
    return exists ? Optional.of(load(id)) : Optional.empty();
  }

  private ReceptionDuty load(String id) {
    List<ReceptionPetition> named =
        jdbc.sql(
                "select petition_id, outcome from reception_petition where duty_id = :id"
                    + " order by petition_id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new ReceptionPetition(
                        rs.getString("petition_id"),
                        ReceptionPetition.Outcome.valueOf(rs.getString("outcome"))))
            .list();
    ReceptionRecord record =
        jdbc.sql(
                "select held_on, visitors, names, notes, recorded_by, recorded_at from reception"
                    + " where duty_id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new ReceptionRecord(
                        rs.getObject("held_on", LocalDate.class),
                        rs.getInt("visitors"),
                        rs.getString("names"),
                        rs.getString("notes"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class),
                        named))
            .optional()
            .orElse(null);
    List<LeadershipEvent> history =
        jdbc.sql(
                "select act, actor, organisation_id, at, on_date, basis, detail from"
                    + " reception_event where duty_id = :id order by seq")
            .param("id", id)
            .query(Packages::event)
            .list();
    return jdbc.sql("select " + COLUMNS + " from reception_duty where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new ReceptionDuty(
                    rs.getString("id"),
                    ReceptionKind.valueOf(rs.getString("kind")),
                    rs.getObject("duty_date", LocalDate.class),
                    rs.getString("place"),
                    rs.getString("destination"),
                    rs.getString("leader"),
                    rs.getString("organisation_id"),
                    rs.getString("created_by"),
                    record,
                    history))
        .single();
  }

  private void event(String dutyId, String act, Actor actor, String detail) {
    jdbc.sql(
            """
            insert into reception_event (id, duty_id, seq, act, actor, organisation_id, at,
              on_date, basis, detail)
            values (:id, :d, (select coalesce(max(e.seq), 0) + 1 from reception_event e
              where e.duty_id = :d), :act, :actor, :org, :at, :on, :basis, :detail)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("d", dutyId)
        .param("act", act)
        .param("actor", actor.username())
        .param("org", actor.organisationId())
        .param("at", now())
        .param("on", today())
        .param("basis", BASIS)
        .param("detail", detail)
        .update();
  }

  private OffsetDateTime now() {
    return clock.instant().atZone(CHINA).toOffsetDateTime();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
