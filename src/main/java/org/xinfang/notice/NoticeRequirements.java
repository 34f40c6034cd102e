package org.xinfang.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.xinfang.notice.NoticeContent.RemedyKind;
import org.xinfang.shared.LawViolation;

/**
 * The content a notice must have before it is issued, kind by kind (NOTICES.md, elements in order;
 * 条例 Art. 32 for the opinions): the one place this is decided. A notice missing any of it is kept
 * as a draft, and issuing it is refused until it is complete.
 */
final class NoticeRequirements {

  /** The rule a refused issue (or a draft's PDF) answers with. */
  static final String RULE = "notice-content (条例 Art. 32)";

  private NoticeRequirements() {}

  /** What is missing, as content paths with a word on each; empty when the notice may issue. */
  static List<String> missing(NoticeContent c) {
    List<String> missing = new ArrayList<>();
    Check check = new Check(missing);
    check.present("kind", c::kind);
    check.text("title", c::title);
    check.text("issuer.name", () -> c.issuer() == null ? null : c.issuer().name());
    check.present("matter", c::matter);
    check.text("citation (the article the notice rests on)", c::citation);
    if (c.matter() == null || c.kind() == null) {
      return missing;
    }
    var m = c.matter();
    check.text("matter.number (信访件编号)", m::number);
    if (c.kind().addressedToPetitioner()) {
      check.text("matter.queryCode (查询码)", m::queryCode);
      check.present("addressee", c::addressee);
    }
    switch (c.kind()) {
      case RECEIPT -> {
        receivedAndMatter(check, c);
        check.present("acceptance", c::acceptance);
        if (c.acceptance() != null) {
          check.present("acceptance.acceptedOn", c.acceptance()::acceptedOn);
          check.present("acceptance.category", c.acceptance()::category);
        }
        check.text("addressee.name", () -> c.addressee() == null ? null : c.addressee().name());
      }
      case DECLINE, FINAL_DECLINE -> {
        receivedAndMatter(check, c);
        check.present("refusal", c::refusal);
        if (c.refusal() != null) {
          check.present("refusal.ground", c.refusal()::ground);
          check.text("refusal.reasons (reasons are mandatory)", c.refusal()::reasons);
        }
        check.text("addressee.name", () -> c.addressee() == null ? null : c.addressee().name());
      }
      case FORWARD, ASSIGN -> {
        check.text("matter.subject", m::subject);
        check.present("routing", c::routing);
        if (c.routing() != null) {
          check.text("routing.toName (the receiving organ)", c.routing()::toName);
          check.present("routing.on", c.routing()::on);
          if (c.kind() == NoticeKind.ASSIGN) {
            check.present("routing.reportDue (办结报告 due date)", c.routing()::reportDue);
          }
        }
      }
      case EXTENSION -> {
        receivedAndMatter(check, c);
        check.present("extension", c::extension);
        if (c.extension() != null) {
          var x = c.extension();
          check.present("extension.acceptedOn", x::acceptedOn);
          check.present("extension.originalDue", x::originalDue);
          check.present("extension.newDue (the new due date)", x::newDue);
          check.text("extension.reason (the reason, 条例 Art. 34)", x::reason);
          if (x.days() < 1) {
            missing.add("extension.days");
          }
        }
        check.text("addressee.name", () -> c.addressee() == null ? null : c.addressee().name());
      }
      case OPINION, REVIEW_OPINION, RE_REVIEW_OPINION -> {
        receivedAndMatter(check, c);
        check.present("opinion", c::opinion);
        check.present("remedy", c::remedy);
        if (c.opinion() != null) {
          var o = c.opinion();
          check.present("opinion.outcome", o::outcome);
          check.text("opinion.text", o::text);
          check.text("opinion.basis (the legal basis, 条例 Art. 32)", o::basis);
          if (c.kind() != NoticeKind.OPINION) {
            check.present("opinion.reviewOutcome", o::reviewOutcome);
            check.text(
                "opinion.respondentName (the organ whose opinion is reviewed)", o::respondentName);
            check.present("opinion.requestedOn", o::requestedOn);
            int priors = c.kind() == NoticeKind.REVIEW_OPINION ? 1 : 2;
            if (o.priors() == null || o.priors().size() < priors) {
              missing.add("opinion.priors (the opinions reviewed)");
            }
          }
        }
        if (c.remedy() != null) {
          RemedyKind expected =
              switch (c.kind()) {
                case REVIEW_OPINION -> RemedyKind.RE_REVIEW;
                case RE_REVIEW_OPINION -> RemedyKind.FINAL;
                default -> null;
              };
          if (expected != null && c.remedy().kind() != expected) {
            missing.add("remedy (" + expected + ")");
          }
          if (c.remedy().kind() == RemedyKind.REVIEW || c.remedy().kind() == RemedyKind.RE_REVIEW) {
            check.present("remedy.days", c.remedy()::days);
          }
        }
      }
      case DIVERSION -> {
        receivedAndMatter(check, c);
        check.present("diversion", c::diversion);
        if (c.diversion() != null) {
          check.present("diversion.pathway", c.diversion()::pathway);
          check.text("diversion.guidance (where to go)", c.diversion()::guidance);
        }
        check.text("addressee.name", () -> c.addressee() == null ? null : c.addressee().name());
      }
    }
    return missing;
  }

  /** Throws the 409 of an incomplete notice. */
  static void require(NoticeContent c) {
    List<String> missing = missing(c);
    if (!missing.isEmpty()) {
      throw incomplete(missing);
    }
  }

  static LawViolation incomplete(List<String> missing) {
    return new LawViolation(
        RULE,
        "The notice cannot be issued without its required content; missing: "
            + String.join(", ", missing)
            + ".");
  }

  private static void receivedAndMatter(Check check, NoticeContent c) {
    check.present("matter.receivedOn", c.matter()::receivedOn);
    check.present("matter.channel", c.matter()::channel);
    check.text("matter.subject", c.matter()::subject);
  }

  private record Check(List<String> missing) {
    void present(String what, Supplier<?> value) {
      if (value.get() == null) {
        missing.add(what);
      }
    }

    void text(String what, Supplier<String> value) {
      String v = value.get();
      if (v == null || v.isBlank()) {
        missing.add(what);
      }
    }
  }
}
