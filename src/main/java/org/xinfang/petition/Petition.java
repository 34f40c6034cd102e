package org.xinfang.petition;

import static org.xinfang.petition.PetitionState.ACCEPTED;
import static org.xinfang.petition.PetitionState.ASSIGNED;
import static org.xinfang.petition.PetitionState.DECLINED;
import static org.xinfang.petition.PetitionState.DIVERTED;
import static org.xinfang.petition.PetitionState.FINAL;
import static org.xinfang.petition.PetitionState.FORWARDED;
import static org.xinfang.petition.PetitionState.OBJECTED;
import static org.xinfang.petition.PetitionState.REGISTERED;
import static org.xinfang.petition.PetitionState.REPLIED;
import static org.xinfang.petition.PetitionState.REVIEWED;
import static org.xinfang.petition.PetitionState.SETTLED;
import static org.xinfang.petition.PetitionState.UNDER_REVIEW;
import static org.xinfang.petition.PetitionState.UNDER_RE_REVIEW;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinfang.calendar.Due;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.petition.Acts.Accept;
import org.xinfang.petition.Acts.Act;
import org.xinfang.petition.Acts.Assign;
import org.xinfang.petition.Acts.DecideObjection;
import org.xinfang.petition.Acts.Decline;
import org.xinfang.petition.Acts.Deliver;
import org.xinfang.petition.Acts.Divert;
import org.xinfang.petition.Acts.EndHearing;
import org.xinfang.petition.Acts.Extend;
import org.xinfang.petition.Acts.FlagMajor;
import org.xinfang.petition.Acts.FollowUp;
import org.xinfang.petition.Acts.Forward;
import org.xinfang.petition.Acts.LinkRepeat;
import org.xinfang.petition.Acts.Objection;
import org.xinfang.petition.Acts.Rate;
import org.xinfang.petition.Acts.ReReview;
import org.xinfang.petition.Acts.Reply;
import org.xinfang.petition.Acts.Report;
import org.xinfang.petition.Acts.ReportMajor;
import org.xinfang.petition.Acts.RequestReReview;
import org.xinfang.petition.Acts.RequestReview;
import org.xinfang.petition.Acts.Resolve;
import org.xinfang.petition.Acts.Review;
import org.xinfang.petition.Acts.Settle;
import org.xinfang.petition.Acts.StartHearing;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;

/**
 * A petition's legal life under the 《信访工作条例》 (2022): the aggregate. Each act method guards what the
 * law requires, then records an immutable {@link HistoryEvent} citing its article; the state is
 * only ever changed by applying recorded events, so replaying the history rebuilds it. Duties (what
 * is owed now, by whom, by when) are derived, never stored.
 */
final class Petition {

  /** The acts of API.md and the states each is allowed in (the matrix test walks this). */
  static final Map<String, Set<PetitionState>> ALLOWED = new LinkedHashMap<>();

  /** The article each act rests on. */
  static final Map<String, String> ARTICLE = new LinkedHashMap<>();

  private static final Set<PetitionState> CONCLUDED_STATES =
      EnumSet.of(DECLINED, DIVERTED, SETTLED, REPLIED, REVIEWED, FINAL);

  static {
    allow("forward", "条例 Art. 22", REGISTERED);
    allow("assign", "条例 Art. 22 item 3", REGISTERED);
    allow("object", "条例 Art. 23 para. 3", FORWARDED, ASSIGNED);
    allow("decide-objection", "条例 Art. 23 para. 3", OBJECTED);
    allow("accept", "条例 Art. 23", REGISTERED, FORWARDED, ASSIGNED);
    allow("decline", "条例 Art. 23; LAW.md §3", REGISTERED, FORWARDED, ASSIGNED);
    allow("divert", "条例 Art. 31 items 1–4", REGISTERED, FORWARDED, ASSIGNED, ACCEPTED);
    allow("extend", "条例 Art. 34", ACCEPTED);
    allow("reply", "条例 Art. 32", ACCEPTED);
    allow("settle", "条例 Art. 33", ACCEPTED);
    allow("deliver", "条例 Art. 35", REPLIED, REVIEWED, FINAL);
    allow("request-review", "条例 Art. 35", REPLIED);
    allow("review", "条例 Art. 35", UNDER_REVIEW);
    allow("request-re-review", "条例 Art. 36", REVIEWED);
    allow("start-hearing", "条例 Art. 36 para. 2", UNDER_RE_REVIEW);
    allow("end-hearing", "条例 Art. 36 para. 2", UNDER_RE_REVIEW);
    allow("re-review", "条例 Art. 36", UNDER_RE_REVIEW);
    allow("rate", "条例 Art. 21", DECLINED, DIVERTED, SETTLED, REPLIED, REVIEWED, FINAL);
    allow(
        "report",
        "条例 Art. 22 item 3",
        ACCEPTED,
        DECLINED,
        DIVERTED,
        SETTLED,
        REPLIED,
        UNDER_REVIEW,
        REVIEWED,
        UNDER_RE_REVIEW,
        FINAL);
    allow("follow-up", "条例 Art. 37 para. 3", DECLINED, DIVERTED, SETTLED, REPLIED, REVIEWED, FINAL);
    allow("resolve", "条例 Art. 37", DECLINED, DIVERTED, SETTLED, REPLIED, REVIEWED, FINAL);
    allow("flag-major", "条例 Art. 25", PetitionState.values());
    allow("report-major", "条例 Art. 25", PetitionState.values());
    allow("link-repeat", "条例 Art. 36 para. 3", PetitionState.values());
  }

  private static void allow(String act, String article, PetitionState... states) {
    ALLOWED.put(act, Collections.unmodifiableSet(EnumSet.of(states[0], states)));
    ARTICLE.put(act, article);
  }

  /** The act name of an act record, as in the URL. */
  static String nameOf(Act act) {
    if (act instanceof Forward) return "forward";
    if (act instanceof Assign) return "assign";
    if (act instanceof Objection) return "object";
    if (act instanceof DecideObjection) return "decide-objection";
    if (act instanceof Accept) return "accept";
    if (act instanceof Decline) return "decline";
    if (act instanceof Divert) return "divert";
    if (act instanceof Extend) return "extend";
    if (act instanceof Reply) return "reply";
    if (act instanceof Settle) return "settle";
    if (act instanceof Deliver) return "deliver";
    if (act instanceof RequestReview) return "request-review";
    if (act instanceof Review) return "review";
    if (act instanceof RequestReReview) return "request-re-review";
    if (act instanceof StartHearing) return "start-hearing";
    if (act instanceof EndHearing) return "end-hearing";
    if (act instanceof ReReview) return "re-review";
    if (act instanceof Rate) return "rate";
    if (act instanceof Report) return "report";
    if (act instanceof FollowUp) return "follow-up";
    if (act instanceof Resolve) return "resolve";
    if (act instanceof LinkRepeat) return "link-repeat";
    if (act instanceof FlagMajor) return "flag-major";
    if (act instanceof ReportMajor) return "report-major";
    throw new IllegalArgumentException("unknown act " + act);
  }

  /** Who acts, for which organisation, on which day, and when it is recorded. */
  record Acting(
      String username, String organisationId, boolean adminAct, LocalDate today, Instant now) {}

  /** The kind of the latest written opinion. */
  enum OpinionKind {
    HANDLING,
    REVIEW,
    RE_REVIEW
  }

  /** The latest written opinion: who issued it, its outcome, and whether it was delivered. */
  record Opinion(
      OpinionKind kind,
      Outcome outcome,
      String text,
      String issuedBy,
      LocalDate issuedOn,
      int seq,
      LocalDate deliveredOn) {
    Opinion delivered(LocalDate on) {
      return new Opinion(kind, outcome, text, issuedBy, issuedOn, seq, on);
    }
  }

