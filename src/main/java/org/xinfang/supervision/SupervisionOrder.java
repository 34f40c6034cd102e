package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervision order (督办, 条例 Art. 40) as the API shows it.
 *
 * @param organisationId the organ it is issued to
 * @param overdue issued, unanswered and past its reply date today
 * @param late answered after its reply date
 * @param taskId the assigned duty "reply to the supervision order" of the organ
 */
public record SupervisionOrder(
    String id,
    String number,
    String petitionId,
    String petitionNumber,
    String organisationId,
    String organisationName,
    String issuedByOrganisation,
    String issuedBy,
    LocalDate issuedOn,
    Cause cause,
    String demands,
    LocalDate replyDue,
    OrderStatus status,
    LocalDate repliedOn,
    String repliedBy,
    String reply,
    boolean overdue,
    boolean late,
    String taskId,
    List<EscalationRecord> escalations) {

  /** One escalation decided by the joint conference. */
  public record EscalationRecord(
      Escalation escalation, LocalDate decidedOn, String decisionRef, String recordedBy) {}
}
