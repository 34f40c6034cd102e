package org.xinfang.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.xinfang.shared.InvalidInput;

/**
 * The hash chain of a petition's history: each event's hash covers its own fields and the hash of
 * the event before it; the first event links to a genesis value derived from the petition's id. The
 * fields are joined in a fixed order with a separator that cannot occur unescaped.
 *
 * <p>Two algorithms: SHA-256 (FIPS 180-4) and SM3 (GB/T 32905-2016, the Chinese national standard,
 * from Bouncy Castle). Both give 256 bits, written as 64 lower-case hex digits. Each stored link
 * records its algorithm, so a chain may switch algorithm between two links and is verified link by
 * link with the algorithm each one names.
 */
public final class HistoryChain {

  /** SHA-256, the default. */
  public static final String SHA_256 = "SHA-256";

  /** SM3, GB/T 32905-2016. */
  public static final String SM3 = "SM3";

  /** The algorithms a link may name. */
  public static final List<String> ALGORITHMS = List.of(SHA_256, SM3);

  /** The default algorithm (rows written before the algorithm was recorded use it). */
  public static final String ALGORITHM = SHA_256;

  private HistoryChain() {}

  /**
   * The canonical name of an algorithm ({@code SHA-256} or {@code SM3}, case and the hyphen
   * ignored).
   *
   * @throws InvalidInput for any other name
   */
  public static String algorithm(String name) {
    String n = name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
    return switch (n) {
      case "SHA256" -> SHA_256;
      case "SM3" -> SM3;
      default ->
          throw new InvalidInput(
              "xinfang.audit.algorithm", "'" + name + "' is not one of " + ALGORITHMS);
    };
  }

  /** The link the first event of a petition's history points back to (SHA-256). */
  public static String genesis(String petitionId) {
    return genesis(SHA_256, petitionId);
  }

  /** The link the first link of a chain points back to, in the given algorithm. */
  public static String genesis(String algorithm, String chainId) {
    return hex(algorithm, ("xinfang-genesis\u001f" + chainId).getBytes(StandardCharsets.UTF_8));
  }

  /** The hash of one event (SHA-256), given the hash of the event before it. */
  public static String link(String previousHash, String... fields) {
    return linkWith(SHA_256, previousHash, fields);
  }

  /** The hash of one link in the given algorithm, given the hash of the link before it. */
  public static String linkWith(String algorithm, String previousHash, String... fields) {
    StringBuilder b = new StringBuilder(previousHash);
    for (String f : fields) {
      b.append('\u001f');
      b.append(f == null ? "\u0000" : f.replace("\\", "\\\\").replace("\u001f", "\\u001f"));
    }
    return hex(algorithm, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The digest of some bytes in the given algorithm, as 64 lower-case hex digits. */
  public static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(digest(algorithm, bytes));
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    if (SM3.equals(algorithm)) {
      SM3Digest sm3 = new SM3Digest();
      sm3.update(bytes, 0, bytes.length);
      byte[] out = new byte[sm3.getDigestSize()];
      sm3.doFinal(out, 0);
      return out;
    }
    if (!SHA_256.equals(algorithm)) {
      throw new IllegalArgumentException("unknown chain algorithm: " + algorithm);
    }
    try {
      return MessageDigest.getInstance(SHA_256).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
