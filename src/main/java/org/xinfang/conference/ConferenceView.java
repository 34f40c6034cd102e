package org.xinfang.conference;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A joint conference as one reader may see it: matters they may not see are left out (an accusation
 * hidden from them) or shown without number and subject (outside their scope).
 *
 * @param organisationId the convening organisation (the convenor's)
 * @param convenor the user name of the convenor (总召集人)
 * @param minutesNumber the document number of the minutes once issued
 * @param mayManage whether the reader may act on it
 */
public record ConferenceView(
    String id,
    String organisationId,
    String organisationName,
    String convenor,
    String convenorName,
    String title,
    LocalDate heldOn,
    String place,
    String scheduledBy,
    OffsetDateTime scheduledAt,
    String minutesNumber,
    LocalDate minutesIssuedOn,
    List<Member> members,
    List<Item> items,
    boolean mayManage) {

  /** Whether the minutes were issued (the agenda is then closed). */
  public boolean minutesIssued() {
    return minutesNumber != null;
  }

  /** A member organisation and its attendance (null until recorded). */
  public record Member(String organisationId, String name, Boolean attended, String attendee) {}

  /**
   * One matter on the agenda.
   *
   * @param visible whether the reader may see the petition (number and subject are null if not)
   * @param carried for a follow-up item: the earlier decision it follows up
   */
  public record Item(
      String id,
      int seq,
      AgendaReason reason,
      String basis,
      String note,
      String petitionId,
      boolean visible,
      String petitionNumber,
      String subject,
      Decision carried,
      String followUpNote,
      DecisionStatus followUpStatus,
      String addedBy,
      OffsetDateTime addedAt,
      List<Decision> decisions) {}

  /**
   * One decision and where it stands.
   *
   * @param assignee the organ owing its duty (the leader's organisation for a package)
   * @param status derived from the duty on the reader's today
   */
  public record Decision(
      String id,
      String conferenceId,
      LocalDate conferenceHeldOn,
      String itemId,
      DecisionKind kind,
      String assignee,
      String assigneeName,
      String leader,
      String leaderName,
      LocalDate due,
      String content,
      String basis,
      String taskId,
      DecisionStatus status,
      LocalDate doneOn,
      String decidedBy,
      OffsetDateTime decidedAt,
      LocalDate closedOn,
      String closedAtConference,
      String closedBy,
      String closingNote) {

    public boolean closed() {
      return closedOn != null;
    }
  }
}
