package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.xinfang.figures.SpotCheckSource;

/** The spot checks' pass rate for the figures (spotCheckPassRate, LAW.md §9; 条例 Art. 38). */
@Component
class SpotCheckFigures implements SpotCheckSource {

  private final SpotChecks spotChecks;

  SpotCheckFigures(SpotChecks spotChecks) {
    this.spotChecks = spotChecks;
  }

  @Override
  public Counts passRate(Set<String> organisations, LocalDate from, LocalDate to) {
    PassRate r = spotChecks.passRate(organisations, from, to);
    return new Counts(r.numerator(), r.denominator());
  }

  @Override
  public List<String> petitions(
      Set<String> organisations, LocalDate from, LocalDate to, boolean passed) {
    return spotChecks.petitionsChecked(organisations, from, to, passed);
  }
}
