package org.xinfang.notice;

import org.springframework.stereotype.Component;
import org.xinfang.organisation.Organisation;

/**
 * Document numbers (文号, NOTICES.md): {@code <organ code><type code>〔<year>〕<serial>号} — no 第, no
 * zero padding, e.g. 大信转〔2026〕12号 — with one serial per organ, type code and year.
 */
@Component
class DocumentNumbers {

  private final NoticeStore store;
  private final NoticeProperties properties;

  DocumentNumbers(NoticeStore store, NoticeProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** The next number of this organ for this kind in this year. */
  String next(Organisation organ, NoticeKind kind, int year) {
    String type = properties.typeCode(kind);
    int serial = store.nextSerial(organ.id(), type, year);
    return format(organCode(organ), type, year, serial);
  }

  static String format(String organCode, String typeCode, int year, int serial) {
    return organCode + typeCode + "〔" + year + "〕" + serial + "号";
  }

  /**
   * The organ's code: configured ({@code xinfang.notice.organs.<id>.code}), or derived from its
   * name: the first character of its short name (or name) — 大 for 大连市信访局, whose type codes (信转, 信处
   * …) already say 信访 — followed, for other bodies, by their line or kind: 大人社 for 大连市人社局, 大政 for
   * 大连市人民政府, 大纪 for the discipline inspection commission, 大政法 for the political-legal one.
   */
  String organCode(Organisation organ) {
    String configured = properties.organ(organ.id()).code();
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String name = organ.displayName().strip();
    String first = name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
    String suffix =
        switch (organ.type()) {
          case PETITION_BUREAU, VILLAGE_COMMITTEE -> "";
          case GOVERNMENT -> "政";
          case DISCIPLINE_INSPECTION -> "纪";
          case POLITICAL_LEGAL -> "政法";
          case DEPARTMENT -> line(organ.line());
        };
    return first + suffix;
  }

  private static String line(String line) {
    if (line == null || line.isBlank()) {
      return "";
    }
    String l = line.strip();
    return l.codePointCount(0, l.length()) <= 2 ? l : l.substring(0, l.offsetByCodePoints(0, 2));
  }
}