  private final String id;
  private final List<HistoryEvent> history = new ArrayList<>();
  private final List<HistoryEvent> pending = new ArrayList<>();
  private int version;

  // fixed at registration
  private Registered registration;

  // the lifecycle, changed only by apply()
  private PetitionState state;
  private String holder;
  private Category category;
  private Pathway pathway;
  private LocalDate routeClockStart;
  private boolean assigned;
  private String sender;
  private LocalDate receivedByHolderOn;
  private LocalDate reportDue;
  private boolean reported;
  private boolean objectionRaised;
  private boolean objectionRejected;
  private LocalDate objectedOn;
  private LocalDate acceptedOn;
  private boolean receiptNotified;
  private LocalDate clockStart;
  private boolean simplified;
  private Complexity complexity;
  private String repeatOf;
  private Integer redoDays;
  private int extensionDays;
  private String handler;
  private String redoneOpinionText;
  private Opinion opinion;
  private LocalDate reviewRequestedOn;
  private LocalDate reReviewRequestedOn;
  private LocalDate hearingStartedOn;

  /** The hearings ended, each as its first and last day, in order (条例 Art. 36 para. 2). */
  private final List<LocalDate[]> hearingsEnded = new ArrayList<>();

  private boolean isFinal;
  private LocalDate concludedOn;
  private boolean resolved;
  private final Map<RatingTarget, Satisfaction> ratings = new EnumMap<>(RatingTarget.class);
  private int ratedOpinionSeq = -1;
  private LocalDate majorFlaggedOn;
  private boolean majorReported;
  private LocalDate lastActOn;

  private Petition(String id) {
    this.id = id;
  }

  // ---------------------------------------------------------------- registration (Arts. 17–21)

  /**
   * 登记 (条例 Arts. 17–21): every channel enters the same record. A collective visit may have at most
   * 5 representatives (Art. 20 para. 3).
   */
  static Petition register(String id, Registered r, Acting acting, Law law) {
    if (r.receivedOn().isAfter(acting.today())) {
      throw new InvalidInput("receivedOn", "must not be in the future");
    }
    if (r.receivedOn().getYear() < 1990) {
      throw new InvalidInput("receivedOn", "must not be before 1990");
    }
    if (law.organisation(r.receivedBy()).isEmpty()) {
      throw new InvalidInput("receivedBy", "no such organisation: " + r.receivedBy());
    }
    if (r.channel() == Channel.VISIT && r.representatives() > 5) {
      throw new LawViolation(
          "collective-visit-representatives (条例 Art. 20 para. 3)",
          "A collective visit must choose at most 5 representatives; "
              + r.representatives()
              + " were given. Record the others as persons present.");
    }
    if (r.persons() < r.representatives()) {
      throw new InvalidInput("persons", "must be at least the number of representatives");
    }
    for (String accused : r.accusedOrganisations()) {
      if (law.organisation(accused).isEmpty()) {
        throw new InvalidInput("accused", "no such organisation: " + accused);
      }
    }
    if (r.repeatOf() != null && law.earlier(r.repeatOf()).isEmpty()) {
      throw new InvalidInput("repeatOf", "no such petition: " + r.repeatOf());
    }
    Petition p = new Petition(id);
    p.record("register", r.receivedOn(), "条例 Arts. 17–21", r, acting);
    return p;
  }

  /** Rebuilds a petition from its history. */
  static Petition replay(String id, int version, List<HistoryEvent> events) {
    Petition p = new Petition(id);
    for (HistoryEvent e : events) {
      p.apply(e);
      p.history.add(e);
    }
    p.version = version;
    return p;
  }

  /**
   * An empty aggregate to replay a history into one event at a time ({@link #replayNext}): the
   * state after each event, without replaying the prefix again for every event.
   */
  static Petition replaying(String id, int version) {
    Petition p = new Petition(id);
    p.version = version;
    return p;
  }

  /** Applies the next event of the history being replayed. */
  void replayNext(HistoryEvent e) {
    apply(e);
    history.add(e);
  }

  // ---------------------------------------------------------------- acts

  /** Performs one act: the state and date guards common to all, then the act's own law. */
  Petition perform(Act act, Acting acting, Law law) {
    String name = nameOf(act);
    LocalDate on = act.on() == null ? acting.today() : act.on();
    requireState(name);
    requireDate(on, acting);
    if (act instanceof Forward a) forward(a, on, acting, law);
    else if (act instanceof Assign a) assign(a, on, acting, law);
    else if (act instanceof Objection a) object(a, on, acting, law);
    else if (act instanceof DecideObjection a) decideObjection(a, on, acting);
    else if (act instanceof Accept a) accept(a, on, acting);
    else if (act instanceof Decline a) decline(a, on, acting, law);
    else if (act instanceof Divert a) divert(a, on, acting);
    else if (act instanceof Extend a) extend(a, on, acting, law);
    else if (act instanceof Reply a) reply(a, on, acting);
    else if (act instanceof Settle a) settle(a, on, acting);
    else if (act instanceof Deliver a) deliver(a, on, acting);
    else if (act instanceof RequestReview a) requestReview(a, on, acting, law);
    else if (act instanceof Review a) review(a, on, acting);
    else if (act instanceof RequestReReview a) requestReReview(a, on, acting, law);
    else if (act instanceof StartHearing a) startHearing(a, on, acting);
    else if (act instanceof EndHearing a) endHearing(a, on, acting);
    else if (act instanceof ReReview a) reReview(a, on, acting);
    else if (act instanceof Rate a) rate(a, on, acting);
    else if (act instanceof Report a) report(a, on, acting);
    else if (act instanceof FollowUp a) followUp(a, on, acting);
    else if (act instanceof Resolve a) resolve(a, on, acting);
    else if (act instanceof FlagMajor a) flagMajor(a, on, acting);
    else if (act instanceof ReportMajor a) reportMajor(a, on, acting);
    else if (act instanceof LinkRepeat a) linkRepeat(a, on, acting, law);
    return this;
  }

  /**
   * 转送 (条例 Art. 22): to the competent organ, never to the accused (Art. 30 para. 3); litigation
   * matters to the political-legal organ (Art. 22 para. 2).
   */
  private void forward(Forward a, LocalDate on, Acting acting, Law law) {
    Organisation to = routeTarget(a.to(), law);
    boolean relay = relayedDown(law.organisation(holder).orElseThrow(), to, law);
    record("forward", on, "条例 Art. 22", new Forward(on, to.id(), relay ? true : null), acting);
  }

  /**
   * 逐级转送 (条例 Art. 22 item 2, 属地管理、分级负责): a matter forwarded to a petition bureau of a lower level
   * inside the sender's area is registered there and routed on (Art. 22) rather than handled. A
   * forward to a bureau level with or above the sender, or outside its area, is an ordinary
   * forward: that bureau owes the notice and may object (Art. 23 para. 3), so a matter cannot go
   * round between bureaus with a fresh 15 days at each one. The sender's area is its government's
   * subtree (its own, without a parent).
   */
  private static boolean relayedDown(Organisation from, Organisation to, Law law) {
    return to.type() == OrgType.PETITION_BUREAU
        && from.level().isAbove(to.level())
        && law.isWithin(to.id(), from.parentId() != null ? from.parentId() : from.id());
  }

