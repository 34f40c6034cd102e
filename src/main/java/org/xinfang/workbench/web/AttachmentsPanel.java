package org.xinfang.workbench.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.Attachments;

/**
 * The attachments of a petition (scanned letters, evidence) as the petition page lists them, and
 * the scans the registration desk uploads with a letter.
 */
@Component
class AttachmentsPanel {

  /** One attachment as listed. */
  public record AttachmentLine(String id, String name, String type, String size, String url) {}

  private final Attachments attachments;
  private final Labels labels;

  AttachmentsPanel(Attachments attachments, Labels labels) {
    this.attachments = attachments;
    this.labels = labels;
  }

  List<AttachmentLine> list(String petitionId) {
    return attachments.list(petitionId).stream()
        .map(
            a ->
                new AttachmentLine(
                    a.id(),
                    a.filename(),
                    type(a),
                    size(a.size()),
                    "/petitions/" + petitionId + "/attachments/" + a.id()))
        .toList();
  }

  /** The files actually chosen (a form without a choice sends one empty part). */
  static List<MultipartFile> chosen(List<MultipartFile> files) {
    List<MultipartFile> chosen = new ArrayList<>();
    if (files != null) {
      for (MultipartFile f : files) {
        if (f != null
            && !(f.isEmpty()
                && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))) {
          chosen.add(f);
        }
      }
    }
    return chosen;
  }

  /** What is wrong with the first file that may not be stored, in the user's language. */
  Optional<String> problem(List<MultipartFile> files) {
    for (MultipartFile f : files) {
      try (InputStream in = f.getInputStream()) {
        Optional<Attachments.Problem> p = attachments.inspect(f.getSize(), in);
        if (p.isPresent()) {
          return Optional.of(
              labels.msg(
                  "wb.attachment." + p.get().name(),
                  f.getOriginalFilename(),
                  attachments.maxBytes() / (1024 * 1024)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Optional.empty();
  }

  void store(String petitionId, List<MultipartFile> files, String uploadedBy) {
    for (MultipartFile f : files) {
      try (InputStream in = f.getInputStream()) {
        attachments.store(petitionId, f.getOriginalFilename(), f.getContentType(), in, uploadedBy);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private String type(Attachment a) {
    String type = a.contentType() == null ? "" : a.contentType();
    String shown =
        type.equals("application/pdf") ? "PDF" : type.replace("image/", "").toUpperCase();
    return a.pages() == null ? shown : shown + " · " + labels.msg("wb.attachment.pages", a.pages());
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
