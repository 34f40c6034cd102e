package org.xinfang.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.notice.NoticeContent.Acceptance;
import org.xinfang.notice.NoticeContent.Addressee;
import org.xinfang.notice.NoticeContent.Diversion;
import org.xinfang.notice.NoticeContent.Extension;
import org.xinfang.notice.NoticeContent.Issuer;
import org.xinfang.notice.NoticeContent.Matter;
import org.xinfang.notice.NoticeContent.Opinion;
import org.xinfang.notice.NoticeContent.Prior;
import org.xinfang.notice.NoticeContent.Refusal;
import org.xinfang.notice.NoticeContent.Remedy;
import org.xinfang.notice.NoticeContent.RemedyKind;
import org.xinfang.notice.NoticeContent.Routing;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.DeclineGround;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.shared.LawViolation;

/**
 * What each notice must contain before it is issued (NOTICES.md; 条例 Art. 32): one test per kind, a
 * complete notice passes, and leaving out what the kind requires keeps it a draft.
 */
class NoticeRequirementsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  private static final Issuer ISSUER = new Issuer("dl-rsj", "大连市人力资源和社会保障局", "大连市人力资源和社会保障局", null);
  private static final Matter MATTER =
      new Matter(
          "p1",
          "大信〔2026〕第00001号",
          null,
          "ABCDEFGHJK",
          DAY,
          "大连市信访局",
          Channel.LETTER,
          "拖欠农民工工资",
          "支付拖欠的工资。",
          "某公司拖欠三个月工资。",
          null,
          Category.GRIEVANCE,
          Pathway.PETITION_HANDLING);
  private static final Addressee ADDRESSEE = new Addressee("张三", "大连市中山区友好街1号", true);
  private static final Prior OPINION =
      new Prior(
          NoticeKind.OPINION, "大连市人力资源和社会保障局", "大人社信处〔2026〕1号", DAY, Outcome.NOT_SUPPORT, "工资已结清。");
  private static final Prior REVIEW =
      new Prior(
          NoticeKind.REVIEW_OPINION,
          "辽宁省人力资源和社会保障厅",
          "辽人社信复查〔2026〕1号",
          DAY,
          Outcome.NOT_SUPPORT,
          "维持。");

  @Test
  @DisplayName("RECEIPT: the addressee, the matter received and the acceptance")
  void receipt() {
    NoticeContent c =
        content(NoticeKind.RECEIPT)
            .acceptance(
                new Acceptance(
                    DAY,
                    Category.GRIEVANCE,
                    Pathway.PETITION_HANDLING,
                    false,
                    60,
                    DAY.plusDays(60)))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(NoticeRequirements.missing(with(c).acceptance(null).build())).contains("acceptance");
    assertThat(
            NoticeRequirements.missing(with(c).addressee(new Addressee(null, null, true)).build()))
        .contains("addressee.name");
  }

  @Test
  @DisplayName("DECLINE: the reasons are mandatory")
  void decline() {
    NoticeContent c =
        content(NoticeKind.DECLINE)
            .refusal(
                new Refusal(DeclineGround.NOT_COMPETENT, "不属于本机关职权范围。", "大连市住房和城乡建设局", null, null))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c)
                    .refusal(new Refusal(DeclineGround.NOT_COMPETENT, " ", null, null, null))
                    .build()))
        .containsExactly("refusal.reasons (reasons are mandatory)");
  }

  @Test
  @DisplayName("FINAL_DECLINE: the ground and the reasons (条例 Art. 36 para. 3)")
  void finalDecline() {
    NoticeContent c =
        content(NoticeKind.FINAL_DECLINE)
            .citation("《信访工作条例》第三十六条第三款")
            .refusal(new Refusal(DeclineGround.FINAL_AFTER_RE_REVIEW, "同一事实和理由。", null, null, null))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(NoticeRequirements.missing(with(c).refusal(null).build())).contains("refusal");
    assertThat(NoticeRequirements.missing(with(c).citation("").build()))
        .contains("citation (the article the notice rests on)");
  }

  @Test
  @DisplayName(
      "FORWARD: the receiving organ and the day; no query code needed on an organ's letter")
  void forward() {
    NoticeContent c =
        content(NoticeKind.FORWARD)
            .routing(
                new Routing(
                    "大连市信访局", "dl-rsj", "大连市人力资源和社会保障局", DAY, null, DAY.plusDays(5), false, null))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c)
                    .routing(new Routing("大连市信访局", "x", null, DAY, null, null, false, null))
                    .build()))
        .containsExactly("routing.toName (the receiving organ)");
  }

  @Test
  @DisplayName("ASSIGN: the result report's due date (条例 Art. 22 item 3)")
  void assign() {
    NoticeContent c =
        content(NoticeKind.ASSIGN)
            .routing(
                new Routing(
                    "大连市信访局",
                    "dl-rsj",
                    "大连市人力资源和社会保障局",
                    DAY,
                    DAY.plusDays(30),
                    DAY.plusDays(5),
                    true,
                    null))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c)
                    .routing(
                        new Routing(
                            "大连市信访局", "dl-rsj", "大连市人力资源和社会保障局", DAY, null, null, true, null))
                    .build()))
        .containsExactly("routing.reportDue (办结报告 due date)");
  }

  @Test
  @DisplayName("EXTENSION: the reason and the new due date (条例 Art. 34)")
  void extension() {
    NoticeContent c =
        content(NoticeKind.EXTENSION)
            .extension(new Extension(DAY, DAY.plusDays(60), 30, DAY.plusDays(90), "情况复杂", null))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c)
                    .extension(new Extension(DAY, DAY.plusDays(60), 30, null, "", null))
                    .build()))
        .containsExactly(
            "extension.newDue (the new due date)", "extension.reason (the reason, 条例 Art. 34)");
  }

  @Test
  @DisplayName("OPINION: no handling opinion without its legal basis (条例 Art. 32)")
  void opinion() {
    NoticeContent c =
        content(NoticeKind.OPINION)
            .opinion(
                new Opinion(
                    Outcome.NOT_SUPPORT,
                    "工资已结清。",
                    "《保障农民工工资支付条例》第三条",
                    null,
                    null,
                    null,
                    List.of(),
                    null))
            .remedy(new Remedy(RemedyKind.REVIEW, "辽宁省人力资源和社会保障厅", null, null, 30))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    NoticeContent withoutBasis = c.withBasis(null);
    assertThat(NoticeRequirements.missing(withoutBasis))
        .containsExactly("opinion.basis (the legal basis, 条例 Art. 32)");
    assertThatThrownBy(() -> NoticeRequirements.require(withoutBasis))
        .isInstanceOf(LawViolation.class)
        .extracting(e -> ((LawViolation) e).rule())
        .isEqualTo("notice-content (条例 Art. 32)");
    assertThat(NoticeRequirements.missing(withoutBasis.withBasis("《劳动法》第五十条"))).isEmpty();
    // an opinion for a petitioner without a name is still kept on file (addressed 信访人)
    assertThat(
            NoticeRequirements.missing(with(c).addressee(new Addressee(null, null, false)).build()))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "REVIEW_OPINION: the opinion reviewed, the respondent, the request date, the 复核 remedy")
  void reviewOpinion() {
    NoticeContent c =
        content(NoticeKind.REVIEW_OPINION)
            .opinion(
                new Opinion(
                    Outcome.NOT_SUPPORT,
                    "原处理意见正确。",
                    "《保障农民工工资支付条例》第三条",
                    ReviewOutcome.UPHOLD,
                    "大连市人力资源和社会保障局",
                    DAY,
                    List.of(OPINION),
                    null))
            .remedy(new Remedy(RemedyKind.RE_REVIEW, "辽宁省人民政府", null, null, 30))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c).remedy(new Remedy(RemedyKind.REVIEW, "x", null, null, 30)).build()))
        .containsExactly("remedy (RE_REVIEW)");
    assertThat(
            NoticeRequirements.missing(
                with(c)
                    .opinion(
                        new Opinion(
                            Outcome.SUPPORT,
                            "变更。",
                            null,
                            ReviewOutcome.VARY,
                            null,
                            null,
                            List.of(),
                            null))
                    .build()))
        .containsExactly(
            "opinion.basis (the legal basis, 条例 Art. 32)",
            "opinion.respondentName (the organ whose opinion is reviewed)",
            "opinion.requestedOn",
            "opinion.priors (the opinions reviewed)");
  }

  @Test
  @DisplayName("RE_REVIEW_OPINION: both earlier opinions, and finality instead of a remedy")
  void reReviewOpinion() {
    NoticeContent c =
        content(NoticeKind.RE_REVIEW_OPINION)
            .opinion(
                new Opinion(
                    Outcome.NOT_SUPPORT,
                    "复查意见正确。",
                    "《保障农民工工资支付条例》第三条",
                    ReviewOutcome.UPHOLD,
                    "辽宁省人力资源和社会保障厅",
                    DAY,
                    List.of(OPINION, REVIEW),
                    null))
            .remedy(new Remedy(RemedyKind.FINAL, null, null, null, null))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c)
                    .opinion(
                        new Opinion(
                            Outcome.NOT_SUPPORT,
                            "复查意见正确。",
                            "依据",
                            ReviewOutcome.UPHOLD,
                            "辽宁省人力资源和社会保障厅",
                            DAY,
                            List.of(OPINION),
                            null))
                    .remedy(new Remedy(RemedyKind.RE_REVIEW, "x", null, null, 30))
                    .build()))
        .containsExactly("opinion.priors (the opinions reviewed)", "remedy (FINAL)");
  }

  @Test
  @DisplayName("DIVERSION: the procedure and where to go (条例 Art. 31 items 1–4)")
  void diversion() {
    NoticeContent c =
        content(NoticeKind.DIVERSION)
            .diversion(new Diversion(Pathway.ARBITRATION, "向劳动人事争议仲裁委员会申请仲裁。"))
            .build();
    assertThat(NoticeRequirements.missing(c)).isEmpty();
    assertThat(
            NoticeRequirements.missing(
                with(c).diversion(new Diversion(Pathway.ARBITRATION, null)).build()))
        .containsExactly("diversion.guidance (where to go)");
  }

  @Test
  @DisplayName("every notice to the petitioner prints the petition number and the query code")
  void numberAndQueryCode() {
    NoticeContent c =
        content(NoticeKind.DIVERSION)
            .diversion(new Diversion(Pathway.ARBITRATION, "申请仲裁。"))
            .matter(
                new Matter(
                    "p1",
                    null,
                    null,
                    null,
                    DAY,
                    null,
                    Channel.LETTER,
                    "s",
                    null,
                    null,
                    null,
                    null,
                    null))
            .build();
    assertThat(NoticeRequirements.missing(c))
        .containsExactly("matter.number (信访件编号)", "matter.queryCode (查询码)");
  }

  // ------------------------------------------------------------------ fixtures

  private static Builder content(NoticeKind kind) {
    return new Builder()
        .kind(kind)
        .title("信访事项告知书")
        .issuer(ISSUER)
        .matter(MATTER)
        .addressee(ADDRESSEE)
        .citation("《信访工作条例》第二十三条");
  }

  private static Builder with(NoticeContent c) {
    return new Builder()
        .kind(c.kind())
        .title(c.title())
        .issuer(c.issuer())
        .matter(c.matter())
        .addressee(c.addressee())
        .citation(c.citation())
        .routing(c.routing())
        .acceptance(c.acceptance())
        .refusal(c.refusal())
        .extension(c.extension())
        .opinion(c.opinion())
        .remedy(c.remedy())
        .diversion(c.diversion());
  }

  /** Builds test contents part by part. */
  private static final class Builder {
    private NoticeKind kind;
    private String title;
    private Issuer issuer;
    private Matter matter;
    private Addressee addressee;
    private String citation;
    private Routing routing;
    private Acceptance acceptance;
    private Refusal refusal;
    private Extension extension;
    private Opinion opinion;
    private Remedy remedy;
    private Diversion diversion;

    Builder kind(NoticeKind v) {
      kind = v;
      return this;
    }

    Builder title(String v) {
      title = v;
      return this;
    }

    Builder issuer(Issuer v) {
      issuer = v;
      return this;
    }

    Builder matter(Matter v) {
      matter = v;
      return this;
    }

    Builder addressee(Addressee v) {
      addressee = v;
      return this;
    }

    Builder citation(String v) {
      citation = v;
      return this;
    }

    Builder routing(Routing v) {
      routing = v;
      return this;
    }

    Builder acceptance(Acceptance v) {
      acceptance = v;
      return this;
    }

    Builder refusal(Refusal v) {
      refusal = v;
      return this;
    }

    Builder extension(Extension v) {
      extension = v;
      return this;
    }

    Builder opinion(Opinion v) {
      opinion = v;
      return this;
    }

    Builder remedy(Remedy v) {
      remedy = v;
      return this;
    }

    Builder diversion(Diversion v) {
      diversion = v;
      return this;
    }

    NoticeContent build() {
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
          "/portal",
          null,
          null);
    }
  }
}
