package org.xinfang.conference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.conference.ConferenceRows.ConferenceRow;
import org.xinfang.conference.ConferenceRows.DecisionRow;
import org.xinfang.conference.ConferenceRows.ItemRow;
import org.xinfang.conference.ConferenceRows.MemberRow;
import org.xinfang.conference.ConferenceView.Decision;
import org.xinfang.conference.ConferenceView.Item;
import org.xinfang.conference.ConferenceView.Member;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.SearchQuery;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import org.xinfang.task.NewTask;
import org.xinfang.task.Task;
import org.xinfang.task.Tasks;

/**
 * The joint conference's acts and views. A meeting belongs to its convenor's organisation; it is
 * managed by the leaders and supervisors whose jurisdiction holds that organisation (the conference
 * office sits at the petition bureau, 条例 Art. 13) and read by them and the member organisations.
 * Petitions are shown only through {@link PetitionService#get}: masked, within the reader's scope,
 * accusations hidden from the accused.
 *
 * <p>Acts are transactional and return ids; views are read afterwards, outside the act's
 * transaction, because a petition hidden from the reader is an exception of the petition module.
 */
@Service
public class Conferences {

  /** The task source of the duties decisions create. */
  public static final String TASK_SOURCE = "CONFERENCE";

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The local joint conference (条例 Art. 13 para. 1): 统筹协调、督促落实、协调处理重要信访问题. */
  static final String ART_13 = "条例第十三条第一款";

  private final ConferenceRows rows;
  private final PetitionService petitions;
  private final Organisations organisations;
  private final Users users;
  private final Tasks tasks;
  private final CurrentActor currentActor;
  private final Clock clock;

  Conferences(
      ConferenceRows rows,
      PetitionService petitions,
      Organisations organisations,
      Users users,
      Tasks tasks,
      CurrentActor currentActor,
      Clock clock) {
    this.rows = rows;
    this.petitions = petitions;
    this.organisations = organisations;
    this.users = users;
    this.tasks = tasks;
    this.currentActor = currentActor;
    this.clock = clock;
  }

  /** One line of the meetings list. */
  public record Summary(
      String id,
      String organisationId,
      String organisationName,
      String title,
      LocalDate heldOn,
      String place,
      String convenorName,
      String minutesNumber,
      boolean upcoming) {}

  // ---------------------------------------------------------------- views

  /** The meetings the signed-in user may see, latest first. */
  public List<Summary> list() {
    Actor actor = currentActor.get();
    LocalDate today = today();
    return rows.visible(managedBy(actor), actor.organisationId(), actor.bootstrapAdmin()).stream()
        .map(
            c ->
                new Summary(
                    c.id(),
                    c.organisationId(),
                    name(c.organisationId()),
                    title(c),
                    c.heldOn(),
                    c.place(),
                    c.convenorName(),
                    c.minutesNumber(),
                    !c.heldOn().isBefore(today)))
        .toList();
  }

  /**
   * One meeting as the signed-in user may see it.
   *
   * @throws NotFound for an unknown meeting
   * @throws Forbidden for a user who neither manages it nor belongs to a member organisation
   */
  public ConferenceView get(String id) {
    Actor actor = currentActor.get();
    ConferenceRow c = readable(actor, id);
    LocalDate today = today();
    Map<String, Matter> matters = new java.util.HashMap<>();
    Function<String, Matter> matter = p -> matters.computeIfAbsent(p, this::matter);
    List<Item> items = new ArrayList<>();
    Map<String, List<DecisionRow>> byItem =
        rows.decisions(id).stream().collect(Collectors.groupingBy(DecisionRow::itemId));
    for (ItemRow i : rows.items(id)) {
      Matter m = matter.apply(i.petitionId());
      if (m.hidden()) {
        continue; // an accusation hidden from this reader does not exist for them
      }
      Decision carried =
          i.carriedDecisionId() == null
              ? null
              : rows.decision(i.carriedDecisionId()).map(d -> decision(d, today)).orElse(null);
      items.add(
          new Item(
              i.id(),
              i.seq(),
              i.reason(),
              i.reason().basis(),
              i.note(),
              i.petitionId(),
              m.visible(),
              m.number(),
              m.subject(),
              carried,
              i.followUpNote(),
              i.followUpStatus(),
              i.addedBy(),
              i.addedAt(),
              byItem.getOrDefault(i.id(), List.of()).stream()
                  .map(d -> decision(d, today))
                  .toList()));
    }
    List<Member> members =
        rows.members(id).stream()
            .map(
                m ->
                    new Member(
                        m.organisationId(), name(m.organisationId()), m.attended(), m.attendee()))
            .toList();
    return new ConferenceView(
        c.id(),
        c.organisationId(),
        name(c.organisationId()),
        c.convenor(),
        c.convenorName(),
        title(c),
        c.heldOn(),
        c.place(),
        c.scheduledBy(),
        c.scheduledAt(),
        c.minutesNumber(),
        c.minutesIssuedOn(),
        members,
        items,
        mayManage(actor, c.organisationId()));
  }

