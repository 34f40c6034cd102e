package org.xinfang.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;

/** Chinese wording of documents: dates, numerals, citations, document numbers. */
class ChineseTextTest {

  @Test
  @DisplayName("dates in Arabic numerals (GB/T 9704-2012): 2026年3月1日")
  void dates() {
    assertThat(ChineseText.date(LocalDate.of(2026, 3, 1))).isEqualTo("2026年3月1日");
    assertThat(ChineseText.date(LocalDate.of(2026, 12, 31))).isEqualTo("2026年12月31日");
    assertThat(ChineseText.date(null)).isEmpty();
  }

  @Test
  @DisplayName("article numerals: 第十条, 第二十二条, 第三十六条, 第一百零五条")
  void numerals() {
    assertThat(ChineseText.numeral(1)).isEqualTo("一");
    assertThat(ChineseText.numeral(10)).isEqualTo("十");
    assertThat(ChineseText.numeral(19)).isEqualTo("十九");
    assertThat(ChineseText.numeral(20)).isEqualTo("二十");
    assertThat(ChineseText.numeral(36)).isEqualTo("三十六");
    assertThat(ChineseText.numeral(105)).isEqualTo("一百零五");
    assertThat(ChineseText.numeral(110)).isEqualTo("一百一十");
  }

  @Test
  @DisplayName("the lifecycle's citations as a document writes them")
  void citations() {
    assertThat(ChineseText.citation("条例 Art. 36 para. 3")).isEqualTo("《信访工作条例》第三十六条第三款");
    assertThat(ChineseText.citation("条例 Art. 31 item 6")).isEqualTo("《信访工作条例》第三十一条第六项");
    assertThat(ChineseText.citation("条例 Arts. 20, 22, 28")).isEqualTo("《信访工作条例》第二十条、第二十二条、第二十八条");
    assertThat(ChineseText.citation("条例 Art. 23; 条例 Art. 31 item 6"))
        .isEqualTo("《信访工作条例》第二十三条、第三十一条第六项");
    assertThat(ChineseText.citation("条例 Arts. 35–36; 2014 逐级走访办法"))
        .isEqualTo("《信访工作条例》第三十五条至第三十六条、《关于进一步规范信访事项受理办理程序引导来访人依法逐级走访的办法》");
    assertThat(ChineseText.citation("2014 逐级走访办法 Art. 4"))
        .isEqualTo("《关于进一步规范信访事项受理办理程序引导来访人依法逐级走访的办法》第四条");
    assertThat(ChineseText.citation("条例 Art. 23; NOTICES.md")).isEqualTo("《信访工作条例》第二十三条");
    assertThat(ChineseText.citation("LAW.md §3")).isEmpty();
  }

  @Test
  @DisplayName("document numbers: organ code + type code + 〔year〕 + serial + 号, no 第, no padding")
  void documentNumbers() {
    assertThat(DocumentNumbers.format("大", "信转", 2026, 12)).isEqualTo("大信转〔2026〕12号");
    DocumentNumbers numbers = new DocumentNumbers(null, NoticeProperties.defaults());
    assertThat(numbers.organCode(organ("大连市信访局", null, OrgType.PETITION_BUREAU, "信访")))
        .isEqualTo("大");
    assertThat(numbers.organCode(organ("大连市人力资源和社会保障局", "大连市人社局", OrgType.DEPARTMENT, "人社")))
        .isEqualTo("大人社");
    assertThat(numbers.organCode(organ("辽宁省人民政府", "辽宁省政府", OrgType.GOVERNMENT, null)))
        .isEqualTo("辽政");
    assertThat(numbers.organCode(organ("大连市自然资源局", null, OrgType.DEPARTMENT, "自然资源")))
        .isEqualTo("大自然");
  }

  @Test
  @DisplayName("organ codes and type codes are the deployment's own")
  void configuredCodes() {
    NoticeProperties configured =
        new NoticeProperties(
            java.util.Map.of(NoticeKind.FORWARD, "转"),
            java.util.Map.of("dl-xfj", new NoticeProperties.Organ("连信", null, null)),
            null,
            "/portal",
            "x.ttc",
            "X");
    assertThat(configured.typeCode(NoticeKind.FORWARD)).isEqualTo("转");
    assertThat(configured.typeCode(NoticeKind.ASSIGN)).isEqualTo("信交");
    DocumentNumbers numbers = new DocumentNumbers(null, configured);
    assertThat(numbers.organCode(organ("大连市信访局", null, OrgType.PETITION_BUREAU, "信访")))
        .isEqualTo("连信");
  }

  private static Organisation organ(String name, String shortName, OrgType type, String line) {
    String id = name.equals("大连市信访局") ? "dl-xfj" : "x";
    return new Organisation(id, name, shortName, OrgLevel.CITY, type, null, "210200", line, false);
  }
}
