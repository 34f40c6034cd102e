package org.xinfang.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.ledger.Ledgers;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.PetitionStatistics;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;

/**
 * The figures of LAW.md §9 for an organisation's subtree ({@link Organisations#subtree}) and a
 * period, counted over the precomputed facts ({@code figure_fact}, {@code figure_duty}). Which
 * petitions count where:
 *
 * <ul>
 *   <li>volume, repeat rate and the breakdowns: petitions <em>received</em> (登记) by an organisation
 *       of the subtree on a day of the period;
 *   <li>first-petition resolution, rating and satisfaction, where resolved: petitions first
 *       <em>concluded</em> in the period by an organisation of the subtree;
 *   <li>on-time notice and conclusion: duties <em>owed</em> by an organisation of the subtree and
 *       <em>due</em> in the period — those discharged by the act that discharges them, and those
 *       still open past their due date; a duty that ended because the matter moved on (forwarded,
 *       objected) was not due;
 *   <li>ledger resolution: cases on ledgers owned in the subtree whose period overlaps.
 * </ul>
 *
 * Accusations hidden from the reader (条例 Art. 30 para. 3) count nowhere; the accusation cell of the
 * category breakdown is suppressed below {@code xinfang.figures.min-cell}. Every read first
 * projects the acts noted since the last drain ({@link FigureProjector#catchUp}): each figure
 * counts every act committed before it was read.
 */
@Service
public class Figures {

  /**
   * The acts' journal: {@code (id, petition_id)}, one row for each act not yet projected into the
   * figures. The deadline watch reads it with its own journal ({@link
   * org.xinfang.petition.DutyChanges}), which each drain feeds with the notes it deletes, in the
   * same transaction: an act committed before the watch's run is in one of the two.
   */
  public static final String ACTS_JOURNAL = "figure_pending";

  /** The keys of GET /api/figures (API.md Figures), in order. */
  public static final List<String> KEYS =
      List.of(
          "volumeBatches",
          "volumePersons",
          "firstPetitionResolutionRate",
          "onTimeNoticeRate",
          "onTimeConclusionRate",
          "ratingRate",
          "satisfactionRate",
          "repeatRate",
          "spotCheckPassRate",
          "ledgerResolutionRate");

  static final int MAX_DAYS = 3660;
  static final List<String> NOTICE_DONE = List.of("accept", "decline", "divert");
  static final List<String> CONCLUDE_DONE = List.of("reply", "settle", "divert", "decline");

  /** Stands for a duty still open past its due date in the on-time rates' condition. */
  private static final String OPEN_PAST_DUE = "(open)";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final PetitionStatistics statistics;
  private final PetitionSelector selector;
  private final Ledgers ledgers;
  private final ObjectProvider<SpotCheckSource> spotChecks;
  private final Clock clock;
  private final int repeatWindowDays;
  private final int minCell;
  private final FigureProjector projector;

  Figures(
      JdbcClient jdbc,
      FigureProjector projector,
      Organisations organisations,
      CurrentActor currentActor,
      PetitionStatistics statistics,
      PetitionSelector selector,
      Ledgers ledgers,
      ObjectProvider<SpotCheckSource> spotChecks,
      Clock clock,
      @Value("${xinfang.figures.repeat-window-days:90}") int repeatWindowDays,
      @Value("${xinfang.figures.min-cell:3}") int minCell) {
    this.jdbc = jdbc;
    this.projector = projector;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.statistics = statistics;
    this.selector = selector;
    this.ledgers = ledgers;
    this.spotChecks = spotChecks;
    this.clock = clock;
    this.repeatWindowDays = repeatWindowDays;
    this.minCell = minCell;
  }

  /** An organisation's subtree and a period, checked. */
  public record Period(
      Organisation organisation, Set<String> subtree, LocalDate from, LocalDate to) {}

