package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.calendar.PeriodUnit;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.Acts;
import org.xinfang.petition.HistoryEvent;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/**
 * Spot checks (网上抽查, 条例 Art. 38 para. 2: 督查 … 就发现的问题向有关地方和部门进行反馈): a supervisor draws a seeded,
 * reproducible sample of the petitions concluded in a period within their jurisdiction, stratified
 * by handling organisation; every sampled petition is checked against the configured checklist, its
 * answers pre-filled from the record where the record can tell; pass or fail with remarks; pass
 * rates per organ and overall.
 */
@Service
public class SpotChecks {

  static final String ARTICLE = "条例第三十八条第二款";
  private static final int MAX_SIZE = 1000;
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final Organisations organisations;
  private final PetitionService petitions;
  private final PetitionSelector selector;
  private final WorkingCalendar calendar;
  private final SupervisionProperties settings;
  private final SupervisionRecord record;

  SpotChecks(
      JdbcClient jdbc,
      CurrentActor currentActor,
      Organisations organisations,
      PetitionService petitions,
      PetitionSelector selector,
      WorkingCalendar calendar,
      SupervisionProperties settings,
      SupervisionRecord record) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.petitions = petitions;
    this.selector = selector;
    this.calendar = calendar;
    this.settings = settings;
    this.record = record;
  }

  /** A concluded petition the sample may draw. */
  record Candidate(String petitionId, String organisationId, LocalDate concludedOn) {}

  /**
   * Draws a sample (by a supervisor): among the petitions concluded in the period, handled within
   * the supervisor's jurisdiction and visible to them, ordered by organ and number, shuffled per
   * organ by {@code java.util.Random(seed)} — the same seed over the same record draws the same
   * sample.
   */
  @Transactional
  public SpotCheck draw(NewSpotCheck n) {
    Actor actor = currentActor.get();
    if (!(actor.has(Role.SUPERVISOR) || actor.bootstrapAdmin()) || actor.organisationId() == null) {
      throw new Forbidden(
          "spot-check-by-supervisor (条例 Art. 38 para. 2)", "Supervisors draw spot checks.");
    }
    Map<String, String> invalid = new LinkedHashMap<>();
    if (n.from() == null) {
      invalid.put("from", "required");
    }
    if (n.to() == null || (n.from() != null && n.to().isBefore(n.from()))) {
      invalid.put("to", "required, not before from");
    }
    if (n.size() == null || n.size() < 1 || n.size() > MAX_SIZE) {
      invalid.put("size", "1–" + MAX_SIZE);
    }
    if (n.stratification() == null) {
      invalid.put("stratification", "PER_ORGAN or PROPORTIONAL");
    }
    if (!invalid.isEmpty()) {
      throw new InvalidInput(invalid);
    }
    long seed = n.seed() != null ? n.seed() : new Random().nextLong();
    List<Candidate> population = population(actor, n.from(), n.to());
    List<Candidate> sample = sample(population, seed, n.stratification(), n.size());
    String id = UUID.randomUUID().toString();
    LocalDate today = record.today();
    jdbc.sql(
            """
            insert into spot_check (id, organisation_id, period_from, period_to, seed,
              stratification, sample_size, population, checklist, drawn_by, drawn_on)
            values (:id, :org, :from, :to, :seed, :strat, :size, :pop, :list, :by, :on)
            """)
        .param("id", id)
        .param("org", actor.organisationId())
        .param("from", n.from())
        .param("to", n.to())
        .param("seed", seed)
        .param("strat", n.stratification().name())
        .param("size", n.size())
        .param("pop", population.size())
        .param("list", String.join(",", settings.checklist()))
        .param("by", actor.username())
        .param("on", today)
        .update();
    int seq = 0;
    for (Candidate c : sample) {
      seq++;
      jdbc.sql(
              """
              insert into spot_check_item (check_id, seq, petition_id, handling_organisation,
                concluded_on) values (:id, :seq, :pid, :org, :on)
              """)
          .param("id", id)
          .param("seq", seq)
          .param("pid", c.petitionId())
          .param("org", c.organisationId())
          .param("on", c.concludedOn())
          .update();
      Map<String, Boolean> pre = prefill(c.petitionId());
      for (String point : settings.checklist()) {
        jdbc.sql(
                """
                insert into spot_check_answer (check_id, seq, check_point, prefilled, answer)
                values (:id, :seq, :point, :pre, null)
                """)
            .param("id", id)
            .param("seq", seq)
            .param("point", point)
            .param("pre", pre.get(point))
            .update();
      }
    }
    record.record(
        "CHECK",
        id,
        "draw",
        today,
        actor.username(),
        actor.organisationId(),
        ARTICLE,
        "period="
            + n.from()
            + ".."
            + n.to()
            + "; seed="
            + seed
            + "; "
            + n.stratification()
            + " "
            + n.size()
            + "; population="
            + population.size()
            + "; sample="
            + sample.size());
    return get(id);
  }

  /**
   * Records one sampled petition's check: every checklist point confirmed (a point not given takes
   * what the record says, where it can tell), and the verdict; a FAIL needs remarks. Once.
   */
  @Transactional
  public SpotCheck check(
      String checkId, int seq, Map<String, Boolean> answers, SpotResult result, String remarks) {
    Actor actor = currentActor.get();
    CheckRow c = readable(checkId);
    if (!(actor.has(Role.SUPERVISOR) || actor.bootstrapAdmin())) {
      throw new Forbidden(
          "spot-check-by-supervisor (条例 Art. 38 para. 2)", "Supervisors record spot checks.");
    }
    List<SpotCheck.Answer> stored = answers(checkId, seq);
    if (stored.isEmpty()) {
      throw new NotFound("No item " + seq + " in spot check " + checkId);
    }
    boolean done =
        jdbc.sql("select result from spot_check_item where check_id = :id and seq = :seq")
                .param("id", checkId)
                .param("seq", seq)
                .query(String.class)
                .optional()
                .orElse(null)
            != null;
    if (done) {
      throw new LawViolation(
          "spot-check-once (条例 Art. 38 para. 2)", "This item is already checked.");
    }
    Map<String, Boolean> given = answers == null ? Map.of() : answers;
    Map<String, String> invalid = new LinkedHashMap<>();
    for (String point : given.keySet()) {
      if (c.checklist().stream().noneMatch(point::equals)) {
        invalid.put("answers." + point, "not on this check's list " + c.checklist());
      }
    }
    Map<String, Boolean> confirmed = new LinkedHashMap<>();
    for (SpotCheck.Answer a : stored) {
      Boolean v = given.containsKey(a.point()) ? given.get(a.point()) : a.prefilled();
      if (v == null) {
        invalid.put("answers." + a.point(), "the record cannot tell: confirm yes or no");
      }
      confirmed.put(a.point(), v);
    }
    boolean allYes = confirmed.values().stream().allMatch(Boolean.TRUE::equals);
    SpotResult verdict = result != null ? result : allYes ? SpotResult.PASS : SpotResult.FAIL;
    String note = remarks == null || remarks.isBlank() ? null : remarks.strip();
    if (verdict == SpotResult.FAIL && note == null) {
      invalid.put("remarks", "required for a FAIL: what was wrong");
    }
    if (verdict == SpotResult.PASS && !allYes && note == null) {
      invalid.put("remarks", "required to pass an item with a point answered no");
    }
    if (note != null && note.length() > 10_000) {
      invalid.put("remarks", "at most 10000 characters");
    }
    if (!invalid.isEmpty()) {
      throw new InvalidInput(invalid);
    }
    LocalDate today = record.today();
    confirmed.forEach(
        (point, v) ->
            jdbc.sql(
                    "update spot_check_answer set answer = :v where check_id = :id and seq = :seq"
                        + " and check_point = :p")
                .param("v", v)
                .param("id", checkId)
                .param("seq", seq)
                .param("p", point)
                .update());
    jdbc.sql(
            """
            update spot_check_item set result = :r, remarks = :remarks, checked_by = :by,
              checked_on = :on where check_id = :id and seq = :seq
            """)
        .param("r", verdict.name())
        .param("remarks", note)
        .param("by", actor.username())
        .param("on", today)
        .param("id", checkId)
        .param("seq", seq)
        .update();
    record.record(
        "CHECK",
        checkId,
        "check",
        today,
        actor.username(),
        actor.organisationId(),
        ARTICLE,
        "item=" + seq + "; result=" + verdict + "; answers=" + confirmed);
    return get(checkId);
  }

  /** A spot check the signed-in user oversees (its drawing organisation in their jurisdiction). */
  @Transactional(readOnly = true)
  public SpotCheck get(String id) {
    CheckRow c = readable(id);
    LocalDate today = record.today();
    List<Object[]> itemRows =
        jdbc.sql(
                "select seq, petition_id, handling_organisation, concluded_on, result, remarks,"
                    + " checked_by, checked_on from spot_check_item where check_id = :id order by"
                    + " seq")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getInt("seq"),
                      rs.getString("petition_id"),
                      rs.getString("handling_organisation"),
                      rs.getObject("concluded_on", LocalDate.class),
                      rs.getString("result"),
                      rs.getString("remarks"),
                      rs.getString("checked_by"),
                      rs.getObject("checked_on", LocalDate.class)
                    })
            .list();
    Map<String, PetitionSelector.Standing> visible = new HashMap<>();
    selector
        .standing(itemRows.stream().map(r -> (String) r[1]).toList(), today)
        .forEach(s -> visible.put(s.id(), s));
    List<SpotCheck.Item> items = new ArrayList<>();
    for (Object[] r : itemRows) {
      PetitionSelector.Standing s = visible.get((String) r[1]);
      if (s == null) {
        continue; // not (or no longer) visible to this reader
      }
      String org = (String) r[2];
      items.add(
          new SpotCheck.Item(
              (Integer) r[0],
              s.id(),
              s.number(),
              s.subject(),
              org,
              name(org),
              (LocalDate) r[3],
              answers(id, (Integer) r[0]),
              r[4] == null ? null : SpotResult.valueOf((String) r[4]),
              (String) r[5],
              (String) r[6],
              (LocalDate) r[7]));
    }
    Map<String, int[]> byOrgan = new TreeMap<>();
    int pass = 0;
    int checked = 0;
    for (SpotCheck.Item i : items) {
      int[] t = byOrgan.computeIfAbsent(i.handlingOrganisation(), k -> new int[2]);
      if (i.result() != null) {
        t[1]++;
        checked++;
        if (i.result() == SpotResult.PASS) {
          t[0]++;
          pass++;
        }
      }
    }
    List<PassRate> rates = new ArrayList<>();
    byOrgan.forEach((org, t) -> rates.add(new PassRate(org, t[0], t[1])));
    return new SpotCheck(
        c.id(),
        c.organisationId(),
        c.from(),
        c.to(),
        c.seed(),
        c.stratification(),
        c.size(),
        c.population(),
        c.checklist(),
        c.drawnBy(),
        c.drawnOn(),
        items,
        rates,
        new PassRate(null, pass, checked));
  }

  /** One spot check as listed. */
  public record Summary(
      String id,
      String organisationId,
      LocalDate from,
      LocalDate to,
      long seed,
      Stratification stratification,
      int items,
      int checked,
      int passed,
      LocalDate drawnOn) {}

  /** The spot checks drawn within the user's jurisdiction, newest first. */
  @Transactional(readOnly = true)
  public List<Summary> list() {
    Set<String> orgs = record.oversees(currentActor.get());
    return jdbc
        .sql(
            """
            select c.id, c.organisation_id, c.period_from, c.period_to, c.seed, c.stratification,
              c.drawn_on,
              (select count(*) from spot_check_item i where i.check_id = c.id) as items,
              (select count(*) from spot_check_item i where i.check_id = c.id
                 and i.result is not null) as checked,
              (select count(*) from spot_check_item i where i.check_id = c.id
                 and i.result = 'PASS') as passed
            from spot_check c order by c.drawn_on desc, c.id
            """)
        .query(
            (rs, n) ->
                new Summary(
                    rs.getString("id"),
                    rs.getString("organisation_id"),
                    rs.getObject("period_from", LocalDate.class),
                    rs.getObject("period_to", LocalDate.class),
                    rs.getLong("seed"),
                    Stratification.valueOf(rs.getString("stratification")),
                    rs.getInt("items"),
                    rs.getInt("checked"),
                    rs.getInt("passed"),
                    rs.getObject("drawn_on", LocalDate.class)))
        .list()
        .stream()
        .filter(s -> orgs.contains(s.organisationId()))
        .toList();
  }

  /** A spot check's history. */
  @Transactional(readOnly = true)
  public List<SupervisionEvent> history(String id) {
    readable(id);
    return record.events("CHECK", id);
  }

  /**
   * The figure {@code spotCheckPassRate} (API.md Figures): of the checked sample items handled by
   * one of {@code organisations} and concluded in [from, to], how many passed. Items on an
   * accusation against one of these organisations are not counted (条例 Art. 30 para. 3).
   */
  @Transactional(readOnly = true)
  public PassRate passRate(Set<String> organisations, LocalDate from, LocalDate to) {
    if (organisations.isEmpty()) {
      return new PassRate(null, 0, 0);
    }
    return jdbc.sql(
            "select coalesce(sum(case when i.result = 'PASS' then 1 else 0 end), 0) as passed,"
                + " count(*) as checked"
                + checkedItems(organisations.size()))
        .params(checkedItemArgs(organisations, from, to))
        .query((rs, n) -> new PassRate(null, rs.getInt("passed"), rs.getInt("checked")))
        .single();
  }

  /**
   * The petitions behind {@link #passRate} (LAW.md §9: a figure is drillable to its petitions):
   * those with a checked sample, or with a passed one.
   */
  public List<String> petitionsChecked(
      Set<String> organisations, LocalDate from, LocalDate to, boolean passed) {
    if (organisations.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select distinct i.petition_id"
                + checkedItems(organisations.size())
                + (passed ? " and i.result = 'PASS'" : "")
                + " order by i.petition_id")
        .params(checkedItemArgs(organisations, from, to))
        .query(String.class)
        .list();
  }

  /** Checked items handled in these organisations, concluded in [from, to], none accusing them. */
  private static String checkedItems(int organisations) {
    String in = String.join(", ", Collections.nCopies(organisations, "?"));
    return " from spot_check_item i where i.result is not null"
        + " and i.handling_organisation in ("
        + in
        + ") and i.concluded_on between ? and ? and not exists (select 1 from accused a"
        + " where a.petition_id = i.petition_id and a.organisation_id in ("
        + in
        + "))";
  }

  private static List<Object> checkedItemArgs(
      Set<String> organisations, LocalDate from, LocalDate to) {
    List<Object> args = new ArrayList<>(organisations);
    args.add(from);
    args.add(to);
    args.addAll(organisations);
    return args;
  }

  // --- the draw ---

  private List<Candidate> population(Actor actor, LocalDate from, LocalDate to) {
    Set<String> orgs = record.oversees(actor);
    if (orgs.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    args.add(from);
    args.add(to);
    args.addAll(orgs);
    List<Candidate> all =
        jdbc.sql(
                "select id, handling_organisation, concluded_on from petition where concluded_on"
                    + " between ? and ? and handling_organisation in ("
                    + String.join(", ", Collections.nCopies(orgs.size(), "?"))
                    + ") order by handling_organisation, number")
            .params(args)
            .query(
                (rs, n) ->
                    new Candidate(
                        rs.getString("id"),
                        rs.getString("handling_organisation"),
                        rs.getObject("concluded_on", LocalDate.class)))
            .list();
    // only what the supervisor may see: the petition module's scope (accusations hidden from
    // them are left out, 条例 Art. 30 para. 3)
    Set<String> visible = new HashSet<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      selector
          .standing(
              all.subList(i, Math.min(all.size(), i + CHUNK)).stream()
                  .map(Candidate::petitionId)
                  .toList(),
              to)
          .forEach(s -> visible.add(s.id()));
    }
    return all.stream().filter(c -> visible.contains(c.petitionId())).toList();
  }

  /** The seeded, stratified sample (package-visible for the tests of its arithmetic). */
  static List<Candidate> sample(
      List<Candidate> population, long seed, Stratification how, int size) {
    Map<String, List<Candidate>> strata = new TreeMap<>();
    for (Candidate c : population) {
      strata.computeIfAbsent(c.organisationId(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Integer> quota = new LinkedHashMap<>();
    if (how == Stratification.PER_ORGAN) {
      strata.forEach((org, list) -> quota.put(org, Math.min(size, list.size())));
    } else {
      int total = Math.min(size, population.size());
      int n = population.size();
      List<Map.Entry<String, Double>> remainders = new ArrayList<>();
      int given = 0;
      for (Map.Entry<String, List<Candidate>> e : strata.entrySet()) {
        double exact = n == 0 ? 0 : (double) total * e.getValue().size() / n;
        int floor = (int) Math.floor(exact);
        quota.put(e.getKey(), floor);
        given += floor;
        remainders.add(Map.entry(e.getKey(), exact - floor));
      }
      remainders.sort(
          Map.Entry.<String, Double>comparingByValue()
              .reversed()
              .thenComparing(Map.Entry.comparingByKey()));
      for (int i = 0; given < total && i < remainders.size(); i++, given++) {
        quota.merge(remainders.get(i).getKey(), 1, Integer::sum);
      }
    }
    Random random = new Random(seed);
    List<Candidate> sample = new ArrayList<>();
    for (Map.Entry<String, List<Candidate>> e : strata.entrySet()) {
      List<Candidate> shuffled = new ArrayList<>(e.getValue());
      Collections.shuffle(shuffled, random);
      sample.addAll(shuffled.subList(0, quota.getOrDefault(e.getKey(), 0)));
    }
    return sample;
  }

  // --- what the record can tell ---

  private Map<String, Boolean> prefill(String petitionId) {
    PetitionView p = petitions.get(petitionId);
    List<HistoryEvent> history = petitions.history(petitionId);
    Map<String, Boolean> out = new HashMap<>();
    // 条例 Art. 19: the registration record
    out.put(
        "REGISTRATION_COMPLETE",
        notBlank(p.subject())
            && notBlank(p.facts())
            && notBlank(p.request())
            && p.channel() != null
            && (p.anonymous() || !p.petitioners().isEmpty()));
    HistoryEvent routing = first(history, "forward", "assign");
    HistoryEvent decision = first(history, "accept", "decline", "divert");
    // 条例 Art. 22: registered and routed (转送、交办) or decided within 15 days of receipt
    HistoryEvent firstStep = routing != null ? routing : decision;
    if (firstStep != null) {
      out.put("ROUTED_IN_TIME", !firstStep.on().isAfter(fifteenDays(p.receivedOn())));
    }
    // 条例 Art. 23: whether it is accepted, told in writing within 15 days of receipt by the organ
    if (!p.noticeOwed()) {
      out.put("NOTICE_IN_TIME", true);
    } else if (decision != null) {
      // received by the deciding organ on the day the last routing before the decision reached it
      // (a matter relayed down through a lower bureau is routed twice)
      HistoryEvent reached = null;
      for (HistoryEvent e : history) {
        if (e.seq() < decision.seq() && (e.act().equals("forward") || e.act().equals("assign"))) {
          reached = e;
        }
      }
      LocalDate received = reached != null ? reached.on() : p.receivedOn();
      out.put("NOTICE_IN_TIME", !decision.on().isAfter(fifteenDays(received)));
    }
    // 条例 Art. 32: the written opinion states its basis
    HistoryEvent opinion = last(history, "reply", "review", "re-review");
    if (opinion != null) {
      String basis =
          opinion.payload() instanceof Acts.Reply r
              ? r.basis()
              : opinion.payload() instanceof Acts.Review r
                  ? r.basis()
                  : opinion.payload() instanceof Acts.ReReview r ? r.basis() : null;
      out.put("OPINION_CITES_BASIS", notBlank(basis));
    }
    if (p.opinion() != null) {
      out.put("DELIVERED", p.opinion().deliveredOn() != null);
    }
    // 条例 Art. 21: the petitioner's rating
    out.put("RATED", first(history, "rate") != null);
    return out;
  }

  private LocalDate fifteenDays(LocalDate from) {
    try {
      return calendar.due(from, 15, PeriodUnit.CALENDAR, true).date();
    } catch (RuntimeException outOfRange) {
      return from.plusDays(15);
    }
  }

  private static HistoryEvent first(List<HistoryEvent> history, String... acts) {
    for (HistoryEvent e : history) {
      if (List.of(acts).contains(e.act())) {
        return e;
      }
    }
    return null;
  }

  private static HistoryEvent last(List<HistoryEvent> history, String... acts) {
    HistoryEvent found = null;
    for (HistoryEvent e : history) {
      if (List.of(acts).contains(e.act())) {
        found = e;
      }
    }
    return found;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  // --- rows ---

  record CheckRow(
      String id,
      String organisationId,
      LocalDate from,
      LocalDate to,
      long seed,
      Stratification stratification,
      int size,
      int population,
      List<String> checklist,
      String drawnBy,
      LocalDate drawnOn) {}

  private CheckRow readable(String id) {
    CheckRow c =
        jdbc.sql("select * from spot_check where id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new CheckRow(
                        rs.getString("id"),
                        rs.getString("organisation_id"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getLong("seed"),
                        Stratification.valueOf(rs.getString("stratification")),
                        rs.getInt("sample_size"),
                        rs.getInt("population"),
                        List.of(rs.getString("checklist").split(",")),
                        rs.getString("drawn_by"),
                        rs.getObject("drawn_on", LocalDate.class)))
            .optional()
            .orElseThrow(() -> new NotFound("No spot check " + id));
    if (!record.oversees(currentActor.get()).contains(c.organisationId())) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A spot check is read within the jurisdiction of the organisation that drew it.");
    }
    return c;
  }

  private List<SpotCheck.Answer> answers(String checkId, int seq) {
    Map<String, SpotCheck.Answer> byPoint = new HashMap<>();
    jdbc.sql(
            "select check_point, prefilled, answer from spot_check_answer where check_id = :id"
                + " and seq = :seq")
        .param("id", checkId)
        .param("seq", seq)
        .query(
            (rs, n) -> {
              Boolean pre = rs.getObject("prefilled") == null ? null : rs.getBoolean("prefilled");
              Boolean ans = rs.getObject("answer") == null ? null : rs.getBoolean("answer");
              String point = rs.getString("check_point");
              byPoint.put(point, new SpotCheck.Answer(point, pre, ans));
              return null;
            })
        .list();
    // in the check's own order
    String list =
        jdbc.sql("select checklist from spot_check where id = :id")
            .param("id", checkId)
            .query(String.class)
            .single();
    List<SpotCheck.Answer> ordered = new ArrayList<>();
    for (String point : list.split(",")) {
      if (byPoint.containsKey(point)) {
        ordered.add(byPoint.get(point));
      }
    }
    return ordered;
  }

  private String name(String org) {
    return organisations.find(org).map(Organisation::displayName).orElse(org);
  }
}
