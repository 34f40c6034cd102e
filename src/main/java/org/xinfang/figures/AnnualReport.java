package org.xinfang.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.PetitionStatistics;
import org.xinfang.shared.InvalidInput;

/**
 * The annual report on petition work (信访情况年度报告, 条例 Art. 41) of an organisation's subtree for a
 * calendar year, generated from the record. It holds what Art. 41 says it must:
 *
 * <ol>
 *   <li>the statistics of petitions (volume, channels, the figures of LAW.md §9), the fields they
 *       concern (categories, topics, regions) and the organs most complained about — the organs
 *       that owed the conclusion of the most matters whose handling began in the year;
 *   <li>forwarding (转送), assignment (交办) and supervision (督办) by the petition bureaus: the routing
 *       duties of the subtree discharged by {@code forward} and by {@code assign} in the year, and
 *       the supervision orders from a {@link SupervisionSource};
 *   <li>the recommendations to improve work, perfect policy or hold to account and how many were
 *       adopted (Art. 40), from a {@link SupervisionSource};
 *   <li>other matters: where matters were resolved, ledgers and 清零, 零访 areas, the organs with most
 *       duties overdue, the five-year trend.
 * </ol>
 *
 * Accusations hidden from the reader count nowhere (条例 Art. 30 para. 3).
 */
@Service
public class AnnualReport {

  static final String BASIS = "条例 Art. 41";

  private final Figures figures;
  private final Organisations organisations;
  private final PetitionStatistics statistics;
  private final ObjectProvider<SupervisionSource> supervision;
  private final JdbcClient jdbc;
  private final FigureEvents events;
  private final Clock clock;
  private final FigureProjector projector;