  /** 交办 (条例 Art. 22 item 3): by a petition bureau, with a due date for the result report. */
  private void assign(Assign a, LocalDate on, Acting acting, Law law) {
    Organisation from = law.organisation(holder).orElseThrow();
    if (from.type() != OrgType.PETITION_BUREAU) {
      throw new LawViolation(
          "assign-by-petition-bureau (条例 Art. 22 item 3)",
          "Only a petition bureau assigns (交办) a matter with a result report; "
              + from.name()
              + " may forward it instead.");
    }
    if (!a.reportDue().isAfter(on)) {
      throw new InvalidInput("reportDue", "must be after the day of the assignment");
    }
    if (ChronoUnit.DAYS.between(on, a.reportDue()) > 3660) {
      throw new InvalidInput("reportDue", "periods are 1–3660 days");
    }
    Organisation to = routeTarget(a.to(), law);
    record("assign", on, "条例 Art. 22 item 3", new Assign(on, to.id(), a.reportDue()), acting);
  }

  private Organisation routeTarget(String toId, Law law) {
    Organisation to =
        law.organisation(toId)
            .orElseThrow(() -> new InvalidInput("to", "no such organisation: " + toId));
    if (to.id().equals(holder)) {
      throw new LawViolation(
          "route-to-another-organ (条例 Art. 22)",
          "A matter is routed to another organ; it is already held by " + to.name() + ".");
    }
    // whatever it is classed as, a matter naming a unit as accused never goes to that unit
    if (registration.accusedOrganisations().contains(to.id())) {
      throw new LawViolation(
          "accusation-not-to-accused (条例 Art. 30 para. 3)",
          "An accusation must never be passed to the person or unit accused.");
    }
    if (registration.litigationRelated()) {
      // 条例 Art. 22 para. 2: 涉法涉诉 letters go to the political-legal organ of the same level
      // (from a township or village, whose level has none, to the county's)
      Organisation from = law.organisation(holder).orElseThrow();
      OrgLevel level = from.level().isAbove(OrgLevel.TOWNSHIP) ? from.level() : OrgLevel.COUNTY;
      if (to.type() != OrgType.POLITICAL_LEGAL || to.level() != level) {
        throw new LawViolation(
            "litigation-to-political-legal (条例 Art. 22 para. 2, Art. 28 para. 2)",
            "A litigation-related matter is forwarded to the political-legal organ of the same"
                + " level, not to "
                + to.name()
                + ".");
      }
    }
    return to;
  }

  /**
   * 异议 (条例 Art. 23 para. 3): a matter outside the receiving organ's competence is objected to
   * within 5 working days of receipt, with reasons; once per routing.
   */
  private void object(Objection a, LocalDate on, Acting acting, Law law) {
    if (objectionRejected) {
      throw new LawViolation(
          "objection-decided (条例 Art. 23 para. 3)",
          "The sender rejected an objection to this matter; the organ must now handle it.");
    }
    Due window = law.due(receivedByHolderOn, "object");
    if (on.isAfter(window.date())) {
      throw new LawViolation(
          "objection-window (条例 Art. 23 para. 3)",
          "An objection must be raised within 5 working days of receipt, by "
              + window.date()
              + ".");
    }
    record("object", on, "条例 Art. 23 para. 3", new Objection(on, a.reason()), acting);
  }

  /**
   * The sender decides an objection (条例 Art. 23 para. 3): accepted, the matter returns to the
   * sender to be routed again; rejected, the receiving organ must handle it.
   */
  private void decideObjection(DecideObjection a, LocalDate on, Acting acting) {
    record(
        "decide-objection",
        on,
        "条例 Art. 23 para. 3",
        new DecideObjection(on, a.accepted(), a.reason()),
        acting);
  }

  /**
   * 受理 (条例 Arts. 23, 29–31): with its category; a grievance goes to exactly one pathway (Art. 31);
   * pathway 6 starts the 60-day clock (Art. 34), or the simplified 10 working days.
   */
  private void accept(Accept a, LocalDate on, Acting acting) {
    if (registration.litigationRelated() && a.pathway() == Pathway.PETITION_HANDLING) {
      throw new LawViolation(
          "litigation-leaves-ordinary-track (条例 Art. 22 para. 2, Art. 28 para. 2)",
          "A litigation-related matter is not handled as an ordinary petition: forward it to the"
              + " political-legal organ, or divert it to its litigation procedure.");
    }
    if (a.category() == Category.GRIEVANCE && a.pathway() == null) {
      throw new InvalidInput("pathway", "a grievance goes to exactly one pathway (条例 Art. 31)");
    }
    if (a.category() != Category.GRIEVANCE && a.pathway() != null) {
      throw new InvalidInput("pathway", "pathways apply to grievances only (条例 Art. 31)");
    }
    Complexity decided =
        a.complexity() != null
            ? a.complexity()
            : Boolean.TRUE.equals(a.simplified()) ? Complexity.SIMPLE : Complexity.GENERAL;
    if (Boolean.TRUE.equals(a.simplified()) && decided != Complexity.SIMPLE) {
      throw new InvalidInput(
          "complexity", "the simplified procedure is the SIMPLE track; this matter is " + decided);
    }
    // SIMPLE matters on pathway 6 run on the simplified clock (国信发〔2016〕8号)
    boolean simple =
        decided == Complexity.SIMPLE
            && (a.pathway() == Pathway.PETITION_HANDLING || Boolean.TRUE.equals(a.simplified()));
    if (simple && a.pathway() != Pathway.PETITION_HANDLING) {
      throw new InvalidInput(
          "simplified", "the simplified procedure applies to pathway-6 handling only");
    }
    String article =
        switch (a.category()) {
          case SUGGESTION -> "条例 Art. 29";
          case ACCUSATION -> "条例 Art. 30";
          case GRIEVANCE -> "条例 Art. 31 item " + a.pathway().item();
        };
    record(
        "accept",
        on,
        article,
        new Accept(on, a.category(), a.pathway(), simple, decided, a.suggestedComplexity()),
        acting);
  }

  /** 不予受理 / 不再受理 (LAW.md §3): a ground and its reasons; the notice names where to go. */
  private void decline(Decline a, LocalDate on, Acting acting, Law law) {
    if (a.competentOrganisation() != null
        && law.organisation(a.competentOrganisation()).isEmpty()) {
      throw new InvalidInput(
          "competentOrganisation", "no such organisation: " + a.competentOrganisation());
    }
    switch (a.ground()) {
      case LEVEL_SKIPPING -> requireLevelSkipped(a, law);
      case NOT_COMPETENT -> {
        if (holder.equals(a.competentOrganisation())) {
          throw new LawViolation(
              "not-competent-names-another (条例 Art. 23 para. 1)",
              "An organ that is not competent names the organ that is, not itself.");
        }
      }
      case ALREADY_IN_PROGRESS -> requireInProgressBelow(a, law);
      case APPEAL_WINDOW_MISSED -> requireAnswered(a, law);
      case FINAL_AFTER_RE_REVIEW -> requireFinal(a, law);
      default -> {}
    }
    record(
        "decline",
        on,
        a.ground().basis(),
        new Decline(on, a.ground(), a.detail(), a.competentOrganisation(), a.earlierPetition()),
        acting);
  }

