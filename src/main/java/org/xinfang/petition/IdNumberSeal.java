package org.xinfang.petition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps identity numbers out of a database dump (issue 4): each is stored sealed with AES-256-GCM
 * (a fresh 96-bit nonce per value, the petition id as associated data so a sealed value cannot be
 * moved to another petition) beside a keyed HMAC-SHA-256 index for exact search. The key lives
 * outside the database: {@code xinfang.personal-data.key} (Base64, ≥ 32 bytes; set the same one on
 * every instance), else a key file generated once under the data directory.
 */
@Component
class IdNumberSeal {

  private static final Logger log = LoggerFactory.getLogger(IdNumberSeal.class);
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;

  private final SecretKeySpec encryption;
  private final SecretKeySpec indexing;
  private final SecureRandom random = new SecureRandom();

  IdNumberSeal(
      @Value("${xinfang.personal-data.key:}") String configured,
      @Value("${xinfang.data-dir:./data}") String dataDir) {
    byte[] master = configured.isBlank() ? keyFile(Path.of(dataDir)) : decode(configured);
    this.encryption = new SecretKeySpec(derive(master, "xinfang id-number encryption"), "AES");
    this.indexing = new SecretKeySpec(derive(master, "xinfang id-number index"), "HmacSHA256");
  }

  /** The sealed form of an identity number of one petition, or null for none. */
  String seal(String petitionId, String idNumber) {
    if (idNumber == null || idNumber.isBlank()) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
      c.updateAAD(petitionId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(idNumber.strip().getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal an identity number", e);
    }
  }

  /**
   * The identity number a sealed value holds.
   *
   * @throws IllegalStateException when the value was not sealed with this key for this petition
   */
  String open(String petitionId, String sealed) {
    if (sealed == null) {
      return null;
    }
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("not a sealed identity number");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
      c.updateAAD(petitionId.getBytes(StandardCharsets.UTF_8));
      return new String(
          c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "an identity number of petition " + petitionId + " does not open with this key", e);
    }
  }

  /** The search index of an identity number: equal numbers, equal index; no way back. */
  String index(String idNumber) {
    if (idNumber == null || idNumber.isBlank()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexing);
      return HexFormat.of()
          .formatHex(
              mac.doFinal(
                  idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] derive(byte[] master, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decode(String configured) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(configured.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("xinfang.personal-data.key must be Base64", e);
    }
    if (key.length < 32) {
      throw new IllegalStateException("xinfang.personal-data.key must hold at least 32 bytes");
    }
    return key;
  }

  /** The key file under the data directory, created (owner-only) on the first start. */
  private static synchronized byte[] keyFile(Path dataDir) {
    Path file = dataDir.resolve("keys").resolve("personal-data.key");
    try {
      if (Files.exists(file)) {
        return decode(Files.readString(file));
      }
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.writeString(
          tmp, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.move(tmp, file);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        Files.deleteIfExists(tmp);
        return decode(Files.readString(file));
      }
      log.warn(
          "Generated the personal-data key {} — back it up with the database; several instances"
              + " must share one key (xinfang.personal-data.key).",
          file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the personal-data key " + file, e);
    }
  }
}
