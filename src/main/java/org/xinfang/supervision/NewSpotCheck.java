package org.xinfang.supervision;

import java.time.LocalDate;

/**
 * A sample to draw: petitions concluded in [from, to] within the supervisor's jurisdiction.
 *
 * @param seed the random seed: the same seed over the same record draws the same sample
 * @param size per organ ({@link Stratification#PER_ORGAN}) or in total ({@link
 *     Stratification#PROPORTIONAL})
 */
public record NewSpotCheck(
    LocalDate from, LocalDate to, Long seed, Stratification stratification, Integer size) {}
