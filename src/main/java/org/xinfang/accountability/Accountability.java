package org.xinfang.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Category;
import org.xinfang.petition.DutyRecord;
import org.xinfang.petition.DutyTimelines;
import org.xinfang.petition.HistoryEvent;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.petition.Selection;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 责任倒查: traces a petition, or an organ over a period, from the record to the failures of 条例 Arts.
 * 43–46 — who owed which duty, when it was done or missed, which article applies — and records
 * referrals of failures to a discipline-inspection organ (移送 / 问责建议). Supervisors and leaders trace
 * within their jurisdiction (条例 Art. 40) through the petition module's scope, so an accusation
 * hidden from them stays unknown (条例 Art. 30 para. 3); the discipline organ a referral is addressed
 * to reads it.
 */
@Service
public class Accountability {

  /** Where a referral's act rests. */
  public static final String BASIS = "条例 Arts. 43–46";

  /** The most petitions an organ trace looks at. */
  static final int ORGAN_TRACE_LIMIT = 5000;

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PetitionService petitions;
  private final DutyTimelines timelines;
  private final PetitionSelector selector;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  Accountability(
      PetitionService petitions,
      DutyTimelines timelines,
      PetitionSelector selector,
      Organisations organisations,
      CurrentActor currentActor,
      JdbcClient jdbc,
      JsonMapper json,
      Clock clock) {
    this.petitions = petitions;
    this.timelines = timelines;
    this.selector = selector;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  // ------------------------------------------------------------------------------- traces

  /**
   * The trace of one petition.
   *
   * @throws Forbidden for a user who is neither supervisor nor leader, or outside their scope
   * @throws NotFound for an unknown petition, or an accusation hidden from the user
   */
  @Transactional(readOnly = true)
  public PetitionTrace trace(String petitionId) {
    requireTracer(currentActor.get());
    return traceOf(petitionId, today());
  }

  private PetitionTrace traceOf(String petitionId, LocalDate today) {
    List<DutyRecord> timeline = timelines.of(petitionId); // scope first: 404 / 403
    PetitionView v = petitions.get(petitionId);
    List<HistoryEvent> history = petitions.history(petitionId);
    List<TracedDuty> duties =
        timeline.stream()
            .map(
                d ->
                    new TracedDuty(
                        d.duty(),
                        d.owedBy(),
                        name(d.owedBy()),
                        d.basis(),
                        d.aroseOn(),
                        d.aroseByAct(),
                        d.due(),
                        d.endedOn(),
                        d.endedByAct(),
                        d.endedBy(),
                        d.outcome(),
                        d.failed() ? d.daysLate(today) : 0))
            .toList();
    List<Failure> failures = new ArrayList<>();
    lateRegistration(v, history, timeline, today).ifPresent(failures::add);
    for (DutyRecord d : timeline) {
      if (d.failed()) {
        failures.add(deadline(v, d, today));
      }
    }
    failures.addAll(notSupported(v, history));
    failures.addAll(declinedAfterObjectionRejected(v, history));
    failures.addAll(leaks(v, history));
    failures.sort(Comparator.comparing(Failure::on).thenComparing(Failure::key));
    return new PetitionTrace(
        v.id(),
        v.number(),
        v.subject(),
        v.category() == null ? null : v.category().name(),
        v.state().name(),
        v.receivedOn(),
        name(v.receivedBy()),
        today,
        duties,
        failures);
  }

  /**
   * The trace of an organ (and the organs below it, with {@code subtree}) for a period: duties it
   * owed that fell due in the period, and failures whose day falls in it.
   *
   * @throws Forbidden for a user who is neither supervisor nor leader, or an organ outside their
   *     jurisdiction
   */
  @Transactional(readOnly = true)
  public OrganTrace organTrace(
      String organisationId, LocalDate from, LocalDate to, boolean subtree) {
    Actor actor = currentActor.get();
    requireTracer(actor);
    Organisation organ = requireInJurisdiction(actor, organisationId);
    requirePeriod(from, to);
    Set<String> organs = subtree ? organisations.subtree(organ.id()) : Set.of(organ.id());
    LocalDate today = today();
    List<String> ids =
        selector.select(
            new Selection(false, null, null, null, null, null, to, organs), ORGAN_TRACE_LIMIT);
    int due = 0, done = 0, late = 0, missed = 0, open = 0;
    List<Failure> failures = new ArrayList<>();
    for (String id : ids) {
      if (selector.access(id) != PetitionSelector.Access.READABLE) {
        continue;
      }
      PetitionTrace t = traceOf(id, today);
      for (TracedDuty d : t.duties()) {
        if (organs.contains(d.owedBy()) && !d.due().isBefore(from) && !d.due().isAfter(to)) {
          due++;
          switch (d.outcome()) {
            case DONE -> done++;
            case DONE_LATE -> late++;
            case MISSED -> missed++;
            case OPEN -> open++;
          }
        }
      }
      for (Failure f : t.failures()) {
        if (organs.contains(f.owedBy()) && !f.on().isBefore(from) && !f.on().isAfter(to)) {
          failures.add(f);
        }
      }
    }
    return new OrganTrace(
        organ.id(),
        organ.displayName(),
        subtree,
        from,
        to,
        today,
        ids.size(),
        due,
        done,
        late,
        missed,
        open,
        failures);
  }

  // ----------------------------------------------------------------------- the failures

  /**
   * 不按照规定登记: recorded after the first duty it gave rise to had fallen due. Back entry can be
   * justified (records migrated, a letter found late), so it is a failure to check, not a finding.
   */
  private Optional<Failure> lateRegistration(
      PetitionView v, List<HistoryEvent> history, List<DutyRecord> timeline, LocalDate today) {
    HistoryEvent reg =
        history.stream().filter(e -> "register".equals(e.act())).findFirst().orElse(null);
    if (reg == null || reg.adminAct()) {
      return Optional.empty();
    }
    LocalDate recorded = reg.at().atZone(CHINA).toLocalDate();
    Optional<DutyRecord> first =
        timeline.stream().filter(d -> d.aroseSeq() == reg.seq()).findFirst();
    if (first.isEmpty() || !recorded.isAfter(first.get().due())) {
      return Optional.empty();
    }
    LocalDate due = first.get().due();
    boolean bureau = isBureau(v.receivedBy());
    return Optional.of(
        new Failure(
            v.id() + ":NOT_REGISTERED",
            FailureKind.NOT_REGISTERED,
            bureau ? "条例 Art. 43" : FailureKind.NOT_REGISTERED.article(),
            v.id(),
            v.number(),
            null,
            v.receivedBy(),
            name(v.receivedBy()),
            reg.by(),
            due,
            recorded,
            due.plusDays(1),
            java.time.temporal.ChronoUnit.DAYS.between(due, recorded),
            "SUSPECTED",
            "received " + v.receivedOn() + ", registered " + recorded));
  }

  /** A duty done after its due date or missed: the article its kind falls under. */
  private Failure deadline(PetitionView v, DutyRecord d, LocalDate today) {
    FailureKind kind;
    String article;
    switch (d.duty()) {
      case ROUTE -> {
        kind = FailureKind.NOT_ROUTED_IN_TIME;
        article = kind.article();
      }
      case DECIDE_OBJECTION -> {
        kind = FailureKind.NOT_ROUTED_IN_TIME;
        article = isBureau(d.owedBy()) ? kind.article() : "条例 Art. 45 item 4";
      }
      case NOTIFY_RECEIPT -> {
        kind = FailureKind.NOTICE_LATE;
        article = kind.article();
      }
      case DISPOSE -> {
        kind = FailureKind.NOT_ACCEPTED;
        article = kind.article();
      }
      case REPORT_MAJOR -> {
        kind = FailureKind.MAJOR_REPORTED_LATE;
        article = kind.article();
      }
      default -> {
        kind = FailureKind.CONCLUSION_LATE;
        article = kind.article();
      }
    }
    boolean late = d.outcome() == DutyRecord.Outcome.DONE_LATE;
    String user = late && d.owedBy().equals(d.endedByOrganisation()) ? d.endedBy() : null;
    return new Failure(
        v.id() + ":" + d.duty() + ":" + d.aroseSeq(),
        kind,
        article,
        v.id(),
        v.number(),
        d.duty(),
        d.owedBy(),
        name(d.owedBy()),
        user,
        d.due(),
        d.endedOn(),
        d.due().plusDays(1),
        d.daysLate(today),
        late ? "LATE" : "MISSED",
        d.basis() + (late ? "; done by " + d.endedByAct() : ""));
  }

  /**
   * 对事实清楚、符合规定的投诉请求未予支持 (Art. 45 item 2): the review or re-review varied an opinion that did not
   * support the request into one that does — the record's own finding that the request was
   * well-founded. The organ (and user) of the varied opinion owed the support.
   */
  private List<Failure> notSupported(PetitionView v, List<HistoryEvent> history) {
    List<Failure> found = new ArrayList<>();
    HistoryEvent previous = null;
    Outcome previousOutcome = null;
    for (HistoryEvent e : history) {
      Object p = e.payload();
      if (p instanceof Acts.Reply r) {
        previous = e;
        previousOutcome = r.outcome();
      } else if (p instanceof Acts.Review r) {
        check(v, previous, previousOutcome, e, r.outcome(), r.variedOutcome(), found);
        if (r.outcome() == ReviewOutcome.REDO) {
          previous = null;
          previousOutcome = null;
        } else {
          previousOutcome = r.outcome() == ReviewOutcome.VARY ? r.variedOutcome() : previousOutcome;
          previous = e;
        }
      } else if (p instanceof Acts.ReReview r) {
        check(v, previous, previousOutcome, e, r.outcome(), r.variedOutcome(), found);
      }
    }
    return found;
  }

  private void check(
      PetitionView v,
      HistoryEvent previous,
      Outcome previousOutcome,
      HistoryEvent review,
      ReviewOutcome outcome,
      Outcome varied,
      List<Failure> found) {
    if (previous == null
        || outcome != ReviewOutcome.VARY
        || varied != Outcome.SUPPORT
        || previousOutcome == Outcome.SUPPORT) {
      return;
    }
    found.add(
        new Failure(
            v.id() + ":REQUEST_NOT_SUPPORTED:" + previous.seq(),
            FailureKind.REQUEST_NOT_SUPPORTED,
            FailureKind.REQUEST_NOT_SUPPORTED.article(),
            v.id(),
            v.number(),
            null,
            previous.organisationId(),
            name(previous.organisationId()),
            previous.by(),
            null,
            previous.on(),
            review.on(),
            0,
            "FOUND",
            previous.act()
                + " "
                + previousOutcome
                + " on "
                + previous.on()
                + " varied to SUPPORT by "
                + review.act()
                + " of "
                + name(review.organisationId())
                + " on "
                + review.on()));
  }

  /**
   * 不予受理 a matter within the organ's powers (Art. 44 item 2): the organ objected that the matter
   * was not its own, the sender rejected the objection (条例 Art. 23 para. 3), and the organ declined
   * it all the same.
   */
  private List<Failure> declinedAfterObjectionRejected(PetitionView v, List<HistoryEvent> history) {
    List<Failure> found = new ArrayList<>();
    Set<String> ruledCompetent = new HashSet<>();
    String holder = v.receivedBy();
    for (HistoryEvent e : history) {
      Object p = e.payload();
      if (p instanceof Acts.Forward f) {
        holder = f.to();
      } else if (p instanceof Acts.Assign a) {
        holder = a.to();
      } else if (p instanceof Acts.DecideObjection d && !d.accepted()) {
        ruledCompetent.add(holder);
      } else if (p instanceof Acts.Decline && ruledCompetent.contains(e.organisationId())) {
        found.add(
            new Failure(
                v.id() + ":NOT_ACCEPTED:" + e.seq(),
                FailureKind.NOT_ACCEPTED,
                FailureKind.NOT_ACCEPTED.article(),
                v.id(),
                v.number(),
                null,
                e.organisationId(),
                name(e.organisationId()),
                e.by(),
                null,
                e.on(),
                e.on(),
                0,
                "FOUND",
                "declined after its objection was rejected (条例 Art. 23 para. 3)"));
      }
    }
    return found;
  }

  /**
   * 透露检举揭发材料 (Art. 46 item 5): a reveal of an accusation's personal data by a user of an accused
   * unit or of a unit above one outside the discipline line is a finding; by a user of an organ
   * outside the matter's handling line, a lead to check.
   */
  private List<Failure> leaks(PetitionView v, List<HistoryEvent> history) {
    if (v.category() != Category.ACCUSATION) {
      return List.of();
    }
    Set<String> line = new HashSet<>();
    line.add(v.receivedBy());
    if (v.handlingOrganisation() != null) {
      line.add(v.handlingOrganisation());
    }
    for (HistoryEvent e : history) {
      if (e.organisationId() != null) {
        line.add(e.organisationId());
      }
      if (e.payload() instanceof Acts.Forward f) line.add(f.to());
      if (e.payload() instanceof Acts.Assign a) line.add(a.to());
    }
    List<String> accused =
        v.accused() == null
            ? List.of()
            : v.accused().stream()
                .map(a -> a.organisationId())
                .filter(o -> o != null && !o.isBlank())
                .toList();
    List<Failure> found = new ArrayList<>();
    int i = 0;
    for (PetitionService.RevealView r : petitions.reveals(v.id())) {
      i++;
      String org = r.organisationId();
      if (org == null) {
        continue;
      }
      boolean discipline =
          organisations.find(org).map(o -> o.type() == OrgType.DISCIPLINE_INSPECTION).orElse(false);
      boolean accusedSide =
          !discipline && accused.stream().anyMatch(a -> organisations.isWithin(a, org));
      if (!accusedSide && (discipline || line.contains(org))) {
        continue;
      }
      LocalDate on = r.at().atZoneSameInstant(CHINA).toLocalDate();
      found.add(
          new Failure(
              v.id() + ":ACCUSATION_LEAKED:" + r.at().toInstant().toEpochMilli() + ":" + i,
              FailureKind.ACCUSATION_LEAKED,
              FailureKind.ACCUSATION_LEAKED.article(),
              v.id(),
              v.number(),
              null,
              org,
              name(org),
              r.username(),
              null,
              on,
              on,
              0,
              accusedSide ? "FOUND" : "SUSPECTED",
              "personal data revealed (" + r.channel() + ") by " + r.username()));
    }
    return found;
  }

  // ----------------------------------------------------------------------------- referrals

  /**
   * Records a referral of failures to a discipline-inspection organ, numbered by the referring
   * organisation per year; the failures are copied as traced today.
   *
   * @throws InvalidInput for an addressee that is not a discipline-inspection organ, or failures
   *     named that the trace does not show
   * @throws LawViolation when there is no failure to refer
   */
  @Transactional
  public Referral refer(NewReferral n) {
    Actor actor = currentActor.get();
    requireTracer(actor);
    if (actor.organisationId() == null) {
      throw new Forbidden(
          "own-organisation (API.md Users)", "A referral is made for an organisation.");
    }
    Organisation to =
        organisations
            .find(n.addressedTo())
            .filter(o -> o.type() == OrgType.DISCIPLINE_INSPECTION)
            .orElseThrow(
                () -> new InvalidInput("addressedTo", "must be a discipline-inspection organ"));
    List<Failure> traced;
    String subject = null;
    if (n.petitionId() != null && !n.petitionId().isBlank()) {
      traced = trace(n.petitionId()).failures();
    } else if (n.organisationId() != null && !n.organisationId().isBlank()) {
      OrganTrace t =
          organTrace(n.organisationId(), n.from(), n.to(), Boolean.TRUE.equals(n.subtree()));
      traced = t.failures();
      subject = t.organisationId();
    } else {
      throw new InvalidInput("petitionId", "a petition, or an organisation and a period");
    }
    List<Failure> chosen;
    if (n.failures() == null || n.failures().isEmpty()) {
      chosen = traced.stream().filter(f -> !"SUSPECTED".equals(f.status())).toList();
    } else {
      Map<String, Failure> byKey = new LinkedHashMap<>();
      traced.forEach(f -> byKey.put(f.key(), f));
      chosen = new ArrayList<>();
      for (String key : n.failures()) {
        Failure f = byKey.get(key);
        if (f == null) {
          throw new InvalidInput("failures", "the trace shows no failure " + key);
        }
        chosen.add(f);
      }
    }
    if (chosen.isEmpty()) {
      throw new LawViolation(
          "referral-names-failure (" + BASIS + ")",
          "A referral names at least one failure the trace found.");
    }
    if (n.remarks() != null && n.remarks().length() > 10000) {
      throw new InvalidInput("remarks", "at most 10000 characters");
    }
    LocalDate today = today();
    OffsetDateTime now = clock.instant().atZone(CHINA).toOffsetDateTime();
    String id = UUID.randomUUID().toString();
    Organisation issuer = organisations.get(actor.organisationId());
    int year = today.getYear();
    int seq =
        jdbc.sql(
                "select coalesce(max(ref_seq), 0) + 1 from accountability_referral"
                    + " where organisation_id = :o and ref_year = :y")
            .param("o", issuer.id())
            .param("y", year)
            .query(Integer.class)
            .single();
    String number = issuer.displayName() + "问责建议〔" + year + "〕" + seq + "号";
    try {
      jdbc.sql(
              "insert into accountability_referral (id, number, organisation_id, ref_year, ref_seq,"
                  + " addressed_to, petition_id, subject_org, period_from, period_to, remarks,"
                  + " failures, issued_on, created_by, created_at) values (:id, :number, :org,"
                  + " :y, :seq, :to, :p, :subject, :from, :until, :remarks, :failures, :on, :by,"
                  + " :at)")
          .param("id", id)
          .param("number", number)
          .param("org", issuer.id())
          .param("y", year)
          .param("seq", seq)
          .param("to", to.id())
          .param("p", blankToNull(n.petitionId()))
          .param("subject", subject)
          .param("from", subject == null ? null : n.from())
          .param("until", subject == null ? null : n.to())
          .param("remarks", blankToNull(n.remarks()))
          .param("failures", json.writeValueAsString(chosen))
          .param("on", today)
          .param("by", actor.username())
          .param("at", now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new LawViolation(
          "referral-number-taken (" + BASIS + ")", "Another referral took this number; try again.");
    }
    for (String petitionId : chosen.stream().map(Failure::petitionId).distinct().toList()) {
      jdbc.sql(
              "insert into accountability_referral_petition (referral_id, petition_id)"
                  + " values (:r, :p)")
          .param("r", id)
          .param("p", petitionId)
          .update();
    }
    event(
        id,
        "refer",
        today,
        actor,
        now,
        chosen.stream()
            .map(Failure::article)
            .distinct()
            .reduce((a, b) -> a + "; " + b)
            .orElse(BASIS),
        number + " → " + to.displayName() + ": " + chosen.size() + " failure(s)");
    return referral(id);
  }

  /**
   * The addressed discipline organ records that it received a referral (the history shows when).
   *
   * @throws Forbidden for a user of another organisation
   * @throws LawViolation when already acknowledged
   */
  @Transactional
  public Referral acknowledge(String id, String note) {
    Actor actor = currentActor.get();
    Referral r = referral(id);
    if (!actor.bootstrapAdmin() && !r.addressedTo().equals(actor.organisationId())) {
      throw new Forbidden(
          "addressee (" + BASIS + ")",
          "Only the organ a referral is addressed to acknowledges it.");
    }
    if (r.history().stream().anyMatch(e -> "acknowledge".equals(e.act()))) {
      throw new LawViolation(
          "referral-acknowledged-once (" + BASIS + ")", "This referral is already acknowledged.");
    }
    if (note != null && note.length() > 10000) {
      throw new InvalidInput("note", "at most 10000 characters");
    }
    event(
        id,
        "acknowledge",
        today(),
        actor,
        clock.instant().atZone(CHINA).toOffsetDateTime(),
        BASIS,
        blankToNull(note));
    return referral(id);
  }

  /**
   * One referral, for the referring organisation's users and the supervisors and leaders whose
   * jurisdiction holds it, and for the organ it is addressed to.
   *
   * @throws NotFound for an unknown referral, and one naming an accusation hidden from the user
   */
  @Transactional(readOnly = true)
  public Referral referral(String id) {
    Actor actor = currentActor.get();
    Referral r = load(id).orElseThrow(() -> new NotFound("No referral " + id));
    if (hidesPetition(id)) {
      throw new NotFound("No referral " + id);
    }
    if (!mayRead(r, actor)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A referral is read by its organisation (a supervisor or leader: of their jurisdiction)"
              + " and by the organ it is addressed to.");
    }
    return r;
  }

  /** The referrals the signed-in user may read, newest first. */
  @Transactional(readOnly = true)
  public List<Referral> referrals() {
    Actor actor = currentActor.get();
    List<String> ids =
        jdbc.sql("select id from accountability_referral order by issued_on desc, number desc")
            .query(String.class)
            .list();
    List<Referral> visible = new ArrayList<>();
    for (String id : ids) {
      Referral r = load(id).orElseThrow();
      if (mayRead(r, actor) && !hidesPetition(id)) {
        visible.add(r);
      }
    }
    return visible;
  }

  /** Whether any referral was ever recorded (the demo seeds only an empty record). */
  @Transactional(readOnly = true)
  public boolean any() {
    return jdbc.sql("select count(*) from accountability_referral").query(Long.class).single() > 0;
  }

  private boolean hidesPetition(String referralId) {
    return jdbc
        .sql("select petition_id from accountability_referral_petition where referral_id = :r")
        .param("r", referralId)
        .query(String.class)
        .list()
        .stream()
        .anyMatch(p -> selector.access(p) == PetitionSelector.Access.UNKNOWN);
  }

  private boolean mayRead(Referral r, Actor actor) {
    if (actor.bootstrapAdmin()) {
      return true;
    }
    String org = actor.organisationId();
    if (org == null) {
      return false;
    }
    if (org.equals(r.addressedTo()) || org.equals(r.organisationId())) {
      return true;
    }
    return (actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER))
        && organisations.jurisdiction(org).contains(r.organisationId());
  }

