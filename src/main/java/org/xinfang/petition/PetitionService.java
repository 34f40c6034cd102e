package org.xinfang.petition;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.audit.Audit;
import org.xinfang.audit.IntegrityCheck;
import org.xinfang.calendar.Due;
import org.xinfang.calendar.LawProfile;
import org.xinfang.calendar.PeriodRule;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.Acts.Act;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import org.xinfang.shared.PersonalData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The petition lifecycle's application service: registers petitions and performs acts, each in one
 * transaction that writes the history event and the change together.
 */
@Service
public class PetitionService {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String QUERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** Who may record which act (data scope and confidentiality are tightened by access rules). */
  private static final Map<String, Set<Role>> ROLES = new LinkedHashMap<>();

  static {
    Set<Role> intake = EnumSet.of(Role.REGISTRAR, Role.HANDLER, Role.LEADER);
    Set<Role> handling = EnumSet.of(Role.HANDLER, Role.LEADER);
    for (String act :
        List.of("forward", "assign", "decide-objection", "flag-major", "report-major")) {
      ROLES.put(act, intake);
    }
    for (String act :
        List.of(
            "object",
            "accept",
            "decline",
            "divert",
            "extend",
            "reply",
            "settle",
            "deliver",
            "review",
            "re-review",
            "start-hearing",
            "end-hearing",
            "report")) {
      ROLES.put(act, handling);
    }
    for (String act :
        List.of(
            "request-review", "request-re-review", "rate", "follow-up", "resolve", "link-repeat")) {
      ROLES.put(act, intake);
    }
  }

  private final Petitions petitions;
  private final org.xinfang.task.Tasks tasks;
  private final Organisations organisations;
  private final WorkingCalendar calendar;
  private final LawProfile profile;
  private final CurrentActor currentActor;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;
  private final Clock clock;
  private final boolean adminActsAnywhere;
  private final boolean levelSkippingAllCategories;
  private final String numberPattern;
  private final SecureRandom random = new SecureRandom();
  private final Audit audit;
  private final TransactionTemplate transaction;