  /**
   * Checks the request: the organisation exists (404), the period is valid (400: 1–3660 days, from
   * ≤ to), and the signed-in user may read its figures (403): their own organisation's subtree, a
   * supervisor's or leader's jurisdiction (条例 Art. 40).
   */
  @Transactional
  public Period period(String organisation, LocalDate from, LocalDate to) {
    if (organisation == null || organisation.isBlank()) {
      throw new InvalidInput("organisation", "required");
    }
    if (from == null) {
      throw new InvalidInput("from", "required (YYYY-MM-DD)");
    }
    if (to == null) {
      throw new InvalidInput("to", "required (YYYY-MM-DD)");
    }
    if (from.isAfter(to)) {
      throw new InvalidInput("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new InvalidInput("to", "a period is 1–" + MAX_DAYS + " days");
    }
    Organisation org =
        organisations
            .find(organisation.strip())
            .orElseThrow(() -> new NotFound("No organisation " + organisation));
    requireReadable(org.id());
    return new Period(org, organisations.subtree(org.id()), from, to);
  }

  /** Whether the signed-in user may read this organisation's figures. */
  public boolean readable(String organisationId) {
    Actor actor = currentActor.get();
    if (actor.bootstrapAdmin()) {
      return true;
    }
    if (actor.organisationId() == null) {
      return false;
    }
    Set<String> allowed =
        actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER)
            ? organisations.jurisdiction(actor.organisationId())
            : organisations.subtree(actor.organisationId());
    return allowed.contains(organisationId);
  }