  /**
   * LEVEL_SKIPPING (2014 逐级走访办法 Art. 4): a visit, in the deployment's scope, that passed over the
   * organ of the matter's own level and the one above (条例 Art. 20 para. 1); the organ the visitor
   * is sent to is one of those two.
   */
  private void requireLevelSkipped(Decline a, Law law) {
    if (registration.channel() != Channel.VISIT) {
      throw new LawViolation(
          "level-skipping-visits-only (2014 逐级走访办法 Art. 4)",
          "Only a visit can skip a level; this matter came by " + registration.channel() + ".");
    }
    if (!law.levelSkippingAllCategories() && category != null && category != Category.GRIEVANCE) {
      throw new LawViolation(
          "level-skipping-scope (2014 逐级走访办法 Art. 4)",
          "In this deployment only grievances are declined for skipping a level.");
    }
    Optional<Regions.Place> place = Regions.place(registration.regionCode(), law.organisations());
    Optional<Organisation> visited = law.organisation(registration.receivedBy());
    if (place.isPresent()
        && visited.isPresent()
        && !place.get().skippedBy(Regions.unit(visited.get().regionCode()))) {
      throw new LawViolation(
          "level-skipping-not-skipped (条例 Art. 20 para. 1; 2014 逐级走访办法 Art. 4)",
          "A matter may be raised with the organ of its own level or of the one above; "
              + visited.get().name()
              + " is not above both, so this visit skipped no level.");
    }
    Optional<Organisation> sentTo =
        a.competentOrganisation() == null
            ? Optional.empty()
            : law.organisation(a.competentOrganisation());
    if (sentTo.isPresent()
        && (sentTo.get().id().equals(holder)
            || (place.isPresent()
                && !place.get().allows(Regions.unit(sentTo.get().regionCode()))))) {
      throw new LawViolation(
          "level-skipping-guidance (条例 Art. 20 para. 1; 2014 逐级走访办法 Art. 4)",
          "A level-skipping visitor is sent to an organ of the matter's own level or the one"
              + " above, not to "
              + sentTo.get().name()
              + ".");
    }
  }

  /**
   * The same matter raised before, which the grounds of a matter raised again rest on: named in the
   * decline, or the petition this one was registered as a repeat of.
   *
   * @param rule the ground's rule, refusing a decline that names none
   */
  private Law.EarlierPetition earlierMatter(Decline a, Law law, String rule, String which) {
    String id = a.earlierPetition() != null ? a.earlierPetition() : repeatOf;
    if (id == null) {
      throw new LawViolation(
          rule,
          "Name the earlier petition ("
              + which
              + ") in earlierPetition, or register this one as a repeat of it.");
    }
    return law.earlier(id)
        .orElseThrow(() -> new InvalidInput("earlierPetition", "no such petition: " + id));
  }

  /** Raised again means raised after: the earlier matter was received no later than this one. */
  private void requireRaisedBefore(Law.EarlierPetition earlier, String rule) {
    if (earlier.receivedOn() != null && earlier.receivedOn().isAfter(registration.receivedOn())) {
      throw new LawViolation(
          rule,
          "The earlier petition was received on "
              + earlier.receivedOn()
              + ", after this one ("
              + registration.receivedOn()
              + ").");
    }
  }

  /**
   * ALREADY_IN_PROGRESS (条例 Art. 19 para. 3): the same matter, still in progress, raised again with
   * a superior of the organ handling it.
   */
  private void requireInProgressBelow(Decline a, Law law) {
    String rule = "already-in-progress (条例 Art. 19 para. 3)";
    Law.EarlierPetition earlier = earlierMatter(a, law, rule, "the one in progress");
    requireRaisedBefore(earlier, rule);
    if (CONCLUDED_STATES.contains(earlier.state())) {
      throw new LawViolation(
          rule, "The earlier petition is no longer in progress (" + earlier.state() + ").");
    }
    OrgLevel mine = law.organisation(holder).orElseThrow().level();
    OrgLevel theirs =
        law.organisation(earlier.handlingOrganisation()).map(Organisation::level).orElse(mine);
    if (!mine.isAbove(theirs)) {
      throw new LawViolation(
          rule,
          "Only an organ above the one handling the matter declines it as already in"
              + " progress; raise it with the handling organ instead.");
    }
  }

  /**
   * APPEAL_WINDOW_MISSED (条例 Arts. 35–36): the earlier matter has a written answer (an opinion or a
   * review opinion) that was not appealed in time.
   */
  private void requireAnswered(Decline a, Law law) {
    String rule = "appeal-window-missed (条例 Arts. 35–36)";
    Law.EarlierPetition earlier = earlierMatter(a, law, rule, "the one answered");
    requireRaisedBefore(earlier, rule);
    if (!EnumSet.of(REPLIED, REVIEWED).contains(earlier.state())) {
      throw new LawViolation(
          rule,
          "The earlier petition has no written answer left to appeal (" + earlier.state() + ").");
    }
  }

  /** FINAL_AFTER_RE_REVIEW (不再受理, 条例 Art. 36 para. 3): the earlier matter is re-reviewed, final. */
  private void requireFinal(Decline a, Law law) {
    String rule = "final-after-re-review (条例 Art. 36 para. 3)";
    if (!earlierMatter(a, law, rule, "the re-reviewed one").isFinal()) {
      throw new LawViolation(
          rule,
          "The earlier petition is not final: only a re-reviewed matter is not accepted again.");
    }
  }

  /**
   * 导入 (条例 Art. 31 items 1–4): the matter leaves the petition track for its legal procedure;
   * concluded, not resolved. Allowed where accept is, or after accepting on such a pathway.
   */
  private void divert(Divert a, LocalDate on, Acting acting) {
    if (!a.pathway().isDiversion()) {
      throw new InvalidInput(
          "pathway", "only pathways 1–4 of 条例 Art. 31 are diversions; got " + a.pathway());
    }
    if (state == ACCEPTED && (pathway == null || !pathway.isDiversion())) {
      throw new LawViolation(
          "divert-after-accept (条例 Art. 31)",
          "This matter was accepted on "
              + (pathway == null ? "no pathway" : "pathway " + pathway)
              + "; only a matter accepted on pathways 1–4 is diverted after acceptance.");
    }
    if (state == ACCEPTED && a.pathway() != pathway) {
      // a grievance goes to exactly one pathway (条例 Art. 31): the one it was accepted on
      throw new LawViolation(
          "one-pathway (条例 Art. 31)",
          "This matter was accepted on pathway "
              + pathway
              + "; it is diverted to that procedure, not to "
              + a.pathway()
              + ".");
    }
    record(
        "divert",
        on,
        "条例 Art. 31 item " + a.pathway().item(),
        new Divert(on, a.pathway(), a.guidance()),
        acting);
  }

  /**
   * 延期 (条例 Art. 34): once, at most 30 days (configurable), approved by the organ's head, granted
   * before the original period ends; the new due date counts from the same start.
   */
  private void extend(Extend a, LocalDate on, Acting acting, Law law) {
    if (pathway == null || !pathway.hasHandlingClock() || redoDays != null) {
      throw new LawViolation(
          "extension-on-handling-clock (条例 Art. 34)",
          "Only a pathway-6 matter on its 60-day handling clock can be extended.");
    }
    if (simplified) {
      throw new LawViolation(
          "extension-simplified (国信发〔2016〕8号)",
          "A matter on the simplified procedure is not extended.");
    }
    if (extensionDays > 0) {
      throw new LawViolation(
          "one-extension (条例 Art. 34)", "The handling period can be extended only once.");
    }
    int max = law.length("extension-max");
    if (a.days() > max) {
      throw new LawViolation(
          "extension-max (条例 Art. 34)",
          "An extension may not exceed " + max + " days; " + a.days() + " were asked.");
    }
    Due original = law.due(clockStart, "conclude");
    if (on.isAfter(original.date())) {
      throw new LawViolation(
          "extension-before-period-ends (条例 Art. 34)",
          "An extension must be granted before the original period ends on "
              + original.date()
              + ".");
    }
    record(
        "extend", on, "条例 Art. 34", new Extend(on, a.days(), a.reason(), a.approvedBy()), acting);
  }

