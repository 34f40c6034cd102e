package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAW.md §6 (条例 Art. 35): after 撤销并责令重新办理 the new opinion may not be the same or substantially the
 * same as the one set aside. What is form and what is meaning.
 */
@DisplayName("LAW.md §6: a REDO's new opinion — form ignored, meaning kept")
class SubstantiallyTheSameTest {

  private static boolean same(String a, String b) {
    return Petition.normalise(a).equals(Petition.normalise(b));
  }

  @Test
  @DisplayName("spaces, punctuation, full-width forms, case and invisible characters are form")
  void formIsIgnored() {
    assertThat(same("不予支持。", "“不予 支持”！！")).isTrue();
    assertThat(same("Ａ公司应支付工资", "a公司应支付工资")).isTrue();
    for (String invisible : new String[] {"\u200B", "\u00AD", "\u2028", "\uFEFF", "\u0001"}) {
      assertThat(same("不予支持", "不予" + invisible + "支持")).as(invisible).isTrue();
    }
  }

  @Test
  @DisplayName("an amount, a date or a symbol that changes the meaning makes a new opinion")
  void meaningIsKept() {
    assertThat(same("补发工资1.5万元", "补发工资15万元")).isFalse();
    assertThat(same("于2026-1-12前支付", "于2026-11-2前支付")).isFalse();
    assertThat(same("赔偿≥3000元", "赔偿≤3000元")).isFalse();
    assertThat(same("上浮5%", "上浮5‰")).isFalse();
  }
}
