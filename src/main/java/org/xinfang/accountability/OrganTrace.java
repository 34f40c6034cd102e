package org.xinfang.accountability;

import java.time.LocalDate;
import java.util.List;

/**
 * The accountability trace of an organ (and, if asked, the organs below it) for a period: the
 * duties it owed that fell due in the period and how they ended, and the failures whose day falls
 * in the period.
 *
 * @param petitions the petitions looked at (those the organ received or holds, within the reader's
 *     scope; accusations hidden from the reader are left out)
 */
public record OrganTrace(
    String organisationId,
    String organisationName,
    boolean subtree,
    LocalDate from,
    LocalDate to,
    LocalDate asOf,
    int petitions,
    int dutiesDue,
    int done,
    int doneLate,
    int missed,
    int open,
    List<Failure> failures) {}
