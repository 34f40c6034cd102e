package org.xinfang.attachment;

import java.util.Arrays;
import java.util.Optional;

/** The accepted kinds of file, recognised by their first bytes ("magic numbers"). */
enum FileType {
  PDF("application/pdf", "pdf"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  /** How many leading bytes recognising a type needs. */
  static final int HEAD = 12;

  private final String contentType;
  private final String extension;

  FileType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  String contentType() {
    return contentType;
  }

  String extension() {
    return extension;
  }

  /** The type these leading bytes (at most {@link #HEAD} of them, fewer for a short file) show. */
  static Optional<FileType> of(byte[] head, int length) {
    byte[] h = Arrays.copyOf(head, Math.max(length, 0));
    if (starts(h, 0, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(h, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(h, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(h, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (starts(h, 0, 'R', 'I', 'F', 'F') && starts(h, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
