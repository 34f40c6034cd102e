package org.xinfang.task;

/**
 * Published in the assigning transaction when a duty is assigned: the petition module makes the
 * owing organisation a party to the petition (so its users can read what they must act on), and
 * refuses a duty on an accusation to the accused (条例 Art. 30 para. 3) — which rolls back the
 * assignment.
 */
public record TaskAssigned(String taskId, String petitionId, String owedBy) {}
