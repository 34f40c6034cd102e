package org.xinfang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.shared.InvalidInput;

/** The two algorithms of the chain, against their standards' test vectors. */
class HistoryChainAlgorithmsTest {

  private static byte[] abc() {
    return "abc".getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  @DisplayName("SM3: GB/T 32905-2016 Appendix A example 1, \"abc\"")
  void sm3() {
    assertThat(HistoryChain.hex(HistoryChain.SM3, abc()))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  @Test
  @DisplayName("SM3: GB/T 32905-2016 example 2, \"abcd\" sixteen times (a 512-bit message)")
  void sm3TwoBlocks() {
    byte[] m = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
    assertThat(HistoryChain.hex(HistoryChain.SM3, m))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @Test
  @DisplayName("SHA-256: FIPS 180-4 example, \"abc\"")
  void sha256() {
    assertThat(HistoryChain.hex(HistoryChain.SHA_256, abc()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  @DisplayName("a link differs by algorithm and by every field; the default link is SHA-256")
  void links() {
    String prev = HistoryChain.genesis("p-1");
    assertThat(prev).isEqualTo(HistoryChain.genesis(HistoryChain.SHA_256, "p-1"));
    assertThat(HistoryChain.genesis(HistoryChain.SM3, "p-1")).isNotEqualTo(prev).hasSize(64);
    String sha = HistoryChain.linkWith(HistoryChain.SHA_256, prev, "a", "b");
    assertThat(HistoryChain.link(prev, "a", "b")).isEqualTo(sha);
    assertThat(HistoryChain.linkWith(HistoryChain.SM3, prev, "a", "b"))
        .isNotEqualTo(sha)
        .hasSize(64);
    assertThat(HistoryChain.linkWith(HistoryChain.SHA_256, prev, "a", "c")).isNotEqualTo(sha);
    assertThat(HistoryChain.linkWith(HistoryChain.SHA_256, prev, "a\u001fb")).isNotEqualTo(sha);
  }

  @Test
  @DisplayName("xinfang.audit.algorithm: SHA-256 or SM3 (case and hyphen ignored); nothing else")
  void names() {
    assertThat(HistoryChain.algorithm("sm3")).isEqualTo(HistoryChain.SM3);
    assertThat(HistoryChain.algorithm("sha256")).isEqualTo(HistoryChain.SHA_256);
    assertThat(new AuditSettings("SHA-256").algorithm()).isEqualTo(HistoryChain.SHA_256);
    assertThatThrownBy(() -> new AuditSettings("MD5")).isInstanceOf(InvalidInput.class);
  }
}