  private Optional<Referral> load(String id) {
    return jdbc.sql(
            "select id, number, organisation_id, addressed_to, petition_id, subject_org,"
                + " period_from, period_to, remarks, failures, issued_on, created_by, created_at"
                + " from accountability_referral where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Referral(
                    rs.getString("id"),
                    rs.getString("number"),
                    rs.getString("organisation_id"),
                    name(rs.getString("organisation_id")),
                    rs.getString("addressed_to"),
                    name(rs.getString("addressed_to")),
                    rs.getString("petition_id"),
                    rs.getString("subject_org"),
                    name(rs.getString("subject_org")),
                    rs.getObject("period_from", LocalDate.class),
                    rs.getObject("period_to", LocalDate.class),
                    rs.getString("remarks"),
                    json.readValue(rs.getString("failures"), new TypeReference<List<Failure>>() {}),
                    rs.getObject("issued_on", LocalDate.class),
                    rs.getString("created_by"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    history(rs.getString("id"))))
        .optional();
  }

  private List<Referral.ReferralEvent> history(String id) {
    return jdbc.sql(
            "select act, on_day, actor, organisation_id, recorded_at, basis, detail"
                + " from accountability_event where referral_id = :id order by id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Referral.ReferralEvent(
                    rs.getString("act"),
                    rs.getObject("on_day", LocalDate.class),
                    rs.getString("actor"),
                    rs.getString("organisation_id"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("basis"),
                    rs.getString("detail")))
        .list();
  }