  /**
   * The handling opinion (条例 Art. 32): request, facts, reasons, opinion and legal basis, with its
   * outcome. After a REDO the new opinion must not be the same as the one set aside (LAW.md §6).
   */
  private void reply(Reply a, LocalDate on, Acting acting) {
    if (pathway != null && pathway.isDiversion()) {
      throw new LawViolation(
          "divert-not-reply (条例 Art. 31)",
          "A matter on pathway " + pathway + " is diverted to its procedure, not answered.");
    }
    if (redoneOpinionText != null && normalise(redoneOpinionText).equals(normalise(a.opinion()))) {
      throw new LawViolation(
          "redo-new-opinion (条例 Art. 35; LAW.md §6)",
          "After 撤销并责令重新办理 the new opinion must not be the same as the one set aside.");
    }
    record("reply", on, "条例 Art. 32", new Reply(on, a.outcome(), a.opinion(), a.basis()), acting);
  }

  /** 调解、和解 (条例 Art. 33): a grievance may end with a recorded agreement. */
  private void settle(Settle a, LocalDate on, Acting acting) {
    if (category != Category.GRIEVANCE) {
      throw new LawViolation(
          "settle-grievances (条例 Art. 33)",
          "Only grievances are ended by mediation or settlement.");
    }
    record("settle", on, "条例 Art. 33", new Settle(on, a.agreement()), acting);
  }

  /** 送达: the delivery day starts the petitioner's appeal window (条例 Arts. 35–36). */
  private void deliver(Deliver a, LocalDate on, Acting acting) {
    if (opinion == null || opinion.deliveredOn() != null) {
      throw new LawViolation(
          "deliver-once (条例 Art. 35)", "There is no undelivered written opinion on this matter.");
    }
    record("deliver", on, "条例 Art. 35", new Deliver(on), acting);
  }

  /**
   * 复查 (条例 Art. 35): within 30 days of receiving the written handling opinion, to the organ one
   * level above the handling organ (the petitioner may choose where the law allows).
   */
  private void requestReview(RequestReview a, LocalDate on, Acting acting, Law law) {
    if (pathway == null || !pathway.hasHandlingClock()) {
      throw new LawViolation(
          "review-of-handling-opinions (条例 Art. 35)",
          "Review applies to handling opinions on pathway 6; this matter's remedy lies elsewhere.");
    }
    requireDeliveredWithin(on, "review-window", "review-window (条例 Art. 35)", law);
    Organisation to = appealOrgan(a.to(), opinion.issuedBy(), "review-organ (条例 Art. 35)", law);
    record("request-review", on, "条例 Art. 35", new RequestReview(on, to.id()), acting);
  }

  /**
   * 复查意见 (条例 Art. 35): UPHOLD, VARY with the new outcome, or REDO — the original organ issues a
   * new, appealable opinion within the period the reviewer sets.
   */
  private void review(Review a, LocalDate on, Acting acting) {
    requireVariedOutcome(a.outcome(), a.variedOutcome());
    if (a.outcome() != ReviewOutcome.REDO && a.redoDays() != null) {
      throw new InvalidInput("redoDays", "a period is set only with outcome REDO");
    }
    record(
        "review",
        on,
        "条例 Art. 35",
        new Review(on, a.outcome(), a.variedOutcome(), a.opinion(), a.redoDays(), a.basis()),
        acting);
  }

  /** 复核 (条例 Art. 36): within 30 days of receiving the review opinion, one level above it. */
  private void requestReReview(RequestReReview a, LocalDate on, Acting acting, Law law) {
    requireDeliveredWithin(on, "re-review-window", "re-review-window (条例 Art. 36)", law);
    Organisation to = appealOrgan(a.to(), opinion.issuedBy(), "re-review-organ (条例 Art. 36)", law);
    record("request-re-review", on, "条例 Art. 36", new RequestReReview(on, to.id()), acting);
  }

  /** A hearing (条例 Art. 36 para. 2): its time is not counted in the 30 days. */
  private void startHearing(StartHearing a, LocalDate on, Acting acting) {
    if (hearingStartedOn != null) {
      throw new LawViolation(
          "one-hearing-at-a-time (条例 Art. 36 para. 2)", "A hearing is already in progress.");
    }
    record("start-hearing", on, "条例 Art. 36 para. 2", new StartHearing(on), acting);
  }

  private void endHearing(EndHearing a, LocalDate on, Acting acting) {
    if (hearingStartedOn == null) {
      throw new LawViolation(
          "hearing-in-progress (条例 Art. 36 para. 2)", "No hearing is in progress.");
    }
    record("end-hearing", on, "条例 Art. 36 para. 2", new EndHearing(on, a.summary()), acting);
  }

  /** 复核意见 (条例 Art. 36): UPHOLD or VARY; the matter becomes final (para. 3). */
  private void reReview(ReReview a, LocalDate on, Acting acting) {
    if (a.outcome() == ReviewOutcome.REDO) {
      throw new LawViolation(
          "re-review-outcome (条例 Art. 36; LAW.md §6)",
          "A re-review upholds or varies; it does not send the matter back.");
    }
    if (hearingStartedOn != null) {
      throw new LawViolation(
          "hearing-in-progress (条例 Art. 36 para. 2)",
          "End the hearing before issuing the re-review opinion.");
    }
    requireVariedOutcome(a.outcome(), a.variedOutcome());
    record(
        "re-review",
        on,
        "条例 Art. 36",
        new ReReview(on, a.outcome(), a.variedOutcome(), a.opinion(), a.basis()),
        acting);
  }

  /** 满意度评价 (条例 Art. 21): once per target for each written answer, after delivery. */
  private void rate(Rate a, LocalDate on, Acting acting) {
    if (opinion != null && (state == REPLIED || state == REVIEWED || state == FINAL)) {
      if (opinion.deliveredOn() == null) {
        throw new LawViolation(
            "rate-after-delivery (条例 Art. 21)",
            "The petitioner rates the handling once the written answer is delivered.");
      }
    }
    RatingTarget target = a.target() == null ? RatingTarget.HANDLING_ORGANISATION : a.target();
    if (ratings.containsKey(target) && ratedOpinionSeq == currentAnswerSeq()) {
      throw new LawViolation(
          "rate-once (条例 Art. 21)", "This answer has already been rated for " + target + ".");
    }
    record("rate", on, "条例 Art. 21", new Rate(on, a.satisfaction(), target, a.reason()), acting);
  }

  /** 办结报告 (条例 Art. 22 item 3): the assignee reports the result to the assigning organ. */
  private void report(Report a, LocalDate on, Acting acting) {
    if (!assigned || reported) {
      throw new LawViolation(
          "report-on-assignment (条例 Art. 22 item 3)",
          assigned ? "The result report has been made." : "This matter was not assigned (交办).");
    }
    record("report", on, "条例 Art. 22 item 3", new Report(on, a.summary()), acting);
  }

  /** Follow-up on a concluded matter (条例 Art. 37 para. 3): 疏导教育、矛盾化解、帮扶救助. */
  private void followUp(FollowUp a, LocalDate on, Acting acting) {
    requireConcluded("follow-up-on-concluded (条例 Art. 37 para. 3)");
    record("follow-up", on, "条例 Art. 37 para. 3", new FollowUp(on, a.note()), acting);
  }

  /** 化解: the conflict itself is settled — separate from 办结 (条例 Art. 37). */
  private void resolve(Resolve a, LocalDate on, Acting acting) {
    requireConcluded("resolve-concluded (条例 Art. 37)");
    if (resolved) {
      throw new LawViolation("resolve-once (条例 Art. 37)", "This matter is already resolved.");
    }
    record("resolve", on, "条例 Art. 37", new Resolve(on, a.how()), acting);
  }

