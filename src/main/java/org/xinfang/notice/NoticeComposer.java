package org.xinfang.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xinfang.calendar.LawProfile;
import org.xinfang.calendar.WorkingCalendar;
import org.xinfang.notice.NoticeContent.Acceptance;
import org.xinfang.notice.NoticeContent.Addressee;
import org.xinfang.notice.NoticeContent.Diversion;
import org.xinfang.notice.NoticeContent.Earlier;
import org.xinfang.notice.NoticeContent.Extension;
import org.xinfang.notice.NoticeContent.Issuer;
import org.xinfang.notice.NoticeContent.Matter;
import org.xinfang.notice.NoticeContent.Opinion;
import org.xinfang.notice.NoticeContent.Prior;
import org.xinfang.notice.NoticeContent.Refusal;
import org.xinfang.notice.NoticeContent.Remedy;
import org.xinfang.notice.NoticeContent.RemedyKind;
import org.xinfang.notice.NoticeContent.Routing;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Duty;
import org.xinfang.petition.DutyKind;
import org.xinfang.petition.HistoryEvent;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.PetitionView.HistoryView;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.petition.ReviewOutcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * Composes the notice an act requires from the petition as it stands after the act (NOTICES.md, the
 * elements of each document): which notice, its addressee, and every fact the document prints.
 */
@Component
class NoticeComposer {

  /** Documents are written in Chinese whatever the language of the user who acted. */
  static final Locale DOCUMENT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final PetitionService petitions;
  private final Organisations organisations;
  private final WorkingCalendar calendar;
  private final LawProfile profile;
  private final NoticeStore store;
  private final NoticeProperties properties;
  private final MessageSource messages;
  private final JsonMapper json;

  NoticeComposer(
      PetitionService petitions,
      Organisations organisations,
      WorkingCalendar calendar,
      LawProfile profile,
      NoticeStore store,
      NoticeProperties properties,
      MessageSource messages,
      JsonMapper json) {
    this.petitions = petitions;
    this.organisations = organisations;
    this.calendar = calendar;
    this.profile = profile;
    this.store = store;
    this.properties = properties;
    this.messages = messages;
    this.json = json;
  }

  /**
   * The notice an act requires, if any: accept → 受理告知书, decline → 不予受理 / 不再受理告知书, forward → 转送函,
   * assign → 交办单, extend → 延期告知书, reply → 信访处理意见书, review (维持 / 变更) → 复查意见书, re-review → 复核意见书,
   * divert → 导入告知书.
   */
  static NoticeKind kindOf(HistoryEvent e) {
    Object p = e.payload();
    if (p instanceof Acts.Accept) return NoticeKind.RECEIPT;
    if (p instanceof Acts.Decline d) {
      return d.ground().isFinalDecline() ? NoticeKind.FINAL_DECLINE : NoticeKind.DECLINE;
    }
    if (p instanceof Acts.Forward) return NoticeKind.FORWARD;
    if (p instanceof Acts.Assign) return NoticeKind.ASSIGN;
    if (p instanceof Acts.Extend) return NoticeKind.EXTENSION;
    if (p instanceof Acts.Reply) return NoticeKind.OPINION;
    if (p instanceof Acts.Review r) {
      // 撤销并责令重新办理: the original organ issues a new opinion, which carries the notice
      return r.outcome() == ReviewOutcome.REDO ? null : NoticeKind.REVIEW_OPINION;
    }
    if (p instanceof Acts.ReReview) return NoticeKind.RE_REVIEW_OPINION;
    if (p instanceof Acts.Divert) return NoticeKind.DIVERSION;
    return null;
  }

