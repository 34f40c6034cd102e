package org.xinfang.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.xinfang.conference.AgendaReason;
import org.xinfang.conference.Conferences;
import org.xinfang.conference.NewItem;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import org.xinfang.task.NewTask;
import org.xinfang.task.Tasks;

/**
 * Supervision orders (督办): a petition bureau finding an organ delaying, shirking, handling
 * perfunctorily, falsifying or refusing to execute an opinion orders it to act (条例 Art. 40 para.
 * 1); the organ owes a written reply by the reply date (para. 4) — an assigned duty on its My work
 * list; the joint conference may escalate (挂牌督办 / 约谈 / 通报, Art. 39 para. 3).
 */
@Service
public class SupervisionOrders {

  /** The assigned duties' source. */
  public static final String TASK_SOURCE = "SUPERVISION";

  static final String ISSUE_ARTICLE = "条例第四十条第一款";
  static final String REPLY_ARTICLE = "条例第四十条第四款";
  static final String ESCALATE_ARTICLE = "条例第三十九条第三款";

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final PetitionService petitions;
  private final PetitionSelector selector;
  private final Tasks tasks;
  private final Conferences conferences;
  private final SupervisionRecord record;

  SupervisionOrders(
      JdbcClient jdbc,
      CurrentActor currentActor,
      Organisations organisations,
      PetitionService petitions,
      PetitionSelector selector,
      Tasks tasks,
      Conferences conferences,
      SupervisionRecord record) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.petitions = petitions;
    this.selector = selector;
    this.tasks = tasks;
    this.conferences = conferences;
    this.record = record;
  }

  /**
   * Issues an order: by a supervisor, or a registrar or leader of a petition bureau (条例 Art. 40:
   * 党委和政府信访部门), to an organ of the issuer's jurisdiction other than its own, on a petition the
   * issuer may see. The organ owes the written reply as an assigned duty.
   *
   * @throws Forbidden for anyone else, or an organ outside the jurisdiction
   * @throws NotFound for a petition the issuer may not know of (an accusation hidden from them)
   * @throws LawViolation for an accusation ordered to the accused unit (条例 Art. 30 para. 3)
   */
  @Transactional
  public SupervisionOrder issue(NewOrder n) {
    Actor actor = currentActor.get();
    String own = actor.organisationId();
    Organisation issuer = own == null ? null : organisations.find(own).orElse(null);
    boolean bureau = issuer != null && issuer.type() == OrgType.PETITION_BUREAU;
    boolean may =
        issuer != null
            && (actor.has(Role.SUPERVISOR)
                || (bureau && (actor.has(Role.REGISTRAR) || actor.has(Role.LEADER)))
                || actor.bootstrapAdmin());
    if (!may) {
      throw new Forbidden(
          "supervision-order-issuer (条例 Art. 40)",
          "Supervision orders are issued by a petition bureau (a registrar or leader there) or a"
              + " supervisor.");
    }
    Map<String, String> invalid = new LinkedHashMap<>();
    if (n.petitionId() == null || n.petitionId().isBlank()) {
      invalid.put("petitionId", "required");
    }
    if (n.organisationId() == null || n.organisationId().isBlank()) {
      invalid.put("organisationId", "required");
    }
    if (n.cause() == null) {
      invalid.put("cause", "one of " + java.util.Arrays.toString(Cause.values()));
    }
    if (n.demands() == null || n.demands().isBlank() || n.demands().length() > 10_000) {
      invalid.put("demands", "1–10000 characters");
    }
    LocalDate today = record.today();
    LocalDate issuedOn = n.issuedOn() == null ? today : n.issuedOn();
    if (issuedOn.isAfter(today)) {
      invalid.put("issuedOn", "not in the future");
    }
    if (n.replyDue() == null || n.replyDue().isBefore(issuedOn)) {
      invalid.put("replyDue", "required, not before the day of issue");
    }
    if (!invalid.isEmpty()) {
      throw new InvalidInput(invalid);
    }
    PetitionView p = petitions.get(n.petitionId()); // 404 hidden / 403 out of scope
    Organisation organ =
        organisations
            .find(n.organisationId())
            .orElseThrow(() -> new InvalidInput("organisationId", "no such organisation"));
    if (organ.id().equals(own)) {
      throw new InvalidInput("organisationId", "an organ other than the issuer");
    }
    if (!actor.bootstrapAdmin() && !organisations.jurisdiction(own).contains(organ.id())) {
      throw new Forbidden(
          "supervision-jurisdiction (条例 Art. 40)",
          "A petition bureau supervises the organs of its own jurisdiction.");
    }
    String id = UUID.randomUUID().toString();
    String number = nextNumber(issuedOn.getYear());
    jdbc.sql(
            """
            insert into supervision_order (id, number, petition_id, organisation_id, issued_by_org,
              issued_by, issued_on, cause, demands, reply_due, status)
            values (:id, :number, :pid, :org, :by_org, :by, :on, :cause, :demands, :due, 'ISSUED')
            """)
        .param("id", id)
        .param("number", number)
        .param("pid", p.id())
        .param("org", organ.id())
        .param("by_org", own)
        .param("by", actor.username())
        .param("on", issuedOn)
        .param("cause", n.cause().name())
        .param("demands", n.demands().strip())
        .param("due", n.replyDue())
        .update();
    // the organ's written reply is owed as an assigned duty (条例 Art. 40 para. 4); on an
    // accusation against the organ the petition module refuses it and this order rolls back
    String taskId =
        tasks
            .assign(
                new NewTask(
                    TASK_SOURCE,
                    id,
                    p.id(),
                    organ.id(),
                    "书面反馈督办 " + number,
                    "条例第四十条 督办 " + number,
                    n.replyDue()),
                actor.username())
            .id();
    jdbc.sql("update supervision_order set task_id = :t where id = :id")
        .param("t", taskId)
        .param("id", id)
        .update();
    record.record(
        "ORDER",
        id,
        "issue",
        issuedOn,
        actor.username(),
        own,
        ISSUE_ARTICLE,
        "number="
            + number
            + "; organ="
            + organ.id()
            + "; cause="
            + n.cause()
            + "; replyDue="
            + n.replyDue());
    return view(row(id).orElseThrow(), today);
  }

  /**
   * The organ's written reply (条例 Art. 40 para. 4): by a working user of the organ; closes its
   * duty. A reply after the reply date is recorded as late.
   */
  @Transactional
  public SupervisionOrder reply(String id, String text) {
    return reply(id, text, null);
  }

  /** The written reply, made on {@code on} (default today; not in the future, not before issue). */
  @Transactional
  public SupervisionOrder reply(String id, String text, LocalDate on) {
    Actor actor = currentActor.get();
    OrderRow o = readable(id);
    if (!actor.bootstrapAdmin() && !o.organisationId().equals(actor.organisationId())) {
      throw new Forbidden(
          "own-organisation (条例 Art. 40 para. 4)",
          "The organ the order is issued to replies to it.");
    }
    if (!actor.bootstrapAdmin() && actor.roles().stream().allMatch(r -> r == Role.ADMIN)) {
      throw new Forbidden("role (API.md Users)", "Replying needs a working role.");
    }
    if (text == null || text.isBlank() || text.length() > 20_000) {
      throw new InvalidInput("reply", "1–20000 characters");
    }
    if (o.status() != OrderStatus.ISSUED) {
      throw new LawViolation(
          "supervision-reply-once (条例 Art. 40 para. 4)",
          "This order is already answered (status " + o.status() + "; required ISSUED).");
    }
    LocalDate now = record.today();
    LocalDate today = on == null ? now : on;
    if (today.isAfter(now) || today.isBefore(o.issuedOn())) {
      throw new InvalidInput("on", "between the day of issue and today");
    }
    jdbc.sql(
            """
            update supervision_order set status = 'ANSWERED', replied_on = :on, replied_by = :by,
              reply = :reply where id = :id and status = 'ISSUED'
            """)
        .param("on", today)
        .param("by", actor.username())
        .param("reply", text.strip())
        .param("id", id)
        .update();
    tasks.discharge(TASK_SOURCE, id, today, "已书面反馈", actor.username());
    boolean late = today.isAfter(o.replyDue());
    record.record(
        "ORDER",
        id,
        "reply",
        today,
        actor.username(),
        actor.organisationId(),
        REPLY_ARTICLE,
        late ? "late; due " + o.replyDue() : "on time");
    return view(row(id).orElseThrow(), now);
  }

  /**
   * Records an escalation the joint conference decided (条例 Art. 39 para. 3) with its decision
   * reference (e.g. the minutes' 文号), by the conference office: a supervisor or leader whose
   * jurisdiction holds the issuing bureau. Each escalation once per order. With {@code
   * conferenceId}, the petition is also put on that meeting's agenda (reason SUPERVISION).
   */
  @Transactional
  public SupervisionOrder escalate(
      String id,
      Escalation escalation,
      String decisionRef,
      LocalDate decidedOn,
      String conferenceId) {
    Actor actor = currentActor.get();
    OrderRow o = readable(id);
    if (!SupervisionRecord.supervises(actor)
        || !(actor.bootstrapAdmin() || record.oversees(actor).contains(o.issuedByOrganisation()))) {
      throw new Forbidden(
          "escalation-by-conference (条例 Art. 39 para. 3)",
          "The joint conference's office (a supervisor or leader over the issuing bureau) records"
              + " its escalations.");
    }
    LocalDate today = record.today();
    LocalDate on = decidedOn == null ? today : decidedOn;
    Map<String, String> invalid = new LinkedHashMap<>();
    if (escalation == null) {
      invalid.put("escalation", "one of PLAQUE, SUMMONS, BULLETIN");
    }
    if (decisionRef == null || decisionRef.isBlank() || decisionRef.length() > 200) {
      invalid.put("decisionRef", "the conference decision's reference, 1–200 characters");
    }
    if (on.isAfter(today)) {
      invalid.put("decidedOn", "not in the future");
    }
    if (!invalid.isEmpty()) {
      throw new InvalidInput(invalid);
    }
    boolean already =
        jdbc.sql(
                    "select count(*) from supervision_escalation where order_id = :id and escalation"
                        + " = :e")
                .param("id", id)
                .param("e", escalation.name())
                .query(Integer.class)
                .single()
            > 0;
    if (already) {
      throw new LawViolation(
          "escalation-once (条例 Art. 39 para. 3)",
          "This order was already escalated to " + escalation + ".");
    }
    jdbc.sql(
            """
            insert into supervision_escalation (order_id, escalation, decided_on, decision_ref,
              recorded_by) values (:id, :e, :on, :ref, :by)
            """)
        .param("id", id)
        .param("e", escalation.name())
        .param("on", on)
        .param("ref", decisionRef.strip())
        .param("by", actor.username())
        .update();
    if (conferenceId != null && !conferenceId.isBlank()) {
      conferences.addItem(
          conferenceId.strip(),
          new NewItem(
              o.petitionId(),
              null,
              AgendaReason.SUPERVISION,
              "督办 " + o.number() + " " + escalation + " " + decisionRef.strip()));
    }
    record.record(
        "ORDER",
        id,
        "escalate",
        on,
        actor.username(),
        actor.organisationId(),
        ESCALATE_ARTICLE,
        "escalation="
            + escalation
            + "; decision="
            + decisionRef.strip()
            + (conferenceId == null || conferenceId.isBlank()
                ? ""
                : "; conference=" + conferenceId.strip()));
    return view(row(id).orElseThrow(), today);
  }

  /** One order the signed-in user may see. */
  @Transactional(readOnly = true)
  public SupervisionOrder get(String id) {
    return view(readable(id), record.today());
  }

  /** An order's history: issue, reply, escalations. */
  @Transactional(readOnly = true)
  public List<SupervisionEvent> history(String id) {
    readable(id);
    return record.events("ORDER", id);
  }

  /**
   * The orders the signed-in user may see — issued by or to an organisation they oversee — newest
   * first, leaving out petitions they may not see.
   */
  @Transactional(readOnly = true)
  public List<SupervisionOrder> list(int limit) {
    Actor actor = currentActor.get();
    Set<String> orgs = record.oversees(actor);
    if (orgs.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", Collections.nCopies(orgs.size(), "?"));
    List<Object> args = new ArrayList<>(orgs);
    args.addAll(orgs);
    args.add(Math.max(1, Math.min(limit, 1000)));
    List<OrderRow> rows =
        jdbc.sql(
                "select * from supervision_order where organisation_id in ("
                    + in
                    + ") or issued_by_org in ("
                    + in
                    + ") order by issued_on desc, number desc limit ?")
            .params(args)
            .query(SupervisionOrders::orderRow)
            .list();
    Set<String> visible = new java.util.HashSet<>();
    LocalDate today = record.today();
    selector
        .standing(rows.stream().map(OrderRow::petitionId).distinct().toList(), today)
        .forEach(s -> visible.add(s.id()));
    return rows.stream()
        .filter(r -> visible.contains(r.petitionId()))
        .map(r -> view(r, today))
        .toList();
  }

  /** One organ's supervision orders due in a period: answered on time, late, or unanswered. */
  public record ReplyTally(String organisationId, int onTime, int late, int unanswered) {
    public int total() {
      return onTime + late + unanswered;
    }
  }

  /**
   * For the bulletin (通报): per organ of {@code organisations}, the orders whose reply date falls in
   * [from, to] — answered on time, answered late, not answered (as of today). Orders on an
   * accusation against one of these organisations are not counted, so no figure hints at an
   * accusation to the accused (条例 Art. 30 para. 3).
   */
  @Transactional(readOnly = true)
  public List<ReplyTally> replies(Set<String> organisations, LocalDate from, LocalDate to) {
    if (organisations.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", Collections.nCopies(organisations.size(), "?"));
    List<Object> args = new ArrayList<>(organisations);
    args.add(from);
    args.add(to);
    args.addAll(organisations);
    return jdbc.sql(
            "select o.organisation_id,"
                + " sum(case when o.replied_on is not null and o.replied_on <= o.reply_due"
                + " then 1 else 0 end) as on_time,"
                + " sum(case when o.replied_on > o.reply_due then 1 else 0 end) as late,"
                + " sum(case when o.replied_on is null then 1 else 0 end) as unanswered"
                + " from supervision_order o where o.organisation_id in ("
                + in
                + ") and o.reply_due between ? and ? and not exists (select 1 from accused a"
                + " where a.petition_id = o.petition_id and a.organisation_id in ("
                + in
                + ")) group by o.organisation_id order by o.organisation_id")
        .params(args)
        .query(
            (rs, n) ->
                new ReplyTally(
                    rs.getString("organisation_id"),
                    rs.getInt("on_time"),
                    rs.getInt("late"),
                    rs.getInt("unanswered")))
        .list();
  }

  record OrderRow(
      String id,
      String number,
      String petitionId,
      String organisationId,
      String issuedByOrganisation,
      String issuedBy,
      LocalDate issuedOn,
      Cause cause,
      String demands,
      LocalDate replyDue,
      String taskId,
      OrderStatus status,
      LocalDate repliedOn,
      String repliedBy,
      String reply) {}

  private OrderRow readable(String id) {
    OrderRow o = row(id).orElseThrow(() -> new NotFound("No supervision order " + id));
    petitions.requireReadable(o.petitionId()); // 404 for an accusation hidden from the reader
    Actor actor = currentActor.get();
    Set<String> orgs = record.oversees(actor);
    if (!orgs.contains(o.organisationId()) && !orgs.contains(o.issuedByOrganisation())) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A supervision order is read by the issuing bureau, the organ it is issued to, and"
              + " those overseeing them.");
    }
    return o;
  }

  private Optional<OrderRow> row(String id) {
    return jdbc.sql("select * from supervision_order where id = :id")
        .param("id", id)
        .query(SupervisionOrders::orderRow)
        .optional();
  }

  private SupervisionOrder view(OrderRow o, LocalDate today) {
    List<SupervisionOrder.EscalationRecord> escalations =
        jdbc.sql(
                "select * from supervision_escalation where order_id = :id order by decided_on,"
                    + " escalation")
            .param("id", o.id())
            .query(
                (rs, n) ->
                    new SupervisionOrder.EscalationRecord(
                        Escalation.valueOf(rs.getString("escalation")),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("decision_ref"),
                        rs.getString("recorded_by")))
            .list();
    String petitionNumber =
        selector.standing(List.of(o.petitionId()), today).stream()
            .findFirst()
            .map(PetitionSelector.Standing::number)
            .orElse(null);
    return new SupervisionOrder(
        o.id(),
        o.number(),
        o.petitionId(),
        petitionNumber,
        o.organisationId(),
        organisations.find(o.organisationId()).map(Organisation::displayName).orElse(null),
        o.issuedByOrganisation(),
        o.issuedBy(),
        o.issuedOn(),
        o.cause(),
        o.demands(),
        o.replyDue(),
        o.status(),
        o.repliedOn(),
        o.repliedBy(),
        o.reply(),
        o.status() == OrderStatus.ISSUED && o.replyDue().isBefore(today),
        o.repliedOn() != null && o.repliedOn().isAfter(o.replyDue()),
        o.taskId(),
        escalations);
  }

  private String nextNumber(int year) {
    String prefix = "督办〔" + year + "〕";
    int n =
        jdbc.sql("select count(*) from supervision_order where number like :p")
                .param("p", prefix + "%")
                .query(Integer.class)
                .single()
            + 1;
    return prefix + n + "号";
  }

  private static OrderRow orderRow(ResultSet rs, int n) throws SQLException {
    return new OrderRow(
        rs.getString("id"),
        rs.getString("number"),
        rs.getString("petition_id"),
        rs.getString("organisation_id"),
        rs.getString("issued_by_org"),
        rs.getString("issued_by"),
        rs.getObject("issued_on", LocalDate.class),
        Cause.valueOf(rs.getString("cause")),
        rs.getString("demands"),
        rs.getObject("reply_due", LocalDate.class),
        rs.getString("task_id"),
        OrderStatus.valueOf(rs.getString("status")),
        rs.getObject("replied_on", LocalDate.class),
        rs.getString("replied_by"),
        rs.getString("reply"));
  }
}
