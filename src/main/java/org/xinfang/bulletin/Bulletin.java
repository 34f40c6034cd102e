package org.xinfang.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bulletin: what it covers, its sections, the reviewer's remarks, where it stands, its history.
 */
public record Bulletin(
    String id,
    String organisationId,
    String organisationName,
    LocalDate from,
    LocalDate to,
    BulletinStatus status,
    String number,
    List<BulletinSection.Content> sections,
    String remarks,
    LocalDate generatedOn,
    String generatedBy,
    OffsetDateTime generatedAt,
    LocalDate publishedOn,
    String publishedBy,
    List<BulletinEvent> history) {

  /** One act on a bulletin. */
  public record BulletinEvent(
      String act,
      LocalDate on,
      String actor,
      String organisationId,
      OffsetDateTime at,
      String basis,
      String detail) {}

  /** A bulletin as the list shows it. */
  public record Summary(
      String id,
      String organisationId,
      String organisationName,
      LocalDate from,
      LocalDate to,
      BulletinStatus status,
      String number,
      LocalDate publishedOn) {}
}