  /**
   * The content of the notice the act requires; empty when it requires none, or when the notice
   * would go to a petitioner whose name or address is unclear (条例 Art. 23 para. 2: no written
   * notice is owed). Opinions are composed in any case: they are the written decision on file.
   */
  Optional<NoticeContent> compose(HistoryEvent e, PetitionView p) {
    NoticeKind kind = kindOf(e);
    if (kind == null) {
      return Optional.empty();
    }
    if (kind.addressedToPetitioner() && !kind.isOpinion() && !p.noticeOwed()) {
      return Optional.empty();
    }
    Organisation organ =
        organisations.get(
            e.organisationId() != null ? e.organisationId() : p.handlingOrganisation());
    NoticeProperties.Organ settings = properties.organ(organ.id());
    Issuer issuer =
        new Issuer(
            organ.id(),
            organ.name(),
            settings.seal() != null && !settings.seal().isBlank() ? settings.seal() : organ.name(),
            settings.address());
    Matter matter =
        new Matter(
            p.id(),
            p.number(),
            p.externalNumber(),
            p.queryCode(),
            p.receivedOn(),
            name(p.receivedBy()),
            p.channel(),
            p.subject(),
            p.request(),
            p.facts(),
            p.reasons(),
            p.category(),
            p.pathway());
    Builder b = new Builder(kind, title(kind), issuer, matter, addressee(p));
    b.citation = e.article();
    Object payload = e.payload();
    switch (kind) {
      case RECEIPT -> receipt(b, (Acts.Accept) payload, e, p);
      case DECLINE, FINAL_DECLINE -> refusal(b, (Acts.Decline) payload, p);
      case FORWARD -> {
        Acts.Forward f = (Acts.Forward) payload;
        b.routing = routing(organ.name(), f.to(), e.on(), null, p, false, f.toPetitionBureau());
      }
      case ASSIGN -> {
        Acts.Assign a = (Acts.Assign) payload;
        b.routing = routing(organ.name(), a.to(), e.on(), a.reportDue(), p, true, null);
      }
      case EXTENSION -> extension(b, (Acts.Extend) payload, p);
      case OPINION -> {
        b.routing = routedHere(p, e.seq(), organ.id());
        b.acceptance =
            new Acceptance(p.acceptedOn(), p.category(), p.pathway(), p.simplified(), null, null);
        opinion(b, (Acts.Reply) payload, organ, p);
      }
      case REVIEW_OPINION -> review(b, (Acts.Review) payload, e, organ, p);
      case RE_REVIEW_OPINION -> reReview(b, (Acts.ReReview) payload, e, p);
      case DIVERSION -> {
        Acts.Divert d = (Acts.Divert) payload;
        b.diversion = new Diversion(d.pathway(), d.guidance());
      }
    }
    String configured = properties.citations().get(kind);
    b.citation =
        configured != null && !configured.isBlank()
            ? configured.strip()
            : ChineseText.citation(b.citation);
    return Optional.of(b.build(properties.portalAddress()));
  }

  // ---------------------------------------------------------------- per kind

  /** 受理告知书: who routed it here and when, the procedure and its time limit (条例 Art. 23). */
  private void receipt(Builder b, Acts.Accept a, HistoryEvent e, PetitionView p) {
    b.citation = "条例 Art. 23; " + e.article();
    b.routing = routedHere(p, e.seq(), b.issuer.id());
    boolean simplified = Boolean.TRUE.equals(a.simplified());
    Integer period = null;
    LocalDate due = null;
    if (a.pathway() != null && a.pathway().hasHandlingClock()) {
      period = profile.rule(simplified ? "conclude-simple" : "conclude").length();
      due = due(p, DutyKind.CONCLUDE);
    }
    b.acceptance =
        new Acceptance(p.acceptedOn(), a.category(), a.pathway(), simplified, period, due);
  }

  /** Who routed the matter to this organ and when (转送 / 交办), if it was routed here. */
  private Routing routedHere(PetitionView p, int beforeSeq, String organId) {
    Routing routing = null;
    for (HistoryView h : p.history()) {
      if (h.seq() >= beforeSeq) {
        break;
      }
      if (h.details() instanceof Acts.Forward f && f.to().equals(organId)) {
        routing =
            new Routing(name(h.organisationId()), f.to(), null, h.on(), null, null, false, null);
      } else if (h.details() instanceof Acts.Assign x && x.to().equals(organId)) {
        routing =
            new Routing(
                name(h.organisationId()), x.to(), null, h.on(), x.reportDue(), null, true, null);
      }
    }
    return routing;
  }

