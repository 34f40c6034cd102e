package org.xinfang.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.PetitionSelector.Standing;
import org.xinfang.petition.Selection;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ledgers (台账): opened by an organisation for a campaign, filled by rules and by hand, every case
 * followed to resolution. Users of the owning organisation work a ledger; supervisors and leaders
 * whose jurisdiction holds the owner read it. Every act writes a {@code ledger_event} in the same
 * transaction. Cases are shown only where the reader may see the petition (issue 4).
 */
@Service
public class Ledgers {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** The most petitions one application of the rules adds. */
  static final int MAX_SELECTED = 5000;

  /** Why a case is on or off a ledger, as the history cites it. */
  static final String BASIS_RULES = "台账规则";

  static final String BASIS_MANUAL = "人工调整";
  static final String BASIS_IMPORT = "台账导入";

  private static final String COLUMNS =
      "id, name, owner_organisation, owner_user, period_from, period_to, target_rate,"
          + " target_resolved, description, rules, created_by, created_at, rules_applied_at";

  private final JdbcClient jdbc;
  private final PetitionSelector selector;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final JsonMapper json;
  private final Clock clock;
  private final MessageSource messages;
  private final int backlogMonths;

  Ledgers(
      JdbcClient jdbc,
      PetitionSelector selector,
      Organisations organisations,
      CurrentActor currentActor,
      JsonMapper json,
      Clock clock,
      MessageSource messages,
      @Value("${xinfang.backlog.months:6}") int backlogMonths) {
    this.jdbc = jdbc;
    this.selector = selector;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.json = json;
    this.clock = clock;
    this.messages = messages;
    this.backlogMonths = backlogMonths;
  }

  /** Which cases of a ledger to list. */
  public enum Filter {
    ALL,
    RESOLVED,
    UNRESOLVED,
    OVERDUE;

    boolean keeps(LedgerCase c) {
      return switch (this) {
        case ALL -> true;
        case RESOLVED -> c.resolved();
        case UNRESOLVED -> !c.resolved();
        case OVERDUE -> c.overdue();
      };
    }
  }

  /** What applying the rules did. */
  public record Applied(int matched, int added, int alreadyOn, int removedBefore) {}

  // ------------------------------------------------------------------ acts

  /**
   * Opens a ledger for the creator's organisation and (unless {@code applyRules} is false) fills it
   * from its rules.
   *
   * @throws InvalidInput for a period that ends before it starts, or an unknown owner
   * @throws Forbidden for a user without a working role, or naming another organisation
   */
  @Transactional
  public LedgerView create(NewLedger n) {
    Actor actor = currentActor.get();
    if (!actor.bootstrapAdmin() && actor.roles().stream().noneMatch(r -> r != Role.ADMIN)) {
      throw new Forbidden("role (API.md Users)", "Opening a ledger needs a working role.");
    }
    String owner =
        n.ownerOrganisation() == null || n.ownerOrganisation().isBlank()
            ? actor.organisationId()
            : n.ownerOrganisation().strip();
    if (owner == null || organisations.find(owner).isEmpty()) {
      throw new InvalidInput("ownerOrganisation", "no such organisation: " + owner);
    }
    if (!actor.bootstrapAdmin() && !owner.equals(actor.organisationId())) {
      throw new Forbidden(
          "own-organisation (API.md Users)", "A user opens ledgers for their own organisation.");
    }
    if (n.periodTo().isBefore(n.periodFrom())) {
      throw new InvalidInput("periodTo", "not before periodFrom");
    }
    if (n.rules() != null
        && n.rules().receivedFrom() != null
        && n.rules().receivedTo() != null
        && n.rules().receivedTo().isBefore(n.rules().receivedFrom())) {
      throw new InvalidInput("rules.receivedTo", "not before rules.receivedFrom");
    }
    String id = UUID.randomUUID().toString();
    LedgerRules rules = n.rules() == null ? LedgerRules.NONE : n.rules();
    jdbc.sql(
            """
            insert into ledger (id, name, owner_organisation, owner_user, period_from, period_to,
              target_rate, target_resolved, description, rules, created_by, created_at)
            values (:id, :name, :owner, :user, :from, :to, :rate, :resolved, :description, :rules,
              :by, :at)
            """)
        .param("id", id)
        .param("name", n.name().strip())
        .param("owner", owner)
        .param("user", actor.username())
        .param("from", n.periodFrom())
        .param("to", n.periodTo())
        .param("rate", n.targetRate())
        .param("resolved", n.targetResolved())
        .param("description", n.description())
        .param("rules", json.writeValueAsString(rules))
        .param("by", actor.username())
        .param("at", now())
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", n.name().strip());
    details.put("period", n.periodFrom() + "/" + n.periodTo());
    details.put("rules", rules);
    record(id, "create", null, actor, "开设台账", details);
    if (!Boolean.FALSE.equals(n.applyRules()) && rules.any()) {
      applyRules(id);
    }
    return view(id);
  }

