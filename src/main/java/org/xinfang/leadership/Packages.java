package org.xinfang.leadership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.Acts;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import org.xinfang.task.NewTask;
import org.xinfang.task.Task;
import org.xinfang.task.Tasks;

/**
 * Leader case packages (领导包案, 条例 Art. 7): a leader takes charge, plans steps that become the owing
 * organisations' assigned duties, the organs report progress, the leader records the resolution or
 * closes the package. Every act is a {@link LeadershipEvent} in the package's history.
 */
@Service
public class Packages {

  /** The basis every package act cites. */
  public static final String BASIS = "条例 Art. 7 (领导包案)";

  /** The {@link Task#source()} of plan steps. */
  public static final String TASK_SOURCE = "PACKAGE";

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS =
      "id, title, leader, leader_org, receiving_org, handling_org, status, taken_on, ended_on,"
          + " resolution_how, agreement, commitment_signed, help_given, closed_reason";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final PetitionService petitions;
  private final Tasks tasks;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Packages(
      JdbcClient jdbc,
      Organisations organisations,
      CurrentActor currentActor,
      PetitionService petitions,
      Tasks tasks,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.petitions = petitions;
    this.tasks = tasks;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  // ------------------------------------------------------------------------------------ acts

  /**
   * A leader takes personal charge of petitions they may see.
   *
   * @throws Forbidden for a user who is not a leader, or a petition outside their scope
   * @throws NotFound for a petition unknown or hidden from them (an accusation against their unit)
   * @throws LawViolation when a petition is already in another open package
   */
  public LeaderPackage take(NewPackage n) {
    Actor actor = currentActor.get();
    if (!actor.bootstrapAdmin() && !actor.has(Role.LEADER)) {
      throw new Forbidden("role (API.md Users)", "Taking charge of a case needs the role LEADER.");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : n.petitionIds()) {
      petitions.requireReadable(id == null ? null : id.strip());
      ids.add(id.strip());
    }
    return transaction.execute(tx -> take(n, ids, actor));
  }

  private LeaderPackage take(NewPackage n, Set<String> ids, Actor actor) {
    String leaderOrg =
        actor.organisationId() != null ? actor.organisationId() : n.receivingOrg().strip();
    requireWithin("receivingOrg", n.receivingOrg(), leaderOrg, actor);
    requireWithin("handlingOrg", n.handlingOrg(), leaderOrg, actor);
    LocalDate on = dayOf(n.on(), "on");
    for (String id : ids) {
      boolean inOpen =
          jdbc.sql(
                      "select count(*) from leader_package_petition pp join leader_package p on"
                          + " p.id = pp.package_id where pp.petition_id = :id and p.status = 'OPEN'")
                  .param("id", id)
                  .query(Integer.class)
                  .single()
              > 0;
      if (inOpen) {
        throw new LawViolation(
            "one-leader-in-charge (" + BASIS + ")",
            "Petition " + id + " is already in an open package: one leader is in charge of it.");
      }
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            insert into leader_package (id, title, leader, leader_org, receiving_org, handling_org,
              status, taken_on)
            values (:id, :title, :leader, :leaderOrg, :receiving, :handling, 'OPEN', :on)
            """)
        .param("id", id)
        .param("title", n.title().strip())
        .param("leader", actor.username())
        .param("leaderOrg", leaderOrg)
        .param("receiving", n.receivingOrg().strip())
        .param("handling", n.handlingOrg().strip())
        .param("on", on)
        .update();
    for (String p : ids) {
      jdbc.sql("insert into leader_package_petition (package_id, petition_id) values (:k, :p)")
          .param("k", id)
          .param("p", p)
          .update();
    }
    for (String p : ids) {
      // 提级办 answered: the escalation duty of a difficult matter is discharged by the package
      tasks.discharge(
          org.xinfang.petition.PetitionService.ESCALATION,
          p,
          on,
          "领导包案：" + n.title().strip(),
          actor.username());
    }
    event(
        id,
        "take",
        actor,
        on,
        "petitions "
            + String.join(", ", ids)
            + "; receiving "
            + n.receivingOrg().strip()
            + ", handling "
            + n.handlingOrg().strip());
    return load(id);
  }

  /**
   * The leader adds a step to the plan; it becomes an assigned duty of the owing organisation.
   *
   * @throws Forbidden for anyone but the package's leader
   */
  public LeaderPackage addStep(String id, NewStep s) {
    Actor actor = currentActor.get();
    readable(id, actor); // outside the transaction: a refused petition check must not spoil it
    return transaction.execute(tx -> addStep(id, s, actor));
  }

  private LeaderPackage addStep(String id, NewStep s, Actor actor) {
    LeaderPackage p = requireOpen(load(id));
    requireLeader(p, actor);
    requireWithin("owedBy", s.owedBy(), p.leaderOrg(), actor);
    if (s.due().isBefore(p.takenOn())) {
      throw new InvalidInput("due", "must not be before the day the package was taken");
    }
    int seq = p.plan().size() + 1;
    String stepId = UUID.randomUUID().toString();
    Task task =
        tasks.assign(
            new NewTask(
                TASK_SOURCE,
                stepId,
                p.petitionIds().get(0),
                s.owedBy().strip(),
                "领导包案「" + p.title() + "」第" + seq + "步：" + s.title().strip(),
                BASIS,
                s.due()),
            actor.username());
    jdbc.sql(
            """
            insert into leader_package_step (id, package_id, seq, title, owed_by, due, task_id)
            values (:id, :k, :seq, :title, :owedBy, :due, :task)
            """)
        .param("id", stepId)
        .param("k", id)
        .param("seq", seq)
        .param("title", s.title().strip())
        .param("owedBy", s.owedBy().strip())
        .param("due", s.due())
        .param("task", task.id())
        .update();
    event(
        id,
        "plan-step",
        actor,
        today(),
        "step "
            + seq
            + " \""
            + s.title().strip()
            + "\" owed by "
            + s.owedBy().strip()
            + " by "
            + s.due());
    return load(id);
  }

  /**
   * The leader, or a user of an organisation working on the package, reports progress.
   *
   * @throws Forbidden for a user of an organisation not taking part
   */
  public LeaderPackage report(String id, LocalDate on, String text) {
    Actor actor = currentActor.get();
    readable(id, actor); // outside the transaction: a refused petition check must not spoil it
    return transaction.execute(tx -> report(id, on, text, actor));
  }

  private LeaderPackage report(String id, LocalDate on, String text, Actor actor) {
    LeaderPackage p = requireOpen(load(id));
    if (!actor.bootstrapAdmin()
        && !actor.username().equals(p.leader())
        && !p.organisations().contains(actor.organisationId())) {
      throw new Forbidden(
          "package-participant (" + BASIS + ")",
          "Progress is reported by the leader and the organisations working on the package.");
    }
    if (text == null || text.isBlank() || text.length() > 10_000) {
      throw new InvalidInput("text", "1–10000 characters");
    }
    LocalDate day = dayOf(on, "on");
    jdbc.sql(
            """
            insert into leader_package_report (id, package_id, reported_on, reported_by,
              organisation_id, text)
            values (:id, :k, :on, :by, :org, :text)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("k", id)
        .param("on", day)
        .param("by", actor.username())
        .param("org", actor.organisationId())
        .param("text", text.strip())
        .update();
    event(id, "report", actor, day, text.strip());
    return load(id);
  }

  /**
   * The organisation owing a step records it done (its assigned duty is closed).
   *
   * @throws Forbidden for a user of another organisation (as {@link Tasks#complete})
   */
  public LeaderPackage completeStep(String id, String stepId, LocalDate on, String outcome) {
    Actor actor = currentActor.get();
    readable(id, actor); // outside the transaction: a refused petition check must not spoil it
    return transaction.execute(tx -> completeStep(id, stepId, on, outcome, actor));
  }

  private LeaderPackage completeStep(
      String id, String stepId, LocalDate on, String outcome, Actor actor) {
    LeaderPackage p = requireOpen(load(id));
    PlanStep step =
        p.plan().stream()
            .filter(s -> s.id().equals(stepId))
            .findFirst()
            .orElseThrow(() -> new NotFound("No step " + stepId));
    Task done = tasks.complete(step.taskId(), on, outcome);
    event(
        id,
        "complete-step",
        actor,
        done.doneOn(),
        "step " + step.seq() + (outcome == null || outcome.isBlank() ? "" : ": " + outcome));
    return load(id);
  }

  /** The outcome of the petition act a resolution records: recorded, or why not. */
  public record PetitionResolve(String petitionId, boolean recorded, String reason) {}

  /**
   * The leader records the resolution (化解). Open steps are withdrawn. For each concluded petition
   * of the package the petition's own {@code resolve} act (条例 Art. 37) is then recorded where the
   * leader may record it; where not (another organisation holds it, or the law refuses), the
   * package keeps its record and the history says why.
   */
  public LeaderPackage resolve(String id, LocalDate on, Resolution r) {
    Actor actor = currentActor.get();
    if (r == null || r.how() == null || r.how().isBlank() || r.how().length() > 10_000) {
      throw new InvalidInput("how", "1–10000 characters");
    }
    if (r.helpGiven() != null && r.helpGiven().length() > 2000) {
      throw new InvalidInput("helpGiven", "at most 2000 characters");
    }
    LocalDate day = dayOf(on, "on");
    readable(id, actor);
    LeaderPackage p =
        transaction.execute(
            status -> {
              LeaderPackage open = requireOpen(load(id));
              requireLeader(open, actor);
              if (day.isBefore(open.takenOn())) {
                throw new InvalidInput("on", "must not be before the day the package was taken");
              }
              end(open, PackageStatus.RESOLVED, day, r, null);
              event(
                  id,
                  "resolve",
                  actor,
                  day,
                  r.how().strip()
                      + (r.agreement() ? " · agreement reached" : "")
                      + (r.commitmentSigned() ? " · 息访 commitment signed" : "")
                      + (r.helpGiven() == null || r.helpGiven().isBlank()
                          ? ""
                          : " · help: " + r.helpGiven().strip()));
              return open;
            });
    for (String petitionId : p.petitionIds()) {
      PetitionResolve outcome = resolvePetition(petitionId, day, r.how().strip());
      if (outcome == null) {
        continue;
      }
      transaction.executeWithoutResult(
          status ->
              event(
                  id,
                  "resolve-petition",
                  actor,
                  day,
                  petitionId
                      + (outcome.recorded()
                          ? ": resolve recorded"
                          : ": not recorded, " + outcome.reason())));
    }
    return load(id);
  }

  /** Records the petition's resolve act in its own transaction; null when it is not concluded. */
  private PetitionResolve resolvePetition(String petitionId, LocalDate on, String how) {
    PetitionView view;
    try {
      view = petitions.get(petitionId);
    } catch (NotFound | Forbidden e) {
      return new PetitionResolve(petitionId, false, "not in the leader's scope");
    }
    if (!view.concluded() || view.resolved()) {
      return null;
    }
    try {
      petitions.act(petitionId, new Acts.Resolve(on, how));
      return new PetitionResolve(petitionId, true, null);
    } catch (Forbidden e) {
      return new PetitionResolve(petitionId, false, e.rule());
    } catch (LawViolation e) {
      return new PetitionResolve(petitionId, false, e.rule());
    } catch (InvalidInput e) {
      return new PetitionResolve(petitionId, false, String.valueOf(e.fields()));
    }
  }

  /** The leader closes the package unresolved, with the reason; open steps are withdrawn. */
  public LeaderPackage close(String id, LocalDate on, String reason) {
    Actor actor = currentActor.get();
    readable(id, actor); // outside the transaction: a refused petition check must not spoil it
    return transaction.execute(tx -> close(id, on, reason, actor));
  }

  private LeaderPackage close(String id, LocalDate on, String reason, Actor actor) {
    LeaderPackage p = requireOpen(load(id));
    requireLeader(p, actor);
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new InvalidInput("reason", "1–2000 characters");
    }
    LocalDate day = dayOf(on, "on");
    end(p, PackageStatus.CLOSED, day, null, reason.strip());
    event(id, "close", actor, day, reason.strip());
    return load(id);
  }

  private void end(
      LeaderPackage p, PackageStatus status, LocalDate day, Resolution r, String reason) {
    int updated =
        jdbc.sql(
                """
                update leader_package set status = :status, ended_on = :on,
                  resolution_how = :how, agreement = :agreement,
                  commitment_signed = :signed, help_given = :help, closed_reason = :reason
                where id = :id and status = 'OPEN'
                """)
            .param("status", status.name())
            .param("on", day)
            .param("how", r == null ? null : r.how().strip())
            .param("agreement", r == null ? null : r.agreement())
            .param("signed", r == null ? null : r.commitmentSigned())
            .param(
                "help",
                r == null || r.helpGiven() == null || r.helpGiven().isBlank()
                    ? null
                    : r.helpGiven().strip())
            .param("reason", reason)
            .param("id", p.id())
            .update();
    if (updated != 1) {
      throw new LawViolation(
          "package-open (" + BASIS + ")", "This package is already resolved or closed.");
    }
    p.plan().stream().filter(PlanStep::open).forEach(s -> tasks.cancel(s.taskId()));
  }

  // ---------------------------------------------------------------------------------- reads

  /**
   * A package the signed-in user may see.
   *
   * @throws NotFound for an unknown package, or one holding a petition hidden from the user
   * @throws Forbidden for a package outside the user's scope
   */
  public LeaderPackage get(String id) {
    return readable(id, currentActor.get());
  }

  /**
   * The packages the signed-in user may see: those they lead, their organisation takes part in, and
   * (supervisors and leaders) those within their jurisdiction; newest first.
   *
   * @param mine only the packages the user leads
   * @param status only packages in this state; all when null
   */
  public List<LeaderPackage> visible(boolean mine, PackageStatus status) {
    Actor actor = currentActor.get();
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (status != null) {
      where.add("status = ?");
      args.add(status.name());
    }
    if (mine) {
      where.add("leader = ?");
      args.add(actor.username());
    }
    List<String> ids =
        jdbc.sql(
                "select id from leader_package"
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by taken_on desc, id")
            .params(args)
            .query(String.class)
            .list();
    List<LeaderPackage> seen = new ArrayList<>();
    for (String id : ids) {
      LeaderPackage p = load(id);
      if (mayRead(p, actor) && !hidesPetition(p)) {
        seen.add(p);
      }
    }
    return seen;
  }

  /** The petitions of a package as the signed-in user may see them (personal data masked). */
  public List<PackagePetition> petitionsOf(LeaderPackage p) {
    List<PackagePetition> list = new ArrayList<>();
    for (String id : p.petitionIds()) {
      try {
        PetitionView v = petitions.get(id);
        list.add(
            new PackagePetition(
                id,
                true,
                v.number(),
                v.subject(),
                v.state().name(),
                v.handlingOrganisation(),
                v.petitioners().stream()
                    .map(x -> x.name() == null ? "" : x.name())
                    .filter(s -> !s.isBlank())
                    .toList(),
                v.concluded(),
                v.resolved()));
      } catch (Forbidden | NotFound e) {
        list.add(new PackagePetition(id, false, null, null, null, null, List.of(), false, false));
      }
    }
    return list;
  }

  /**
   * The packages of some organisations in figures, as of {@code today}: a package counts when the
   * leader's, the receiving or the handling organisation is one of them. Not scoped to a user: for
   * modules that report on organisations (bulletins, assessment).
   */
  public PackageProgress progress(Set<String> orgs, LocalDate today) {
    if (orgs == null || orgs.isEmpty()) {
      return new PackageProgress(0, 0, 0, 0, 0);
    }
    String in = String.join(", ", Collections.nCopies(orgs.size(), "?"));
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      args.addAll(orgs);
    }
    List<String> ids =
        jdbc.sql(
                "select id from leader_package where leader_org in ("
                    + in
                    + ") or receiving_org in ("
                    + in
                    + ") or handling_org in ("
                    + in
                    + ")")
            .params(args)
            .query(String.class)
            .list();
    int open = 0, resolved = 0, closed = 0, openSteps = 0, lateSteps = 0;
    for (String id : ids) {
      LeaderPackage p = load(id);
      switch (p.status()) {
        case OPEN -> open++;
        case RESOLVED -> resolved++;
        case CLOSED -> closed++;
      }
      openSteps += (int) p.plan().stream().filter(PlanStep::open).count();
      lateSteps += p.lateSteps(today).size();
    }
    return new PackageProgress(open, resolved, closed, openSteps, lateSteps);
  }

  // ------------------------------------------------------------------------------- helpers

  private LeaderPackage readable(String id, Actor actor) {
    LeaderPackage p = find(id).orElseThrow(() -> new NotFound("No package " + id));
    if (hidesPetition(p)) {
      throw new NotFound("No package " + id); // 条例 Art. 30 para. 3: not even its existence
    }
    if (!mayRead(p, actor)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the packages their organisation takes part in (a supervisor or leader: of"
              + " their jurisdiction).");
    }
    return p;
  }

  private boolean hidesPetition(LeaderPackage p) {
    for (String petitionId : p.petitionIds()) {
      try {
        petitions.requireReadable(petitionId);
      } catch (NotFound e) {
        return true;
      } catch (Forbidden e) {
        // outside the reader's scope but not hidden: the package may still be theirs to see
      }
    }
    return false;
  }

  private boolean mayRead(LeaderPackage p, Actor actor) {
    if (actor.bootstrapAdmin() || actor.username().equals(p.leader())) {
      return true;
    }
    if (actor.organisationId() == null) {
      return false;
    }
    if (p.organisations().contains(actor.organisationId())) {
      return true;
    }
    if (actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)) {
      Set<String> jurisdiction = organisations.jurisdiction(actor.organisationId());
      return jurisdiction.contains(p.leaderOrg())
          || jurisdiction.contains(p.receivingOrg())
          || jurisdiction.contains(p.handlingOrg());
    }
    return false;
  }

