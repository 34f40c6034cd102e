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
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.xinfang.shared.RecordableText;

/**
 * Lays out a self-contained XHTML page as an A4 PDF with the CJK font embedded (a subset of
 * WenQuanYi Micro Hei from Debian's TrueType collection, {@code xinfang.notice.font-file}): the
 * facility notices use, and any module printing an official document (e.g. conference minutes). The
 * output is deterministic: the same page and information give the same bytes (the creation date is
 * the document's date, the file identifier a digest of the page). Nothing is fetched from anywhere.
 */
@Component
public class Pdf {

  /** The font family a page's CSS asks for to get the embedded CJK font. */
  public static final String FONT_FAMILY = "Notice CJK";

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final NoticeProperties properties;

  Pdf(NoticeProperties properties) {
    this.properties = properties;
  }

  /**
   * The document information written into the PDF.
   *
   * @param title e.g. the title and the document number
   * @param author the issuing organ
   * @param subject what it concerns, may be null
   * @param date the document's date (its creation date), may be null
   */
  public record Info(String title, String author, String subject, LocalDate date) {}

  /** The page as PDF. */
  public byte[] render(String page, Info info) {
    // text recorded before arrival was checked may hold what XML cannot: printed as U+FFFD
    String html = RecordableText.printable(page);
    try (PDDocument document = new PDDocument();
        FontSource font = FontSource.open(new File(properties.fontFile()), properties.fontName())) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      builder.useFont(
          new PDFontSupplier(PDType0Font.load(document, font.font(), true)), FONT_FAMILY);
      builder.withHtmlContent(html, null);
      builder.withProducer("Xinfang");
      // the page is ours and self-contained: nothing is fetched from anywhere
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        PDDocument pdf = renderer.createPDFKeepOpen();
        fix(pdf, info, html);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        pdf.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + info.title(), e);
    }
  }

  /** The document information and file identifier, fixed by the content (no clock, no random). */
  private static void fix(PDDocument pdf, Info i, String html) {
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setTitle(i.title());
    info.setAuthor(i.author());
    info.setSubject(i.subject());
    info.setProducer("Xinfang");
    info.setCreator("Xinfang");
    if (i.date() != null) {
      info.setCreationDate(GregorianCalendar.from(i.date().atStartOfDay(CHINA)));
    }
    info.setModificationDate(null);
    byte[] digest = Arrays.copyOf(sha256(html.getBytes(StandardCharsets.UTF_8)), 16);
    COSArray id = new COSArray();
    id.add(new COSString(digest));
    id.add(new COSString(digest));
    pdf.getDocument().getTrailer().setItem(COSName.ID, id);
  }

  /** The SHA-256 digest of some bytes. */
  public static byte[] sha256(byte[] bytes) {
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
