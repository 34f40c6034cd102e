package org.xinfang.supervision;

/** How a spot check's sample is spread over the handling organisations. */
public enum Stratification {
  /** The same number from every handling organisation (all of an organ's, when it has fewer). */
  PER_ORGAN,
  /** A total spread in proportion to each organ's concluded petitions (largest remainder). */
  PROPORTIONAL
}