  /** The meeting's history, leaving out the acts on matters hidden from the reader. */
  public List<ConferenceEvent> history(String id) {
    readable(currentActor.get(), id);
    Map<String, Matter> matters = new java.util.HashMap<>();
    return rows.events(id).stream()
        .filter(
            e ->
                e.petitionId() == null
                    || !matters.computeIfAbsent(e.petitionId(), this::matter).hidden())
        .toList();
  }

  /** The name of the joint conference an organisation convenes, e.g. 大连市信访工作联席会议. */
  public String conferenceName(String organisationId) {
    String name = organisations.find(organisationId).map(Organisation::name).orElse("");
    return name.replaceFirst("(人民政府|政府|党委|委员会)$", "") + "信访工作联席会议";
  }

  // ---------------------------------------------------------------- acts

  /**
   * Schedules a meeting convened by a leader, with its member organisations; every open decision of
   * the convening organisation's earlier meetings is put on its agenda for follow-up.
   *
   * @return the new meeting's id
   */
  @Transactional
  public String schedule(NewConference n) {
    Actor actor = currentActor.get();
    if (n.heldOn() == null) {
      throw new InvalidInput("heldOn", "required");
    }
    String place = strip(n.place());
    if (place == null || place.length() > 200) {
      throw new InvalidInput("place", "1–200 characters");
    }
    if (n.title() != null && n.title().length() > 200) {
      throw new InvalidInput("title", "at most 200 characters");
    }
    Actor convenor =
        Optional.ofNullable(strip(n.convenor()))
            .flatMap(users::find)
            .orElseThrow(() -> new InvalidInput("convenor", "no such user: " + n.convenor()));
    if (!convenor.has(Role.LEADER) || convenor.organisationId() == null) {
      throw new InvalidInput("convenor", "the convenor (总召集人) is a leader of an organisation");
    }
    String org = convenor.organisationId();
    requireManage(actor, org);
    Set<String> jurisdiction = organisations.jurisdiction(org);
    Set<String> members = new LinkedHashSet<>();
    members.add(org);
    List<String> given = n.members() == null ? List.of() : n.members();
    for (int i = 0; i < given.size(); i++) {
      String m = strip(given.get(i));
      if (m == null || !jurisdiction.contains(m)) {
        throw new InvalidInput(
            "members[" + i + "]", "not an organisation of the convenor's jurisdiction: " + m);
      }
      members.add(m);
    }
    String id = UUID.randomUUID().toString();
    rows.insert(
        new ConferenceRow(
            id,
            org,
            convenor.username(),
            convenor.displayName() == null ? convenor.username() : convenor.displayName(),
            strip(n.title()),
            n.heldOn(),
            place,
            actor.username(),
            now(),
            null,
            null));
    members.forEach(m -> rows.addMember(id, m));
    record(
        actor,
        id,
        "schedule",
        null,
        null,
        null,
        ART_13,
        "heldOn="
            + n.heldOn()
            + "; place="
            + place
            + "; convenor="
            + convenor.username()
            + "; members="
            + String.join(",", members));
    carryOver(actor, rows.find(id).orElseThrow());
    return id;
  }