  AnnualReport(
      Figures figures,
      FigureProjector projector,
      Organisations organisations,
      PetitionStatistics statistics,
      ObjectProvider<SupervisionSource> supervision,
      JdbcClient jdbc,
      FigureEvents events,
      Clock clock) {
    this.figures = figures;
    this.projector = projector;
    this.organisations = organisations;
    this.statistics = statistics;
    this.supervision = supervision;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** The report. Sections follow Art. 41 items 1–4. */
  public record Report(
      String organisation,
      String organisationName,
      int reportYear,
      String title,
      String reportTo,
      LocalDate generatedOn,
      Statistics statistics,
      Routing routing,
      List<SupervisionSource.Recommendations> recommendations,
      Other other) {}

  /** Item 1. */
  public record Statistics(
      Map<String, Object> figures,
      List<Figures.Cell> channels,
      List<Figures.Cell> categories,
      List<Figures.Cell> topics,
      List<Figures.Cell> regions,
      List<Figures.OrgCount> mostComplainedAbout) {}

  /** Item 2; {@code orders} null when the record holds no supervision orders. */
  public record Routing(long forwarded, long assigned, SupervisionSource.Orders orders) {}

  /** Item 4. */
  public record Other(
      Map<OrgLevel, long[]> resolvedAtLevel,
      List<Figures.LedgerCount> ledgers,
      List<Figures.OrgCount> zeroPetitionAreas,
      List<Figures.OrgCount> topOverdue,
      List<Figures.YearVolume> trend) {}

  /** Checks the request (404, 400, 403) and gives the year as a period. */
  public Figures.Period period(String organisation, Integer reportYear) {
    if (reportYear == null) {
      throw new InvalidInput("year", "required (YYYY)");
    }
    int current = LocalDate.now(clock).getYear();
    if (reportYear < 2000 || reportYear > current) {
      throw new InvalidInput("year", "a year from 2000 to " + current);
    }
    return figures.period(
        organisation, LocalDate.of(reportYear, 1, 1), LocalDate.of(reportYear, 12, 31));
  }

  /** The report for the period's organisation and year (the period is a calendar year). */
  @Transactional
  public Report report(Figures.Period p) {
    // every act committed before the report is counted (条例 Art. 41)
    projector.catchUp();
    Organisation org = p.organisation();
    int reportYear = p.from().getYear();
    String parentName =
        org.parentId() == null
            ? ""
            : organisations.find(org.parentId()).map(Organisation::displayName).orElse("");
    Statistics stats =
        new Statistics(
            figures.figures(p),
            figures.breakdown(p, "channel"),
            figures.breakdown(p, "category"),
            top(figures.breakdown(p, "topic"), 10),
            top(figures.breakdown(p, "region"), 10),
            mostComplainedAbout(p, 10));
    long[] routed = routed(p);
    SupervisionSource source = supervision.getIfAvailable();
    Routing routing =
        new Routing(
            routed[0],
            routed[1],
            source == null ? null : source.orders(p.subtree(), p.from(), p.to()));
    List<SupervisionSource.Recommendations> recommendations =
        source == null ? null : source.recommendations(p.subtree(), p.from(), p.to());
    Other other =
        new Other(
            figures.resolvedAtLevel(p),
            figures.ledgers(p),
            figures.zeroPetitionAreas(p),
            figures.topOverdue(p, 10),
            figures.trend(p));
    return new Report(
        org.id(),
        org.displayName(),
        reportYear,
        org.displayName() + reportYear + "年度信访情况报告",
        "本级党委和政府" + (parentName.isBlank() ? "" : "（" + parentName + "）") + "、上一级党委和政府信访部门",
        LocalDate.now(clock),
        stats,
        routing,
        recommendations,
        other);
  }

  /** Records that a report was generated in a format (an act of this module). */
  void generated(Figures.Period p, String format) {
    events.record(
        "annual-report",
        p.organisation().id(),
        BASIS,
        "{\"year\":" + p.from().getYear() + ",\"format\":\"" + format + "\"}");
  }

  private static List<Figures.Cell> top(List<Figures.Cell> cells, int n) {
    return cells.size() <= n ? cells : cells.subList(0, n);
  }

  /**
   * The organs of the subtree that owed the conclusion (CONCLUDE) of the most matters whose duty
   * arose in the period: those the matters were about or sent to for handling.
   */
  List<Figures.OrgCount> mostComplainedAbout(Figures.Period p, int limit) {
    List<Object> args = new ArrayList<>();
    String in = in(p.subtree(), args);
    args.add(p.from());
    args.add(p.to());
    String visible = statistics.visibleAccusations("d.petition_id", args);
    args.add(limit);
    return jdbc.sql(
            "select d.owed_by, count(distinct d.petition_id) from figure_duty d where d.owed_by in ("
                + in
                + ") and d.duty = 'CONCLUDE' and d.arose between ? and ? and "
                + visible
                + " group by d.owed_by order by count(distinct d.petition_id) desc, d.owed_by"
                + " limit ?")
        .params(args)
        .query(
            (rs, n) -> {
              Organisation o = organisations.find(rs.getString(1)).orElse(null);
              return new Figures.OrgCount(
                  rs.getString(1),
                  o == null ? rs.getString(1) : o.displayName(),
                  o == null ? null : o.level(),
                  rs.getLong(2),
                  0);
            })
        .list();
  }

  /** Routing duties of the subtree discharged in the period by forward and by assign. */
  long[] routed(Figures.Period p) {
    List<Object> args = new ArrayList<>();
    String in = in(p.subtree(), args);
    args.add(p.from());
    args.add(p.to());
    String visible = statistics.visibleAccusations("d.petition_id", args);
    return jdbc.sql(
            "select coalesce(sum(case when d.done_act = 'forward' then 1 else 0 end), 0),"
                + " coalesce(sum(case when d.done_act = 'assign' then 1 else 0 end), 0)"
                + " from figure_duty d where d.owed_by in ("
                + in
                + ") and d.duty = 'ROUTE' and d.done_on between ? and ? and "
                + visible)
        .params(args)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  private static String in(java.util.Collection<?> values, List<Object> args) {
    if (values.isEmpty()) {
      return "null";
    }
    args.addAll(values);
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }
}
