package org.xinfang.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.shared.InvalidInput;

/**
 * The assessment (考核, 条例 Art. 39: every year, oriented to solving petitions lawfully, in time and
 * on the spot): each scored figure of an organisation's subtree for a period as a score 0–100 (the
 * rate × 100; the repeat rate as (1 − rate) × 100), weighted by {@code
 * xinfang.assessment.weights.*} into a total, and the organisations under a parent ranked by it.
 *
 * <p>A figure with nothing to count (denominator 0, e.g. no notice due) is not assessed: its weight
 * is left out and the total is Σ weight × score ÷ Σ weight over the figures assessed, so an organ
 * is neither rewarded nor punished for what it had no occasion to do. Equal totals share a rank.
 */
@Service
public class Assessment {

  /** The Chinese name of each figure, as exports and reports print it. */
  public static final Map<String, String> NAMES =
      Map.of(
          "volumeBatches", "信访批次",
          "volumePersons", "信访人次",
          "firstPetitionResolutionRate", "初访一次性化解率",
          "onTimeNoticeRate", "按期受理告知率",
          "onTimeConclusionRate", "按期办结率",
          "ratingRate", "参评率",
          "satisfactionRate", "满意率",
          "repeatRate", "重复信访率",
          "spotCheckPassRate", "网上抽查合格率",
          "ledgerResolutionRate", "台账化解率");

  static final String BASIS = "条例 Art. 39";

  private final Figures figures;
  private final Organisations organisations;
  private final AssessmentProperties properties;
  private final FigureEvents events;

  Assessment(
      Figures figures,
      Organisations organisations,
      AssessmentProperties properties,
      FigureEvents events) {
    this.figures = figures;
    this.organisations = organisations;
    this.properties = properties;
    this.events = events;
  }

  /** One figure as assessed: its value, weight and score (null when not assessed). */
  public record Score(
      String key,
      String name,
      Figure figure,
      double weight,
      BigDecimal score,
      BigDecimal weighted,
      String scoring) {}

  /** One organisation's assessment for a period. */
  public record Report(
      String organisation,
      String organisationName,
      LocalDate from,
      LocalDate to,
      List<Score> scores,
      BigDecimal total,
      String formula) {}

  /** One row of a ranking. */
  public record Ranked(int rank, Report report) {}

  /** The organisations directly under a parent, ranked by their total (highest first). */
  public record Ranking(
      String parent,
      String parentName,
      LocalDate from,
      LocalDate to,
      List<Ranked> rows,
      Report parentReport,
      Map<String, Double> weights) {}

  /** The weights in force, by figure key. */
  public Map<String, Double> weights() {
    return properties.weights();
  }

  /** The assessment of one organisation's subtree for a period. */
  @Transactional
  public Report report(Figures.Period p) {
    List<Score> scores = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    double weights = 0;
    for (Map.Entry<String, Double> w : properties.weights().entrySet()) {
      String key = w.getKey();
      Figure f = figures.figure(key, p);
      BigDecimal score = score(key, f);
      BigDecimal weighted = null;
      if (score != null && w.getValue() > 0) {
        weighted = score.multiply(BigDecimal.valueOf(w.getValue()));
        sum = sum.add(weighted);
        weights += w.getValue();
      }
      scores.add(
          new Score(
              key,
              NAMES.get(key),
              f,
              w.getValue(),
              score,
              weighted == null ? null : weighted.setScale(2, RoundingMode.HALF_UP),
              key.equals("repeatRate") ? "(1 − rate) × 100" : "rate × 100"));
    }
    BigDecimal total =
        weights == 0 ? null : sum.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    return new Report(
        p.organisation().id(),
        p.organisation().displayName(),
        p.from(),
        p.to(),
        scores,
        total,
        "Σ weight × score ÷ Σ weight, over the figures assessed (denominator > 0); score = rate ×"
            + " 100, for the repeat rate (1 − rate) × 100");
  }

  static BigDecimal score(String key, Figure f) {
    if (f.value() == null || f.denominator() == null) {
      return null;
    }
    BigDecimal rate = key.equals("repeatRate") ? BigDecimal.ONE.subtract(f.value()) : f.value();
    return rate.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * The organisations directly under {@code p}'s organisation (optionally only those of one type,
   * e.g. the district governments of a city), each assessed over its own subtree, ranked.
   */
  @Transactional
  public Ranking ranking(Figures.Period p, String type) {
    List<Organisation> children =
        organisations.children(p.organisation().id()).stream()
            .filter(o -> type == null || type.isBlank() || o.type().name().equals(type.strip()))
            .filter(o -> figures.readable(o.id()))
            .toList();
    if (type != null && !type.isBlank()) {
      try {
        org.xinfang.organisation.OrgType.valueOf(type.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("type", "not an organisation type: " + type);
      }
    }
    List<Report> reports = new ArrayList<>();
    for (Organisation o : children) {
      reports.add(report(new Figures.Period(o, organisations.subtree(o.id()), p.from(), p.to())));
    }
    reports.sort(
        Comparator.comparing(
                Report::total, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Report::organisationName));
    List<Ranked> rows = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Report r = reports.get(i);
      int rank = i + 1;
      if (i > 0 && r.total() != null) {
        Ranked before = rows.get(i - 1);
        if (before.report().total() != null && before.report().total().compareTo(r.total()) == 0) {
          rank = before.rank();
        }
      }
      rows.add(new Ranked(r.total() == null ? 0 : rank, r));
    }
    return new Ranking(
        p.organisation().id(),
        p.organisation().displayName(),
        p.from(),
        p.to(),
        rows,
        report(p),
        new LinkedHashMap<>(properties.weights()));
  }

  /** Records that an assessment was exported (an act of this module). */
  void exported(Figures.Period p, String format) {
    events.record(
        "assessment-export",
        p.organisation().id(),
        BASIS,
        "{\"from\":\"" + p.from() + "\",\"to\":\"" + p.to() + "\",\"format\":\"" + format + "\"}");
  }
}
