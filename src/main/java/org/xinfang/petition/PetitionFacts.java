package org.xinfang.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * What the figures (LAW.md §9) need to know of one petition, derived from its history by replaying
 * it act by act. Statistics only: never shown as a petition (show petitions through {@link
 * PetitionService}, which applies the reader's scope).
 *
 * @param firstConcludedOn the day the matter was first concluded (its first answer, decline,
 *     diversion or settlement), null while it is not
 * @param firstConcludedBy the organisation whose act first concluded it
 * @param opinionGiven a written handling opinion was given (reply), so the petitioner may rate it
 * @param rating the latest rating of the latest answer, null when not rated
 * @param resolvedBy the organisation that recorded the resolution (化解, 条例 Art. 37)
 * @param duties every statutory duty an organisation owed on it, as it arose and was discharged
 * @param accusesOrganisation it names an accused organisation, so it may be hidden from some
 *     readers (条例 Art. 30 para. 3); a petition that names none is never hidden from anyone
 */
public record PetitionFacts(
    String id,
    String receivedBy,
    LocalDate receivedOn,
    int persons,
    Channel channel,
    Category category,
    String regionCode,
    String topic,
    String repeatOf,
    LocalDate firstConcludedOn,
    String firstConcludedBy,
    boolean opinionGiven,
    Satisfaction rating,
    LocalDate ratedOn,
    boolean resolved,
    LocalDate resolvedOn,
    String resolvedBy,
    List<DutySpan> duties,
    boolean accusesOrganisation) {

  /**
   * One duty owed by one organisation from the day it arose until the act that discharged it (or
   * until now).
   *
   * @param due the due date in force when it was discharged (the extended one where extended), or
   *     now while it is open
   * @param doneOn the day of the act after which it was no longer owed; null while open
   * @param doneAct that act ({@code accept}, {@code reply}, {@code forward}…)
   */
  public record DutySpan(
      int ordinal,
      DutyKind duty,
      String owedBy,
      LocalDate arose,
      LocalDate due,
      LocalDate doneOn,
      String doneAct) {}
}
