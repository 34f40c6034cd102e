package org.xinfang.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.access.AccessPolicy;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.Role;
import org.xinfang.petition.PetitionService;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * The written notices of a petition, for the API, the workbench and the portal: list them, fetch
 * one as PDF (rendered on first request, then kept unchanged), and complete and issue a draft.
 */
@Service
public class Notices {

  /** Who may complete and issue a draft for the issuing organisation. */
  private static final Set<Role> ISSUERS = EnumSet.of(Role.HANDLER, Role.LEADER);

  private final NoticeStore store;
  private final NoticeIssuer issuer;
  private final NoticeRenderer renderer;
  private final PetitionService petitions;
  private final CurrentActor currentActor;
  private final AccessPolicy access;
  private final MessageSource messages;
  private final JsonMapper json;
  private final Clock clock;

  Notices(
      NoticeStore store,
      NoticeIssuer issuer,
      NoticeRenderer renderer,
      PetitionService petitions,
      CurrentActor currentActor,
      AccessPolicy access,
      MessageSource messages,
      JsonMapper json,
      Clock clock) {
    this.store = store;
    this.issuer = issuer;
    this.renderer = renderer;
    this.petitions = petitions;
    this.currentActor = currentActor;
    this.access = access;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  /**
   * A petition's notices, drafts included, in the order of the acts that required them; titles in
   * the current locale.
   *
   * @throws NotFound for an unknown petition
   */
  @Transactional(readOnly = true)
  public List<NoticeSummary> list(String petitionId) {
    List<NoticeStore.Row> rows = store.list(petitionId);
    if (rows.isEmpty() && !petitions.exists(petitionId)) {
      throw new NotFound("No petition " + petitionId);
    }
    return rows.stream().map(this::summary).toList();
  }

  /** The issued notices addressed to the petitioner (what the portal shows). */
  @Transactional(readOnly = true)
  public List<NoticeSummary> listForPetitioner(String petitionId) {
    return list(petitionId).stream()
        .filter(n -> n.status() == NoticeStatus.ISSUED && n.kind().addressedToPetitioner())
        .toList();
  }

  /** One notice of a petition. */
  @Transactional(readOnly = true)
  public NoticeSummary get(String petitionId, String noticeId) {
    return summary(row(petitionId, noticeId));
  }

  /**
   * The notice as PDF: rendered on the first request and kept with its SHA-256; the same bytes ever
   * after.
   *
   * @throws NotFound for an unknown notice, or one of another petition
   * @throws org.xinfang.shared.LawViolation for a draft (rule {@value NoticeRequirements#RULE})
   */
  @Transactional
  public byte[] pdf(String petitionId, String noticeId) {
    NoticeStore.Row row = row(petitionId, noticeId);
    NoticeContent content = json.readValue(row.content(), NoticeContent.class);
    if (row.status() == NoticeStatus.DRAFT) {
      throw NoticeRequirements.incomplete(NoticeRequirements.missing(content));
    }
    NoticeStore.Row stored = store.findWithPdf(noticeId).orElseThrow();
    if (stored.pdf() != null) {
      return verified(stored);
    }
    byte[] pdf = renderer.pdf(content);
    if (store.keepPdf(noticeId, pdf, hex(NoticeRenderer.sha256(pdf)), now())) {
      return pdf;
    }
    // rendered at the same moment by another request: serve the one kept
    return verified(store.findWithPdf(noticeId).orElseThrow());
  }

  /**
   * Completes a draft with its legal basis and issues it: numbered, dated today, recorded as an
   * {@code issue-notice} act. Done by a handler or leader of the issuing organisation.
   *
   * @throws org.xinfang.shared.LawViolation while required content is still missing (rule {@value
   *     NoticeRequirements#RULE}), or when the notice is already issued
   */
  @Transactional
  public NoticeSummary issue(String petitionId, String noticeId, String basis) {
    NoticeStore.Row row = row(petitionId, noticeId);
    Actor actor = currentActor.get();
    if (!access.actsAnywhere(actor)) {
      if (ISSUERS.stream().noneMatch(actor::has)) {
        throw new Forbidden(
            "role (API.md Users)", "Issuing a notice needs one of the roles " + ISSUERS + ".");
      }
      if (!row.issuedByOrg().equals(actor.organisationId())) {
        throw new Forbidden(
            "own-organisation (API.md Users)",
            "A notice is issued by the organisation in whose name it is written.");
      }
    }
    return summary(issuer.issueDraft(row, basis, actor));
  }

  /** The localised title of a kind (e.g. 复查意见书 / Review opinion). */
  public String title(NoticeKind kind) {
    return messages.getMessage(
        "notice.kind." + kind.name(), null, kind.name(), LocaleContextHolder.getLocale());
  }

  private NoticeStore.Row row(String petitionId, String noticeId) {
    return store
        .find(noticeId)
        .filter(r -> r.petitionId().equals(petitionId))
        .orElseThrow(() -> new NotFound("No notice " + noticeId + " on petition " + petitionId));
  }

  private NoticeSummary summary(NoticeStore.Row r) {
    return new NoticeSummary(
        r.id(), r.kind(), r.documentNumber(), r.issuedOn(), r.status(), title(r.kind()));
  }

  private static byte[] verified(NoticeStore.Row stored) {
    if (!hex(NoticeRenderer.sha256(stored.pdf())).equals(stored.sha256())) {
      throw new IllegalStateException(
          "The stored PDF of notice " + stored.id() + " fails its SHA-256 check");
    }
    return stored.pdf();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), NoticeIssuer.CHINA);
  }
}
