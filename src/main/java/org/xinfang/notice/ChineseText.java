package org.xinfang.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese wording for documents: dates (GB/T 9704-2012: Arabic numerals, 2026年3月1日), numerals
 * (第三十六条), and the articles the lifecycle cites ({@code 条例 Art. 36 para. 3}) as a document cites
 * them (《信访工作条例》第三十六条第三款). Also the template helper {@code cn}.
 */
final class ChineseText {

  private static final String DIGITS = "〇一二三四五六七八九";

  /** The instruments the lifecycle cites by short name, with their titles. */
  private static final Map<String, String> INSTRUMENTS =
      Map.of(
          "条例", "《信访工作条例》",
          "2014 逐级走访办法", "《关于进一步规范信访事项受理办理程序引导来访人依法逐级走访的办法》",
          "检举控告工作规则", "《纪检监察机关处理检举控告工作规则》",
          "纪检监察机关处理检举控告工作规则", "《纪检监察机关处理检举控告工作规则》");

  /** Internal references that a document does not cite. */
  private static final List<String> INTERNAL = List.of("LAW.md", "NOTICES.md", "API.md");

  private static final Pattern SEGMENT = Pattern.compile("^(.*?)\\s*(?:\\bArts?\\.\\s*(.+))?$");
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(\\d+)(?:\\s*[–-]\\s*(\\d+))?(?:\\s*para\\.\\s*(\\d+))?(?:\\s*item\\s*(\\d+))?");

  /** The helper templates use as {@code cn}. */
  static final ChineseText INSTANCE = new ChineseText();

  private ChineseText() {}

  /** 2026年3月1日; empty for null. */
  static String date(LocalDate day) {
    return day == null
        ? ""
        : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  /** 36 → 三十六, 10 → 十, 105 → 一百零五. */
  static String numeral(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative: " + n);
    }
    if (n < 10) {
      return String.valueOf(DIGITS.charAt(n));
    }
    if (n < 20) {
      return "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
    }
    if (n < 100) {
      return DIGITS.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
    }
    if (n < 1000) {
      int rest = n % 100;
      String tail = rest == 0 ? "" : rest < 10 ? "零" + DIGITS.charAt(rest) : tens(rest);
      return DIGITS.charAt(n / 100) + "百" + tail;
    }
    return Integer.toString(n);
  }

  private static String tens(int n) {
    return n < 20 ? "一" + numeral(n) : numeral(n);
  }

  /**
   * The articles as a document cites them: {@code 条例 Arts. 20, 22, 28} → 《信访工作条例》第二十条、第二十二条、第二十八条;
   * several sources separated by {@code ;}; internal references (LAW.md) are left out.
   */
  static String citation(String articles) {
    if (articles == null || articles.isBlank()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    String lastSource = null;
    StringBuilder current = null;
    for (String raw : articles.split(";")) {
      String segment = raw.strip();
      if (segment.isEmpty() || INTERNAL.stream().anyMatch(segment::startsWith)) {
        continue;
      }
      Matcher m = SEGMENT.matcher(segment);
      if (!m.matches()) {
        continue;
      }
      String source = instrument(m.group(1).strip());
      String refs = m.group(2) == null ? "" : references(m.group(2));
      if (source.equals(lastSource) && current != null) {
        if (!refs.isEmpty()) {
          current.append(current.length() > source.length() ? "、" : "").append(refs);
        }
      } else {
        if (current != null) {
          out.add(current.toString());
        }
        current = new StringBuilder(source).append(refs);
        lastSource = source;
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return String.join("、", out);
  }

  private static String instrument(String name) {
    if (name.isEmpty()) {
      return "";
    }
    String known = INSTRUMENTS.get(name);
    if (known != null) {
      return known;
    }
    return name;
  }

  private static String references(String refs) {
    List<String> parts = new ArrayList<>();
    for (String part : refs.split(",")) {
      Matcher m = REFERENCE.matcher(part.strip());
      if (!m.lookingAt()) {
        continue;
      }
      StringBuilder b = new StringBuilder("第").append(numeral(Integer.parseInt(m.group(1))));
      b.append("条");
      if (m.group(2) != null) {
        b.append("至第").append(numeral(Integer.parseInt(m.group(2)))).append("条");
      }
      if (m.group(3) != null) {
        b.append("第").append(numeral(Integer.parseInt(m.group(3)))).append("款");
      }
      if (m.group(4) != null) {
        b.append("第").append(numeral(Integer.parseInt(m.group(4)))).append("项");
      }
      parts.add(b.toString());
    }
    return String.join("、", parts);
  }

  /** The non-blank lines of a text, each a paragraph; empty for null. */
  static List<String> paragraphs(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // ---------------------------------------------------------------- the template helper

  /** For templates: {@code ${cn.day(c.issuedOn)}}. */
  public String day(LocalDate day) {
    return date(day);
  }

  /** For templates: {@code ${cn.lines(c.opinion.text)}}. */
  public List<String> lines(String text) {
    return paragraphs(text);
  }

  /** For templates: {@code ${cn.number(30)}} → 三十. */
  public String number(int n) {
    return numeral(n);
  }
}
