package org.xinfang.portal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The written notices addressed to the petitioner, as the portal shows and serves them. */
interface PetitionerNotices {

  /** One issued notice addressed to the petitioner. */
  record Link(String id, String kind, String documentNumber, LocalDate issuedOn, String title) {}

  /** The issued notices of a petition addressed to the petitioner, in order of issue. */
  List<Link> list(String petitionId);

  /** The PDF of one of them; empty when it is not one of {@link #list}. */
  Optional<byte[]> pdf(String petitionId, String noticeId);
}
