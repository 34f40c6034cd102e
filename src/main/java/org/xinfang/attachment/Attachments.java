package org.xinfang.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.xinfang.audit.AuditSettings;
import org.xinfang.petition.PetitionService;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;

/**
 * The attachments of petitions: scanned letters and evidence as PDF or images.
 *
 * <p>A file is accepted by what it is, not by what it is called: its first bytes must be those of a
 * PDF, PNG, JPEG, GIF or WebP. It is written to a temporary file, synced to disk and moved
 * atomically into place under {@code xinfang.attachments.dir} (default {@code
 * ${xinfang.data-dir}/attachments}), named by its SHA-256, so the same scan uploaded twice is
 * stored once and a half-written file is never visible. Every read checks the hash again. Several
 * instances share one directory (a network file system): content addressing and the atomic move
 * make concurrent writers of the same file harmless (docs/scale.md).
 */
@Service
public class Attachments {

  private static final Logger log = LoggerFactory.getLogger(Attachments.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS =
      "id, petition_id, filename, content_type, size, sha256, pages, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;
  private final PetitionService petitions;
  private final Clock clock;
  private final Path root;
  private final long maxBytes;
  private final AuditSettings audit;

  public Attachments(
      JdbcClient jdbc,
      PetitionService petitions,
      AuditSettings audit,
      Clock clock,
      @Value("${xinfang.attachments.dir:${xinfang.data-dir:./data}/attachments}") String dir,
      @Value("${xinfang.attachments.max-size:10MB}") DataSize maxSize) {
    this.jdbc = jdbc;
    this.petitions = petitions;
    this.audit = audit;
    this.clock = clock;
    this.root = Path.of(dir);
    this.maxBytes = maxSize.toBytes();
  }

  /** The largest file accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** What can be wrong with a file offered as an attachment. */
  public enum Problem {
    /** Nothing in it. */
    EMPTY,
    /** Larger than {@link #maxBytes()}. */
    TOO_LARGE,
    /** Its content is neither a PDF nor a PNG, JPEG, GIF or WebP image, whatever its name. */
    NOT_PDF_OR_IMAGE
  }

  /**
   * Inspects a file before anything is recorded (the portal checks every file before it registers
   * the petition): not empty, not too large, a PDF or an image by its content.
   *
   * @param size the declared size in bytes
   * @param content the file's content (only its first bytes are read; the caller closes it)
   * @return what is wrong with it, or empty when it may be stored
   */
  public Optional<Problem> inspect(long size, InputStream content) {
    if (size <= 0) {
      return Optional.of(Problem.EMPTY);
    }
    if (size > maxBytes) {
      return Optional.of(Problem.TOO_LARGE);
    }
    try {
      byte[] head = content.readNBytes(FileType.HEAD);
      return FileType.of(head, head.length).isPresent()
          ? Optional.empty()
          : Optional.of(Problem.NOT_PDF_OR_IMAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores a file as an attachment of a petition.
   *
   * @param contentType what the client claimed; ignored in favour of the type the content shows
   * @param content the file's content (read to its end; the caller closes it)
   * @throws NotFound when there is no such petition
   * @throws InvalidInput when the file is empty, too large, or neither a PDF nor an image
   */
  @Transactional
  public Attachment store(
      String petitionId,
      String filename,
      String contentType,
      InputStream content,
      String uploadedBy) {
    if (!petitions.exists(petitionId)) {
      throw new NotFound("No petition " + petitionId);
    }
    String name = cleanName(filename);
    Stored stored = write(name, content);
    Integer pages = stored.type() == FileType.PDF ? pdfPages(stored.path()) : Integer.valueOf(1);
    Attachment a =
        new Attachment(
            UUID.randomUUID().toString(),
            petitionId,
            name,
            stored.type().contentType(),
            stored.size(),
            stored.sha256(),
            pages,
            uploadedBy,
            OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), CHINA));
    // the attachment chain of the petition (docs/audit.md): this row's link covers its fields and
    // the link before it; the head row moves on under its own count (a concurrent upload to the
    // same petition fails on the unique position or the count, and nothing is half-written)
    Optional<AttachmentChain.Head> head = AttachmentChain.head(jdbc, petitionId);
    String algorithm = audit.algorithm();
    int seq = head.map(h -> h.attachments() + 1).orElse(1);
    String previous =
        head.map(AttachmentChain.Head::hash)
            .orElseGet(() -> AttachmentChain.genesis(algorithm, petitionId));
    String hash = AttachmentChain.link(algorithm, previous, a, seq);
    jdbc.sql(
            "insert into attachment ("
                + COLUMNS
                + ", seq, algorithm, prev_hash, hash) values (:id, :petition, :filename, :type,"
                + " :size, :sha, :pages, :by, :at, :seq, :algorithm, :prev, :hash)")
        .param("seq", seq)
        .param("algorithm", algorithm)
        .param("prev", previous)
        .param("hash", hash)
        .param("id", a.id())
        .param("petition", a.petitionId())
        .param("filename", a.filename())
        .param("type", a.contentType())
        .param("size", a.size())
        .param("sha", a.sha256())
        .param("pages", a.pages())
        .param("by", a.uploadedBy())
        .param("at", a.uploadedAt())
        .update();
    AttachmentChain.moveHead(jdbc, petitionId, head, seq, hash);
    log.info(
        "attachment {} ({} bytes, {}) stored for petition {}",
        a.id(),
        a.size(),
        a.contentType(),
        petitionId);
    return a;
  }

  /** The attachments of a petition, oldest first (empty for an unknown petition). */
  @Transactional(readOnly = true)
  public List<Attachment> list(String petitionId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from attachment where petition_id = :p order by uploaded_at, filename, id")
        .param("p", petitionId)
        .query(Attachments::row)
        .list();
  }

  /** One attachment's record. */
  @Transactional(readOnly = true)
  public Optional<Attachment> find(String attachmentId) {
    return jdbc.sql("select " + COLUMNS + " from attachment where id = :id")
        .param("id", attachmentId)
        .query(Attachments::row)
        .optional();
  }

  /** An attachment and its verified content, to be read once and closed. */
  public record Opened(Attachment attachment, InputStream content) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      content.close();
    }
  }

