package org.xinfang.figures;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weights of the assessment (考核, 条例 Art. 39): {@code
 * xinfang.assessment.weights.<figureKey>=<weight>}; a figure left out keeps its default, a weight
 * of 0 leaves the figure out of the total. Only rates are scored — volume (批次, 人次) is not a measure
 * of good work and cannot be weighted.
 *
 * <p>Defaults (sum 100): first-petition resolution 25, on-time conclusion 20, satisfaction 15,
 * on-time notice 10, repeat (scored as 1 − rate) 10, ledger resolution 10, rating 5, spot-check
 * pass 5.
 */
@ConfigurationProperties(prefix = "xinfang.assessment")
record AssessmentProperties(Map<String, Double> weights) {

  static final Map<String, Double> DEFAULTS = defaults();

  AssessmentProperties {
    Map<String, Double> merged = new LinkedHashMap<>(DEFAULTS);
    if (weights != null) {
      weights.forEach(
          (key, weight) -> {
            if (!DEFAULTS.containsKey(key)) {
              throw new IllegalArgumentException(
                  "xinfang.assessment.weights."
                      + key
                      + ": not a scored figure (one of "
                      + DEFAULTS.keySet()
                      + ")");
            }
            if (weight == null || weight < 0 || weight.isNaN() || weight.isInfinite()) {
              throw new IllegalArgumentException(
                  "xinfang.assessment.weights." + key + ": a weight is a number ≥ 0");
            }
            merged.put(key, weight);
          });
    }
    weights = java.util.Collections.unmodifiableMap(merged);
  }

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("firstPetitionResolutionRate", 25.0);
    d.put("onTimeNoticeRate", 10.0);
    d.put("onTimeConclusionRate", 20.0);
    d.put("ratingRate", 5.0);
    d.put("satisfactionRate", 15.0);
    d.put("repeatRate", 10.0);
    d.put("spotCheckPassRate", 5.0);
    d.put("ledgerResolutionRate", 10.0);
    return java.util.Collections.unmodifiableMap(d);
  }
}