  PetitionService(
      Petitions petitions,
      org.xinfang.task.Tasks tasks,
      Organisations organisations,
      WorkingCalendar calendar,
      LawProfile profile,
      CurrentActor currentActor,
      ApplicationEventPublisher events,
      JsonMapper json,
      Clock clock,
      @Value("${xinfang.security.admin-acts-anywhere:true}") boolean adminActsAnywhere,
      @Value("${xinfang.law.level-skipping-all-categories:false}")
          boolean levelSkippingAllCategories,
      @Value("${xinfang.numbering.pattern:大信〔{year}〕第{seq}号}") String numberPattern,
      Audit audit,
      PlatformTransactionManager transactionManager) {
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactionManager);
    this.petitions = petitions;
    this.tasks = tasks;
    this.organisations = organisations;
    this.calendar = calendar;
    this.profile = profile;
    this.currentActor = currentActor;
    this.events = events;
    this.json = json;
    this.clock = clock;
    this.adminActsAnywhere = adminActsAnywhere;
    this.levelSkippingAllCategories = levelSkippingAllCategories;
    this.numberPattern = numberPattern;
  }

  /**
   * 登记 (条例 Arts. 17–21), in its own transaction (or the caller's): the registering user may be the
   * one this instance last read, verified by the database before the commit (see {@link #act}).
   */
  public PetitionView register(Registration r) {
    return decided(
        use -> {},
        () -> {},
        () -> {
          Actor actor = currentActor.get();
          Petition.Acting acting =
              acting(
                  actor,
                  r.receivedBy(),
                  "register",
                  EnumSet.of(Role.REGISTRAR, Role.HANDLER, Role.LEADER));
          return register(r, actor.username(), acting);
        });
  }

  /** The portal's user name in the history: acts a citizen did online without a staff account. */
  public static final String PORTAL = "portal";

  /**
   * A citizen's online submission through the portal (条例 Art. 17 信息网络; Art. 21): registered by the
   * portal itself on the ONLINE channel at the organ the citizen addressed.
   */
  @Transactional
  public PetitionView submitOnline(Registration r) {
    Registration online = r.asOnlineSubmission(today());
    Petition.Acting acting = new Petition.Acting(PORTAL, null, false, today(), clock.instant());
    return register(online, PORTAL, acting);
  }

  private PetitionView register(Registration r, String registeredBy, Petition.Acting acting) {
    List<PetitionerData> people = r.petitioners();
    checkIdNumbers(people);
    boolean anonymous = people.stream().allMatch(p -> blank(p.name()));
    // 条例 Art. 23 para. 2: no written notice is owed when the name or address is unclear
    boolean noticeOwed = people.stream().anyMatch(p -> !blank(p.name()) && !blank(p.address()));
    int representatives = r.representatives() == null ? 0 : r.representatives();
    int persons =
        r.persons() == null ? Math.max(people.size(), Math.max(representatives, 1)) : r.persons();
    boolean collective =
        r.collective() != null ? r.collective() : persons > 1 || representatives > 0;
    String subject = subjectOf(r);
    List<AccusedData> accused = r.accused() == null ? List.of() : r.accused();
    List<String> accusedOrgs =
        accused.stream()
            .map(AccusedData::organisationId)
            .filter(id -> id != null)
            .distinct()
            .toList();
    Registered registered =
        new Registered(
            r.channel(),
            r.receivedOn(),
            r.receivedBy(),
            r.category(),
            noticeOwed,
            accusedOrgs,
            Boolean.TRUE.equals(r.litigationRelated()),
            Boolean.TRUE.equals(r.major()),
            persons,
            representatives,
            r.repeatOf(),
            r.regionCode());
    String id = UUID.randomUUID().toString();
    Petition petition = Petition.register(id, registered, acting, law());
    int year = r.receivedOn().getYear();
    String number = number(year, petitions.nextSequence(year));
    Map<String, Object> intake = new LinkedHashMap<>();
    if (r.visit() != null) intake.put("visit", r.visit());
    if (r.letter() != null) intake.put("letter", r.letter());
    if (r.phone() != null) intake.put("phone", r.phone());
    Petitions.Record record =
        new Petitions.Record(
            id,
            number,
            queryCode(),
            r.externalNumber(),
            r.channel(),
            r.receivedOn(),
            r.receivedBy(),
            registeredBy,
            // to the microsecond, as the database keeps it: the answer is made from this record
            clock
                .instant()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .atZone(CHINA)
                .toOffsetDateTime(),
            r.regionCode(),
            subject,
            r.facts(),
            r.request(),
            r.reasons(),
            r.evidence(),
            r.topic(),
            r.addressee(),
            representatives,
            persons,
            collective,
            anonymous,
            noticeOwed,
            r.repeatOf(),
            Boolean.TRUE.equals(r.litigationRelated()),
            Boolean.TRUE.equals(r.threatMade()),
            Boolean.TRUE.equals(r.foreignRelated()),
            Boolean.TRUE.equals(r.publicOnline()),
            intake.isEmpty() ? null : json.writeValueAsString(intake),
            1,
            people,
            accused);
    petitions.insert(record, petition);
    petitions.insertDuties(id, petition.duties(law(), today()));
    return publishAndView(petition);
  }

  /**
   * Performs one act of API.md on a petition, in its own transaction (or the caller's).
   *
   * <p>On its own, an act on a petition this instance committed lately takes it as kept, without
   * reading its row ({@link org.xinfang.shared.KeptCopies.Use#include}); the database's version
   * check refuses the save if another instance acted since. The acting user, too, may be the one
   * this instance last read ({@link org.xinfang.shared.KeptCopies}), verified by the database with
   * the act's writes: still enabled, same organisation, name and roles ({@link #decided}). Whatever
   * refuses such an act — that check, or a rule that may have judged what was kept — it is decided
   * again, once, in a new transaction on the row as read, and that answer stands. Nothing of the
   * first attempt remains: it was rolled back. An act that committed is never decided again.
   */
  public PetitionView act(String id, Act act) {
    return decided(
        use -> {
          if (petitions.keepsRecent(id)) {
            use.include(id);
          }
        },
        () -> petitions.forgetRecent(id),
        () -> actInTransaction(id, act));
  }

  /**
   * Decides {@code work} in a transaction of its own: first where kept copies may be used (the
   * acting user as this instance last read them, and whatever {@code trust} adds), each verified by
   * the database before the commit. When that first decision used a kept copy and was refused — by
   * anything before its commit was attempted, or by a kept copy's check at the commit (the server
   * stopped before the commit: {@link OptimisticLockingFailureException}) — {@code forget} runs and
   * the work is decided once more, in a new transaction on fresh reads, and that answer stands. A
   * commit whose outcome is unknown (the connection lost with it) is never decided again, nor is
   * one that committed; a first decision that used nothing kept stands as it is. Inside a caller's
   * transaction, which cannot be decided again, {@code work} runs in it on fresh reads.
   */
  private PetitionView decided(
      java.util.function.Consumer<org.xinfang.shared.KeptCopies.Use> trust,
      Runnable forget,
      java.util.function.Supplier<PetitionView> work) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return transaction.execute(status -> work.get());
    }
    FirstDecision first = new FirstDecision();
    try {
      return transaction.execute(
          status -> {
            first.use = org.xinfang.shared.KeptCopies.allow();
            trust.accept(first.use);
            TransactionSynchronizationManager.registerSynchronization(first);
            return work.get();
          });
    } catch (RuntimeException refused) {
      if (!first.mayBeDecidedAgain(refused)) {
        throw refused;
      }
      forget.run();
      try {
        return transaction.execute(status -> work.get());
      } catch (RuntimeException again) {
        again.addSuppressed(refused);
        throw again;
      }
    }
  }

  /** What a first decision with kept copies did: whether it used one, and reached its commit. */
  private static final class FirstDecision implements TransactionSynchronization {
    private org.xinfang.shared.KeptCopies.Use use;
    private boolean commitAttempted;

    @Override
    public void beforeCommit(boolean readOnly) {
      commitAttempted = true;
    }

    /**
     * Refused after using a kept copy, before its commit was attempted or by a kept copy's check at
     * the commit (the server stopped before the commit): the refusal may rest on what was kept.
     */
    boolean mayBeDecidedAgain(RuntimeException refused) {
      return use != null
          && use.used()
          && (!commitAttempted || refused instanceof OptimisticLockingFailureException);
    }
  }

  private PetitionView actInTransaction(String id, Act act) {
    Petition petition = petitions.load(id).orElseThrow(() -> new NotFound("No petition " + id));
    String name = Petition.nameOf(act);
    Actor actor = currentActor.get();
    if (scope(actor).hides(petitions.accusedOrganisations(id))) {
      throw new NotFound("No petition " + id); // 条例 Art. 30 para. 3: not even its existence
    }
    Petition.Acting acting =
        acting(actor, actingOrganisation(petition, name), name, ROLES.get(name));
    if (act instanceof Acts.Accept a) {
      // the triage suggestion is recorded beside the officer's decision
      Triage t = triage(petition, a.category(), a.pathway());
      act =
          new Acts.Accept(
              a.on(), a.category(), a.pathway(), a.simplified(), a.complexity(), t.suggested());
    }
    Optional<Organisation> lower = Optional.empty();
    if (act instanceof Acts.Decline d && d.ground() == DeclineGround.LEVEL_SKIPPING) {
      lower =
          d.competentOrganisation() != null
              ? organisations.find(d.competentOrganisation())
              : lowerBureau(petition.registration());
      if (d.competentOrganisation() == null && lower.isPresent()) {
        // the notice names where to go (NOTICES.md): the bureau of the level that was skipped
        act =
            new Acts.Decline(d.on(), d.ground(), d.detail(), lower.get().id(), d.earlierPetition());
      }
    }
    PetitionView view = perform(petition, act, acting);
    if (act instanceof Acts.Accept && view.complexity() == Complexity.DIFFICULT) {
      escalate(view, actor);
    }
    if (lower.isPresent()) {
      informLowerOrgan(view, lower.get(), actor);
    }
    return view;
  }

  /** The source name of level-skipping notes to the lower organ in the task module. */
  public static final String LEVEL_SKIPPED = "LEVEL_SKIPPED";

  /**
   * The petition bureau a level-skipping visitor is guided to: that of the highest level the matter
   * may be raised at — the one above the matter's own (条例 Art. 20 para. 1) — or, without one there,
   * that of the matter's own level. Empty when the registration gives no region in the tree.
   */
  private Optional<Organisation> lowerBureau(Registered r) {
    List<Organisation> all = organisations.all();
    Optional<Regions.Place> place = Regions.place(r.regionCode(), all);
    if (place.isEmpty()) {
      return Optional.empty();
    }
    for (String unit : new String[] {place.get().above(), place.get().own()}) {
      Optional<Organisation> bureau =
          all.stream()
              .filter(o -> o.type() == OrgType.PETITION_BUREAU)
              .filter(o -> unit != null && unit.equals(Regions.unit(o.regionCode())))
              .findFirst();
      if (bureau.isPresent() && !bureau.get().id().equals(r.receivedBy())) {
        return bureau;
      }
    }
    return Optional.empty();
  }

  /**
   * 2014 逐级走访办法 Art. 4 (LAW.md §1): the upper organ that does not accept a level-skipping visit
   * guides the visitor and informs the lower organ — here a task on that organ's list, naming the
   * matter and the visitor's guidance, due within the routing period.
   */
  private void informLowerOrgan(PetitionView p, Organisation lower, Actor actor) {
    duty(
        p,
        LEVEL_SKIPPED,
        lower,
        "越级走访告知：",
        "的走访人已被引导到你单位反映，请依法登记办理",
        "2014 逐级走访办法 Art. 4",
        p.concludedOn(),
        "route",
        actor);
  }

  /** A duty on an organisation's work list about a petition, due by a period rule from a day. */
  private void duty(
      PetitionView p,
      String source,
      Organisation owedBy,
      String label,
      String what,
      String basis,
      LocalDate from,
      String rule,
      Actor actor) {
    LocalDate on = from == null ? today() : from;
    tasks.assign(
        new org.xinfang.task.NewTask(
            source,
            p.id(),
            p.id(),
            owedBy.id(),
            label + "信访事项 " + p.number() + "（" + p.subject() + "）" + what,
            basis,
            calendar.due(on, profile.rule(rule)).date()),
        actor.username());
  }

  /** The source name of escalation duties in the task module. */
  public static final String ESCALATION = "ESCALATION";

  /**
   * 提级办: a DIFFICULT matter is escalated one level up — the government above the holder (its own
   * government for a department) is told by a duty on its work list: take the matter into a
   * leader's case package or bring it to the joint conference, within the {@code escalate} rule.
   */
  private void escalate(PetitionView p, Actor actor) {
    List<Organisation> up = organisations.reviewOrgans(p.handlingOrganisation());
    Optional<Organisation> upper =
        up.stream()
            .filter(o -> o.type() == OrgType.GOVERNMENT)
            .findFirst()
            .or(() -> up.stream().findFirst());
    if (upper.isEmpty()) {
      return; // the top of the tree: nobody above
    }
    duty(
        p,
        ESCALATION,
        upper.get(),
        "提级办理：",
        "— 落实领导包案或提交联席会议研究",
        profile.rule("escalate").basis(),
        p.acceptedOn(),
        "escalate",
        actor);
  }

  /**
   * The triage suggestion for a petition (the category and pathway it would be accepted with, or
   * those it has), with the repeat chain and any final earlier petition.
   */
  @Transactional(readOnly = true)
  public Triage triage(String id, Category category, Pathway pathway) {
    requireReadable(id);
    Petition petition = petitions.load(id).orElseThrow();
    return triage(petition, category, pathway);
  }

  private Triage triage(Petition petition, Category category, Pathway pathway) {
    Petitions.Record r = petitions.record(petition.id()).orElseThrow();
    int depth = petitions.repeatDepth(petition.repeatOf());
    String finalEarlier = null;
    String current = petition.repeatOf();
    Law law = law();
    for (int i = 0; current != null && i < 1000; i++) {
      Optional<Law.EarlierPetition> e = law.earlier(current);
      if (e.isEmpty()) break;
      if (e.get().isFinal()) {
        finalEarlier = e.get().id();
        break;
      }
      current = e.get().repeatOf();
    }
    return Triage.suggest(
        category != null ? category : petition.category(),
        pathway != null ? pathway : petition.pathway(),
        r.channel(),
        r.persons(),
        depth,
        petition.isMajor(),
        r.threatMade(),
        r.litigationRelated(),
        finalEarlier);
  }

  /**
   * Earlier petitions of the same petitioner (同人: same phone or identity number, or same name at
   * the same address) the user may see: candidates to link this one to as a repeat.
   */
  @Transactional(readOnly = true)
  public List<PetitionSummary> repeatCandidates(String id) {
    requireReadable(id);
    Petitions.Record r = petitions.record(id).orElseThrow();
    return petitions.sameCitizen(scope(currentActor.get()), id, r.receivedOn()).stream()
        .map(PetitionService::summary)
        .toList();
  }

  /**
   * A petition as the signed-in user may see it, personal data masked.
   *
   * @throws NotFound for an unknown petition, and for an accusation against the user's own unit
   *     (its existence is confidential, 条例 Art. 30 para. 3)
   * @throws Forbidden for a petition outside the user's scope
   */
  @Transactional(readOnly = true)
  public PetitionView get(String id) {
    requireReadable(id);
    return masked(getWithoutScope(id));
  }

  /**
   * A petition in full, without asking who reads it: for the modules reacting inside an act's
   * transaction (notices) and for the portal once the number and query code matched.
   */
  @Transactional(readOnly = true)
  public PetitionView getWithoutScope(String id) {
    Petitions.Record record =
        petitions.record(id).orElseThrow(() -> new NotFound("No petition " + id));
    Petition petition = petitions.load(id).orElseThrow();
    return view(record, petition);
  }

  /** Whether no petition has been registered at all (a first start). */
  @Transactional(readOnly = true)
  public boolean isEmpty() {
    return petitions.none();
  }

  /** Whether a petition with this id exists (for modules that keep things per petition). */
  @Transactional(readOnly = true)
  public boolean exists(String id) {
    return id != null && petitions.record(id).isPresent();
  }

  /**
   * Lets the signed-in user through to a petition (and what hangs on it: notices, attachments) only
   * where they may see it.
   *
   * @throws NotFound for an unknown petition, and for an accusation hidden from this user
   * @throws Forbidden for another organisation's petition
   */
  @Transactional(readOnly = true)
  public void requireReadable(String id) {
    Actor actor = currentActor.get();
    if (id == null || petitions.record(id).isEmpty()) {
      throw new NotFound("No petition " + id);
    }
    Scope scope = scope(actor);
    if (scope.all()) {
      return;
    }
    if (scope.hides(petitions.accusedOrganisations(id))) {
      throw new NotFound("No petition " + id);
    }
    if (petitions.parties(id).stream().noneMatch(scope.readers()::contains)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the petitions of their own organisation (a supervisor or leader: of their"
              + " jurisdiction).");
    }
  }

  /**
   * What the signed-in user may see: their organisation's petitions, or as supervisor or leader
   * their jurisdiction's (条例 Art. 40); never an accusation against their own unit, nor, outside the
   * discipline line, against a unit below it (条例 Art. 30 para. 3, Art. 46 item 5).
   */
  Scope scope(Actor actor) {
    if (actor.bootstrapAdmin() && adminActsAnywhere) {
      return Scope.EVERYTHING;
    }
    String org = actor.organisationId();
    if (org == null || organisations.find(org).isEmpty()) {
      return new Scope(false, Set.of(), Set.of());
    }
    Set<String> readers =
        actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)
            ? organisations.jurisdiction(org)
            : Set.of(org);
    boolean disciplineLine =
        organisations.find(org).map(o -> o.type() == OrgType.DISCIPLINE_INSPECTION).orElse(false);
    Set<String> barred = disciplineLine ? Set.of(org) : organisations.subtree(org);
    return new Scope(false, readers, barred);
  }

  /**
   * The petitioners' personal data in full, recording the reveal (who, when, which petition,
   * through which door: {@code web} or {@code api}).
   */
  @Transactional
  public List<PetitionerData> revealPersonalData(String id, String channel) {
    requireReadable(id);
    Actor actor = currentActor.get();
    PetitionView p = getWithoutScope(id);
    petitions.recordReveal(
        id,
        actor.username(),
        actor.organisationId(),
        clock.instant().atZone(CHINA).toOffsetDateTime(),
        channel);
    return p.petitioners();
  }

  /** One recorded reveal of a petition's personal data. */
  public record RevealView(
      String username, String organisationId, java.time.OffsetDateTime at, String channel) {}

  /** Who revealed a petition's personal data, newest first. */
  @Transactional(readOnly = true)
  public List<RevealView> reveals(String id) {
    requireReadable(id);
    return petitions.reveals(id).stream()
        .map(r -> new RevealView(r.username(), r.organisationId(), r.at(), r.channel()))
        .toList();
  }

  /** The history of a petition the signed-in user may see. */
  @Transactional(readOnly = true)
  public List<HistoryEvent> history(String id) {
    requireReadable(id);
    return petitions.history(id);
  }

  /** The duties owed now on a petition, as of {@code today}. */
  @Transactional(readOnly = true)
  public List<Duty> duties(String id, LocalDate today) {
    Petition petition = petitions.load(id).orElseThrow(() -> new NotFound("No petition " + id));
    return petition.duties(law(), today);
  }

  /** One line of a petition list. */
  public record PetitionSummary(
      String id,
      String number,
      Channel channel,
      LocalDate receivedOn,
      String receivedBy,
      String subject,
      PetitionState state,
      Category category,
      Pathway pathway,
      String handlingOrganisation,
      boolean isFinal,
      LocalDate lastActOn) {}

  /** The petition number of the configured pattern (LAW.md §1), e.g. 大信〔2026〕第00123号. */
  String number(int year, int seq) {
    return numberPattern
        .replace("{year}", Integer.toString(year))
        .replace("{seq}", String.format("%05d", seq));
  }

  /**
   * The acts allowed now that the signed-in user may do: the state's acts
   * (PetitionView.allowedActs) narrowed to the user's roles and to the organisation each act is
   * done for.
   */
  @Transactional(readOnly = true)
  public List<String> actsForCurrentUser(PetitionView view) {
    Actor actor = currentActor.get();
    if (actor.bootstrapAdmin() && adminActsAnywhere) {
      return view.allowedActs();
    }
    Petition petition = petitions.load(view.id()).orElseThrow();
    return view.allowedActs().stream()
        .filter(act -> ROLES.get(act).stream().anyMatch(actor::has))
        .filter(
            act -> {
              String org = actingOrganisation(petition, act);
              return org == null || org.equals(actor.organisationId());
            })
        .toList();
  }

  /**
   * The result of walking the chains (API.md Integrity).
   *
   * @param checked the history events checked
   * @param chains the links checked in each chain (history, attachments) and the anchors walked
   */
  public record ChainReport(
      boolean intact, long checked, BrokenLink firstBroken, java.util.Map<String, Long> chains) {}

  /**
   * The first link that fails: which petition, which event (or attachment, or anchor), and how it
   * fails.
   *
   * @param chain {@code history}, {@code attachments} or {@code anchors}
   * @param seq the event's sequence number, the attachment's position, or the anchor's id
   * @param recordId the attachment's id, or the id of the anchor that finds a later change
   */
  public record BrokenLink(
      String petitionId,
      String number,
      Integer seq,
      String reason,
      String chain,
      String recordId) {}

  /**
   * Recomputes every petition's history chain (each event hashed over its fields and the one before
   * it, SHA-256 or SM3 as the event names), then the other chains (the attachments, their files
   * re-hashed) and the anchors: an edited, deleted or reordered row is found and named.
   */
  @Transactional(readOnly = true)
  public ChainReport verifyHistory() {
    return verifyHistory(null);
  }

  /**
   * As {@link #verifyHistory()}, and an anchor digest copied out of the database earlier must be
   * among the anchors.
   */
  @Transactional(readOnly = true)
  public ChainReport verifyHistory(String expectedAnchor) {
    Audit.Report report = audit.verify(expectedAnchor);
    long events = report.checked().getOrDefault("history", 0L);
    if (report.intact()) {
      return new ChainReport(true, events, null, report.checked());
    }
    IntegrityCheck.Broken b = report.firstBroken();
    String number =
        b.petitionId() == null
            ? null
            : petitions.record(b.petitionId()).map(Petitions.Record::number).orElse(null);
    return new ChainReport(
        false,
        events,
        new BrokenLink(b.petitionId(), number, b.seq(), b.reason(), report.chain(), b.recordId()),
        report.checked());
  }

  /** Seals identity numbers stored in plain before V10 (once, at start-up). */
  @Transactional
  public int sealPlainIdNumbers() {
    return petitions.sealPlainIdNumbers();
  }

  /** Whether a start-up backfill has been done for good ({@code backfill_done}, V34). */
  boolean backfillDone(String name) {
    return petitions.backfillDone(name);
  }

  /** Records a start-up backfill done; another instance may have recorded it first. */
  void markBackfillDone(String name) {
    petitions.markBackfillDone(name, clock.instant());
  }

  /** Chains history rows written before the chain existed (once, at start-up). */
  @Transactional
  public int chainUnchainedHistory() {
    return petitions.chainUnchained();
  }

  /** The duties an organisation owes, soonest due first (the work list). */
  @Transactional(readOnly = true)
  public Page<WorkItem> workList(WorkQuery q) {
    if (q.owedBy() == null || q.owedBy().isBlank()) {
      throw new InvalidInput("owedBy", "required");
    }
    checkPage(q.page(), q.size());
    Scope scope = scope(currentActor.get());
    if (!scope.all() && !scope.readers().contains(q.owedBy())) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the work of their own organisation (a supervisor or leader: of their"
              + " jurisdiction).");
    }
    return petitions.workList(scope, q);
  }

  /** Petitions found by number, query code, name, phone, text, dates or state. */
  @Transactional(readOnly = true)
  public Page<PetitionSummary> search(SearchQuery q) {
    checkPage(q.page(), q.size());
    Page<Petitions.Summary> found = petitions.search(scope(currentActor.get()), q);
    return new Page<>(
        found.items().stream().map(PetitionService::summary).toList(),
        found.page(),
        found.size(),
        found.total());
  }

  /** The petition a citizen follows on the portal with its number and query code. */
  @Transactional(readOnly = true)
  public Optional<PetitionView> findForPetitioner(String number, String queryCode) {
    return petitions
        .idByNumberAndCode(number, queryCode)
        .map(this::getWithoutScope)
        .map(this::masked);
  }

  /**
   * An act the petitioner does online (rate, request review or re-review): allowed only with the
   * number and query code, recorded as done by the petitioner through the portal.
   */
  @Transactional
  public PetitionView actAsPetitioner(String number, String queryCode, Act act) {
    if (!(act instanceof Acts.Rate
        || act instanceof Acts.RequestReview
        || act instanceof Acts.RequestReReview)) {
      throw new Forbidden("petitioner-acts", "A petitioner rates and appeals; nothing else.");
    }
    String id =
        petitions
            .idByNumberAndCode(number, queryCode)
            .orElseThrow(() -> new NotFound("No petition with this number and query code"));
    Petition petition = petitions.load(id).orElseThrow();
    Petition.Acting acting = new Petition.Acting(PORTAL, null, false, today(), clock.instant());
    return perform(petition, act, acting);
  }

  /**
   * Records that a written notice was issued, as an act in the petition's history citing the
   * notice's own article (called by the notice module in the transaction of the act that required
   * the notice, or when a draft is completed and issued).
   *
   * @param adminAct whether the bootstrap administrator issued it (the act that required it was
   *     theirs, or they issued the draft): marked in the history like their other acts
   */
  @Transactional
  public void recordNoticeIssued(
      String petitionId, NoticeIssued notice, String by, String organisationId, boolean adminAct) {
    Petition petition =
        petitions.load(petitionId).orElseThrow(() -> new NotFound("No petition " + petitionId));
    petition.recordNotice(
        notice, new Petition.Acting(by, organisationId, adminAct, today(), clock.instant()));
    petitions.save(petition);
  }

  /**
   * A duty assigned on a petition (a conference decision, a package step, a supervision order)
   * makes the owing organisation a party, so its users can read the matter they must act on — but
   * never an accused unit of an accusation (条例 Art. 30 para. 3).
   */
  @org.springframework.context.event.EventListener
  @Transactional
  public void on(org.xinfang.task.TaskAssigned assigned) {
    if (assigned.petitionId() == null) {
      return;
    }
    Set<String> barredFor = new java.util.HashSet<>();
    organisations
        .find(assigned.owedBy())
        .ifPresent(
            o -> {
              barredFor.add(o.id());
              if (o.type() != OrgType.DISCIPLINE_INSPECTION) {
                barredFor.addAll(organisations.subtree(o.id()));
              }
            });
    if (petitions.accusedOrganisations(assigned.petitionId()).stream()
        .anyMatch(barredFor::contains)) {
      throw new LawViolation(
          "accusation-not-to-accused (条例 Art. 30 para. 3)",
          "A duty on an accusation is never assigned to the accused unit or a unit above it.");
    }
    petitions.addParties(assigned.petitionId(), Set.of(assigned.owedBy()));
  }

  /** A newly loaded holiday notice moves provisional due dates: recompute them (LAW.md §7). */
  @org.springframework.context.event.EventListener
  @Transactional
  public void on(org.xinfang.calendar.CalendarYearLoaded loaded) {
    LocalDate today = today();
    for (String id : petitions.withProvisionalDuties()) {
      petitions.load(id).ifPresent(p -> petitions.writeDuties(id, p.duties(law(), today)));
    }
  }

  /**
   * A resident identity card number (the default document) must be a real one: 18 characters with a
   * valid birth date and the GB 11643 check character. Other documents are kept as given.
   */
  private void checkIdNumbers(List<PetitionerData> people) {
    for (int i = 0; i < people.size(); i++) {
      PetitionerData d = people.get(i);
      if (d == null || blank(d.idNumber())) {
        continue;
      }
      boolean residentCard = d.idType() == null || "ID_CARD".equals(d.idType());
      if (residentCard && !PersonalData.validResidentId(d.idNumber().strip(), today())) {
        throw new InvalidInput(
            "petitioners[" + i + "].idNumber",
            "not a valid resident identity number (GB 11643: 18 characters, a real birth date,"
                + " the check character)");
      }
    }
  }

  private static void checkPage(int page, int size) {
    if (page < 0 || page > 1_000_000) throw new InvalidInput("page", "must be 0–1000000");
    if (size < 1 || size > 500) throw new InvalidInput("size", "must be 1–500");
  }

  private static PetitionSummary summary(Petitions.Summary s) {
    return new PetitionSummary(
        s.id(),
        s.number(),
        s.channel(),
        s.receivedOn(),
        s.receivedBy(),
        s.subject(),
        s.state(),
        s.category(),
        s.pathway(),
        s.handlingOrganisation(),
        s.isFinal(),
        s.lastActOn());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  // ------------------------------------------------------------------ who acts

  /** The organisation an act is done for: the holder, or the sender deciding an objection. */
  private static String actingOrganisation(Petition p, String act) {
    return switch (act) {
      case "decide-objection" -> p.senderForObjection();
      default -> p.holder();
    };
  }

  private Petition.Acting acting(Actor actor, String organisationId, String act, Set<Role> roles) {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    boolean bootstrap = actor.bootstrapAdmin();
    if (bootstrap && adminActsAnywhere) {
      return new Petition.Acting(actor.username(), organisationId, true, today, clock.instant());
    }
    if (roles.stream().noneMatch(actor::has)) {
      throw new Forbidden(
          "role (API.md Users)", "'" + act + "' needs one of the roles " + roles + ".");
    }
    if (organisationId != null && !organisationId.equals(actor.organisationId())) {
      throw new Forbidden(
          "own-organisation (API.md Users)",
          "A user acts for their own organisation; this act belongs to another organisation.");
    }
    return new Petition.Acting(actor.username(), organisationId, bootstrap, today, clock.instant());
  }

  // ------------------------------------------------------------------ the law's view of the world

  Law law() {
    return new Law() {
      @Override
      public Due due(LocalDate event, String rule) {
        return calendar.due(event, profile.rule(rule));
      }

      @Override
      public Due due(LocalDate event, String rule, int extra) {
        return calendar.due(event, profile.rule(rule), extra);
      }

      @Override
      public Due dueWithLength(LocalDate event, String rule, int length) {
        PeriodRule r = profile.rule(rule);
        return calendar.due(event, length, r.unit(), r.rollForward());
      }

      @Override
      public int length(String rule) {
        return profile.rule(rule).length();
      }

      @Override
      public List<Organisation> organisations() {
        return organisations.all();
      }

      @Override
      public boolean isWithin(String id, String ancestorId) {
        return organisations.isWithin(id, ancestorId);
      }

      @Override
      public Optional<Organisation> organisation(String id) {
        return id == null ? Optional.empty() : organisations.find(id);
      }

      @Override
      public List<Organisation> reviewOrgans(String id) {
        return organisations.reviewOrgans(id);
      }

      @Override
      public Optional<EarlierPetition> earlier(String petitionId) {
        Optional<EarlierPetition> earlier = petitions.earlier(petitionId);
        // an accusation hidden from the acting user is, to them, no petition at all
        if (earlier.isPresent()
            && currentActor
                .find()
                .map(a -> scope(a).hides(petitions.accusedOrganisations(petitionId)))
                .orElse(false)) {
          return Optional.empty();
        }
        return earlier;
      }

      @Override
      public boolean levelSkippingAllCategories() {
        return levelSkippingAllCategories;
      }
    };
  }

  // ------------------------------------------------------------------ views

  private PetitionView view(Petitions.Record r, Petition p) {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    List<PetitionView.HistoryView> history = new ArrayList<>();
    for (HistoryEvent e : p.history()) {
      history.add(
          new PetitionView.HistoryView(
              e.seq(),
              e.act(),
              e.on(),
              e.by(),
              e.organisationId(),
              e.at().atZone(CHINA).toOffsetDateTime(),
              e.article(),
              e.backEntered(),
              e.adminAct(),
              e.payload()));
    }
    PetitionView.OpinionView opinion =
        p.opinion()
            .map(
                o ->
                    new PetitionView.OpinionView(
                        o.kind().name(), o.outcome(), o.issuedBy(), o.issuedOn(), o.deliveredOn()))
            .orElse(null);
    @SuppressWarnings("unchecked")
    Map<String, Object> intake =
        r.intakeDetails() == null ? Map.of() : json.readValue(r.intakeDetails(), Map.class);
    return new PetitionView(
        r.id(),
        r.number(),
        r.queryCode(),
        r.externalNumber(),
        p.state(),
        r.channel(),
        r.receivedOn(),
        r.receivedBy(),
        r.registeredBy(),
        r.registeredAt().atZoneSameInstant(CHINA).toOffsetDateTime(),
        p.category(),
        p.pathway(),
        p.holder(),
        r.subject(),
        r.facts(),
        r.request(),
        r.reasons(),
        r.evidence(),
        r.regionCode(),
        r.topic(),
        r.addressee(),
        r.petitioners(),
        r.representatives(),
        r.persons(),
        r.collective(),
        r.anonymous(),
        r.noticeOwed(),
        r.accused(),
        p.repeatOf(),
        p.repeatOf() == null,
        r.litigationRelated(),
        p.isMajor(),
        r.threatMade(),
        r.foreignRelated(),
        r.publicOnline(),
        intake,
        p.isFinal(),
        p.isConcluded(),
        p.concludedOn(),
        p.isResolved(),
        p.acceptedOn(),
        p.simplified(),
        p.extensionDays(),
        opinion,
        p.ratings(),
        p.duties(law(), today),
        p.allowedActs(),
        history,
        p.version(),
        p.complexity(),
        petitions.repeatDepth(p.repeatOf()));
  }

  /** The view with the petitioners' personal data masked (张*, 138****0000). */
  private PetitionView masked(PetitionView v) {
    return v.withPetitioners(
        v.petitioners().stream()
            .map(
                d ->
                    new PetitionerData(
                        PersonalData.maskName(d.name()),
                        d.sex(),
                        d.ethnicity(),
                        null,
                        d.idType(),
                        PersonalData.maskIdNumber(d.idNumber()),
                        PersonalData.maskPhone(d.phone()),
                        PersonalData.maskAddress(d.address()),
                        d.occupation(),
                        d.lead()))
            .toList());
  }

  /** One act in one transaction: guard and record, save, rewrite the duties, tell the others. */
  private PetitionView perform(Petition petition, Act act, Petition.Acting acting) {
    petition.perform(act, acting, law());
    petitions.save(petition);
    petitions.rewriteDutiesOfAct(petition.id(), petition.duties(law(), acting.today()));
    return publishAndView(petition);
  }

  /**
   * Tells the reacting modules (in this transaction: a notice the act requires is issued with it),
   * then answers with the petition as it now stands.
   */
  private PetitionView publishAndView(Petition petition) {
    Petitions.Record record = petitions.record(petition.id()).orElseThrow();
    publish(petition, record.number());
    Petition now = petitions.load(petition.id()).orElseThrow();
    return masked(view(record, now));
  }

  /** One act records one event: the reacting modules hear of that one. */
  private void publish(Petition p, String number) {
    events.publishEvent(new PetitionActed(p.id(), number, p.history().get(p.history().size() - 1)));
  }

  private static String subjectOf(Registration r) {
    if (!blank(r.subject())) {
      return r.subject().strip();
    }
    String source = !blank(r.request()) ? r.request() : r.facts();
    if (blank(source)) {
      throw new InvalidInput(
          "subject", "a subject, the facts or the request must be recorded (条例 Art. 19)");
    }
    String s = source.strip().replaceAll("\\s+", " ");
    return s.codePointCount(0, s.length()) <= 50
        ? s
        : s.substring(0, s.offsetByCodePoints(0, 50)) + "…";
  }

  private String queryCode() {
    StringBuilder b = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      b.append(QUERY_ALPHABET.charAt(random.nextInt(QUERY_ALPHABET.length())));
    }
    return b.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
