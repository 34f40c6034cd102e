package org.xinfang.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of a petition's history: each event's hash covers its own fields and the hash of
 * the event before it; the first event links to a genesis value derived from the petition's id.
 * SHA-256; the fields are joined in a fixed order with a separator that cannot occur unescaped.
 */
public final class HistoryChain {

  public static final String ALGORITHM = "SHA-256";

  private HistoryChain() {}

  /** The link the first event of a petition's history points back to. */
  public static String genesis(String petitionId) {
    return digest("xinfang-genesis\u001f" + petitionId);
  }

  /** The hash of one event, given the hash of the event before it. */
  public static String link(String previousHash, String... fields) {
    StringBuilder b = new StringBuilder(previousHash);
    for (String f : fields) {
      b.append('\u001f');
      b.append(f == null ? "\u0000" : f.replace("\\", "\\\\").replace("\u001f", "\\u001f"));
    }
    return digest(b.toString());
  }

  private static String digest(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance(ALGORITHM);
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