  /**
   * Links this matter as a repeat of an earlier one (同人同事). The link is explicit and recorded; it
   * never points at the matter itself or closes a circle, and is made once (a wrong link is
   * corrected by linking again with the reason in {@code basis}).
   */
  private void linkRepeat(LinkRepeat a, LocalDate on, Acting acting, Law law) {
    if (a.earlierPetition().equals(id)) {
      throw new InvalidInput("earlierPetition", "a petition is not a repeat of itself");
    }
    String current = a.earlierPetition();
    for (int depth = 0; current != null && depth < 1000; depth++) {
      Optional<Law.EarlierPetition> earlier = law.earlier(current);
      if (earlier.isEmpty()) {
        if (depth == 0) {
          throw new InvalidInput("earlierPetition", "no such petition: " + a.earlierPetition());
        }
        break;
      }
      if (id.equals(earlier.get().repeatOf())) {
        throw new LawViolation(
            "repeat-chain (条例 Art. 36 para. 3)",
            "The earlier petition is itself linked as a repeat of this one; a chain has no circle.");
      }
      current = earlier.get().repeatOf();
    }
    if (a.earlierPetition().equals(repeatOf)) {
      throw new LawViolation(
          "repeat-link-once (条例 Art. 36 para. 3)", "Already linked to this earlier petition.");
    }
    record(
        "link-repeat",
        on,
        "条例 Art. 36 para. 3",
        new LinkRepeat(on, a.earlierPetition(), a.basis()),
        acting);
  }

  /** 重大、紧急 (条例 Art. 25): flagged at intake or later. */
  private void flagMajor(FlagMajor a, LocalDate on, Acting acting) {
    if (majorFlaggedOn != null) {
      throw new LawViolation("flag-major-once (条例 Art. 25)", "Already flagged major or urgent.");
    }
    record("flag-major", on, "条例 Art. 25", new FlagMajor(on, a.reason()), acting);
  }

  /** Reported at once to the Party committee / government (条例 Art. 25). */
  private void reportMajor(ReportMajor a, LocalDate on, Acting acting) {
    if (majorFlaggedOn == null || majorReported) {
      throw new LawViolation(
          "report-major (条例 Art. 25)",
          majorFlaggedOn == null ? "The matter is not flagged major." : "Already reported.");
    }
    record("report-major", on, "条例 Art. 25", new ReportMajor(on, a.to()), acting);
  }

  /**
   * Records that a written notice was issued (书面告知). Not one of the petitioner's or an organ's acts
   * on the matter: it changes no state, and is allowed in every state.
   */
  void recordNotice(NoticeIssued notice, Acting acting) {
    String article =
        notice.article() == null || notice.article().isBlank()
            ? "条例 Art. 23; NOTICES.md"
            : notice.article().strip();
    record("issue-notice", notice.on(), article, notice, acting);
  }

  // ---------------------------------------------------------------- guards

  private void requireState(String act) {
    Set<PetitionState> allowed = ALLOWED.get(act);
    if (!allowed.contains(state)) {
      throw new LawViolation(
          act + "-state (" + ARTICLE.get(act) + ")",
          "'"
              + act
              + "' is not allowed while the petition is "
              + state
              + "; it requires "
              + allowed
              + ".");
    }
  }

  /** API.md: {@code on} is never in the future and never before the previous act. */
  private void requireDate(LocalDate on, Acting acting) {
    if (on.isAfter(acting.today())) {
      throw new InvalidInput("on", "must not be in the future (today is " + acting.today() + ")");
    }
    if (lastActOn != null && on.isBefore(lastActOn)) {
      throw new InvalidInput(
          "on", "must not be before the petition's previous act (" + lastActOn + ")");
    }
  }

  private void requireDeliveredWithin(LocalDate on, String windowRule, String rule, Law law) {
    if (opinion == null || opinion.deliveredOn() == null) {
      throw new LawViolation(
          rule, "The window opens when the petitioner receives the written opinion (送达).");
    }
    Due window = law.due(opinion.deliveredOn(), windowRule);
    if (on.isAfter(window.date())) {
      throw new LawViolation(
          rule,
          "The request must be made within 30 days of receiving the written opinion, by "
              + window.date()
              + ".");
    }
  }

  private static Organisation appealOrgan(String chosen, String below, String rule, Law law) {
    List<Organisation> candidates = law.reviewOrgans(below);
    if (candidates.isEmpty()) {
      throw new LawViolation(rule, "There is no organ one level above " + below + ".");
    }
    if (chosen == null) {
      return candidates.get(0);
    }
    if (law.organisation(chosen).isEmpty()) {
      throw new InvalidInput("to", "no such organisation: " + chosen);
    }
    return candidates.stream()
        .filter(o -> o.id().equals(chosen))
        .findFirst()
        .orElseThrow(
            () ->
                new LawViolation(
                    rule,
                    "The appeal goes to the organ one level up: one of "
                        + candidates.stream().map(Organisation::id).toList()
                        + ", not "
                        + chosen
                        + "."));
  }

  private static void requireVariedOutcome(ReviewOutcome outcome, Outcome varied) {
    if (outcome == ReviewOutcome.VARY && varied == null) {
      throw new InvalidInput("variedOutcome", "required when the outcome is VARY");
    }
    if (outcome != ReviewOutcome.VARY && varied != null) {
      throw new InvalidInput("variedOutcome", "given only when the outcome is VARY");
    }
  }

  private void requireConcluded(String rule) {
    if (!isConcluded()) {
      throw new LawViolation(
          rule, "The matter is not concluded: its written answer is not delivered.");
    }
  }

  /**
   * An opinion's words, for "not the same or substantially the same" (LAW.md §6): full-width and
   * half-width forms alike (NFKC), case folded, and without spaces of any kind, control and
   * invisible format characters (a zero-width space, a soft hyphen) or punctuation other than
   * within a number — an opinion set aside does not come back new by a full stop or a character no
   * reader sees, and one that changes an amount or a date is new.
   */
  static String normalise(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[\\s\\p{Z}\\p{Cc}\\p{Cf}]+", "")
        // punctuation, except between digits (1.5万 is not 15万, 2026-1-12 not 2026-11-2);
        // symbols (¥ $ ≥ ≤) and the per cent and per mille signs are meaning, not form, and stay
        .replaceAll("(?<!\\d)[\\p{P}&&[^%‰‱]]+|[\\p{P}&&[^%‰‱]]+(?!\\d)", "");
  }

  // ---------------------------------------------------------------- recording and applying

  private void record(String act, LocalDate on, String article, Object payload, Acting acting) {
    HistoryEvent e =
        new HistoryEvent(
            history.size() + 1,
            act,
            on,
            acting.username(),
            acting.organisationId(),
            // as stored (microseconds): an answer, and a petition kept after the commit, read the
            // same as the history read back
            acting.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
            article,
            on.isBefore(acting.today()),
            acting.adminAct(),
            payload);
    apply(e);
    history.add(e);
    pending.add(e);
  }

