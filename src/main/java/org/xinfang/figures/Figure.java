package org.xinfang.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One figure: its value, what it is counted from, and how (LAW.md §9: "shown with their formula").
 *
 * @param value numerator ÷ denominator to four decimals (a count for volumes); null when the
 *     denominator is 0
 * @param denominator null for a count
 */
public record Figure(BigDecimal value, long numerator, Long denominator, String formula) {

  /** numerator ÷ denominator, null when nothing is due. */
  public static Figure rate(long numerator, long denominator, String formula) {
    BigDecimal value =
        denominator == 0
            ? null
            : BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    return new Figure(value, numerator, denominator, formula);
  }

  /** A count. */
  public static Figure count(long n, String formula) {
    return new Figure(BigDecimal.valueOf(n), n, null, formula);
  }
}