  private void event(
      String id,
      String act,
      LocalDate on,
      Actor actor,
      OffsetDateTime at,
      String basis,
      String detail) {
    jdbc.sql(
            "insert into accountability_event (referral_id, act, on_day, actor, organisation_id,"
                + " recorded_at, basis, detail) values (:r, :act, :on, :actor, :org, :at, :basis,"
                + " :detail)")
        .param("r", id)
        .param("act", act)
        .param("on", on)
        .param("actor", actor.username())
        .param("org", actor.organisationId())
        .param("at", at)
        .param("basis", basis.length() > 200 ? basis.substring(0, 200) : basis)
        .param("detail", detail)
        .update();
  }

  // ------------------------------------------------------------------------------- helpers

  private static void requireTracer(Actor actor) {
    if (!actor.bootstrapAdmin() && !actor.has(Role.SUPERVISOR) && !actor.has(Role.LEADER)) {
      throw new Forbidden(
          "role (API.md Users)",
          "The accountability trace is for supervisors and leaders (条例 Art. 40).");
    }
  }

  private Organisation requireInJurisdiction(Actor actor, String organisationId) {
    Organisation organ =
        organisations
            .find(organisationId)
            .orElseThrow(() -> new InvalidInput("organisationId", "no such organisation"));
    if (!actor.bootstrapAdmin()
        && (actor.organisationId() == null
            || !organisations.jurisdiction(actor.organisationId()).contains(organ.id()))) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A supervisor or leader traces the organs of their jurisdiction (条例 Art. 40).");
    }
    return organ;
  }

  private static void requirePeriod(LocalDate from, LocalDate to) {
    if (from == null) throw new InvalidInput("from", "required");
    if (to == null) throw new InvalidInput("to", "required");
    if (to.isBefore(from)) throw new InvalidInput("to", "must not be before from");
    if (from.plusDays(400).isBefore(to)) throw new InvalidInput("to", "at most 400 days");
  }

  private boolean isBureau(String org) {
    return org != null
        && organisations.find(org).map(o -> o.type() == OrgType.PETITION_BUREAU).orElse(false);
  }

  String name(String org) {
    return org == null ? null : organisations.find(org).map(Organisation::displayName).orElse(org);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }
}
