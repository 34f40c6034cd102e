package org.xinfang.figures;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where the spot-check pass rate (网上抽查合格率 = passed ÷ sampled, LAW.md §9) comes from: the
 * supervision module offers one; without it the figure has denominator 0.
 */
public interface SpotCheckSource {

  /** Samples passed and samples drawn for concluded petitions of these organisations. */
  Counts passRate(Set<String> organisations, LocalDate from, LocalDate to);

  /** passed ÷ sampled. */
  record Counts(long passed, long sampled) {}
}
