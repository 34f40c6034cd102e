package org.xinfang.workbench.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of the pages in the user's language: message keys, enum names (common.properties keys
 * {@code state.}, {@code channel.}, … and the workbench's own {@code wb.} keys), articles and
 * dates.
 */
@Component
class Labels {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  boolean english() {
    return "en".equals(locale().getLanguage());
  }

  String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  /** The message for {@code key}, or {@code fallback} when there is none. */
  String msgOr(String key, String fallback, Object... args) {
    return messages.getMessage(key, args, fallback, locale());
  }

  /** An enum's name: {@code prefix.NAME}, e.g. {@code state.ACCEPTED}; empty for null. */
  String of(String prefix, Enum<?> value) {
    return value == null ? "" : msgOr(prefix + "." + value.name(), value.name());
  }

  /** An act's name, e.g. 转送 for {@code forward}. */
  String act(String act) {
    return msgOr("wb.act." + act, act);
  }

  static String date(LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }

  static String timestamp(OffsetDateTime t) {
    return t == null ? "" : TIMESTAMP.format(t);
  }

  /**
   * An article as the domain cites it ("条例 Art. 20 para. 3") in the user's language: 条例第20条第3款 in
   * Chinese, "Regulations Art. 20 para. 3" in English.
   */
  String article(String article) {
    if (article == null || article.isBlank()) {
      return "";
    }
    if (english()) {
      return article.replace("条例", "Regulations").replace("逐级走访办法", "level-by-level rules");
    }
    return article
        .replaceAll("Arts\\. (\\d+)[–-](\\d+)", "第$1–$2条")
        .replaceAll("Art\\. (\\d+)", "第$1条")
        .replaceAll(" ?paras\\. (\\d+)[–-](\\d+)", "第$1–$2款")
        .replaceAll(" ?para\\. (\\d+)", "第$1款")
        .replaceAll(" ?items (\\d+)[–-](\\d+)", "第$1–$2项")
        .replaceAll(" ?item (\\d+)", "第$1项")
        .replace("条例 第", "条例第")
        .replace("办法 第", "办法第")
        .replace(", 第", "、第");
  }
}
