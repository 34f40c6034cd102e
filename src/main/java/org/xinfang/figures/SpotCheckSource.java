package org.xinfang.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Where the spot-check pass rate (网上抽查合格率 = passed ÷ sampled, LAW.md §9) comes from: the
 * supervision module offers one; without it the figure has denominator 0.
 */
public interface SpotCheckSource {

  /**
   * Samples passed and samples checked (drawn, and their check done) for petitions of these
   * organisations concluded in the period.
   */
  Counts passRate(Set<String> organisations, LocalDate from, LocalDate to);

  /** The petitions behind {@link #passRate}: those checked, or only those passed, ordered by id. */
  List<String> petitions(Set<String> organisations, LocalDate from, LocalDate to, boolean passed);

  /** passed ÷ sampled (and checked). */
  record Counts(long passed, long sampled) {}
}