  private static LeaderPackage requireOpen(LeaderPackage p) {
    if (p.status() != PackageStatus.OPEN) {
      throw new LawViolation(
          "package-open (" + BASIS + ")",
          "This package is " + p.status() + "; only an OPEN package takes this act.");
    }
    return p;
  }

  private static void requireLeader(LeaderPackage p, Actor actor) {
    if (!actor.bootstrapAdmin() && !actor.username().equals(p.leader())) {
      throw new Forbidden(
          "package-leader (" + BASIS + ")", "Only the leader in charge plans and concludes it.");
    }
  }

  private void requireWithin(String field, String orgId, String leaderOrg, Actor actor) {
    String id = orgId == null ? null : orgId.strip();
    if (id == null || organisations.find(id).isEmpty()) {
      throw new InvalidInput(field, "no such organisation: " + id);
    }
    if (!actor.bootstrapAdmin() && !organisations.jurisdiction(leaderOrg).contains(id)) {
      throw new InvalidInput(field, "not within the leader's jurisdiction: " + id);
    }
  }

  private LocalDate dayOf(LocalDate on, String field) {
    LocalDate today = today();
    if (on == null) {
      return today;
    }
    if (on.isAfter(today)) {
      throw new InvalidInput(field, "must not be in the future");
    }
    return on;
  }