  private void requireReadable(String organisationId) {
    if (!readable(organisationId)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "A user reads the figures of their own organisation (a supervisor or leader: of their"
              + " jurisdiction, 条例 Art. 40).");
    }
  }

  // ------------------------------------------------------------------ the figures

  /** The figures of API.md, in {@link #KEYS} order, with yearOnYear for the volumes. */
  @Transactional
  public Map<String, Object> figures(Period p) {
    projector.catchUp();
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : KEYS) {
      out.put(key, figure(key, p));
    }
    Period last =
        new Period(p.organisation(), p.subtree(), p.from().minusYears(1), p.to().minusYears(1));
    Map<String, Figure> yoy = new LinkedHashMap<>();
    for (String key : List.of("volumeBatches", "volumePersons")) {
      long now = ((Figure) out.get(key)).numerator();
      long before = figure(key, last).numerator();
      yoy.put(
          key,
          Figure.rate(
              now - before,
              before,
              "("
                  + key
                  + " "
                  + p.from()
                  + "–"
                  + p.to()
                  + " − the same period a year earlier) ÷"
                  + " the same period a year earlier"));
    }
    out.put("yearOnYear", yoy);
    return out;
  }

  /** One figure. */
  @Transactional
  public Figure figure(String key, Period p) {
    if (!KEYS.contains(key)) {
      throw new NotFound("No figure " + key); // refused before any drain
    }
    projector.catchUp();
    return switch (key) {
      case "spotCheckPassRate" -> {
        SpotCheckSource source = spotChecks.getIfAvailable();
        SpotCheckSource.Counts c =
            source == null
                ? new SpotCheckSource.Counts(0, 0)
                : source.passRate(p.subtree(), p.from(), p.to());
        yield Figure.rate(c.passed(), c.sampled(), formula(key));
      }
      case "ledgerResolutionRate" -> {
        long[] c = ledgerCounts(p);
        yield Figure.rate(c[0], c[1], formula(key));
      }
      case "volumeBatches", "volumePersons" -> {
        long[] c = new long[2];
        volumesByYear(p, p.from(), p.to())
            .values()
            .forEach(
                v -> {
                  c[0] += v[0];
                  c[1] += v[1];
                });
        yield Figure.count(key.equals("volumeBatches") ? c[0] : c[1], formula(key));
      }
      default -> {
        Query q = query(key, p);
        List<Object> args = new ArrayList<>(q.numeratorArgs);
        args.addAll(q.args);
        String sum = q.sum == null ? "1" : q.sum;
        long[] c =
            jdbc.sql(
                    "select coalesce(sum(case when "
                        + q.numerator
                        + " then "
                        + sum
                        + " else 0 end), 0), count(*) from "
                        + q.from
                        + " where "
                        + q.where)
                .params(args)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        // the volumes are counted from the day rows above; every other figure here is a rate
        yield Figure.rate(c[0], c[1], formula(key));
      }
    };
  }

  /** The formula of each figure, as shown beside it. */
  public String formula(String key) {
    return switch (key) {
      case "volumeBatches" ->
          "批次: petitions received in the period by organisations of the subtree";
      case "volumePersons" ->
          "人次: persons on the petitions received in the period by organisations of the subtree";
      case "firstPetitionResolutionRate" ->
          "first petitions concluded in the period with no repeat petition received within "
              + repeatWindowDays
              + " days of their conclusion ÷ first petitions (not a repeat) concluded in the"
              + " period";
      case "onTimeNoticeRate" ->
          "acceptance notices (accept / decline / divert) issued on or before their due date ÷"
              + " notices due in the period (issued, or open past due)";
      case "onTimeConclusionRate" ->
          "matters concluded (opinion, settlement, diversion) by their (extended) deadline ÷"
              + " matters whose conclusion was due in the period (concluded, or open past due)";
      case "ratingRate" ->
          "petitions rated ÷ petitions given a written opinion and concluded in the period";
      case "satisfactionRate" -> "(满意 + 基本满意) ÷ petitions rated, of those concluded in the period";
      case "repeatRate" -> "repeat petitions ÷ all petitions received in the period";
      case "spotCheckPassRate" ->
          "spot-check samples passed ÷ samples drawn and checked (网上抽查; a sample counts once"
              + " its check is done)";
      case "ledgerResolutionRate" ->
          "cases resolved ÷ cases on the ledgers owned in the subtree whose period overlaps";
      default -> throw new InvalidInput("figure", "unknown figure " + key);
    };
  }

  /** The SQL behind one counted figure: the rows counted, and those in the numerator. */
  record Query(
      String from,
      String where,
      List<Object> args,
      String numerator,
      List<Object> numeratorArgs,
      String idColumn,
      String sum) {}

  Query query(String key, Period p) {
    LocalDate today = LocalDate.now(clock);
    List<Object> args = new ArrayList<>();
    String in = in(p.subtree(), args);
    switch (key) {
      case "volumeBatches", "volumePersons", "repeatRate" -> {
        args.add(p.from());
        args.add(p.to());
        String where =
            "f.received_by in ("
                + in
                + ") and f.received_on between ? and ? and "
                + visible("f", args);
        return switch (key) {
          case "volumeBatches" ->
              new Query("figure_fact f", where, args, "1=1", List.of(), "f.petition_id", null);
          case "volumePersons" ->
              new Query(
                  "figure_fact f", where, args, "1=1", List.of(), "f.petition_id", "f.persons");
          default ->
              new Query(
                  "figure_fact f",
                  where,
                  args,
                  "f.repeat_of is not null",
                  List.of(),
                  "f.petition_id",
                  null);
        };
      }
      case "firstPetitionResolutionRate", "ratingRate", "satisfactionRate" -> {
        args.add(p.from());
        args.add(p.to());
        String where =
            "f.concluded_by in ("
                + in
                + ") and f.concluded_on between ? and ? and "
                + visible("f", args);
        return switch (key) {
          case "firstPetitionResolutionRate" ->
              new Query(
                  "figure_fact f",
                  where + " and f.repeat_of is null",
                  args,
                  "(f.first_repeat_day is null or f.first_repeat_day > f.concluded_day + ?)",
                  List.of(repeatWindowDays),
                  "f.petition_id",
                  null);
          case "ratingRate" ->
              new Query(
                  "figure_fact f",
                  where + " and f.opinion_given = true",
                  args,
                  "f.rating is not null",
                  List.of(),
                  "f.petition_id",
                  null);
          default ->
              new Query(
                  "figure_fact f",
                  where + " and f.rating is not null",
                  args,
                  "f.rating in ('SATISFIED', 'BASICALLY_SATISFIED')",
                  List.of(),
                  "f.petition_id",
                  null);
        };
      }
      case "onTimeNoticeRate", "onTimeConclusionRate" -> {
        boolean notice = key.equals("onTimeNoticeRate");
        List<String> done = notice ? NOTICE_DONE : CONCLUDE_DONE;
        args.add(notice ? "NOTIFY_RECEIPT" : "CONCLUDE");
        args.add(p.from());
        args.add(p.to());
        args.add(today);
        List<String> counted = new ArrayList<>(done);
        counted.add(OPEN_PAST_DUE);
        String acts = in(counted, args);
        // discharged by a counting act, or still open (no act, no day) and past due: one
        // expression, so that PostgreSQL filters the index range instead of OR-ing two bitmap
        // scans and reading the table (a city-year: 600 ms against 160)
        String where =
            "d.owed_by in ("
                + in
                + ") and d.duty = ? and d.due between ? and ?"
                + " and coalesce(d.done_act, case when d.due < ? then '"
                + OPEN_PAST_DUE
                + "' end) in ("
                + acts
                + ") and "
                + visible("d", args);
        return new Query(
            "figure_duty d", where, args, "d.done_on <= d.due", List.of(), "d.petition_id", null);
      }
      default -> throw new NotFound("No figure " + key);
    }
  }

  private long[] ledgerCounts(Period p) {
    List<Ledgers.CaseRef> cases = ledgers.casesOwnedBy(p.subtree(), p.from(), p.to());
    Map<String, Boolean> resolved =
        resolved(cases.stream().map(Ledgers.CaseRef::petitionId).toList());
    long total = 0;
    long done = 0;
    for (Ledgers.CaseRef c : cases) {
      Boolean r = resolved.get(c.petitionId());
      if (r != null) {
        total++;
        if (r) {
          done++;
        }
      }
    }
    return new long[] {done, total};
  }

  /** Whether each of these petitions is resolved; hidden accusations are left out. */
  private Map<String, Boolean> resolved(List<String> ids) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    for (int i = 0; i < all.size(); i += 500) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
      List<Object> args = new ArrayList<>();
      String in = in(chunk, args);
      String visible = statistics.visibleAccusations("f.petition_id", args);
      jdbc.sql(
              "select f.petition_id, f.resolved from figure_fact f where f.petition_id in ("
                  + in
                  + ") and "
                  + visible)
          .params(args)
          .query((rs, n) -> out.put(rs.getString(1), rs.getBoolean(2)))
          .list();
    }
    return out;
  }

  // ------------------------------------------------------------------ drilling

  /**
   * The petitions behind a figure's numerator or denominator, a page at a time, each as the
   * petition module shows it to the reader (masked, within their scope; those outside it are left
   * out of the page, the total counts all).
   */
  @Transactional
  public Page<PetitionSelector.Standing> drill(
      String key, Period p, boolean numerator, int page, int size) {
    if (page < 0) {
      throw new InvalidInput("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new InvalidInput("size", "must be 1–200");
    }
    projector.catchUp();
    List<String> ids;
    long total;
    if (key.equals("ledgerResolutionRate")) {
      List<Ledgers.CaseRef> cases = ledgers.casesOwnedBy(p.subtree(), p.from(), p.to());
      Map<String, Boolean> resolved =
          resolved(cases.stream().map(Ledgers.CaseRef::petitionId).toList());
      List<String> all =
          resolved.entrySet().stream()
              .filter(e -> !numerator || e.getValue())
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      total = all.size();
      ids =
          all.subList(Math.min(all.size(), page * size), Math.min(all.size(), page * size + size));
    } else if (key.equals("spotCheckPassRate")) {
      SpotCheckSource source = spotChecks.getIfAvailable();
      List<String> all =
          source == null ? List.of() : source.petitions(p.subtree(), p.from(), p.to(), numerator);
      total = all.size();
      ids =
          all.subList(Math.min(all.size(), page * size), Math.min(all.size(), page * size + size));
    } else {
      formula(key);
      Query q = query(key, p);
      List<Object> args = new ArrayList<>();
      String where = q.where;
      if (numerator && !key.startsWith("volume")) {
        args.addAll(q.numeratorArgs);
        where = q.numerator + " and " + where;
      }
      args.addAll(q.args);
      String sql = " from " + q.from + " where " + where;
      total =
          jdbc.sql("select count(distinct " + q.idColumn + ")" + sql)
              .params(args)
              .query(Long.class)
              .single();
      List<Object> pageArgs = new ArrayList<>(args);
      pageArgs.add(size);
      pageArgs.add((long) page * size);
      ids =
          jdbc.sql(
                  "select distinct "
                      + q.idColumn
                      + sql
                      + " order by "
                      + q.idColumn
                      + " limit ? offset ?")
              .params(pageArgs)
              .query(String.class)
              .list();
    }
    return new Page<>(selector.standing(ids, LocalDate.now(clock)), page, size, total);
  }

  // ------------------------------------------------------------------ breakdowns

  /** A labelled count (a breakdown cell); {@code suppressed} when too small to show. */
  public record Cell(String label, Long count, Long persons, boolean suppressed) {}

  /** Volume by channel, category, region code or topic. */
  @Transactional
  public List<Cell> breakdown(Period p, String by) {
    String column =
        switch (by) {
          case "channel" -> "f.channel";
          case "category" -> "f.category";
          case "region" -> "f.region_code";
          case "topic" -> "f.topic";
          default -> throw new InvalidInput("by", "one of channel, category, region, topic");
        };
    projector.catchUp();
    Query q = query("volumeBatches", p);
    boolean seesAll = statistics.seesEveryAccusation();
    return jdbc.sql(
            "select "
                + column
                + " as label, count(*), sum(f.persons) from "
                + q.from
                + " where "
                + q.where
                + " group by "
                + column
                + " order by count(*) desc, "
                + column)
        .params(q.args)
        .query(
            (rs, n) -> {
              String label = rs.getString(1);
              long c = rs.getLong(2);
              long persons = rs.getLong(3);
              boolean small = "ACCUSATION".equals(label) && !seesAll && c > 0 && c < minCell;
              return small
                  ? new Cell(label, null, null, true)
                  : new Cell(label == null ? "-" : label, c, persons, false);
            })
        .list();
  }

  /** One organisation and a count (零访 villages, where resolved, top organs by overdue). */
  public record OrgCount(String id, String name, OrgLevel level, long count, long resolved) {}

  /**
   * 零访: the villages and townships (streets) of the subtree with no petition about a matter in
   * their area (the petition's region code under theirs) received in the period, by anyone.
   */
  @Transactional
  public List<OrgCount> zeroPetitionAreas(Period p) {
    projector.catchUp();
    List<Organisation> areas =
        p.subtree().stream()
            .map(organisations::find)
            .flatMap(java.util.Optional::stream)
            .filter(o -> o.level() == OrgLevel.VILLAGE || o.level() == OrgLevel.TOWNSHIP)
            .filter(o -> o.regionCode() != null && !o.regionCode().isBlank())
            .filter(
                o ->
                    o.type() == null
                        || o.type().name().equals("GOVERNMENT")
                        || o.level() == OrgLevel.VILLAGE)
            .toList();
    if (areas.isEmpty()) {
      return List.of();
    }
    Map<String, Long> byRegion = new LinkedHashMap<>();
    List<Object> args = new ArrayList<>();
    args.add(p.from());
    args.add(p.to());
    String visible = statistics.visibleAccusations("f.petition_id", args);
    String prefix = p.organisation().regionCode();
    String like = "";
    if (prefix != null && !prefix.isBlank()) {
      like = " and f.region_code like ?";
      args.add(prefix.strip() + "%");
    }
    jdbc.sql(
            "select f.region_code, count(*) from figure_fact f where f.received_on between ? and ?"
                + " and "
                + visible
                + like
                + " and f.region_code is not null group by f.region_code")
        .params(args)
        .query((rs, n) -> byRegion.put(rs.getString(1), rs.getLong(2)))
        .list();
    List<OrgCount> zero = new ArrayList<>();
    for (Organisation o : areas) {
      boolean any = byRegion.keySet().stream().anyMatch(code -> code.startsWith(o.regionCode()));
      if (!any) {
        zero.add(new OrgCount(o.id(), o.displayName(), o.level(), 0, 0));
      }
    }
    zero.sort(java.util.Comparator.comparing(OrgCount::level).thenComparing(OrgCount::name));
    return zero;
  }

  /** A ledger with its counts; 清零 when every case is resolved. */
  public record LedgerCount(String id, String name, long cases, long resolved, boolean cleared) {}

  /** The ledgers owned in the subtree whose period overlaps, with 清零 marked. */
  @Transactional
  public List<LedgerCount> ledgers(Period p) {
    projector.catchUp();
    List<Ledgers.CaseRef> cases = ledgers.casesOwnedBy(p.subtree(), p.from(), p.to());
    Map<String, Boolean> resolved =
        resolved(cases.stream().map(Ledgers.CaseRef::petitionId).toList());
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Ledgers.CaseRef c : cases) {
      Boolean r = resolved.get(c.petitionId());
      if (r == null) {
        continue;
      }
      names.put(c.ledgerId(), c.ledgerName());
      long[] n = counts.computeIfAbsent(c.ledgerId(), k -> new long[2]);
      n[0]++;
      if (r) {
        n[1]++;
      }
    }
    List<LedgerCount> out = new ArrayList<>();
    counts.forEach(
        (id, n) ->
            out.add(new LedgerCount(id, names.get(id), n[0], n[1], n[0] > 0 && n[0] == n[1])));
    return out;
  }

  /**
   * Where matters were resolved (小事不出村、大事不出镇、矛盾不上交): matters first concluded in the period by
   * organisations of the subtree, by the level of the concluding organisation, with how many of
   * them are recorded resolved (化解).
   */
  @Transactional
  public Map<OrgLevel, long[]> resolvedAtLevel(Period p) {
    projector.catchUp();
    Query q = query("ratingRate", p);
    String where = q.where.replace(" and f.opinion_given = true", "");
    Map<OrgLevel, long[]> out = new LinkedHashMap<>();
    for (OrgLevel l : OrgLevel.values()) {
      out.put(l, new long[2]);
    }
    jdbc.sql(
            "select f.concluded_by, count(*), sum(case when f.resolved then 1 else 0 end) from "
                + q.from
                + " where "
                + where
                + " group by f.concluded_by")
        .params(q.args)
        .query(
            (rs, n) -> {
              OrgLevel level =
                  organisations.find(rs.getString(1)).map(Organisation::level).orElse(null);
              if (level != null) {
                out.get(level)[0] += rs.getLong(2);
                out.get(level)[1] += rs.getLong(3);
              }
              return null;
            })
        .list();
    return out;
  }

  /** One year of the trend. */
  public record YearVolume(int calendarYear, long batches, long persons) {}

  /** The five calendar years up to the period's last: petitions (批次) and persons (人次). */
  @Transactional
  public List<YearVolume> trend(Period p) {
    projector.catchUp();
    int last = p.to().getYear();
    Map<Integer, long[]> byYear =
        volumesByYear(p, LocalDate.of(last - 4, 1, 1), LocalDate.of(last, 12, 31));
    List<YearVolume> out = new ArrayList<>();
    for (int y = last - 4; y <= last; y++) {
      long[] c = byYear.getOrDefault(y, new long[2]);
      out.add(new YearVolume(y, c[0], c[1]));
    }
    return out;
  }

  /**
   * 批次 and 人次 received by the subtree from {@code from} to {@code to}, per calendar year: the
   * petitions naming no accused organisation from the volumes per day ({@code figure_volume_day},
   * the same for every reader), those naming one from their facts with the reader's accusation bar
   * (条例 Art. 30 para. 3).
   */
  private Map<Integer, long[]> volumesByYear(Period p, LocalDate from, LocalDate to) {
    Map<Integer, long[]> byYear = new java.util.TreeMap<>();
    List<Object> args = new ArrayList<>();
    String in = in(p.subtree(), args);
    args.add((int) from.toEpochDay());
    args.add((int) to.toEpochDay());
    jdbc.sql(
            "select received_day, sum(batches), sum(persons) from figure_volume_day"
                + " where received_by in ("
                + in
                + ") and received_day between ? and ? group by received_day")
        .params(args)
        .query(
            (rs, n) -> {
              long[] c =
                  byYear.computeIfAbsent(
                      LocalDate.ofEpochDay(rs.getInt(1)).getYear(), y -> new long[2]);
              c[0] += rs.getLong(2);
              c[1] += rs.getLong(3);
              return null;
            })
        .list();
    List<Object> accusing = new ArrayList<>();
    String inAccusing = in(p.subtree(), accusing);
    accusing.add(from);
    accusing.add(to);
    String visible = statistics.visibleAccusations("f.petition_id", accusing);
    jdbc.sql(
            "select extract(year from f.received_on), count(*), coalesce(sum(f.persons), 0)"
                + " from figure_fact f where f.accuses_organisation = true and f.received_by in ("
                + inAccusing
                + ") and f.received_on between ? and ? and "
                + visible
                + " group by extract(year from f.received_on)")
        .params(accusing)
        .query(
            (rs, n) -> {
              long[] c = byYear.computeIfAbsent(rs.getInt(1), y -> new long[2]);
              c[0] += rs.getLong(2);
              c[1] += rs.getLong(3);
              return null;
            })
        .list();
    return byYear;
  }

  /** The organisations of the subtree owing the most duties open past due today. */
  @Transactional
  public List<OrgCount> topOverdue(Period p, int limit) {
    projector.catchUp();
    List<Object> args = new ArrayList<>();
    String in = in(p.subtree(), args);
    args.add(LocalDate.now(clock));
    String visible = statistics.visibleAccusations("d.petition_id", args);
    args.add(limit);
    return jdbc.sql(
            "select d.owed_by, count(*) from figure_duty d where d.owed_by in ("
                + in
                + ") and d.done_on is null and d.due < ? and "
                + visible
                + " group by d.owed_by order by count(*) desc, d.owed_by limit ?")
        .params(args)
        .query(
            (rs, n) -> {
              Organisation o = organisations.find(rs.getString(1)).orElse(null);
              return new OrgCount(
                  rs.getString(1),
                  o == null ? rs.getString(1) : o.displayName(),
                  o == null ? null : o.level(),
                  rs.getLong(2),
                  0);
            })
        .list();
  }

  /** Petitions received per organisation of the subtree (for the tree heat view). */
  @Transactional
  public Map<String, Long> volumeByOrganisation(Period p) {
    projector.catchUp();
    Query q = query("volumeBatches", p);
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.sql(
            "select f.received_by, count(*) from "
                + q.from
                + " where "
                + q.where
                + " group by f.received_by")
        .params(q.args)
        .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2)))
        .list();
    return out;
  }

  /** A node of the region tree: an area (a government or village), its petitions, its sub-areas. */
  public record RegionNode(
      String id, String name, String regionCode, long own, long total, List<RegionNode> children) {}

  /**
   * The tree heat view of regions: the areas of the subtree (governments and villages with a region
   * code, nested by the organisation tree) with the petitions received in the period whose matter
   * lies in each (the petition's region code under the area's, counted at the deepest area that
   * holds it; the rest at the root).
   */
  @Transactional
  public RegionNode regionTree(Period p) {
    projector.catchUp();
    Map<String, Long> byRegion = new LinkedHashMap<>();
    for (Cell c : breakdown(p, "region")) {
      if (!c.suppressed() && c.count() != null) {
        byRegion.merge(c.label(), c.count(), Long::sum);
      }
    }
    List<Organisation> areas =
        p.subtree().stream()
            .map(organisations::find)
            .flatMap(java.util.Optional::stream)
            .filter(o -> o.regionCode() != null && !o.regionCode().isBlank())
            .filter(
                o ->
                    o.type() == org.xinfang.organisation.OrgType.GOVERNMENT
                        || o.level() == OrgLevel.VILLAGE)
            .filter(o -> !o.id().equals(p.organisation().id()))
            .sorted(java.util.Comparator.comparing(o -> -o.regionCode().strip().length()))
            .toList();
    Map<String, Long> own = new LinkedHashMap<>();
    long rest = 0;
    for (Map.Entry<String, Long> e : byRegion.entrySet()) {
      Organisation at =
          e.getKey() == null
              ? null
              : areas.stream()
                  .filter(a -> e.getKey().startsWith(a.regionCode().strip()))
                  .findFirst()
                  .orElse(null);
      if (at == null) {
        rest += e.getValue();
      } else {
        own.merge(at.id(), e.getValue(), Long::sum);
      }
    }
    java.util.Set<String> areaIds = new java.util.HashSet<>();
    areas.forEach(a -> areaIds.add(a.id()));
    return node(p.organisation(), rest, own, areaIds);
  }

  private RegionNode node(
      Organisation o, long ownCount, Map<String, Long> own, java.util.Set<String> areas) {
    List<RegionNode> children = new ArrayList<>();
    collect(o.id(), own, areas, children);
    long total = ownCount + children.stream().mapToLong(RegionNode::total).sum();
    return new RegionNode(o.id(), o.displayName(), o.regionCode(), ownCount, total, children);
  }

  /** The nearest areas below {@code id} (looking through organisations that are not areas). */
  private void collect(
      String id, Map<String, Long> own, java.util.Set<String> areas, List<RegionNode> out) {
    for (Organisation c : organisations.children(id)) {
      if (areas.contains(c.id())) {
        out.add(node(c, own.getOrDefault(c.id(), 0L), own, areas));
      } else {
        collect(c.id(), own, areas, out);
      }
    }
  }

  /** Repeat window of the first-petition resolution rate, in days. */
  public int repeatWindowDays() {
    return repeatWindowDays;
  }

  /**
   * The reader's accusation bar (条例 Art. 30 para. 3) on the facts or duties aliased {@code alias}:
   * looked up only for the rows of petitions that name an accused organisation (the flag is in the
   * figures' indexes), so a barred reader counts from the index like the administrator.
   */
  private String visible(String alias, List<Object> args) {
    String bar = statistics.visibleAccusations(alias + ".petition_id", args);
    return bar.equals("1=1") ? bar : "(" + alias + ".accuses_organisation = false or " + bar + ")";
  }

  private static String in(java.util.Collection<?> values, List<Object> args) {
    if (values.isEmpty()) {
      return "null";
    }
    args.addAll(values);
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }
}
