package org.xinfang.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.HistoryEvent;
import org.xinfang.petition.NoticeIssued;
import org.xinfang.petition.PetitionActed;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.shared.LawViolation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues the notice each act requires, in the act's own transaction (the event is published
 * synchronously inside it): composed, checked against {@link NoticeRequirements}, numbered, stored,
 * and recorded as an {@code issue-notice} act in the history. A notice lacking required content is
 * stored as a draft instead, with no number and no history event, for staff to complete.
 */
@Component
class NoticeIssuer {

  private static final Logger log = LoggerFactory.getLogger(NoticeIssuer.class);

  /** China Standard Time, where every date of the law is counted. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PetitionService petitions;
  private final Organisations organisations;
  private final NoticeComposer composer;
  private final NoticeStore store;
  private final DocumentNumbers numbers;
  private final JsonMapper json;
  private final Clock clock;

  NoticeIssuer(
      PetitionService petitions,
      Organisations organisations,
      NoticeComposer composer,
      NoticeStore store,
      DocumentNumbers numbers,
      JsonMapper json,
      Clock clock) {
    this.petitions = petitions;
    this.organisations = organisations;
    this.composer = composer;
    this.store = store;
    this.numbers = numbers;
    this.json = json;
    this.clock = clock;
  }

  /** An act was recorded: issue the notice it requires, if any. */
  @EventListener
  public void on(PetitionActed acted) {
    HistoryEvent e = acted.event();
    if (NoticeComposer.kindOf(e) == null) {
      return;
    }
    PetitionView petition = petitions.getWithoutScope(acted.petitionId());
    composer.compose(e, petition).ifPresent(content -> create(e, petition, content));
  }

  private void create(HistoryEvent e, PetitionView petition, NoticeContent content) {
    String id = UUID.randomUUID().toString();
    String issuer = content.issuer().id();
    List<String> missing = NoticeRequirements.missing(content);
    if (!missing.isEmpty()) {
      log.info(
          "{} of petition {} kept as a draft: missing {}", content.kind(), petition.id(), missing);
      store.insert(
          new NoticeStore.Row(
              id,
              petition.id(),
              content.kind(),
              NoticeStatus.DRAFT,
              e.seq(),
              null,
              null,
              issuer,
              json.writeValueAsString(content),
              now(),
              null,
              null));
      return;
    }
    LocalDate on = e.on();
    String number = numbers.next(organisations.get(issuer), content.kind(), on.getYear());
    NoticeContent issued = content.issued(number, on);
    store.insert(
        new NoticeStore.Row(
            id,
            petition.id(),
            content.kind(),
            NoticeStatus.ISSUED,
            e.seq(),
            number,
            on,
            issuer,
            json.writeValueAsString(issued),
            now(),
            null,
            null));
    // issued with the act, by whoever did it: the bootstrap admin's notice is marked like the act
    petitions.recordNoticeIssued(
        petition.id(),
        new NoticeIssued(on, content.kind().name(), number, id, article(content)),
        e.by(),
        e.organisationId() != null ? e.organisationId() : issuer,
        e.adminAct());
  }

  /**
   * Completes a draft with its legal basis and issues it today, by {@code by} for the issuing
   * organisation (marked as an admin act when {@code by} is the bootstrap admin); refused (409)
   * while required content is still missing.
   */
  NoticeStore.Row issueDraft(NoticeStore.Row draft, String basis, Actor by) {
    if (draft.status() != NoticeStatus.DRAFT) {
      throw new LawViolation(
          "notice-issued-once (NOTICES.md)",
          "This notice was issued as " + draft.documentNumber() + "; an issued notice is final.");
    }
    NoticeContent content = json.readValue(draft.content(), NoticeContent.class);
    if (basis != null && !basis.isBlank()) {
      content = content.withBasis(basis.strip());
    }
    NoticeRequirements.require(content);
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    String number =
        numbers.next(organisations.get(draft.issuedByOrg()), draft.kind(), today.getYear());
    NoticeContent issued = content.issued(number, today);
    if (!store.issue(draft.id(), number, today, json.writeValueAsString(issued))) {
      throw new LawViolation(
          "notice-issued-once (NOTICES.md)", "This notice was issued meanwhile.");
    }
    petitions.recordNoticeIssued(
        draft.petitionId(),
        new NoticeIssued(today, draft.kind().name(), number, draft.id(), article(content)),
        by.username(),
        draft.issuedByOrg(),
        by.bootstrapAdmin());
    return store.find(draft.id()).orElseThrow();
  }

  /**
   * The article the {@code issue-notice} act cites: that of the notice's own kind (条例 Art. 23 for
   * the receipt, Art. 32 for the handling opinion, ...), for a 不予受理 / 不再受理告知书 its decline ground's.
   */
  static String article(NoticeContent content) {
    NoticeKind kind = content.kind();
    if ((kind == NoticeKind.DECLINE || kind == NoticeKind.FINAL_DECLINE)
        && content.refusal() != null
        && content.refusal().ground() != null) {
      return content.refusal().ground().basis();
    }
    return kind.article();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), CHINA);
  }
}