  /**
   * Puts a petition on the agenda: one the user may see, of the convening organisation's
   * jurisdiction, for a reason (a DIFFICULT matter, a jurisdiction dispute under Art. 24, …).
   *
   * @return the new item's id
   */
  @Transactional
  public String addItem(String conferenceId, NewItem n) {
    Actor actor = currentActor.get();
    ConferenceRow c = managed(actor, conferenceId);
    requireOpen(c);
    if (n.reason() == null || n.reason() == AgendaReason.FOLLOW_UP) {
      throw new InvalidInput(
          "reason", "one of DIFFICULT, JURISDICTION_DISPUTE, SUPERVISION, OTHER");
    }
    if (n.note() != null && n.note().length() > 2000) {
      throw new InvalidInput("note", "at most 2000 characters");
    }
    String petitionId = petitionId(n);
    PetitionView p = petitions.get(petitionId); // scope: 403 outside it, 404 for hidden accusations
    Set<String> jurisdiction = organisations.jurisdiction(c.organisationId());
    if (parties(p).stream().noneMatch(jurisdiction::contains)) {
      throw new Forbidden(
          "conference-jurisdiction (条例 Art. 13)",
          "A joint conference takes up the matters of its own area: no organisation of "
              + name(c.organisationId())
              + "'s jurisdiction is a party to this petition.");
    }
    boolean already =
        rows.items(conferenceId).stream()
            .anyMatch(i -> i.petitionId().equals(p.id()) && i.reason() != AgendaReason.FOLLOW_UP);
    if (already) {
      throw new LawViolation(
          "agenda-once (条例 Art. 13)", "This matter is already on the meeting's agenda.");
    }
    String itemId = UUID.randomUUID().toString();
    rows.insert(
        new ItemRow(
            itemId,
            conferenceId,
            rows.nextItemSeq(conferenceId),
            p.id(),
            n.reason(),
            strip(n.note()),
            null,
            null,
            null,
            actor.username(),
            now()));
    // 提级办 answered: the escalation duty of a difficult matter is discharged by the conference
    tasks.discharge(
        org.xinfang.petition.PetitionService.ESCALATION,
        p.id(),
        LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))),
        "提交联席会议研究",
        actor.username());
    record(
        actor,
        conferenceId,
        "add-item",
        itemId,
        null,
        p.id(),
        n.reason().basis(),
        "reason=" + n.reason() + (strip(n.note()) == null ? "" : "; note=" + strip(n.note())));
    return itemId;
  }

  /** Records which member organisations attended and who came for each. */
  @Transactional
  public void attendance(String conferenceId, List<Attendance> attendance) {
    Actor actor = currentActor.get();
    ConferenceRow c = managed(actor, conferenceId);
    requireOpen(c);
    Set<String> members =
        rows.members(conferenceId).stream()
            .map(MemberRow::organisationId)
            .collect(Collectors.toSet());
    List<String> detail = new ArrayList<>();
    for (int i = 0; i < attendance.size(); i++) {
      Attendance a = attendance.get(i);
      if (a == null || !members.contains(a.organisationId())) {
        throw new InvalidInput(
            "attendance[" + i + "].organisationId", "not a member of this meeting");
      }
      String who = strip(a.attendee());
      if (who != null && who.length() > 200) {
        throw new InvalidInput("attendance[" + i + "].attendee", "at most 200 characters");
      }
      rows.attendance(conferenceId, a.organisationId(), a.attended(), who);
      detail.add(a.organisationId() + "=" + (a.attended() ? "present" : "absent"));
    }
    record(actor, conferenceId, "attendance", null, null, null, ART_13, String.join("; ", detail));
  }

  /**
   * Records a decision on a matter on the agenda; an assignment, a leader package or a coordination
   * result naming an organ with a due date becomes a duty of that organ (shown on its My work).
   *
   * @return the decision's id
   */
  @Transactional
  public String decide(String conferenceId, String itemId, NewDecision n) {
    Actor actor = currentActor.get();
    ConferenceRow c = managed(actor, conferenceId);
    requireOpen(c);
    ItemRow item = itemOf(conferenceId, itemId);
    if (n.kind() == null) {
      throw new InvalidInput("kind", "one of ASSIGN, LEADER_PACKAGE, COORDINATION");
    }
    String content = strip(n.content());
    if (content != null && content.length() > 10_000) {
      throw new InvalidInput("content", "at most 10000 characters");
    }
    Set<String> jurisdiction = organisations.jurisdiction(c.organisationId());
    String assignee = strip(n.assignee());
    String leader = null;
    String leaderName = null;
    String title;
    switch (n.kind()) {
      case ASSIGN -> {
        requireOrgan(assignee, jurisdiction, "assignee");
        requireDue(n.due(), c);
        if (content == null) {
          throw new InvalidInput("content", "what the organ is to do");
        }
        title = "落实联席会议交办事项：" + content;
      }
      case LEADER_PACKAGE -> {
        Actor l =
            Optional.ofNullable(strip(n.leader()))
                .flatMap(users::find)
                .filter(u -> u.has(Role.LEADER) && u.organisationId() != null)
                .orElseThrow(() -> new InvalidInput("leader", "not a leader: " + n.leader()));
        if (!jurisdiction.contains(l.organisationId())) {
          throw new InvalidInput("leader", "not a leader of the convenor's jurisdiction");
        }
        requireDue(n.due(), c);
        leader = l.username();
        leaderName = l.displayName() == null ? l.username() : l.displayName();
        assignee = l.organisationId();
        content = content == null ? "领导包案" : content;
        title = "领导包案（" + leaderName + "）：接受包案，制定化解方案";
      }
      case COORDINATION -> {
        if (content == null) {
          throw new InvalidInput("content", "the coordination result");
        }
        if (assignee != null) {
          requireOrgan(assignee, jurisdiction, "assignee");
        }
        if (n.due() != null) {
          if (assignee == null) {
            throw new InvalidInput("assignee", "the organ that owes the duty due then");
          }
          requireDue(n.due(), c);
        }
        title = "按联席会议协调意见办理：" + content;
      }
      default -> throw new IllegalStateException();
    }
    String basis = item.reason().basis();
    String decisionId = UUID.randomUUID().toString();
    rows.insert(
        new DecisionRow(
            decisionId,
            conferenceId,
            itemId,
            n.kind(),
            assignee,
            leader,
            leaderName,
            n.due(),
            content,
            basis,
            null,
            actor.username(),
            now(),
            null,
            null,
            null,
            null));
    String taskId = null;
    if (assignee != null && n.due() != null) {
      Task t =
          tasks.assign(
              new NewTask(
                  TASK_SOURCE,
                  decisionId,
                  item.petitionId(),
                  assignee,
                  title.length() > 500 ? title.substring(0, 499) + "…" : title,
                  conferenceName(c.organisationId()) + " " + c.heldOn() + " 决定（" + basis + "）",
                  n.due()),
              actor.username());
      taskId = t.id();
      rows.setTask(decisionId, taskId);
    }
    record(
        actor,
        conferenceId,
        "decide",
        itemId,
        decisionId,
        item.petitionId(),
        basis,
        "kind="
            + n.kind()
            + (assignee == null ? "" : "; assignee=" + assignee)
            + (leader == null ? "" : "; leader=" + leader)
            + (n.due() == null ? "" : "; due=" + n.due())
            + (taskId == null ? "" : "; task=" + taskId)
            + "; content="
            + content);
    // a meeting already scheduled after this one follows the decision up
    for (ConferenceRow later : rows.openAfter(c.organisationId(), c.heldOn())) {
      carryOver(actor, later);
    }
    return decisionId;
  }

  /**
   * Follows up an earlier decision carried over to this meeting: the status of its duty now, and a
   * note; the decision stays open and is carried to the next meeting.
   */
  @Transactional
  public void followUp(String conferenceId, String itemId, String note) {
    Actor actor = currentActor.get();
    ConferenceRow c = managed(actor, conferenceId);
    requireOpen(c);
    ItemRow item = followUpItem(conferenceId, itemId);
    DecisionRow d = rows.decision(item.carriedDecisionId()).orElseThrow();
    String text = strip(note);
    if (text != null && text.length() > 2000) {
      throw new InvalidInput("note", "at most 2000 characters");
    }
    DecisionStatus status = status(d, today());
    rows.followUp(itemId, text, status);
    record(
        actor,
        conferenceId,
        "follow-up",
        itemId,
        d.id(),
        item.petitionId(),
        ART_13,
        "status=" + status + (text == null ? "" : "; note=" + text));
  }

  /**
   * Closes an earlier decision at this meeting (it is no longer carried over); a duty still open is
   * withdrawn.
   */
  @Transactional
  public void close(String conferenceId, String itemId, String note) {
    Actor actor = currentActor.get();
    ConferenceRow c = managed(actor, conferenceId);
    requireOpen(c);
    ItemRow item = followUpItem(conferenceId, itemId);
    DecisionRow d = rows.decision(item.carriedDecisionId()).orElseThrow();
    String text = strip(note);
    if (text != null && text.length() > 2000) {
      throw new InvalidInput("note", "at most 2000 characters");
    }
    DecisionStatus status = status(d, today());
    if (!rows.close(d.id(), c.heldOn(), conferenceId, actor.username(), text)) {
      throw new LawViolation(
          "decision-open (条例 Art. 13)", "This decision was already closed at a meeting.");
    }
    rows.followUp(itemId, text, status);
    boolean withdrawn = false;
    if (d.taskId() != null && (status == DecisionStatus.OPEN || status == DecisionStatus.OVERDUE)) {
      tasks.cancel(d.taskId());
      withdrawn = true;
    }
    record(
        actor,
        conferenceId,
        "close",
        itemId,
        d.id(),
        item.petitionId(),
        ART_13,
        "status="
            + status
            + (withdrawn ? "; duty withdrawn" : "")
            + (text == null ? "" : "; note=" + text));
  }

  /**
   * Issues the minutes (会议纪要) with their document number, e.g. 大连市信访工作联席会议纪要〔2026〕3号; the agenda is
   * then closed.
   *
   * @return the document number
   */
  @Transactional
  public String issueMinutes(String conferenceId) {
    Actor actor = currentActor.get();
    ConferenceRow c = managed(actor, conferenceId);
    requireOpen(c);
    LocalDate today = today();
    if (c.heldOn().isAfter(today)) {
      throw new LawViolation(
          "minutes-after-meeting (条例 Art. 13)",
          "Minutes record a meeting held: this one is on " + c.heldOn() + ".");
    }
    int year = c.heldOn().getYear();
    int seq = rows.nextMinutesSeq(c.organisationId(), year);
    String number = conferenceName(c.organisationId()) + "纪要〔" + year + "〕" + seq + "号";
    if (!rows.issueMinutes(conferenceId, number, year, seq, today, actor.username())) {
      throw new LawViolation("minutes-once (条例 Art. 13)", "The minutes were already issued.");
    }
    record(actor, conferenceId, "issue-minutes", null, null, null, ART_13, "number=" + number);
    return number;
  }

  // ---------------------------------------------------------------- rules

  /**
   * The organisations whose meetings this actor manages: their jurisdiction, as leader/supervisor.
   */
  private Set<String> managedBy(Actor actor) {
    if (actor.organisationId() == null || !(actor.has(Role.LEADER) || actor.has(Role.SUPERVISOR))) {
      return Set.of();
    }
    return organisations.jurisdiction(actor.organisationId());
  }

  boolean mayManage(Actor actor, String organisationId) {
    return actor.bootstrapAdmin() || managedBy(actor).contains(organisationId);
  }

  private void requireManage(Actor actor, String organisationId) {
    if (!mayManage(actor, organisationId)) {
      throw new Forbidden(
          "conference-office (条例 Art. 13)",
          "The joint conference is run by the leaders and supervisors whose jurisdiction holds"
              + " the convening organisation.");
    }
  }

  private ConferenceRow readable(Actor actor, String id) {
    ConferenceRow c = rows.find(id).orElseThrow(() -> new NotFound("No conference " + id));
    if (mayManage(actor, c.organisationId())) {
      return c;
    }
    boolean member =
        actor.organisationId() != null
            && rows.members(id).stream()
                .anyMatch(m -> m.organisationId().equals(actor.organisationId()));
    if (!member) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A joint conference is seen by its member organisations and by those who run it.");
    }
    return c;
  }

  private ConferenceRow managed(Actor actor, String id) {
    ConferenceRow c = readable(actor, id);
    requireManage(actor, c.organisationId());
    return c;
  }

  private static void requireOpen(ConferenceRow c) {
    if (c.minutesNumber() != null) {
      throw new LawViolation(
          "minutes-issued (条例 Art. 13)",
          "The minutes " + c.minutesNumber() + " were issued: the meeting's record is closed.");
    }
  }

  private ItemRow itemOf(String conferenceId, String itemId) {
    return rows.item(itemId)
        .filter(i -> i.conferenceId().equals(conferenceId))
        .orElseThrow(() -> new NotFound("No agenda item " + itemId));
  }

  private ItemRow followUpItem(String conferenceId, String itemId) {
    ItemRow item = itemOf(conferenceId, itemId);
    if (item.carriedDecisionId() == null) {
      throw new LawViolation(
          "follow-up-item (条例 Art. 13)",
          "Only an earlier meeting's decision carried over is followed up or closed.");
    }
    return item;
  }

  private void requireOrgan(String organ, Set<String> jurisdiction, String field) {
    if (organ == null || !jurisdiction.contains(organ)) {
      throw new InvalidInput(field, "not an organisation of the convenor's jurisdiction: " + organ);
    }
  }

  private static void requireDue(LocalDate due, ConferenceRow c) {
    if (due == null) {
      throw new InvalidInput("due", "required");
    }
    if (due.isBefore(c.heldOn())) {
      throw new InvalidInput("due", "not before the meeting (" + c.heldOn() + ")");
    }
  }

  /** Puts every open decision of the organisation's earlier meetings on this meeting's agenda. */
  private void carryOver(Actor actor, ConferenceRow c) {
    if (c.minutesNumber() != null) {
      return;
    }
    for (DecisionRow d : rows.openBefore(c.organisationId(), c.heldOn(), c.id())) {
      ItemRow from = rows.item(d.itemId()).orElseThrow();
      String itemId = UUID.randomUUID().toString();
      rows.insert(
          new ItemRow(
              itemId,
              c.id(),
              rows.nextItemSeq(c.id()),
              from.petitionId(),
              AgendaReason.FOLLOW_UP,
              null,
              d.id(),
              null,
              null,
              actor.username(),
              now()));
      record(
          actor,
          c.id(),
          "add-item",
          itemId,
          d.id(),
          from.petitionId(),
          AgendaReason.FOLLOW_UP.basis(),
          "reason=FOLLOW_UP; carried from " + d.conferenceId());
    }
  }

  private Decision decision(DecisionRow d, LocalDate today) {
    Task t = d.taskId() == null ? null : tasks.find(d.taskId()).orElse(null);
    LocalDate heldOn = rows.find(d.conferenceId()).map(ConferenceRow::heldOn).orElse(null);
    return new Decision(
        d.id(),
        d.conferenceId(),
        heldOn,
        d.itemId(),
        d.kind(),
        d.assignee(),
        d.assignee() == null ? null : name(d.assignee()),
        d.leader(),
        d.leaderName(),
        d.due(),
        d.content(),
        d.basis(),
        d.taskId(),
        status(t, today),
        t == null ? null : t.doneOn(),
        d.decidedBy(),
        d.decidedAt(),
        d.closedOn(),
        d.closedAtConference(),
        d.closedBy(),
        d.closingNote());
  }

  private DecisionStatus status(DecisionRow d, LocalDate today) {
    return status(d.taskId() == null ? null : tasks.find(d.taskId()).orElse(null), today);
  }

  private static DecisionStatus status(Task t, LocalDate today) {
    if (t == null) {
      return DecisionStatus.NO_DUTY;
    }
    if (t.doneOn() != null) {
      return DecisionStatus.DONE;
    }
    if (t.cancelled()) {
      return DecisionStatus.CANCELLED;
    }
    return t.overdue(today) ? DecisionStatus.OVERDUE : DecisionStatus.OPEN;
  }

  /** A petition as this reader may see it. */
  private record Matter(boolean hidden, boolean visible, String number, String subject) {}

  private Matter matter(String petitionId) {
    try {
      PetitionView p = petitions.get(petitionId);
      return new Matter(false, true, p.number(), p.subject());
    } catch (NotFound e) {
      return new Matter(true, false, null, null);
    } catch (Forbidden e) {
      return new Matter(false, false, null, null);
    }
  }

  private String petitionId(NewItem n) {
    String id = strip(n.petitionId());
    if (id != null) {
      return id;
    }
    String number = strip(n.petitionNumber());
    if (number == null) {
      throw new InvalidInput("petitionId", "a petition id or number is required");
    }
    return petitions
        .search(new SearchQuery(number, null, null, null, null, null, null, null, null, null, 0, 5))
        .items()
        .stream()
        .filter(s -> number.equals(s.number()))
        .map(s -> s.id())
        .findFirst()
        .orElseThrow(() -> new NotFound("No petition " + number));
  }

  private static Set<String> parties(PetitionView p) {
    Set<String> parties = new LinkedHashSet<>();
    parties.add(p.receivedBy());
    if (p.handlingOrganisation() != null) {
      parties.add(p.handlingOrganisation());
    }
    if (p.history() != null) {
      p.history().stream()
          .map(PetitionView.HistoryView::organisationId)
          .filter(o -> o != null)
          .forEach(parties::add);
    }
    return parties;
  }

  private void record(
      Actor actor,
      String conferenceId,
      String act,
      String itemId,
      String decisionId,
      String petitionId,
      String basis,
      String detail) {
    rows.record(
        new ConferenceEvent(
            0,
            conferenceId,
            act,
            itemId,
            decisionId,
            petitionId,
            today(),
            actor.username(),
            actor.organisationId(),
            now(),
            basis,
            detail == null || detail.length() <= 10_000 ? detail : detail.substring(0, 10_000)));
  }

  String name(String organisationId) {
    return organisations.find(organisationId).map(Organisation::displayName).orElse(organisationId);
  }

  private String title(ConferenceRow c) {
    return c.title() != null ? c.title() : conferenceName(c.organisationId());
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  private OffsetDateTime now() {
    return clock.instant().atZone(CHINA).toOffsetDateTime();
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
