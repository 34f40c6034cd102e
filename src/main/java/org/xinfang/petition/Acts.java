package org.xinfang.petition;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The acts of API.md, one request record each ({@code POST /api/petitions/{id}/{act}}). Every act
 * takes an optional {@code on}: the day it happened, default today, never in the future and never
 * before the petition's previous act.
 */
public final class Acts {

  private Acts() {}

  /** Any act: the day it happened. */
  public sealed interface Act
      permits Forward,
          Assign,
          Objection,
          DecideObjection,
          Accept,
          Decline,
          Divert,
          Extend,
          Reply,
          Deliver,
          RequestReview,
          Review,
          RequestReReview,
          StartHearing,
          EndHearing,
          ReReview,
          Rate,
          Settle,
          Report,
          FollowUp,
          Resolve,
          FlagMajor,
          ReportMajor,
          LinkRepeat {
    LocalDate on();
  }

  /**
   * 转送 (条例 Art. 22). {@code toPetitionBureau} is the record's, not the caller's: set when the
   * matter went to a petition bureau, which registers it and routes it on within 15 days (Art. 22)
   * instead of handling it; whatever a request sends there is ignored.
   */
  public record Forward(
      LocalDate on,
      @NotBlank @Size(max = 64) String to,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @io.swagger.v3.oas.annotations.media.Schema(
              accessMode = io.swagger.v3.oas.annotations.media.Schema.AccessMode.READ_ONLY)
          Boolean toPetitionBureau)
      implements Act {

    public Forward(LocalDate on, String to) {
      this(on, to, null);
    }
  }

  /** 交办 with a result report due (条例 Art. 22 item 3). */
  public record Assign(
      LocalDate on, @NotBlank @Size(max = 64) String to, @NotNull LocalDate reportDue)
      implements Act {}

  /** The receiving organ objects: not within its competence (条例 Art. 23 para. 3). */
  public record Objection(LocalDate on, @NotBlank @Size(max = 10000) String reason)
      implements Act {}

  /** The sender decides an objection: accepted (re-route) or rejected (the organ must handle). */
  public record DecideObjection(
      LocalDate on, @NotNull Boolean accepted, @Size(max = 10000) String reason) implements Act {}

  /** 受理 with category and (for grievances) pathway; {@code simplified} = 简易办理. */
  public record Accept(
      LocalDate on,
      @NotNull Category category,
      Pathway pathway,
      Boolean simplified,
      Complexity complexity,
      Complexity suggestedComplexity)
      implements Act {

    /** An acceptance without a triage decision (the statutory clock). */
    public Accept(LocalDate on, Category category, Pathway pathway, Boolean simplified) {
      this(on, category, pathway, simplified, null, null);
    }
  }

  /**
   * Links this petition as a repeat (同人同事: same petitioner or representative, same facts and
   * request) of an earlier one: the basis of repeat counts, first-petition status and the 不再受理
   * check (条例 Art. 36 para. 3).
   */
  public record LinkRepeat(
      LocalDate on,
      @NotBlank @Size(max = 64) String earlierPetition,
      @Size(max = 2000) String basis)
      implements Act {}

  /** 不予受理 / 不再受理 with a ground of LAW.md §3 and the reasons. */
  public record Decline(
      LocalDate on,
      @NotNull DeclineGround ground,
      @NotBlank @Size(max = 10000) String detail,
      @Size(max = 64) String competentOrganisation,
      @Size(max = 64) String earlierPetition)
      implements Act {}

  /** 导入 into a legal procedure (条例 Art. 31 items 1–4). */
  public record Divert(
      LocalDate on, @NotNull Pathway pathway, @NotBlank @Size(max = 10000) String guidance)
      implements Act {}

  /** 延期: once, at most 30 days, approved by the organ's head (条例 Art. 34). */
  public record Extend(
      LocalDate on,
      @NotNull @Min(1) @Max(3660) Integer days,
      @NotBlank @Size(max = 10000) String reason,
      @Size(max = 100) String approvedBy)
      implements Act {}

  /** The handling opinion (条例 Art. 32). */
  public record Reply(
      LocalDate on,
      @NotNull Outcome outcome,
      @NotBlank @Size(max = 100000) String opinion,
      @Size(max = 10000) String basis)
      implements Act {}

  /** 送达: the petitioner received the latest written opinion. */
  public record Deliver(LocalDate on) implements Act {}

  /** 复查 requested (条例 Art. 35); {@code to} where the law gives a choice. */
  public record RequestReview(LocalDate on, @Size(max = 64) String to) implements Act {}

  /**
   * 复查意见; {@code redoDays}: the period the reviewer sets for a REDO; {@code basis}: the legal basis
   * the review opinion states (required on the notice of a VARY, which rests on its own).
   */
  public record Review(
      LocalDate on,
      @NotNull ReviewOutcome outcome,
      Outcome variedOutcome,
      @NotBlank @Size(max = 100000) String opinion,
      @Min(1) @Max(3660) Integer redoDays,
      @Size(max = 10000) String basis)
      implements Act {}

  /** 复核 requested (条例 Art. 36). */
  public record RequestReReview(LocalDate on, @Size(max = 64) String to) implements Act {}

  /** A hearing begins: the re-review clock pauses (条例 Art. 36 para. 2). */
  public record StartHearing(LocalDate on) implements Act {}

  /** The hearing ends: the re-review clock runs again. */
  public record EndHearing(LocalDate on, @Size(max = 10000) String summary) implements Act {}

  /**
   * 复核意见 (UPHOLD or VARY); the matter becomes final (条例 Art. 36 para. 3). {@code basis}: the legal
   * basis the re-review opinion states (required on the notice of a VARY).
   */
  public record ReReview(
      LocalDate on,
      @NotNull ReviewOutcome outcome,
      Outcome variedOutcome,
      @NotBlank @Size(max = 100000) String opinion,
      @Size(max = 10000) String basis)
      implements Act {}

  /** The petitioner's rating (条例 Art. 21). */
  public record Rate(
      LocalDate on,
      @NotNull Satisfaction satisfaction,
      RatingTarget target,
      @Size(max = 10000) String reason)
      implements Act {}

  /** Mediation or settlement with a recorded agreement (条例 Art. 33). */
  public record Settle(LocalDate on, @NotBlank @Size(max = 100000) String agreement)
      implements Act {}

  /** 办结报告 to the assigning organ (条例 Art. 22 item 3). */
  public record Report(LocalDate on, @NotBlank @Size(max = 100000) String summary) implements Act {}

  /** Follow-up work on a concluded matter (条例 Art. 37 para. 3). */
  public record FollowUp(LocalDate on, @NotBlank @Size(max = 100000) String note) implements Act {}

  /** 化解: the underlying conflict is settled — a fact separate from 办结. */
  public record Resolve(LocalDate on, @NotBlank @Size(max = 100000) String how) implements Act {}

  /** Flag a major or urgent matter (条例 Art. 25). */
  public record FlagMajor(LocalDate on, @NotBlank @Size(max = 10000) String reason)
      implements Act {}

  /** Report a major or urgent matter to the Party committee / government (条例 Art. 25). */
  public record ReportMajor(LocalDate on, @Size(max = 64) String to) implements Act {}
}
