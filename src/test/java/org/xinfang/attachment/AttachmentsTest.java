package org.xinfang.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.CITY_REGISTRAR;
import static org.xinfang.demo.DemoData.CITY_SUPERVISOR;
import static org.xinfang.demo.DemoData.PASSWORD;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.NotFound;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Scanned attachments: type by content, size, content-addressed storage, hash checked on read. */
class AttachmentsTest extends IntegrationTest {

  @Autowired Attachments attachments;

  @Value("${xinfang.data-dir}")
  String dataDir;

  private String petition() throws Exception {
    JsonNode p = register(letter("2026-11-27", CITY_PETITION_BUREAU));
    return p.get("id").asString();
  }

  /**
   * A real PDF with {@code pages} pages and some random bytes so that each test's file is its own.
   */
  static byte[] pdf(int pages) throws Exception {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        doc.addPage(new PDPage());
      }
      doc.getDocumentInformation().setTitle("scan " + ThreadLocalRandom.current().nextLong());
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] png() {
    byte[] b = new byte[64];
    ThreadLocalRandom.current().nextBytes(b);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  @DisplayName("a scanned PDF is stored by its SHA-256, listed, counted in pages and served intact")
  void storesListsAndServes() throws Exception {
    String id = petition();
    byte[] scan = pdf(2);
    JsonNode a =
        body(
            mvc.perform(
                    multipart("/api/petitions/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "来信扫描件.pdf", "application/pdf", scan))
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location")));
    String aid = a.get("id").asString();
    assertThat(a.get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(a.get("size").asLong()).isEqualTo(scan.length);
    assertThat(a.get("sha256").asString()).isEqualTo(sha256(scan));
    assertThat(a.get("pages").asInt()).isEqualTo(2);
    assertThat(a.get("uploadedBy").asString()).isEqualTo(ADMIN);
    Path stored = Path.of(dataDir, "attachments", sha256(scan).substring(0, 2), sha256(scan));
    assertThat(stored).exists();
    assertThat(Files.readAllBytes(stored)).isEqualTo(scan);

    getJson("/api/petitions/" + id + "/attachments")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(aid))
        .andExpect(jsonPath("$[0].filename").value("来信扫描件.pdf"));

    mvc.perform(
            get("/api/petitions/" + id + "/attachments/" + aid)
                .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andExpect(
            header()
                .string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
        .andExpect(content().bytes(scan));

    // the workbench's session download
    mvc.perform(get("/petitions/" + id + "/attachments/" + aid).with(user(ADMIN)))
        .andExpect(status().isOk())
        .andExpect(content().bytes(scan));
  }

  @Test
  @DisplayName("a Windows program named .pdf is refused: the type is judged by content, not name")
  void disguisedExecutableRefused() throws Exception {
    String id = petition();
    byte[] exe = new byte[4096];
    ThreadLocalRandom.current().nextBytes(exe);
    exe[0] = 'M';
    exe[1] = 'Z';
    mvc.perform(
            multipart("/api/petitions/" + id + "/attachments")
                .file(new MockMultipartFile("file", "证据.pdf", "application/pdf", exe))
                .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.fields.file").value(org.hamcrest.Matchers.containsString("not a PDF")));
    assertThat(attachments.list(id)).isEmpty();
    assertThat(attachments.inspect(exe.length, new ByteArrayInputStream(exe)))
        .contains(Attachments.Problem.NOT_PDF_OR_IMAGE);
  }

  @Test
  @DisplayName("a file over 10 MiB is refused; one of exactly 10 MiB is accepted")
  void oversizeRefused() throws Exception {
    String id = petition();
    long max = attachments.maxBytes();
    assertThat(max).isEqualTo(10L * 1024 * 1024);
    byte[] big = new byte[(int) max + 1];
    ThreadLocalRandom.current().nextBytes(big);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
    mvc.perform(
            multipart("/api/petitions/" + id + "/attachments")
                .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.fields.file")
                .value(org.hamcrest.Matchers.containsString("larger than 10 MiB")));
    byte[] fits = java.util.Arrays.copyOf(big, (int) max);
    Attachment a =
        attachments.store(id, "fits.pdf", "application/pdf", new ByteArrayInputStream(fits), "t");
    assertThat(a.size()).isEqualTo(max);
    assertThat(a.pages()).isNull(); // not a readable PDF beyond its header: pages unknown
  }

  @Test
  @DisplayName("each accepted type is recognised by its magic bytes; empty files are refused")
  void recognisesTypes() throws Exception {
    String id = petition();
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5};
    byte[] gif = "GIF89a-some-gif-bytes".getBytes(StandardCharsets.US_ASCII);
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
    assertThat(store(id, "a.png", png()).contentType()).isEqualTo("image/png");
    assertThat(store(id, "a.jpg", jpeg).contentType()).isEqualTo("image/jpeg");
    assertThat(store(id, "a.gif", gif).contentType()).isEqualTo("image/gif");
    assertThat(store(id, "a.webp", webp).contentType()).isEqualTo("image/webp");
    assertThat(store(id, "../../etc/a.png", png()).filename()).isEqualTo("a.png");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store(id, "empty.png", new byte[0]))
        .isInstanceOf(InvalidInput.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> store(id, "page.html", "<html><script>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInput.class);
    assertThat(attachments.list(id)).hasSize(5);
  }

  private Attachment store(String id, String name, byte[] bytes) {
    return attachments.store(id, name, null, new ByteArrayInputStream(bytes), "t");
  }

  @Test
  @DisplayName("a stored file that no longer matches its SHA-256 is not served")
  void hashVerifiedOnRead() throws Exception {
    String id = petition();
    byte[] scan = pdf(1);
    Attachment a =
        attachments.store(id, "scan.pdf", "application/pdf", new ByteArrayInputStream(scan), "t");
    try (Attachments.Opened o = attachments.open(id, a.id())) {
      assertThat(o.content().readAllBytes()).isEqualTo(scan);
    }
    Path stored = Path.of(dataDir, "attachments", a.sha256().substring(0, 2), a.sha256());
    byte[] tampered = scan.clone();
    tampered[tampered.length / 2] ^= 0x01;
    Files.write(stored, tampered);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.open(id, a.id()))
          .isInstanceOf(AttachmentDamaged.class);
      mvc.perform(
              get("/api/petitions/" + id + "/attachments/" + a.id())
                  .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
          .andExpect(status().isInternalServerError())
          .andExpect(jsonPath("$.type").value("https://xinfang.org/problems/attachment-damaged"));
    } finally {
      Files.write(stored, scan); // the data directory is shared by every test of the run
    }
    // another petition's id does not reach it
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.open(petition(), a.id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  @DisplayName("uploads: registrars and handlers of the organisation that holds the petition only")
  void whoMayUpload() throws Exception {
    String id = petition(); // received and held by the city petition bureau
    MockMultipartFile file = new MockMultipartFile("file", "a.png", "image/png", png());
    mvc.perform(
            multipart("/api/petitions/" + id + "/attachments")
                .file(file)
                .with(httpBasic(CITY_SUPERVISOR, PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/api/petitions/" + id + "/attachments")
                .file(file)
                .with(httpBasic(CITY_REGISTRAR, PASSWORD)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.uploadedBy").value(CITY_REGISTRAR));
    mvc.perform(
            multipart("/api/petitions/" + id + "/attachments")
                .file(file)
                .with(httpBasic(org.xinfang.demo.DemoData.ZHONGSHAN_REGISTRAR, PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/petitions/" + id + "/attachments")).andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/petitions/no-such-petition/attachments")
                .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
        .andExpect(status().isNotFound());
    assertThat(attachments.list(id))
        .extracting(Attachment::uploadedBy)
        .isEqualTo(List.of(CITY_REGISTRAR));
  }
}
