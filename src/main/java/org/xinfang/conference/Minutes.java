package org.xinfang.conference;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.xinfang.notice.Pdf;
import org.xinfang.shared.LawViolation;

/**
 * The minutes (会议纪要) of a meeting as an A4 PDF, laid out from {@code templates/conference/
 * minutes.html}: title, document number, date, place, convenor, attendance, the matters decided
 * (petition number and masked subject, decision, assignee, due date) and the earlier decisions
 * followed up. Rendered for the reader: matters outside their scope are not named.
 */
@Component
public class Minutes {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final Conferences conferences;
  private final ITemplateEngine templates;
  private final Pdf pdf;

  Minutes(Conferences conferences, ITemplateEngine templates, Pdf pdf) {
    this.conferences = conferences;
    this.templates = templates;
    this.pdf = pdf;
  }

  /** A rendered document and the file name to offer it under. */
  public record Document(String fileName, byte[] pdf) {}

  /**
   * The issued minutes as PDF.
   *
   * @throws LawViolation before the minutes are issued
   */
  public Document pdf(String conferenceId) {
    ConferenceView c = conferences.get(conferenceId);
    if (!c.minutesIssued()) {
      throw new LawViolation(
          "minutes-issued (条例 Art. 13)", "The minutes of this meeting are not issued yet.");
    }
    String html = html(c);
    byte[] bytes =
        pdf.render(
            html,
            new Pdf.Info(
                conferences.conferenceName(c.organisationId()) + "纪要 " + c.minutesNumber(),
                c.organisationName(),
                c.title(),
                c.minutesIssuedOn()));
    return new Document("minutes-" + c.heldOn() + ".pdf", bytes);
  }

  String html(ConferenceView c) {
    Context context = new Context(CHINESE);
    context.setVariable("c", c);
    context.setVariable("name", conferences.conferenceName(c.organisationId()));
    context.setVariable("font", Pdf.FONT_FAMILY);
    List<ConferenceView.Item> decided =
        c.items().stream().filter(i -> i.reason() != AgendaReason.FOLLOW_UP).toList();
    List<ConferenceView.Item> followed =
        c.items().stream().filter(i -> i.reason() == AgendaReason.FOLLOW_UP).toList();
    context.setVariable("decided", decided);
    context.setVariable("followed", followed);
    List<ConferenceView.Member> present =
        c.members().stream().filter(m -> !Boolean.FALSE.equals(m.attended())).toList();
    List<ConferenceView.Member> absent =
        c.members().stream().filter(m -> Boolean.FALSE.equals(m.attended())).toList();
    context.setVariable("present", present);
    context.setVariable("absent", absent);
    return templates.process("conference/minutes", context);
  }
}