  /** The only place the lifecycle state changes: one recorded event at a time. */
  private void apply(HistoryEvent e) {
    Object p = e.payload();
    LocalDate on = e.on();
    lastActOn = lastActOn == null || on.isAfter(lastActOn) ? on : lastActOn;
    if (p instanceof Registered r) {
      registration = r;
      repeatOf = r.repeatOf();
      state = REGISTERED;
      holder = r.receivedBy();
      category = r.category();
      routeClockStart = r.receivedOn();
      receivedByHolderOn = r.receivedOn();
      if (r.major()) {
        majorFlaggedOn = r.receivedOn();
      }
    } else if (p instanceof Forward f) {
      routed(f.to(), on, false, null);
      if (Boolean.TRUE.equals(f.toPetitionBureau())) {
        // a petition bureau receiving a matter registers it and routes it on within 15 days of
        // receipt (条例 Art. 22), as the one that sent it did: 逐级转送
        state = REGISTERED;
        routeClockStart = on;
      }
    } else if (p instanceof Assign a) {
      routed(a.to(), on, true, a.reportDue());
    } else if (p instanceof Objection) {
      state = OBJECTED;
      objectionRaised = true;
      objectedOn = on;
    } else if (p instanceof DecideObjection d) {
      if (d.accepted()) {
        // the matter goes back to the sender, who routes it again (条例 Art. 23 para. 3)
        holder = sender;
        state = REGISTERED;
        routeClockStart = on;
        receivedByHolderOn = on;
        assigned = false;
        reportDue = null;
        objectionRaised = false;
      } else {
        state = assigned ? ASSIGNED : FORWARDED;
        objectionRejected = true;
      }
    } else if (p instanceof Accept a) {
      state = ACCEPTED;
      category = a.category();
      pathway = a.pathway();
      simplified = Boolean.TRUE.equals(a.simplified());
      complexity = a.complexity() != null ? a.complexity() : Complexity.GENERAL;
      acceptedOn = on;
      clockStart = on;
      receiptNotified = true;
      handler = holder;
    } else if (p instanceof Decline d) {
      state = DECLINED;
      receiptNotified = true;
      concludedOn = on;
      if (repeatOf == null && d.earlierPetition() != null && d.ground().sameMatterAgain()) {
        // declined as the same matter raised again: a repeat petition of the one it names
        // (GLOSSARY 重复信访; LAW.md §9 repeat-petition and first-petition resolution rates)
        repeatOf = d.earlierPetition();
      }
    } else if (p instanceof Divert d) {
      state = DIVERTED;
      category = Category.GRIEVANCE;
      pathway = d.pathway();
      receiptNotified = true;
      if (acceptedOn == null) {
        acceptedOn = on;
      }
      handler = holder;
      concludedOn = on;
    } else if (p instanceof Extend x) {
      extensionDays = x.days();
    } else if (p instanceof Reply r) {
      state = REPLIED;
      handler = holder;
      opinion =
          new Opinion(OpinionKind.HANDLING, r.outcome(), r.opinion(), holder, on, e.seq(), null);
      concludedOn = on;
      redoneOpinionText = null;
    } else if (p instanceof Settle) {
      state = SETTLED;
      concludedOn = on;
    } else if (p instanceof Deliver) {
      opinion = opinion.delivered(on);
    } else if (p instanceof RequestReview r) {
      state = UNDER_REVIEW;
      holder = r.to();
      reviewRequestedOn = on;
    } else if (p instanceof Review r) {
      if (r.outcome() == ReviewOutcome.REDO) {
        // 撤销并责令重新办理: back to the original organ for a new opinion (LAW.md §6)
        state = ACCEPTED;
        redoneOpinionText = opinion.text();
        holder = handler;
        clockStart = on;
        redoDays = r.redoDays() == null ? 0 : r.redoDays();
        extensionDays = 0;
        opinion = null;
        concludedOn = null;
      } else {
        state = REVIEWED;
        Outcome outcome = r.outcome() == ReviewOutcome.VARY ? r.variedOutcome() : opinion.outcome();
        opinion = new Opinion(OpinionKind.REVIEW, outcome, r.opinion(), holder, on, e.seq(), null);
        concludedOn = on;
      }
    } else if (p instanceof RequestReReview r) {
      state = UNDER_RE_REVIEW;
      holder = r.to();
      reReviewRequestedOn = on;
    } else if (p instanceof StartHearing) {
      hearingStartedOn = on;
    } else if (p instanceof EndHearing) {
      hearingsEnded.add(new LocalDate[] {hearingStartedOn, on});
      hearingStartedOn = null;
    } else if (p instanceof ReReview r) {
      state = FINAL;
      isFinal = true;
      Outcome outcome = r.outcome() == ReviewOutcome.VARY ? r.variedOutcome() : opinion.outcome();
      opinion = new Opinion(OpinionKind.RE_REVIEW, outcome, r.opinion(), holder, on, e.seq(), null);
      concludedOn = on;
    } else if (p instanceof Rate r) {
      if (ratedOpinionSeq != currentAnswerSeq()) {
        ratings.clear();
        ratedOpinionSeq = currentAnswerSeq();
      }
      ratings.put(r.target(), r.satisfaction());
    } else if (p instanceof Report) {
      reported = true;
    } else if (p instanceof Resolve) {
      resolved = true;
    } else if (p instanceof FlagMajor) {
      majorFlaggedOn = on;
    } else if (p instanceof ReportMajor) {
      majorReported = true;
    } else if (p instanceof LinkRepeat l) {
      repeatOf = l.earlierPetition();
    }
  }

  private void routed(String to, LocalDate on, boolean assign, LocalDate due) {
    sender = holder;
    holder = to;
    state = assign ? ASSIGNED : FORWARDED;
    assigned = assign;
    reportDue = due;
    reported = false;
    receivedByHolderOn = on; // 条例 Art. 23 para. 3: received by the target on the day it is sent
    objectionRaised = false;
    objectionRejected = false;
  }

  private int currentAnswerSeq() {
    return opinion == null ? 0 : opinion.seq();
  }

  // ---------------------------------------------------------------- duties (derived)

  /**
   * What is owed now (API.md duties), each with its due date on the working-day calendar, the
   * organisation that owes it (none for the petitioner's windows), and its basis.
   */
  List<Duty> duties(Law law, LocalDate today) {
    List<Duty> duties = new ArrayList<>();
    boolean accusation = category == Category.ACCUSATION;
    String notifyRule = accusation ? "accusation-notify" : "notify-receipt";
    switch (state) {
      case REGISTERED -> {
        boolean bureau =
            law.organisation(holder).map(o -> o.type() == OrgType.PETITION_BUREAU).orElse(false);
        if (bureau) {
          owe(
              duties,
              DutyKind.ROUTE,
              law.due(routeClockStart, "route"),
              holder,
              "条例 Art. 22",
              today);
        } else if (registration.noticeOwed()) {
          owe(
              duties,
              DutyKind.NOTIFY_RECEIPT,
              law.due(receivedByHolderOn, notifyRule),
              holder,
              accusation ? "条例 Art. 23 para. 4; 检举控告工作规则" : "条例 Art. 23 para. 2",
              today);
        }
        if (accusation && !bureau) {
          owe(
              duties,
              DutyKind.DISPOSE,
              law.due(receivedByHolderOn, "accusation-dispose"),
              holder,
              "条例 Art. 30; 检举控告工作规则",
              today);
        }
      }
      case FORWARDED, ASSIGNED -> {
        if (registration.noticeOwed()) {
          owe(
              duties,
              DutyKind.NOTIFY_RECEIPT,
              law.due(receivedByHolderOn, notifyRule),
              holder,
              accusation ? "条例 Art. 23 para. 4; 检举控告工作规则" : "条例 Art. 23 para. 3",
              today);
        }
        if (accusation) {
          owe(
              duties,
              DutyKind.DISPOSE,
              law.due(receivedByHolderOn, "accusation-dispose"),
              holder,
              "条例 Art. 30; 检举控告工作规则",
              today);
        }
        if (!objectionRejected) {
          // optional: the organ's right to object; shown, and marked overdue once it has lapsed
          Due window = law.due(receivedByHolderOn, "object");
          duties.add(
              new Duty(
                  DutyKind.OBJECT,
                  window.date(),
                  holder,
                  "条例 Art. 23 para. 3",
                  window.provisional(),
                  true,
                  today.isAfter(window.date()),
                  false));
        }
      }
      case OBJECTED ->
          owe(
              duties,
              DutyKind.DECIDE_OBJECTION,
              law.due(objectedOn, "route"),
              sender,
              "条例 Art. 23 para. 3",
              today);
      case ACCEPTED -> {
        if (pathway != null && pathway.hasHandlingClock()) {
          Due due;
          if (redoDays != null) {
            due =
                redoDays == 0
                    ? law.due(clockStart, "redo")
                    : law.dueWithLength(clockStart, "redo", redoDays);
          } else if (simplified) {
            due = law.due(clockStart, "conclude-simple");
          } else {
            due = law.due(clockStart, "conclude", extensionDays);
          }
          String basis =
              redoDays != null ? "LAW.md §6 (REDO)" : simplified ? "国信发〔2016〕8号" : "条例 Art. 34";
          owe(duties, DutyKind.CONCLUDE, due, holder, basis, today);
        }
      }
      case REPLIED -> {
        if (pathway != null && pathway.hasHandlingClock()) {
          window(duties, DutyKind.REVIEW_WINDOW, "review-window", "条例 Art. 35", law, today);
        }
      }
      case UNDER_REVIEW ->
          owe(
              duties,
              DutyKind.REVIEW,
              law.due(reviewRequestedOn, "review"),
              holder,
              "条例 Art. 35",
              today);
      case REVIEWED ->
          window(duties, DutyKind.RE_REVIEW_WINDOW, "re-review-window", "条例 Art. 36", law, today);
      case UNDER_RE_REVIEW -> {
        ReReviewClock clock = reReviewClock(law, today);
        duties.add(
            new Duty(
                DutyKind.RE_REVIEW,
                clock.due().date(),
                holder,
                "条例 Art. 36 (hearing time excluded)",
                clock.due().provisional(),
                false,
                !clock.paused() && today.isAfter(clock.due().date()),
                clock.paused()));
      }
      default -> {}
    }
    if (assigned && !reported && reportDue != null && state != OBJECTED) {
      duties.add(
          new Duty(
              DutyKind.REPORT,
              reportDue,
              holder,
              "条例 Art. 22 item 3",
              false,
              false,
              today.isAfter(reportDue),
              false));
    }
    if (majorFlaggedOn != null && !majorReported) {
      owe(
          duties,
          DutyKind.REPORT_MAJOR,
          law.due(majorFlaggedOn, "report-major"),
          holder,
          "条例 Art. 25",
          today);
    }
    return duties;
  }

