package org.xinfang.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text a record can hold. Nothing a user submitted is ever lost: text is stored as sent, hostile or
 * odd as it may be (a bell, a form feed, U+FFFE), except what a database cannot hold as sent —
 * refused when it arrives, naming the field, rather than altered or failed on later:
 *
 * <ul>
 *   <li>U+0000: PostgreSQL cannot store it in text at all (H2 could; both refuse it alike);
 *   <li>half of a surrogate pair, which UTF-8 cannot encode: the database would store a "?".
 * </ul>
 *
 * What is stored but cannot appear in the XML of a notice's page (XML 1.0 §2.2: the other control
 * characters, U+FFFE, U+FFFF) is {@link #printable printed} as U+FFFD, so that the written notice
 * the law owes on it can always be made.
 */
public final class RecordableText {

  private RecordableText() {}

  /** Why {@code text} cannot be recorded as sent, or null when it can. */
  public static String flaw(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "contains the character U+0000 at position " + i;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains half of a surrogate pair at position " + i;
      }
    }
    return null;
  }

  /**
   * {@code text} with what a page's XML cannot hold replaced by U+FFFD: control characters other
   * than tab, line feed and carriage return, U+FFFE, U+FFFF and half of a surrogate pair.
   */
  public static String printable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean bad =
          !pair
              && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                  || c == 0xFFFE
                  || c == 0xFFFF
                  || Character.isSurrogate(c));
      if (bad && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(bad ? '\uFFFD' : c);
        if (pair) {
          out.append(text.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether these bytes are UTF-8 as sent (nothing the decoder would replace). */
  public static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
