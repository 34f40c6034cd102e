package org.xinfang.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.Attachments;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Registration.PetitionerData;

/**
 * Online submissions (条例 Art. 17 信息网络): registers the petition through the portal, stores its
 * attachments, and recognises the same person sending the same text again within minutes (a double
 * click, a reload, a second try after a slow answer) so that it is not stored twice.
 */
@Service
public class Submissions {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PetitionService petitions;
  private final Attachments attachments;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final PortalSettings settings;

  public Submissions(
      PetitionService petitions,
      Attachments attachments,
      JdbcClient jdbc,
      Clock clock,
      PortalSettings settings) {
    this.petitions = petitions;
    this.attachments = attachments;
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /** A file the citizen attached, checked beforehand with {@link Attachments#check}. */
  public record Upload(String filename, String contentType, InputStreamSource content) {}

  /** What became of a submission. */
  public sealed interface Result permits Stored, Duplicate {}

  /** Registered now, with its attachments. */
  public record Stored(PetitionView petition, List<Attachment> attachments) implements Result {}

  /** The same person sent the same text a few minutes ago: nothing new was stored. */
  public record Duplicate(String petitionId, String number, OffsetDateTime submittedAt)
      implements Result {}

  /** A concurrent identical submission was stored first; this one was rolled back. */
  public static class SubmittedMeanwhile extends RuntimeException {
    SubmittedMeanwhile() {
      super("an identical submission was stored meanwhile");
    }
  }

  /**
   * Registers an online submission unless the same person submitted the same text within the
   * duplicate window.
   *
   * @throws SubmittedMeanwhile when an identical submission was stored concurrently (nothing of
   *     this one is kept; ask {@link #recent} for the other)
   */
  @Transactional
  public Result submit(Registration registration, List<Upload> uploads) {
    List<String> fingerprints = fingerprints(registration);
    Optional<Duplicate> duplicate = recent(fingerprints);
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    PetitionView petition = petitions.submitOnline(registration);
    List<Attachment> stored = new ArrayList<>();
    for (Upload u : uploads) {
      try (InputStream in = u.content().getInputStream()) {
        stored.add(
            attachments.store(
                petition.id(), u.filename(), u.contentType(), in, PetitionService.PORTAL));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    claim(fingerprints, petition);
    return new Stored(petition, stored);
  }

  /** The submission of the last minutes with any of these fingerprints, if there is one. */
  @Transactional(readOnly = true)
  public Optional<Duplicate> recent(List<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select petition_id, number, submitted_at from portal_submission
            where fingerprint in (:f) and submitted_at > :since
            order by submitted_at desc limit 1""")
        .param("f", fingerprints)
        .param("since", now().minus(settings.duplicateWindow()))
        .query(
            (rs, n) ->
                new Duplicate(
                    rs.getString("petition_id"),
                    rs.getString("number"),
                    rs.getObject("submitted_at", OffsetDateTime.class)
                        .atZoneSameInstant(CHINA)
                        .toOffsetDateTime()))
        .optional();
  }

  /**
   * What makes two submissions "the same": the same phone number with the same request and facts
   * (whitespace, width and case ignored), to the same bureau. Only digests are stored. A name alone
   * does not make them the same: two people of a common name may send the same template wording (a
   * collective wage claim), and each petition enters the record (条例 Arts. 17, 21), nor is one shown
   * the other's number.
   */
  public static List<String> fingerprints(Registration r) {
    String text =
        r.receivedBy() + "\u0000" + normalise(r.request()) + "\u0000" + normalise(r.facts());
    List<String> keys = new ArrayList<>();
    for (PetitionerData p : r.petitioners()) {
      String phone = p.phone() == null ? "" : p.phone().replaceAll("\\D", "");
      if (!phone.isEmpty()) {
        keys.add(digest("phone:" + phone + "\u0000" + text));
      }
    }
    return keys.stream().distinct().toList();
  }

  /**
   * Records the fingerprints of a new submission. A fingerprint row older than the window is taken
   * over; a fresh one that appeared meanwhile (a concurrent identical submission) fails the unique
   * key and rolls this submission back.
   */
  private void claim(List<String> fingerprints, PetitionView petition) {
    OffsetDateTime now = now();
    OffsetDateTime stale = now.minus(settings.duplicateWindow());
    for (String f : fingerprints) {
      int taken =
          jdbc.sql(
                  """
                  update portal_submission set petition_id = :p, number = :n, submitted_at = :at
                  where fingerprint = :f and submitted_at <= :stale""")
              .param("p", petition.id())
              .param("n", petition.number())
              .param("at", now)
              .param("f", f)
              .param("stale", stale)
              .update();
      if (taken == 0) {
        try {
          jdbc.sql(
                  """
                  insert into portal_submission (fingerprint, petition_id, number, submitted_at)
                  values (:f, :p, :n, :at)""")
              .param("f", f)
              .param("p", petition.id())
              .param("n", petition.number())
              .param("at", now)
              .update();
        } catch (DataIntegrityViolationException e) {
          throw new SubmittedMeanwhile();
        }
      }
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), CHINA);
  }

  private static String normalise(String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