  /**
   * Opens an attachment after checking its file against the recorded SHA-256.
   *
   * @throws NotFound when there is no such attachment
   * @throws AttachmentDamaged when the file is missing or its content no longer matches
   */
  public Opened open(String attachmentId) {
    Attachment a = find(attachmentId).orElseThrow(() -> new NotFound("No attachment"));
    Path file = pathOf(a.sha256());
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = sha256();
      byte[] buffer = new byte[64 * 1024];
      long size = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        size += n;
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(a.sha256()) || size != a.size()) {
        log.error("attachment {}: stored file {} fails its SHA-256 check", a.id(), file);
        throw new AttachmentDamaged(
            "The stored file of this attachment fails its integrity check.");
      }
    } catch (java.nio.file.NoSuchFileException e) {
      log.error("attachment {}: stored file {} is missing", a.id(), file);
      throw new AttachmentDamaged("The stored file of this attachment is missing.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new Opened(a, Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens an attachment of the given petition (an attachment of another petition is not found). */
  public Opened open(String petitionId, String attachmentId) {
    Attachment a = find(attachmentId).orElseThrow(() -> new NotFound("No attachment"));
    if (!a.petitionId().equals(petitionId)) {
      throw new NotFound("No attachment");
    }
    return open(attachmentId);
  }

  // ------------------------------------------------------------------ the files

  private record Stored(FileType type, long size, String sha256, Path path) {}

  /** Streams the content to a synced temporary file and moves it atomically to its hash name. */
  private Stored write(String name, InputStream content) {
    Path tmp = null;
    try {
      Path tmpDir = root.resolve("tmp");
      Files.createDirectories(tmpDir);
      tmp = Files.createTempFile(tmpDir, "upload-", ".part");
      MessageDigest sha = sha256();
      byte[] head = new byte[FileType.HEAD];
      int headLength = 0;
      long size = 0;
      try (DigestInputStream in = new DigestInputStream(content, sha);
          FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          if (headLength < head.length) {
            int take = Math.min(n, head.length - headLength);
            System.arraycopy(buffer, 0, head, headLength, take);
            headLength += take;
          }
          size += n;
          if (size > maxBytes) {
            throw tooLarge(name);
          }
          ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
          while (bytes.hasRemaining()) {
            out.write(bytes);
          }
        }
        if (size == 0) {
          throw new InvalidInput("file", "'" + name + "' is empty.");
        }
        FileType type = type(name, head, headLength);
        out.force(true);
        String hash = HexFormat.of().formatHex(sha.digest());
        Path target = pathOf(hash);
        Files.createDirectories(target.getParent());
        if (Files.exists(target) && hashOf(target).equals(hash)) {
          // content-addressed: the same bytes are stored already
          Files.delete(tmp);
        } else {
          // new, or a damaged or replaced file of that name: the upload's bytes take its place
          moveAtomically(tmp, target);
          syncDirectory(target.getParent());
        }
        tmp = null;
        return new Stored(type, size, hash, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          log.warn("could not remove temporary upload {}", tmp, e);
        }
      }
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // another upload of the same bytes won the race: same name, same content
      Files.deleteIfExists(from);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the attachment store needs atomic moves within " + to.getRoot(), e);
    }
  }

  /** Makes the new directory entry durable (a no-op where directories cannot be opened). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("directory sync not supported for {}", dir);
    }
  }

  /** {@code attachments/ab/abcdef…}: two hex digits of fan-out keep directories small. */
  Path pathOf(String sha256) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private static FileType type(String name, byte[] head, int length) {
    return FileType.of(head, length)
        .orElseThrow(
            () ->
                new InvalidInput(
                    "file",
                    "'"
                        + name
                        + "' is not a PDF or an image (PNG, JPEG, GIF, WebP): its content says"
                        + " otherwise, whatever its name."));
  }

  private InvalidInput tooLarge(String name) {
    return new InvalidInput(
        "file",
        "'"
            + name
            + "' is larger than "
            + DataSize.ofBytes(maxBytes).toMegabytes()
            + " MiB; scan it at a lower resolution or split it.");
  }

  /** The page count of a PDF; null when PDFBox cannot read it (encrypted, damaged). */
  private static Integer pdfPages(Path file) {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      return doc.getNumberOfPages();
    } catch (IOException | RuntimeException e) {
      log.info("could not count the pages of {}: {}", file.getFileName(), e.getMessage());
      return null;
    }
  }

  /** The last path segment, without control characters, at most 200 characters. */
  static String cleanName(String filename) {
    String name = filename == null ? "" : filename;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.codePointCount(0, name.length()) > 200) {
      name = name.substring(0, name.offsetByCodePoints(0, 200));
    }
    return name.isEmpty() ? "attachment" : name;
  }

  /** The SHA-256 of a file's content, in hex. */
  static String hashOf(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = sha256();
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Attachment row(ResultSet rs, int n) throws SQLException {
    return new Attachment(
        rs.getString("id"),
        rs.getString("petition_id"),
        rs.getString("filename"),
        rs.getString("content_type"),
        rs.getLong("size"),
        rs.getString("sha256"),
        rs.getObject("pages", Integer.class),
        rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class)
            .atZoneSameInstant(CHINA)
            .toOffsetDateTime());
  }
}
