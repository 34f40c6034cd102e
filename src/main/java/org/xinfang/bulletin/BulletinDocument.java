package org.xinfang.bulletin;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.xinfang.notice.Pdf;

/** A bulletin as an A4 PDF, laid out from {@code templates/bulletin/pdf.html}. */
@Component
public class BulletinDocument {

  private final Bulletins bulletins;
  private final ITemplateEngine templates;
  private final Pdf pdf;

  BulletinDocument(Bulletins bulletins, ITemplateEngine templates, Pdf pdf) {
    this.bulletins = bulletins;
    this.templates = templates;
    this.pdf = pdf;
  }

  /** A rendered document and the file name to offer it under. */
  public record Document(String fileName, byte[] pdf) {}

  /** The bulletin as PDF, for a user who may read it (a draft is marked 草稿). */
  public Document pdf(String id) {
    Bulletin b = bulletins.get(id);
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("b", b);
    context.setVariable("font", Pdf.FONT_FAMILY);
    String html = templates.process("bulletin/pdf", context);
    byte[] bytes =
        pdf.render(
            html,
            new Pdf.Info(
                "信访工作通报 " + (b.number() == null ? "草稿" : b.number()),
                b.organisationName(),
                b.from() + " – " + b.to(),
                b.publishedOn() != null ? b.publishedOn() : b.generatedOn()));
    return new Document("bulletin-" + b.to() + ".pdf", bytes);
  }
}
