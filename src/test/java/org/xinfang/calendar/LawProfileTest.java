package org.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/** LAW.md §7: per-rule configurable unit, roll-forward and length; provinces differ. */
class LawProfileTest {

  @ParameterizedTest(name = "{0}: {1} {2} ({3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          route              | 15 | CALENDAR | 条例 Art. 22
          notify-receipt     | 15 | CALENDAR | 条例 Art. 23
          object             |  5 | WORKING  | 条例 Art. 23 para. 3
          conclude           | 60 | CALENDAR | 条例 Art. 34
          extension-max      | 30 | CALENDAR | 条例 Art. 34
          conclude-simple    | 10 | WORKING  | 国信发〔2016〕8号
          review-window      | 30 | CALENDAR | 条例 Art. 35
          review             | 30 | CALENDAR | 条例 Art. 35
          re-review-window   | 30 | CALENDAR | 条例 Art. 36 para. 1
          re-review          | 30 | CALENDAR | 条例 Art. 36 para. 1
          accusation-dispose |  5 | WORKING  | 纪检监察机关处理检举控告工作规则 Art. 15
          accusation-notify  | 15 | WORKING  | 纪检监察机关处理检举控告工作规则 Art. 16
          report-major       |  1 | CALENDAR | 条例 Art. 25
          redo               | 60 | CALENDAR | LAW.md §6
          """)
  @DisplayName("The national profile's periods, each with its legal basis")
  void nationalRules(String key, int length, PeriodUnit unit, String basis) {
    assertThat(LawProfile.of("national").rule(key))
        .isEqualTo(new PeriodRule(key, length, unit, true, basis));
  }

  @Test
  @DisplayName("The national profile is the default and holds exactly the 15 rules, in file order")
  void nationalIsDefault() {
    LawProfile profile = new LawProfile(new MockEnvironment());
    assertThat(profile.name()).isEqualTo("national");
    assertThat(profile.rules()).hasSize(15);
    assertThat(profile.rules().get(0).key()).isEqualTo("route");
    assertThat(profile.rules().get(13).key()).isEqualTo("redo");
    // the playbook's 提级办 period (issue 5): 5 working days
    assertThat(profile.rule("escalate"))
        .extracting(PeriodRule::length, PeriodRule::unit)
        .containsExactly(5, PeriodUnit.WORKING);
  }

  @Test
  @DisplayName("浙江省信访条例: 5 working days to dispose, 30 days to handle, extension ≤60")
  void zhejiang() {
    LawProfile profile =
        new LawProfile(new MockEnvironment().withProperty("xinfang.law.profile", "zhejiang"));
    assertThat(profile.name()).isEqualTo("zhejiang");
    assertThat(profile.rule("route"))
        .extracting(PeriodRule::length, PeriodRule::unit)
        .containsExactly(5, PeriodUnit.WORKING);
    assertThat(profile.rule("notify-receipt").unit()).isEqualTo(PeriodUnit.WORKING);
    assertThat(profile.rule("conclude").length()).isEqualTo(30);
    assertThat(profile.rule("extension-max").length()).isEqualTo(60);
    assertThat(profile.rule("review")).isEqualTo(LawProfile.of("national").rule("review"));
    assertThat(profile.rules()).hasSize(15);
  }

  @Test
  @DisplayName("LAW.md §7: a single rule's length, unit, roll-forward and basis are overridable")
  void springPropertyOverrides() {
    LawProfile profile =
        new LawProfile(
            new MockEnvironment()
                .withProperty("xinfang.law.rules.conclude.length", "45")
                .withProperty("xinfang.law.rules.object.roll-forward", "false")
                .withProperty("xinfang.law.rules.review.unit", "working")
                .withProperty("xinfang.law.rules.review.basis", "某省信访条例 Art. 1"));
    assertThat(profile.rule("conclude"))
        .isEqualTo(new PeriodRule("conclude", 45, PeriodUnit.CALENDAR, true, "条例 Art. 34"));
    assertThat(profile.rule("object").rollForward()).isFalse();
    assertThat(profile.rule("review"))
        .isEqualTo(new PeriodRule("review", 30, PeriodUnit.WORKING, true, "某省信访条例 Art. 1"));
  }

  @Test
  @DisplayName("An unknown rule key is a programming error")
  void unknownKey() {
    assertThatThrownBy(() -> LawProfile.of("national").rule("nonsense"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nonsense");
  }

  @Test
  @DisplayName("A misconfiguration fails at start: unknown profile, incomplete or invalid override")
  void misconfiguration() {
    assertThatThrownBy(() -> LawProfile.of("atlantis"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("atlantis");
    assertThatThrownBy(
            () ->
                new LawProfile(
                    new MockEnvironment().withProperty("xinfang.law.rules.typo.length", "5")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("typo");
    assertThatThrownBy(
            () ->
                new LawProfile(
                    new MockEnvironment().withProperty("xinfang.law.rules.conclude.length", "0")))
        .isInstanceOf(IllegalStateException.class);
  }
}
