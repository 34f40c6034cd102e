package org.xinfang.accountability;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.xinfang.notice.Pdf;
import org.xinfang.petition.DutyKind;

/**
 * A referral as the document sent to the discipline-inspection organ (移送函 / 问责建议书), laid out from
 * {@code templates/accountability/referral.html}: number, addressee, what was traced, a table of
 * the failures (petition number, organ, person, duty, due date, what happened, article) and the
 * remarks. Rendered for a reader who may read the referral.
 */
@Component
public class ReferralDocument {

  static final Map<DutyKind, String> DUTY =
      Map.of(
          DutyKind.ROUTE, "登记、转送、交办",
          DutyKind.NOTIFY_RECEIPT, "书面告知是否受理",
          DutyKind.DISPOSE, "检举控告受理或移交",
          DutyKind.DECIDE_OBJECTION, "处理异议",
          DutyKind.CONCLUDE, "办结信访事项",
          DutyKind.REPORT, "报送办理结果",
          DutyKind.REPORT_MAJOR, "报告重大、紧急信访事项",
          DutyKind.REVIEW, "提出复查意见",
          DutyKind.RE_REVIEW, "提出复核意见");

  static final Map<String, String> STATUS =
      Map.of("LATE", "逾期履行", "MISSED", "逾期未履行", "FOUND", "经查属实", "SUSPECTED", "待核实");

  private final Accountability accountability;
  private final ITemplateEngine templates;
  private final Pdf pdf;

  ReferralDocument(Accountability accountability, ITemplateEngine templates, Pdf pdf) {
    this.accountability = accountability;
    this.templates = templates;
    this.pdf = pdf;
  }

  /** A rendered document and the file name to offer it under. */
  public record Document(String fileName, byte[] pdf) {}

  /** The referral as PDF (for a user who may read it). */
  public Document pdf(String referralId) {
    Referral r = accountability.referral(referralId);
    byte[] bytes =
        pdf.render(
            html(r),
            new Pdf.Info("问责建议书 " + r.number(), r.organisationName(), "责任倒查", r.issuedOn()));
    return new Document("referral-" + r.issuedOn() + ".pdf", bytes);
  }

  String html(Referral r) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("r", r);
    context.setVariable("font", Pdf.FONT_FAMILY);
    context.setVariable(
        "rows",
        r.failures().stream()
            .map(
                f ->
                    new Row(
                        f.number(),
                        f.owedByName(),
                        f.user() == null ? "—" : f.user(),
                        f.duty() == null
                            ? f.kind().text()
                            : DUTY.getOrDefault(f.duty(), f.duty().name()),
                        f.due() == null ? "—" : f.due().toString(),
                        STATUS.getOrDefault(f.status(), f.status())
                            + (f.doneOn() != null && "LATE".equals(f.status())
                                ? "（" + f.doneOn() + "履行，逾期" + f.daysLate() + "日）"
                                : "MISSED".equals(f.status()) ? "（已逾期" + f.daysLate() + "日）" : ""),
                        FailureKind.chinese(f.article()) + "：" + f.kind().text()))
            .toList());
    return templates.process("accountability/referral", context);
  }

  /** One line of the failures table. */
  public record Row(
      String number,
      String organ,
      String person,
      String duty,
      String due,
      String what,
      String article) {}
}
