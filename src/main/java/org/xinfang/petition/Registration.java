package org.xinfang.petition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the registration desk records (条例 Art. 19; NOTICES.md, the registration record). Only {@code
 * channel}, {@code receivedOn}, {@code receivedBy} and one petitioner entry are required: an oral
 * or anonymous matter is registered as told.
 */
public record Registration(
    @NotNull Channel channel,
    @NotNull LocalDate receivedOn,
    @NotNull @Size(max = 64) String receivedBy,
    @NotEmpty @Size(max = 500) List<@Valid @NotNull PetitionerData> petitioners,
    @Min(0) @Max(100000) Integer representatives,
    @Min(1) @Max(1000000) Integer persons,
    Boolean collective,
    @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "a 6-, 9- or 12-digit region code")
        String regionCode,
    @Size(max = 200) String subject,
    @Size(max = 100000) String facts,
    @Size(max = 100000) String request,
    @Size(max = 100000) String reasons,
    Category category,
    @Size(max = 100) List<@Valid @NotNull AccusedData> accused,
    @Size(max = 100) String topic,
    @Size(max = 64) String externalNumber,
    @Size(max = 200) String addressee,
    @Size(max = 64) String repeatOf,
    Boolean litigationRelated,
    Boolean major,
    Boolean threatMade,
    Boolean foreignRelated,
    Boolean publicOnline,
    @Size(max = 10000) String evidence,
    @Valid VisitRecord visit,
    @Valid LetterRecord letter,
    @Valid PhoneRecord phone) {

  /** One petitioner (NOTICES.md: one row each, with a lead flag). */
  public record PetitionerData(
      @Size(max = 100) String name,
      @Size(max = 10) String sex,
      @Size(max = 40) String ethnicity,
      LocalDate birthDate,
      @Size(max = 20) String idType,
      @Size(max = 40) String idNumber,
      @Size(max = 40) String phone,
      @Size(max = 500) String address,
      @Size(max = 100) String occupation,
      Boolean lead) {}

  /** A person or unit accused (条例 Art. 30): recorded so that nothing reaches them. */
  public record AccusedData(
      @Size(max = 100) String name,
      @Size(max = 64) String organisationId,
      @Size(max = 100) String post,
      @Size(max = 40) String rank) {}

  /** For visits: reception details. */
  public record VisitRecord(
      LocalTime receptionTime,
      @Size(max = 100) String receptionWindow,
      @Size(max = 100) String receivingOfficer,
      @Size(max = 2000) String materials,
      @Size(max = 100000) String conversation,
      @Size(max = 10000) String toldOnTheSpot) {}

  /** For letters: postmark and pages. */
  public record LetterRecord(LocalDate postmarkDate, @Min(0) @Max(100000) Integer pages) {}

  /** For phone calls: caller number and call time. */
  public record PhoneRecord(
      @Size(max = 40) String callerNumber, LocalTime callTime, @Size(max = 10000) String summary) {}

  /**
   * The same matter as a citizen's online submission (条例 Art. 17 信息网络): the ONLINE channel,
   * received on {@code receivedOn}; what only staff record (external number, repeat link, flags of
   * the desk, intake details) is left out.
   */
  public Registration asOnlineSubmission(LocalDate receivedOn) {
    return new Registration(
        Channel.ONLINE,
        receivedOn,
        receivedBy(),
        petitioners(),
        representatives(),
        persons(),
        collective(),
        regionCode(),
        subject(),
        facts(),
        request(),
        reasons(),
        category(),
        accused(),
        topic(),
        null,
        addressee(),
        null,
        litigationRelated(),
        null,
        null,
        null,
        null,
        evidence(),
        null,
        null,
        null);
  }
}
