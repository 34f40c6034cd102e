package org.xinfang.notice;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a notice: its Thymeleaf template ({@code templates/notice/<kind>.html}, XHTML) filled
 * from the stored content, laid out by openhtmltopdf on A4 with the CJK font embedded (a subset of
 * WenQuanYi Micro Hei, taken from Debian's TrueType collection). The output is deterministic: the
 * same content gives the same bytes (the creation date is the issue date, the file identifier a
 * digest of the page).
 */
@Component
class NoticeRenderer {

  /** The font family the templates ask for. */
  static final String FAMILY = Pdf.FONT_FAMILY;

  private final ITemplateEngine templates;
  private final Pdf pdf;

  NoticeRenderer(ITemplateEngine templates, Pdf pdf) {
    this.templates = templates;
    this.pdf = pdf;
  }

  /** The document as XHTML (what the PDF is laid out from). */
  String html(NoticeContent content) {
    Context context = new Context(NoticeComposer.DOCUMENT_LOCALE);
    context.setVariable("c", content);
    context.setVariable("cn", ChineseText.INSTANCE);
    context.setVariable("font", FAMILY);
    return templates.process("notice/" + content.kind().template(), context);
  }

  /** The document as PDF. */
  byte[] pdf(NoticeContent c) {
    return pdf.render(
        html(c),
        new Pdf.Info(
            c.title() + (c.documentNumber() == null ? "" : " " + c.documentNumber()),
            c.issuer().name(),
            c.matter().number(),
            c.issuedOn()));
  }

  static byte[] sha256(byte[] bytes) {
    return Pdf.sha256(bytes);
  }
}