  /**
   * Adds what the rules select now and the user may see; a case already on the ledger (or removed
   * from it by hand) stays as it is. Re-applying is idempotent.
   */
  @Transactional
  public Applied applyRules(String id) {
    Ledger l = requireWritable(id);
    Actor actor = currentActor.get();
    LedgerRules r = l.rules();
    if (!r.any()) {
      throw new LawViolation(
          "ledger-rules", "This ledger has no rules; its cases are added by hand.");
    }
    LocalDate today = today();
    int months = r.backlogMonths() == null ? backlogMonths : r.backlogMonths();
    Selection s =
        new Selection(
            r.repeat(),
            r.backlog() ? today.minusMonths(months) : null,
            r.regionPrefix(),
            r.category(),
            r.channel(),
            r.receivedFrom(),
            r.receivedTo(),
            r.ownerJurisdiction() ? organisations.jurisdiction(l.ownerOrganisation()) : null);
    List<String> matched = selector.select(s, MAX_SELECTED);
    Map<String, Boolean> existing = caseRows(id);
    int added = 0;
    int on = 0;
    int removedBefore = 0;
    for (String pid : matched) {
      Boolean removed = existing.get(pid);
      if (removed == null) {
        insertCase(id, pid, "RULE", actor);
        added++;
      } else if (removed) {
        removedBefore++;
      } else {
        on++;
      }
    }
    jdbc.sql("update ledger set rules_applied_at = :at where id = :id")
        .param("at", now())
        .param("id", id)
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("matched", matched.size());
    details.put("added", added);
    details.put("backlogBefore", s.backlogBefore());
    record(id, "apply-rules", null, actor, BASIS_RULES, details);
    return new Applied(matched.size(), added, on, removedBefore);
  }

  /**
   * Puts a petition the user may see on the ledger by hand (again, if it was removed).
   *
   * @throws NotFound for an unknown number, and for an accusation hidden from the user
   * @throws Forbidden for a petition outside the user's scope
   * @throws LawViolation when it is on the ledger already
   */
  @Transactional
  public LedgerCase addCase(String id, String petitionIdOrNumber, String note) {
    requireWritable(id);
    String pid = petitionId(petitionIdOrNumber);
    addCase(id, pid, note, BASIS_MANUAL);
    return one(id, pid);
  }

  private void addCase(String id, String pid, String note, String basis) {
    Actor actor = currentActor.get();
    Boolean removed = caseRows(id).get(pid);
    if (Boolean.FALSE.equals(removed)) {
      throw new LawViolation("ledger-case-once", "This petition is on the ledger already.");
    }
    if (removed == null) {
      insertCase(id, pid, "MANUAL", actor);
    } else {
      jdbc.sql(
              """
              update ledger_case set removed = false, removed_reason = null, removed_by = null,
                removed_at = null, source = 'MANUAL', added_by = :by, added_at = :at
              where ledger_id = :l and petition_id = :p
              """)
          .param("by", actor.username())
          .param("at", now())
          .param("l", id)
          .param("p", pid)
          .update();
    }
    record(id, "add-case", pid, actor, basis, Map.of());
    if (note != null && !note.isBlank()) {
      writeNote(id, pid, note, actor, basis);
    }
  }