  /** 不予受理 / 不再受理告知书: the reasons, where to go instead, and the earlier final matter. */
  private void refusal(Builder b, Acts.Decline d, PetitionView p) {
    String competentName = null;
    String competentAddress = null;
    if (d.competentOrganisation() != null) {
      competentName = name(d.competentOrganisation());
      competentAddress = properties.organ(d.competentOrganisation()).address();
    }
    Earlier earlier = null;
    if (d.ground().isFinalDecline()) {
      String earlierId = d.earlierPetition() != null ? d.earlierPetition() : p.repeatOf();
      if (earlierId != null) {
        earlier = earlier(earlierId);
      }
    }
    b.refusal = new Refusal(d.ground(), d.detail(), competentName, competentAddress, earlier);
  }

  private Earlier earlier(String earlierId) {
    PetitionView ep = petitions.getWithoutScope(earlierId);
    Optional<NoticeStore.Row> notice =
        store.latestIssued(earlierId, NoticeKind.RE_REVIEW_OPINION, null);
    if (notice.isPresent()) {
      NoticeStore.Row n = notice.get();
      return new Earlier(ep.number(), n.documentNumber(), n.issuedOn(), name(n.issuedByOrg()));
    }
    HistoryView reReview = last(ep.history(), Acts.ReReview.class, Integer.MAX_VALUE);
    return reReview == null
        ? new Earlier(ep.number(), null, null, null)
        : new Earlier(ep.number(), null, reReview.on(), name(reReview.organisationId()));
  }

  /** 转送 / 交办: where it went, the report due and the receiving organ's objection window. */
  private Routing routing(
      String fromName,
      String to,
      LocalDate on,
      LocalDate reportDue,
      PetitionView p,
      boolean assigned,
      Boolean relay) {
    // relayed down, the bureau registers and routes it on: it has no objection to raise
    LocalDate objectionDue = Boolean.TRUE.equals(relay) ? null : due(p, DutyKind.OBJECT);
    return new Routing(fromName, to, name(to), on, reportDue, objectionDue, assigned, relay);
  }

  /** 延期告知书 (条例 Art. 34): accepted on, the original and the new due date, the reason. */
  private void extension(Builder b, Acts.Extend x, PetitionView p) {
    LocalDate accepted = p.acceptedOn();
    LocalDate original =
        accepted == null ? null : calendar.due(accepted, profile.rule("conclude")).date();
    b.extension =
        new Extension(
            accepted, original, x.days(), due(p, DutyKind.CONCLUDE), x.reason(), x.approvedBy());
  }

  /** 信访处理意见书 (条例 Arts. 31–32) and its remedy by track. */
  private void opinion(Builder b, Acts.Reply r, Organisation organ, PetitionView p) {
    if (p.pathway() != null) {
      b.citation = "条例 Art. 31 item " + p.pathway().item() + "; " + b.citation;
    }
    b.opinion = new Opinion(r.outcome(), r.opinion(), r.basis(), null, null, null, List.of(), null);
    Pathway pathway = p.pathway();
    if (pathway == Pathway.PETITION_HANDLING) {
      b.remedy = appeal(RemedyKind.REVIEW, organ, "review-window");
    } else if (pathway == Pathway.DUTY_PERFORMANCE) {
      b.remedy = new Remedy(RemedyKind.RECONSIDERATION_OR_LITIGATION, null, null, null, null);
    } else {
      b.remedy = new Remedy(RemedyKind.NONE, null, null, null, null);
    }
  }

