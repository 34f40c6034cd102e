package org.xinfang.conference;

import java.time.LocalDate;

/**
 * A decision on one matter.
 *
 * @param assignee ASSIGN: the organ to act; COORDINATION: the organ agreed to handle it (optional)
 * @param leader LEADER_PACKAGE: the user name of the leader taking charge
 * @param due when the duty is due (ASSIGN, LEADER_PACKAGE; COORDINATION with an assignee)
 * @param content ASSIGN: what to do; COORDINATION: the result; LEADER_PACKAGE: optional remarks
 */
public record NewDecision(
    DecisionKind kind, String assignee, String leader, LocalDate due, String content) {}
