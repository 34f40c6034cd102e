package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.List;

/** A spot check (网上抽查) as the API shows it: the draw, its items and its pass rates. */
public record SpotCheck(
    String id,
    String organisationId,
    LocalDate from,
    LocalDate to,
    long seed,
    Stratification stratification,
    int size,
    int population,
    List<String> checklist,
    String drawnBy,
    LocalDate drawnOn,
    List<Item> items,
    List<PassRate> byOrgan,
    PassRate overall) {

  /** One sampled petition with its checklist. */
  public record Item(
      int seq,
      String petitionId,
      String petitionNumber,
      String subject,
      String handlingOrganisation,
      String handlingOrganisationName,
      LocalDate concludedOn,
      List<Answer> answers,
      SpotResult result,
      String remarks,
      String checkedBy,
      LocalDate checkedOn) {}

  /**
   * One checklist point.
   *
   * @param prefilled what the record says (null: the record cannot tell)
   * @param answer what the checker confirmed (null until checked)
   */
  public record Answer(String point, Boolean prefilled, Boolean answer) {}
}