  /** 复查意见书 (条例 Art. 35): the opinion reviewed, the outcome and the re-review remedy. */
  private void review(
      Builder b, Acts.Review rv, HistoryEvent e, Organisation organ, PetitionView p) {
    HistoryView reply = last(p.history(), Acts.Reply.class, e.seq());
    HistoryView request = last(p.history(), Acts.RequestReview.class, e.seq());
    List<Prior> priors = new ArrayList<>();
    Outcome original = null;
    String basis = null;
    if (reply != null) {
      Below below = handlingOpinion(p, reply, priors);
      original = below.outcome();
      basis = below.basis();
    }
    boolean upheld = rv.outcome() == ReviewOutcome.UPHOLD;
    b.opinion =
        new Opinion(
            upheld ? original : rv.variedOutcome(),
            rv.opinion(),
            // the basis the review states; else an upheld one rests on the basis it upholds, and
            // a varied one stays a draft until its own basis is given
            stated(rv.basis(), upheld ? basis : null),
            rv.outcome(),
            reply == null ? null : name(reply.organisationId()),
            request == null ? null : request.on(),
            priors,
            null);
    b.remedy = appeal(RemedyKind.RE_REVIEW, organ, "re-review-window");
  }

  /** The handling opinion a review or re-review looks back on: its outcome and legal basis. */
  private record Below(Outcome outcome, String basis) {}

  /** Adds the handling opinion to the procedural history and returns its outcome and basis. */
  private Below handlingOpinion(PetitionView p, HistoryView reply, List<Prior> priors) {
    Acts.Reply r = (Acts.Reply) reply.details();
    Optional<NoticeStore.Row> notice = store.latestIssued(p.id(), NoticeKind.OPINION, reply.seq());
    priors.add(
        new Prior(
            NoticeKind.OPINION,
            name(reply.organisationId()),
            notice.map(NoticeStore.Row::documentNumber).orElse(null),
            reply.on(),
            r.outcome(),
            r.opinion()));
    return new Below(r.outcome(), notice.map(this::basisOf).orElse(r.basis()));
  }

  /** 复核意见书 (条例 Art. 36): the procedural history, the hearing, and finality (para. 3). */
  private void reReview(Builder b, Acts.ReReview rr, HistoryEvent e, PetitionView p) {
    HistoryView request = last(p.history(), Acts.RequestReReview.class, e.seq());
    HistoryView reply = last(p.history(), Acts.Reply.class, e.seq());
    HistoryView review = null;
    for (HistoryView h : p.history()) {
      if (h.seq() >= e.seq()) {
        break;
      }
      if (h.details() instanceof Acts.Review r
          && r.outcome() != ReviewOutcome.REDO
          && (reply == null || h.seq() > reply.seq())) {
        review = h;
      }
    }
    List<Prior> priors = new ArrayList<>();
    Outcome reviewed = null;
    String basis = null;
    if (reply != null) {
      Below below = handlingOpinion(p, reply, priors);
      reviewed = below.outcome();
      basis = below.basis();
    }
    if (review != null) {
      Acts.Review r = (Acts.Review) review.details();
      Optional<NoticeStore.Row> notice =
          store.latestIssued(p.id(), NoticeKind.REVIEW_OPINION, review.seq());
      if (r.outcome() == ReviewOutcome.VARY) {
        reviewed = r.variedOutcome();
      }
      priors.add(
          new Prior(
              NoticeKind.REVIEW_OPINION,
              name(review.organisationId()),
              notice.map(NoticeStore.Row::documentNumber).orElse(null),
              review.on(),
              reviewed,
              r.opinion()));
      basis =
          notice
              .map(this::basisOf)
              .orElse(stated(r.basis(), r.outcome() == ReviewOutcome.VARY ? null : basis));
    }
    boolean upheld = rr.outcome() == ReviewOutcome.UPHOLD;
    b.opinion =
        new Opinion(
            upheld ? reviewed : rr.variedOutcome(),
            rr.opinion(),
            // as for the review: the re-review's own basis, else the one it upholds
            stated(rr.basis(), upheld ? basis : null),
            rr.outcome(),
            review == null ? null : name(review.organisationId()),
            request == null ? null : request.on(),
            priors,
            hearing(p, request == null ? 0 : request.seq(), e.seq()));
    b.remedy = new Remedy(RemedyKind.FINAL, null, null, null, null);
  }

