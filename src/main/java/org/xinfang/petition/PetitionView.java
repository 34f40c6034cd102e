package org.xinfang.petition;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.PetitionerData;

/**
 * A petition as the API shows it (API.md Petitions): the registration record, where it stands, what
 * is owed now, what may be done next, and its whole history.
 */
public record PetitionView(
    String id,
    String number,
    String queryCode,
    String externalNumber,
    PetitionState state,
    Channel channel,
    LocalDate receivedOn,
    String receivedBy,
    String registeredBy,
    OffsetDateTime registeredAt,
    Category category,
    Pathway pathway,
    String handlingOrganisation,
    String subject,
    String facts,
    String request,
    String reasons,
    String evidence,
    String regionCode,
    String topic,
    String addressee,
    List<PetitionerData> petitioners,
    int representatives,
    int persons,
    boolean collective,
    boolean anonymous,
    boolean noticeOwed,
    List<AccusedData> accused,
    String repeatOf,
    boolean first,
    boolean litigationRelated,
    boolean major,
    boolean threatMade,
    boolean foreignRelated,
    boolean publicOnline,
    Map<String, Object> intake,
    @JsonProperty("final") boolean isFinal,
    boolean concluded,
    LocalDate concludedOn,
    boolean resolved,
    LocalDate acceptedOn,
    boolean simplified,
    int extensionDays,
    OpinionView opinion,
    Map<RatingTarget, Satisfaction> ratings,
    List<Duty> duties,
    List<String> allowedActs,
    List<HistoryView> history,
    int version,
    Complexity complexity,
    int repeatCount) {

  /** The same petition with other petitioner data (masked, or revealed). */
  public PetitionView withPetitioners(List<PetitionerData> people) {
    return new PetitionView(
        id,
        number,
        queryCode,
        externalNumber,
        state,
        channel,
        receivedOn,
        receivedBy,
        registeredBy,
        registeredAt,
        category,
        pathway,
        handlingOrganisation,
        subject,
        facts,
        request,
        reasons,
        evidence,
        regionCode,
        topic,
        addressee,
        people,
        representatives,
        persons,
        collective,
        anonymous,
        noticeOwed,
        accused,
        repeatOf,
        first,
        litigationRelated,
        major,
        threatMade,
        foreignRelated,
        publicOnline,
        intake,
        isFinal,
        concluded,
        concludedOn,
        resolved,
        acceptedOn,
        simplified,
        extensionDays,
        opinion,
        ratings,
        duties,
        allowedActs,
        history,
        version,
        complexity,
        repeatCount);
  }

  /** The latest written opinion (handling, review or re-review). */
  public record OpinionView(
      String kind, Outcome outcome, String issuedBy, LocalDate issuedOn, LocalDate deliveredOn) {}

  /** One history entry as the API shows it. */
  public record HistoryView(
      int seq,
      String act,
      LocalDate on,
      String by,
      String organisationId,
      OffsetDateTime at,
      String article,
      boolean backEntered,
      boolean adminAct,
      Object details) {}
}
