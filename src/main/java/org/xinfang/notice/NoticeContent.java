package org.xinfang.notice;

import java.time.LocalDate;
import java.util.List;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.DeclineGround;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.ReviewOutcome;

/**
 * Everything a notice's template prints, frozen when the notice is composed (stored as JSON with
 * the notice): the document renders the same bytes whenever it is rendered. The parts a kind does
 * not use are null; {@link NoticeRequirements} says which parts each kind must have.
 *
 * @param title the document's title, e.g. 信访事项不予受理告知书
 * @param citation the articles the act rests on, as the document cites them
 * @param documentNumber the 文号, set when the notice is issued
 * @param issuedOn the date printed, set when the notice is issued
 */
record NoticeContent(
    NoticeKind kind,
    String title,
    Issuer issuer,
    Matter matter,
    Addressee addressee,
    String citation,
    Routing routing,
    Acceptance acceptance,
    Refusal refusal,
    Extension extension,
    Opinion opinion,
    Remedy remedy,
    Diversion diversion,
    String portalAddress,
    String documentNumber,
    LocalDate issuedOn) {

  /** The organ in whose name the notice is issued. */
  record Issuer(String id, String name, String seal, String address) {}

  /** The petition as registered (条例 Art. 19; NOTICES.md registration record). */
  record Matter(
      String petitionId,
      String number,
      String externalNumber,
      String queryCode,
      LocalDate receivedOn,
      String receivedByName,
      Channel channel,
      String subject,
      String request,
      String facts,
      String reasons,
      Category category,
      Pathway pathway) {}

  /**
   * The petitioner the notice is addressed to.
   *
   * @param name the lead petitioner's name, with 等N人 for several persons; null when unnamed
   */
  record Addressee(String name, String address, boolean noticeOwed) {}

  /**
   * Where the matter went (转送 / 交办), or, on a receipt, who routed it here and when.
   *
   * @param objectionDue the receiving organ's last day to object (5 working days, 条例 Art. 23 para.
   *     3)
   */
  record Routing(
      String fromName,
      String toId,
      String toName,
      LocalDate on,
      LocalDate reportDue,
      LocalDate objectionDue,
      boolean assigned,
      Boolean relay) {

    /** To a lower petition bureau, which registers the matter and routes it on (条例 Art. 22). */
    public boolean relayed() {
      return Boolean.TRUE.equals(relay);
    }
  }

  /**
   * 受理: the procedure and its time limit.
   *
   * @param period the handling period in days (60, or 10 working days when simplified), null when
   *     the pathway has no handling clock
   * @param dueOn the day the matter must be concluded, null without a handling clock
   */
  record Acceptance(
      LocalDate acceptedOn,
      Category category,
      Pathway pathway,
      boolean simplified,
      Integer period,
      LocalDate dueOn) {}

  /** 不予受理 / 不再受理: the ground and reasons, where to go instead, and (不再受理) the earlier matter. */
  record Refusal(
      DeclineGround ground,
      String reasons,
      String competentOrganName,
      String competentOrganAddress,
      Earlier earlier) {}

  /** The earlier, final matter and its re-review opinion (不再受理告知书). */
  record Earlier(
      String number, String opinionNumber, LocalDate opinionOn, String opinionOrganName) {}

  /** 延期 (条例 Art. 34). */
  record Extension(
      LocalDate acceptedOn,
      LocalDate originalDue,
      int days,
      LocalDate newDue,
      String reason,
      String approvedBy) {}

  /**
   * A written answer on the merits: the handling opinion, the review or the re-review.
   *
   * @param outcome the outcome now in force (for a review: the upheld or the varied one)
   * @param basis the legal and policy basis (instrument and article, 条例 Art. 32)
   * @param reviewOutcome 维持 or 变更, for a review or re-review
   * @param respondentName the organ whose opinion is reviewed
   * @param requestedOn the day the review or re-review was requested
   * @param priors the earlier opinions on the matter, oldest first
   * @param hearing what the hearing found, when one was held (条例 Art. 36 para. 2)
   */
  record Opinion(
      Outcome outcome,
      String text,
      String basis,
      ReviewOutcome reviewOutcome,
      String respondentName,
      LocalDate requestedOn,
      List<Prior> priors,
      String hearing) {

    Opinion withBasis(String newBasis) {
      return new Opinion(
          outcome, text, newBasis, reviewOutcome, respondentName, requestedOn, priors, hearing);
    }
  }

  /** An earlier opinion on the matter: its organ, 文号 (when the notice exists), date and outcome. */
  record Prior(
      NoticeKind kind,
      String organName,
      String documentNumber,
      LocalDate on,
      Outcome outcome,
      String text) {}

  /**
   * What the petitioner may do next.
   *
   * @param organName where (null at the top of the tree: "the organ one level up")
   * @param alternativeOrganName the other organ the petitioner may choose instead, if any
   * @param days the window (30 days, from the law profile)
   */
  record Remedy(
      RemedyKind kind,
      String organName,
      String organAddress,
      String alternativeOrganName,
      Integer days) {}

  /** The remedy sentence by track (NOTICES.md). */
  enum RemedyKind {
    /** A pathway-6 opinion: 复查 (条例 Art. 35). */
    REVIEW,
    /** A review opinion: 复核 (条例 Art. 36). */
    RE_REVIEW,
    /** A duty-performance answer (pathway 5): administrative reconsideration or litigation. */
    RECONSIDERATION_OR_LITIGATION,
    /** A re-review opinion: final, not accepted again (条例 Art. 36 para. 3). */
    FINAL,
    /** Suggestions and accusations: no remedy paragraph. */
    NONE
  }

  /** 导入: the procedure the matter belongs to, and the guidance given. */
  record Diversion(Pathway pathway, String guidance) {}

  /** The content with its legal basis completed by staff. */
  NoticeContent withBasis(String basis) {
    if (opinion == null) {
      return this;
    }
    return new NoticeContent(
        kind,
        title,
        issuer,
        matter,
        addressee,
        citation,
        routing,
        acceptance,
        refusal,
        extension,
        opinion.withBasis(basis),
        remedy,
        diversion,
        portalAddress,
        documentNumber,
        issuedOn);
  }

  /** The content as issued: numbered and dated. */
  NoticeContent issued(String number, LocalDate on) {
    return new NoticeContent(
        kind,
        title,
        issuer,
        matter,
        addressee,
        citation,
        routing,
        acceptance,
        refusal,
        extension,
        opinion,
        remedy,
        diversion,
        portalAddress,
        number,
        on);
  }
}