  /** The hearing held during the re-review (条例 Art. 36 para. 2), in the document's words. */
  private static String hearing(PetitionView p, int from, int to) {
    LocalDate start = null;
    StringBuilder text = new StringBuilder();
    for (HistoryView h : p.history()) {
      if (h.seq() <= from || h.seq() >= to) {
        continue;
      }
      if (h.details() instanceof Acts.StartHearing) {
        start = h.on();
      } else if (h.details() instanceof Acts.EndHearing end) {
        text.append("本机关于")
            .append(ChineseText.date(start))
            .append(start != null && !start.equals(h.on()) ? "至" + ChineseText.date(h.on()) : "")
            .append("举行听证。");
        if (end.summary() != null && !end.summary().isBlank()) {
          text.append(end.summary().strip());
        }
      }
    }
    return text.isEmpty() ? null : text.toString();
  }

  /** The appeal one level up (LAW.md §6): the default organ first, then the petitioner's choice. */
  private Remedy appeal(RemedyKind kind, Organisation organ, String windowRule) {
    List<Organisation> up = organisations.reviewOrgans(organ.id());
    String first = up.isEmpty() ? null : up.get(0).name();
    String address = up.isEmpty() ? null : properties.organ(up.get(0).id()).address();
    String second = up.size() > 1 ? up.get(1).name() : null;
    return new Remedy(kind, first, address, second, profile.rule(windowRule).length());
  }

  // ---------------------------------------------------------------- helpers

  /** The basis an opinion states itself, stripped, or {@code otherwise} when it states none. */
  private static String stated(String own, String otherwise) {
    return own == null || own.isBlank() ? otherwise : own.strip();
  }

  private String basisOf(NoticeStore.Row notice) {
    NoticeContent c = json.readValue(notice.content(), NoticeContent.class);
    return c.opinion() == null ? null : c.opinion().basis();
  }

  private static HistoryView last(List<HistoryView> history, Class<?> type, int beforeSeq) {
    HistoryView found = null;
    for (HistoryView h : history) {
      if (h.seq() >= beforeSeq) {
        break;
      }
      if (type.isInstance(h.details())) {
        found = h;
      }
    }
    return found;
  }

  private static LocalDate due(PetitionView p, DutyKind kind) {
    return p.duties().stream()
        .filter(d -> d.duty() == kind)
        .map(Duty::due)
        .findFirst()
        .orElse(null);
  }

  private String name(String organisationId) {
    return organisationId == null
        ? null
        : organisations.find(organisationId).map(Organisation::name).orElse(organisationId);
  }

  private String title(NoticeKind kind) {
    return messages.getMessage("notice.document." + kind.name(), null, DOCUMENT_LOCALE);
  }

  /**
   * The petitioner addressed: the lead petitioner (or the first named one), with 等N人 when several
   * persons petition together.
   */
  static Addressee addressee(PetitionView p) {
    List<PetitionerData> people = p.petitioners() == null ? List.of() : p.petitioners();
    PetitionerData lead =
        people.stream()
            .filter(x -> Boolean.TRUE.equals(x.lead()) && !blank(x.name()))
            .findFirst()
            .orElse(people.stream().filter(x -> !blank(x.name())).findFirst().orElse(null));
    String name = lead == null ? null : lead.name().strip();
    if (name != null && p.persons() > 1) {
      name = name + "等" + p.persons() + "人";
    }
    String address =
        lead != null && !blank(lead.address())
            ? lead.address().strip()
            : people.stream()
                .map(PetitionerData::address)
                .filter(a -> !blank(a))
                .findFirst()
                .orElse(null);
    return new Addressee(name, address, p.noticeOwed());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Collects the parts of one notice. */
  private static final class Builder {
    final NoticeKind kind;
    final String title;
    final Issuer issuer;
    final Matter matter;
    final Addressee addressee;
    String citation;
    Routing routing;
    Acceptance acceptance;
    Refusal refusal;
    Extension extension;
    Opinion opinion;
    Remedy remedy;
    Diversion diversion;

    Builder(NoticeKind kind, String title, Issuer issuer, Matter matter, Addressee addressee) {
      this.kind = kind;
      this.title = title;
      this.issuer = issuer;
      this.matter = matter;
      this.addressee = addressee;
    }

    NoticeContent build(String portalAddress) {
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
          null,
          null);
    }
  }
}
