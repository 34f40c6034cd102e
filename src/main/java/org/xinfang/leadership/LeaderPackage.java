package org.xinfang.leadership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A leader case package (领导包案): the leader (统筹调度), the receiving organ that drives the procedure
 * (程序推进), the handling organ that solves the substance (实质解决), the petitions, the plan, the
 * reports, the resolution and the history.
 *
 * @param leader the user name of the leader in charge
 * @param endedOn the day it was resolved or closed
 */
public record LeaderPackage(
    String id,
    String title,
    String leader,
    String leaderOrg,
    String receivingOrg,
    String handlingOrg,
    PackageStatus status,
    LocalDate takenOn,
    LocalDate endedOn,
    Resolution resolution,
    String closedReason,
    List<String> petitionIds,
    List<PlanStep> plan,
    List<ProgressReport> reports,
    List<LeadershipEvent> history) {

  /** The open step due soonest. */
  public Optional<PlanStep> nextStep() {
    return plan.stream()
        .filter(PlanStep::open)
        .min(java.util.Comparator.comparing(PlanStep::due).thenComparing(PlanStep::seq));
  }

  /** The open steps past their due date on {@code today}. */
  public List<PlanStep> lateSteps(LocalDate today) {
    return plan.stream().filter(s -> s.late(today)).toList();
  }

  /** The organisations taking part: the leader's, the receiving, the handling and step owners. */
  public java.util.Set<String> organisations() {
    java.util.Set<String> orgs = new java.util.LinkedHashSet<>();
    orgs.add(leaderOrg);
    orgs.add(receivingOrg);
    orgs.add(handlingOrg);
    plan.forEach(s -> orgs.add(s.owedBy()));
    return orgs;
  }
}
