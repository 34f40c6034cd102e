package org.xinfang.supervision;

/**
 * A pass rate as the figures show it: passed / checked.
 *
 * @param organisationId the handling organisation, or null for the overall rate
 */
public record PassRate(String organisationId, int numerator, int denominator) {

  /** numerator / denominator, 0 when nothing was checked. */
  public double value() {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  public String formula() {
    return "抽查合格件数 / 抽查已评定件数";
  }
}
