package org.xinfang.notice;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
  static final String FAMILY = "Notice CJK";

  private final ITemplateEngine templates;
  private final NoticeProperties properties;

  NoticeRenderer(ITemplateEngine templates, NoticeProperties properties) {
    this.templates = templates;
    this.properties = properties;
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
  byte[] pdf(NoticeContent content) {
    String html = html(content);
    try (PDDocument document = new PDDocument();
        FontSource font = FontSource.open(new File(properties.fontFile()), properties.fontName())) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      builder.useFont(new PDFontSupplier(PDType0Font.load(document, font.font(), true)), FAMILY);
      builder.withHtmlContent(html, null);
      builder.withProducer("Xinfang");
      // the page is ours and self-contained: nothing is fetched from anywhere
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        PDDocument pdf = renderer.createPDFKeepOpen();
        fix(pdf, content, html);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        pdf.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render notice " + content.documentNumber(), e);
    }
  }

  /** The document information and file identifier, fixed by the content (no clock, no random). */
  private static void fix(PDDocument pdf, NoticeContent c, String html) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(c.title() + (c.documentNumber() == null ? "" : " " + c.documentNumber()));
    info.setAuthor(c.issuer().name());
    info.setSubject(c.matter().number());
    info.setProducer("Xinfang");
    info.setCreator("Xinfang");
    if (c.issuedOn() != null) {
      info.setCreationDate(GregorianCalendar.from(c.issuedOn().atStartOfDay(NoticeIssuer.CHINA)));
    }
    info.setModificationDate(null);
    byte[] digest = Arrays.copyOf(sha256(html.getBytes(StandardCharsets.UTF_8)), 16);
    COSArray id = new COSArray();
    id.add(new COSString(digest));
    id.add(new COSString(digest));
    pdf.getDocument().getTrailer().setItem(COSName.ID, id);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CJK font: one face of a TrueType collection (.ttc) or a single TrueType file. */
  private record FontSource(TrueTypeFont font, Closeable owner) implements Closeable {

    static FontSource open(File file, String name) throws IOException {
      if (!file.isFile()) {
        throw new IllegalStateException(
            "The CJK font "
                + file
                + " is missing: install Debian's fonts-wqy-microhei (as .ci/run does) or set"
                + " xinfang.notice.font-file");
      }
      if (file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(file);
        TrueTypeFont font = collection.getFontByName(name);
        if (font == null) {
          collection.close();
          throw new IllegalStateException("No font " + name + " in the collection " + file);
        }
        return new FontSource(font, collection);
      }
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
      return new FontSource(font, font);
    }

    @Override
    public void close() throws IOException {
      owner.close();
    }
  }
}