  private void event(String packageId, String act, Actor actor, LocalDate on, String detail) {
    jdbc.sql(
            """
            insert into leader_package_event (id, package_id, seq, act, actor, organisation_id, at,
              on_date, basis, detail)
            values (:id, :k, (select coalesce(max(e.seq), 0) + 1 from leader_package_event e
              where e.package_id = :k), :act, :actor, :org, :at, :on, :basis, :detail)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("k", packageId)
        .param("act", act)
        .param("actor", actor.username())
        .param("org", actor.organisationId())
        .param("at", clock.instant().atZone(CHINA).toOffsetDateTime())
        .param("on", on)
        .param("basis", BASIS)
        .param("detail", detail == null ? null : truncate(detail, 10_000))
        .update();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private java.util.Optional<LeaderPackage> find(String id) {
    if (id == null || id.length() > 36) {
      return java.util.Optional.empty();
    }
    boolean exists =
        jdbc.sql("select count(*) from leader_package where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single()
            > 0;
    return exists ? java.util.Optional.of(load(id)) : java.util.Optional.empty();
  }

  private LeaderPackage load(String id) {
    List<String> petitionIds =
        jdbc.sql(
                "select petition_id from leader_package_petition where package_id = :id"
                    + " order by petition_id")
            .param("id", id)
            .query(String.class)
            .list();
    List<PlanStep> plan =
        jdbc.sql(
                "select id, seq, title, owed_by, due, task_id from leader_package_step"
                    + " where package_id = :id order by seq")
            .param("id", id)
            .query(
                (rs, n) -> {
                  Task t = tasks.find(rs.getString("task_id")).orElse(null);
                  return new PlanStep(
                      rs.getString("id"),
                      rs.getInt("seq"),
                      rs.getString("title"),
                      rs.getString("owed_by"),
                      rs.getObject("due", LocalDate.class),
                      rs.getString("task_id"),
                      t == null ? null : t.doneOn(),
                      t == null ? null : t.doneBy(),
                      t == null ? null : t.outcome(),
                      t != null && t.cancelled());
                })
            .list();
    List<ProgressReport> reports =
        jdbc.sql(
                "select id, reported_on, reported_by, organisation_id, text from"
                    + " leader_package_report where package_id = :id order by reported_on, id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new ProgressReport(
                        rs.getString("id"),
                        rs.getObject("reported_on", LocalDate.class),
                        rs.getString("reported_by"),
                        rs.getString("organisation_id"),
                        rs.getString("text")))
            .list();
    List<LeadershipEvent> history =
        jdbc.sql(
                "select act, actor, organisation_id, at, on_date, basis, detail from"
                    + " leader_package_event where package_id = :id order by seq")
            .param("id", id)
            .query(Packages::event)
            .list();
    return jdbc.sql("select " + COLUMNS + " from leader_package where id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs, petitionIds, plan, reports, history))
        .single();
  }

  static LeadershipEvent event(ResultSet rs, int n) throws SQLException {
    return new LeadershipEvent(
        rs.getString("act"),
        rs.getString("actor"),
        rs.getString("organisation_id"),
        rs.getObject("at", OffsetDateTime.class),
        rs.getObject("on_date", LocalDate.class),
        rs.getString("basis"),
        rs.getString("detail"));
  }

  private static LeaderPackage row(
      ResultSet rs,
      List<String> petitionIds,
      List<PlanStep> plan,
      List<ProgressReport> reports,
      List<LeadershipEvent> history)
      throws SQLException {
    String how = rs.getString("resolution_how");
    Resolution resolution =
        how == null
            ? null
            : new Resolution(
                how,
                rs.getBoolean("agreement"),
                rs.getBoolean("commitment_signed"),
                rs.getString("help_given"));
    return new LeaderPackage(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("leader"),
        rs.getString("leader_org"),
        rs.getString("receiving_org"),
        rs.getString("handling_org"),
        PackageStatus.valueOf(rs.getString("status")),
        rs.getObject("taken_on", LocalDate.class),
        rs.getObject("ended_on", LocalDate.class),
        resolution,
        rs.getString("closed_reason"),
        petitionIds,
        plan,
        reports,
        history);
  }
}