  private static void owe(
      List<Duty> duties, DutyKind kind, Due due, String owedBy, String basis, LocalDate today) {
    duties.add(
        new Duty(
            kind,
            due.date(),
            owedBy,
            basis,
            due.provisional(),
            false,
            today.isAfter(due.date()),
            false));
  }

  private void window(
      List<Duty> duties, DutyKind kind, String rule, String basis, Law law, LocalDate today) {
    if (opinion == null || opinion.deliveredOn() == null) {
      return;
    }
    // the petitioner's window: shown until the next act; "overdue" here means it has lapsed
    Due due = law.due(opinion.deliveredOn(), rule);
    duties.add(
        new Duty(
            kind,
            due.date(),
            null,
            basis,
            due.provisional(),
            true,
            today.isAfter(due.date()),
            false));
  }

  /** The acts the law allows now (state guard only; each act has its own further guards). */
  List<String> allowedActs() {
    List<String> acts = new ArrayList<>();
    ALLOWED.forEach(
        (act, states) -> {
          if (states.contains(state)) {
            acts.add(act);
          }
        });
    return acts;
  }

  // ---------------------------------------------------------------- read side

  String id() {
    return id;
  }

  int version() {
    return version;
  }

  List<HistoryEvent> history() {
    return Collections.unmodifiableList(history);
  }

  List<HistoryEvent> pending() {
    return List.copyOf(pending);
  }

  void committed(int newVersion) {
    pending.clear();
    version = newVersion;
  }

  Registered registration() {
    return registration;
  }

  PetitionState state() {
    return state;
  }

  String holder() {
    return holder;
  }

  /** The organ that routed the matter here and decides an objection (条例 Art. 23 para. 3). */
  String senderForObjection() {
    return sender;
  }

  Category category() {
    return category;
  }

  Pathway pathway() {
    return pathway;
  }

  boolean isFinal() {
    return isFinal;
  }

  boolean isResolved() {
    return resolved;
  }

  LocalDate lastActOn() {
    return lastActOn;
  }

  LocalDate acceptedOn() {
    return acceptedOn;
  }

  int extensionDays() {
    return extensionDays;
  }

  boolean simplified() {
    return simplified;
  }

  /** The triage decision recorded at acceptance; null before acceptance. */
  Complexity complexity() {
    return complexity;
  }

  /** The earlier petition this one repeats (at registration or linked later); null if first. */
  String repeatOf() {
    return repeatOf;
  }

  boolean receiptNotified() {
    return receiptNotified;
  }

  Optional<Opinion> opinion() {
    return Optional.ofNullable(opinion);
  }

  Map<RatingTarget, Satisfaction> ratings() {
    return Collections.unmodifiableMap(ratings);
  }

  boolean isMajor() {
    return majorFlaggedOn != null;
  }

  /** The re-review's due date with its hearings' days excluded, and whether one pauses it now. */
  private record ReReviewClock(Due due, boolean paused) {}

  /**
   * 条例 Art. 36 para. 2: the time a hearing needs is not counted in the 30 days of para. 1. Only a
   * hearing that begins while those days still run pauses them, for each of its days (the first and
   * the last included; an open hearing up to today), each day once, and never the request's own
   * day, which is not one of the 30. One that begins after the period has run out excludes nothing:
   * the days it would exclude lie outside the period, and a re-review owed since then stays late.
   */
  private ReReviewClock reReviewClock(Law law, LocalDate today) {
    Due due = law.due(reReviewRequestedOn, "re-review");
    // the request's own day is not one of the 30 (民法典 Art. 201), nor is a day counted twice
    LocalDate counted = reReviewRequestedOn;
    int excluded = 0;
    for (LocalDate[] hearing : hearingsEnded) {
      if (hearing[0].isAfter(due.date())) {
        return new ReReviewClock(due, false); // run out before it: nothing left to pause
      }
      excluded += daysAfter(counted, hearing[0], hearing[1]);
      counted = later(counted, hearing[1]);
      due = law.due(reReviewRequestedOn, "re-review", excluded);
    }
    if (hearingStartedOn == null || hearingStartedOn.isAfter(due.date())) {
      return new ReReviewClock(due, false);
    }
    excluded += daysAfter(counted, hearingStartedOn, today);
    return new ReReviewClock(law.due(reReviewRequestedOn, "re-review", excluded), true);
  }

  /** The days from {@code first} to {@code last}, both counted, that come after {@code counted}. */
  private static int daysAfter(LocalDate counted, LocalDate first, LocalDate last) {
    return daysOf(later(first, counted.plusDays(1)), last);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The days from the first to the last, both counted; none when the last comes first. */
  private static int daysOf(LocalDate first, LocalDate last) {
    return (int) Math.max(ChronoUnit.DAYS.between(first, last) + 1, 0);
  }

  boolean hearingInProgress() {
    return hearingStartedOn != null;
  }

  /** 办结: declined, diverted, settled, or its latest written answer delivered. */
  boolean isConcluded() {
    return switch (state) {
      case DECLINED, DIVERTED, SETTLED -> true;
      case REPLIED, REVIEWED, FINAL -> opinion != null && opinion.deliveredOn() != null;
      default -> false;
    };
  }

  /**
   * The day the matter was concluded (the answer issued, or the decline / diversion / settlement).
   */
  LocalDate concludedOn() {
    return concludedOn;
  }
}