  /**
   * Takes a case off the ledger, with the reason; it stays recorded and the rules do not add it
   * back.
   */
  @Transactional
  public void removeCase(String id, String petitionId, String reason) {
    requireWritable(id);
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new InvalidInput("reason", "1–2000 characters: why the case leaves the ledger");
    }
    removeCase(id, requireActiveCase(id, petitionId), reason.strip(), BASIS_MANUAL);
  }

  private void removeCase(String id, String pid, String reason, String basis) {
    Actor actor = currentActor.get();
    jdbc.sql(
            """
            update ledger_case set removed = true, removed_reason = :reason, removed_by = :by,
              removed_at = :at
            where ledger_id = :l and petition_id = :p and removed = false
            """)
        .param("reason", reason)
        .param("by", actor.username())
        .param("at", now())
        .param("l", id)
        .param("p", pid)
        .update();
    record(id, "remove-case", pid, actor, basis, Map.of("reason", reason));
  }

  /** Records the ledger's note on a case (化解情况/备注): what was done, what is next. */
  @Transactional
  public LedgerCase note(String id, String petitionId, String note) {
    requireWritable(id);
    if (note == null || note.length() > LedgerWorkbook.MAX_NOTE) {
      throw new InvalidInput("note", "0–10000 characters");
    }
    String pid = requireActiveCase(id, petitionId);
    writeNote(id, pid, note.strip(), currentActor.get(), BASIS_MANUAL);
    return one(id, pid);
  }

  private void writeNote(String id, String pid, String note, Actor actor, String basis) {
    jdbc.sql(
            "update ledger_case set note = :note, note_by = :by, note_at = :at"
                + " where ledger_id = :l and petition_id = :p")
        .param("note", note.isEmpty() ? null : note)
        .param("by", actor.username())
        .param("at", now())
        .param("l", id)
        .param("p", pid)
        .update();
    record(id, "note", pid, actor, basis, Map.of("note", note));
  }

  // ------------------------------------------------------------------ reads

  /**
   * The ledgers the user may read (their organisation's; a supervisor's or leader's jurisdiction).
   */
  @Transactional(readOnly = true)
  public List<LedgerView> list() {
    Actor actor = currentActor.get();
    List<Ledger> all =
        jdbc.sql("select " + COLUMNS + " from ledger order by period_to desc, name")
            .query(this::ledgerRow)
            .list();
    Set<String> readers = readers(actor);
    return all.stream()
        .filter(l -> readers == null || readers.contains(l.ownerOrganisation()))
        .map(l -> view(l, cases(l)))
        .toList();
  }

  /**
   * A case on a ledger as statistics count it (the ledger resolution rate of LAW.md §9): which
   * ledger, which petition. Statistics only: count it, and show petitions through the petition
   * module.
   */
  public record CaseRef(String ledgerId, String ledgerName, String owner, String petitionId) {}

  /**
   * The cases (not removed) of the ledgers owned by these organisations whose period overlaps
   * {@code from}–{@code to}, whoever asks: the caller applies the reader's scope.
   */
  @Transactional(readOnly = true)
  public List<CaseRef> casesOwnedBy(Set<String> owners, LocalDate from, LocalDate to) {
    if (owners.isEmpty()) {
      return List.of();
    }
    List<Object> args = new java.util.ArrayList<>(owners);
    args.add(to);
    args.add(from);
    return jdbc.sql(
            "select l.id, l.name, l.owner_organisation, c.petition_id from ledger l"
                + " join ledger_case c on c.ledger_id = l.id and c.removed = false"
                + " where l.owner_organisation in ("
                + String.join(", ", java.util.Collections.nCopies(owners.size(), "?"))
                + ") and l.period_from <= ? and l.period_to >= ? order by l.id, c.petition_id")
        .params(args)
        .query(
            (rs, n) ->
                new CaseRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** One ledger with its live figures. */
  @Transactional(readOnly = true)
  public LedgerView view(String id) {
    Ledger l = requireReadable(id);
    return view(l, cases(l));
  }

  /** A ledger's cases (those the reader may see), filtered, in the order they were added. */
  @Transactional(readOnly = true)
  public List<LedgerCase> cases(String id, Filter filter) {
    Ledger l = requireReadable(id);
    return cases(l).stream().filter((filter == null ? Filter.ALL : filter)::keeps).toList();
  }

  /** The ledger's history, oldest first. */
  @Transactional(readOnly = true)
  public List<LedgerEvent> history(String id) {
    requireReadable(id);
    return jdbc.sql(
            "select id, ledger_id, act, petition_id, actor, organisation_id, recorded_at, basis,"
                + " details from ledger_event where ledger_id = :l order by id")
        .param("l", id)
        .query(
            (rs, n) ->
                new LedgerEvent(
                    rs.getLong("id"),
                    rs.getString("ledger_id"),
                    rs.getString("act"),
                    rs.getString("petition_id"),
                    rs.getString("actor"),
                    rs.getString("organisation_id"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("basis"),
                    rs.getString("details")))
        .list();
  }

  /** Whether the signed-in user may change this ledger (the pages show their forms only then). */
  @Transactional(readOnly = true)
  public boolean writable(String id) {
    Ledger l = requireReadable(id);
    return mayWrite(currentActor.get(), l);
  }

  // ------------------------------------------------------------------ Excel

  /** The ledger as the bureaus' Excel workbook (the cases the reader may see). */
  @Transactional(readOnly = true)
  public byte[] export(String id) {
    Ledger l = requireReadable(id);
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    Map<String, String> regions = regionNames();
    List<LedgerWorkbook.ExportRow> rows =
        cases(l).stream()
            .map(
                c ->
                    new LedgerWorkbook.ExportRow(
                        c.number(),
                        c.petitioner(),
                        region(c.regionCode(), regions),
                        c.category() == null
                            ? ""
                            : messages.getMessage("category." + c.category().name(), null, "", zh),
                        c.subject(),
                        organisationName(c.holder()),
                        "",
                        messages.getMessage(
                            "state." + c.state().name(), null, c.state().name(), zh),
                        c.concluded(),
                        c.resolved(),
                        c.note(),
                        c.lastActOn()))
            .toList();
    return LedgerWorkbook.write(l.name(), l.periodFrom() + " 至 " + l.periodTo(), rows);
  }

  /**
   * Reads a workbook of this ledger back. Rows are matched by 信访编号: a changed 化解情况/备注 is recorded,
   * a number not on the ledger is added (when the user may see that petition), cases missing from
   * the workbook are removed only with {@code confirmRemovals}. A row that cannot be used is
   * reported with its reason and changes nothing. With {@code apply} false nothing is changed: the
   * report is a preview.
   *
   * @throws InvalidInput when the file is not a readable workbook of the accepted size
   */
  @Transactional
  public ImportReport importWorkbook(
      String id, byte[] bytes, boolean apply, boolean confirmRemovals) {
    Ledger l = requireWritable(id);
    List<LedgerWorkbook.ImportRow> rows;
    try {
      rows = LedgerWorkbook.read(bytes);
    } catch (LedgerWorkbook.Unreadable e) {
      throw new InvalidInput("file", e.getMessage());
    }
    Actor actor = currentActor.get();
    List<LedgerCase> current = cases(l);
    Map<String, LedgerCase> byNumber = new HashMap<>();
    current.forEach(c -> byNumber.put(c.number(), c));
    Set<String> seen = new HashSet<>();
    List<ImportReport.Line> lines = new ArrayList<>();
    int added = 0;
    int noted = 0;
    int removed = 0;
    int unchanged = 0;
    int refused = 0;
    int kept = 0;
    for (LedgerWorkbook.ImportRow row : rows) {
      if (row.problem() != null) {
        lines.add(line(row, "REFUSED", "malformed: " + row.problem()));
        refused++;
        continue;
      }
      if (!seen.add(row.number())) {
        lines.add(line(row, "REFUSED", "duplicate: the number appears on an earlier row"));
        refused++;
        continue;
      }
      LedgerCase c = byNumber.get(row.number());
      if (c != null) {
        String before = c.note() == null ? "" : c.note();
        if (row.note() == null || row.note().equals(before)) {
          lines.add(line(row, "UNCHANGED", ""));
          unchanged++;
        } else {
          lines.add(line(row, "NOTE", "note: \"" + before + "\" → \"" + row.note() + "\""));
          noted++;
          if (apply) {
            writeNote(id, c.petitionId(), row.note(), actor, BASIS_IMPORT);
          }
        }
        continue;
      }
      String pid;
      try {
        pid = petitionId(row.number());
      } catch (NotFound e) {
        lines.add(line(row, "REFUSED", "unknown number"));
        refused++;
        continue;
      } catch (Forbidden e) {
        lines.add(line(row, "REFUSED", "not visible: outside your data scope"));
        refused++;
        continue;
      }
      lines.add(line(row, "ADD", "added to the ledger"));
      added++;
      if (apply) {
        addCase(id, pid, row.note(), BASIS_IMPORT);
      }
    }
    for (LedgerCase c : current) {
      if (!seen.contains(c.number())) {
        if (confirmRemovals) {
          lines.add(new ImportReport.Line(0, c.number(), "REMOVE", "missing from the workbook"));
          removed++;
          if (apply) {
            removeCase(id, c.petitionId(), "导入的台账表中无此件", BASIS_IMPORT);
          }
        } else {
          lines.add(
              new ImportReport.Line(
                  0, c.number(), "KEEP", "missing from the workbook; kept (confirm to remove)"));
          kept++;
        }
      }
    }
    if (apply) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("rows", rows.size());
      details.put("added", added);
      details.put("noted", noted);
      details.put("removed", removed);
      details.put("refused", refused);
      record(id, "import", null, actor, BASIS_IMPORT, details);
    }
    return new ImportReport(
        apply,
        confirmRemovals,
        rows.size(),
        added,
        noted,
        removed,
        unchanged,
        refused,
        kept,
        lines);
  }

  private static ImportReport.Line line(LedgerWorkbook.ImportRow row, String outcome, String d) {
    return new ImportReport.Line(row.row(), row.number(), outcome, d);
  }

  // ------------------------------------------------------------------ access

  /**
   * @throws NotFound for an unknown ledger
   * @throws Forbidden for a ledger outside the user's organisation (a supervisor's or leader's
   *     jurisdiction)
   */
  Ledger requireReadable(String id) {
    Ledger l = find(id).orElseThrow(() -> new NotFound("No ledger " + id));
    Set<String> readers = readers(currentActor.get());
    if (readers != null && !readers.contains(l.ownerOrganisation())) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user sees the ledgers of their own organisation (a supervisor or leader: of their"
              + " jurisdiction).");
    }
    return l;
  }

  private Ledger requireWritable(String id) {
    Ledger l = requireReadable(id);
    if (!mayWrite(currentActor.get(), l)) {
      throw new Forbidden(
          "own-organisation (API.md Users)", "The organisation owning a ledger works it.");
    }
    return l;
  }

  private static boolean mayWrite(Actor actor, Ledger l) {
    return actor.bootstrapAdmin()
        || (l.ownerOrganisation().equals(actor.organisationId())
            && actor.roles().stream().anyMatch(r -> r != Role.ADMIN));
  }

  /** The owner organisations whose ledgers the user reads; null for all (the bootstrap admin). */
  private Set<String> readers(Actor actor) {
    if (actor.bootstrapAdmin()) {
      return null;
    }
    if (actor.organisationId() == null) {
      return Set.of();
    }
    return actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)
        ? organisations.jurisdiction(actor.organisationId())
        : Set.of(actor.organisationId());
  }

  /** A petition id from an id or a number, only where the user may see it. */
  private String petitionId(String idOrNumber) {
    if (idOrNumber == null || idOrNumber.isBlank()) {
      throw new InvalidInput("petition", "a petition number or id");
    }
    String key = idOrNumber.strip();
    String pid = selector.idOfNumber(key).orElse(key);
    switch (selector.access(pid)) {
      case READABLE -> {
        return pid;
      }
      case FORBIDDEN ->
          throw new Forbidden(
              "data-scope (API.md Users)",
              "A user sees the petitions of their own organisation (a supervisor or leader: of"
                  + " their jurisdiction).");
      default -> throw new NotFound("No petition " + key);
    }
  }

  private String requireActiveCase(String id, String petitionId) {
    if (!Boolean.FALSE.equals(caseRows(id).get(petitionId))) {
      throw new NotFound("No case " + petitionId + " on ledger " + id);
    }
    if (selector.access(petitionId) != PetitionSelector.Access.READABLE) {
      throw new NotFound("No case " + petitionId + " on ledger " + id);
    }
    return petitionId;
  }

  // ------------------------------------------------------------------ rows

  private Optional<Ledger> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from ledger where id = :id")
        .param("id", id)
        .query(this::ledgerRow)
        .optional();
  }

  /** petition id → removed, for every case row of a ledger. */
  private Map<String, Boolean> caseRows(String id) {
    Map<String, Boolean> rows = new HashMap<>();
    jdbc.sql("select petition_id, removed from ledger_case where ledger_id = :l")
        .param("l", id)
        .query(
            (rs, n) -> {
              rows.put(rs.getString("petition_id"), rs.getBoolean("removed"));
              return null;
            })
        .list();
    return rows;
  }

  private void insertCase(String id, String pid, String source, Actor actor) {
    jdbc.sql(
            """
            insert into ledger_case (ledger_id, petition_id, source, added_by, added_at, removed)
            values (:l, :p, :source, :by, :at, false)
            """)
        .param("l", id)
        .param("p", pid)
        .param("source", source)
        .param("by", actor.username())
        .param("at", now())
        .update();
    if ("RULE".equals(source)) {
      record(id, "add-case", pid, actor, BASIS_RULES, Map.of());
    }
  }

  private record CaseRow(
      String petitionId,
      String source,
      String note,
      String noteBy,
      OffsetDateTime noteAt,
      String addedBy,
      OffsetDateTime addedAt) {}

  /** The active cases the reader may see, with their standing now. */
  private List<LedgerCase> cases(Ledger l) {
    List<CaseRow> rows =
        jdbc.sql(
                "select petition_id, source, note, note_by, note_at, added_by, added_at"
                    + " from ledger_case where ledger_id = :l and removed = false"
                    + " order by added_at, petition_id")
            .param("l", l.id())
            .query(
                (rs, n) ->
                    new CaseRow(
                        rs.getString("petition_id"),
                        rs.getString("source"),
                        rs.getString("note"),
                        rs.getString("note_by"),
                        rs.getObject("note_at", OffsetDateTime.class),
                        rs.getString("added_by"),
                        rs.getObject("added_at", OffsetDateTime.class)))
            .list();
    LocalDate today = today();
    Map<String, Standing> standing = new HashMap<>();
    selector
        .standing(rows.stream().map(CaseRow::petitionId).toList(), today)
        .forEach(s -> standing.put(s.id(), s));
    boolean periodOver = today.isAfter(l.periodTo());
    List<LedgerCase> cases = new ArrayList<>();
    for (CaseRow r : rows) {
      Standing s = standing.get(r.petitionId());
      if (s == null) {
        continue; // not visible to this reader
      }
      cases.add(
          new LedgerCase(
              cases.size() + 1,
              s.id(),
              s.number(),
              s.petitioner(),
              s.regionCode(),
              s.category(),
              s.channel(),
              s.receivedOn(),
              s.subject(),
              s.holder(),
              s.state(),
              s.concluded(),
              s.resolved(),
              !s.resolved() && (s.overdueDuty() || periodOver),
              s.lastActOn(),
              s.repeatOf() != null,
              r.source(),
              r.note(),
              r.noteBy(),
              r.noteAt(),
              r.addedBy(),
              r.addedAt()));
    }
    return cases;
  }

  private LedgerView view(Ledger l, List<LedgerCase> cases) {
    int resolved = (int) cases.stream().filter(LedgerCase::resolved).count();
    int concluded = (int) cases.stream().filter(LedgerCase::concluded).count();
    int overdue = (int) cases.stream().filter(LedgerCase::overdue).count();
    int removed =
        jdbc.sql("select count(*) from ledger_case where ledger_id = :l and removed = true")
            .param("l", l.id())
            .query(Integer.class)
            .single();
    double rate = cases.isEmpty() ? 0 : Math.round(resolved * 1000.0 / cases.size()) / 10.0;
    boolean met =
        (l.targetRate() == null || (!cases.isEmpty() && rate >= l.targetRate()))
            && (l.targetResolved() == null || resolved >= l.targetResolved())
            && (l.targetRate() != null || l.targetResolved() != null);
    return new LedgerView(
        l,
        organisationName(l.ownerOrganisation()),
        cases.size(),
        resolved,
        cases.size() - resolved,
        concluded,
        overdue,
        removed,
        rate,
        met,
        !cases.isEmpty() && resolved == cases.size());
  }

  private LedgerCase one(String id, String pid) {
    return cases(id, Filter.ALL).stream()
        .filter(c -> c.petitionId().equals(pid))
        .findFirst()
        .orElseThrow(() -> new NotFound("No case " + pid + " on ledger " + id));
  }

  private Ledger ledgerRow(ResultSet rs, int n) throws SQLException {
    return new Ledger(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("owner_organisation"),
        rs.getString("owner_user"),
        rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_to", LocalDate.class),
        (Integer) rs.getObject("target_rate", Integer.class),
        (Integer) rs.getObject("target_resolved", Integer.class),
        rs.getString("description"),
        json.readValue(rs.getString("rules"), LedgerRules.class),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("rules_applied_at", OffsetDateTime.class));
  }

  private void record(
      String id, String act, String pid, Actor actor, String basis, Map<String, ?> details) {
    jdbc.sql(
            """
            insert into ledger_event (ledger_id, act, petition_id, actor, organisation_id,
              recorded_at, basis, details)
            values (:l, :act, :p, :actor, :org, :at, :basis, :details)
            """)
        .param("l", id)
        .param("act", act)
        .param("p", pid)
        .param("actor", actor.username())
        .param("org", actor.organisationId())
        .param("at", now())
        .param("basis", basis)
        .param("details", details.isEmpty() ? null : json.writeValueAsString(details))
        .update();
  }

  /** An organisation's everyday name (or its id where unknown). */
  public String organisationName(String orgId) {
    return orgId == null
        ? ""
        : organisations.find(orgId).map(Organisation::displayName).orElse(orgId);
  }

  private Map<String, String> regionNames() {
    Map<String, String> names = new HashMap<>();
    for (Organisation o : organisations.all()) {
      if (o.regionCode() != null && o.parentId() != null) {
        names.putIfAbsent(o.regionCode(), o.displayName());
      }
    }
    return names;
  }

  private static String region(String code, Map<String, String> names) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String name = names.get(code);
    return name == null ? code : code + " " + name;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  private OffsetDateTime now() {
    return clock.instant().atZone(CHINA).toOffsetDateTime();
  }
}
