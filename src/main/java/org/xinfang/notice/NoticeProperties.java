package org.xinfang.notice;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's notice settings ({@code xinfang.notice.*}; NOTICES.md: titles, document codes,
 * seal text and the articles cited are the deployment's own).
 *
 * @param typeCodes the type code of each kind in the document number, e.g. {@code FORWARD: 信转}
 *     (defaults: {@link NoticeKind#defaultTypeCode()})
 * @param organs per organisation id: its organ code in document numbers (default: derived from its
 *     name, e.g. 大 for 大连市信访局, 大人社 for 大连市人社局), its seal text (default: its name) and its address
 *     (printed where the petitioner is sent to an organ)
 * @param citations per kind, the legal basis cited in place of the article the act rests on
 * @param portalAddress where the petitioner uses the query code (the citizen portal)
 * @param fontFile a TrueType font or collection with CJK glyphs (Debian fonts-wqy-microhei)
 * @param fontName the PostScript name of the font in a collection
 */
@ConfigurationProperties(prefix = "xinfang.notice")
record NoticeProperties(
    Map<NoticeKind, String> typeCodes,
    Map<String, Organ> organs,
    Map<NoticeKind, String> citations,
    @DefaultValue("/portal") String portalAddress,
    @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") String fontFile,
    @DefaultValue("WenQuanYiMicroHei") String fontName) {

  /** One organisation's own settings; each may be left out. */
  record Organ(String code, String seal, String address) {}

  NoticeProperties {
    Map<NoticeKind, String> codes = new EnumMap<>(NoticeKind.class);
    for (NoticeKind kind : NoticeKind.values()) {
      codes.put(kind, kind.defaultTypeCode());
    }
    if (typeCodes != null) {
      typeCodes.forEach((kind, code) -> codes.put(kind, code.strip()));
    }
    typeCodes = Map.copyOf(codes);
    organs = organs == null ? Map.of() : Map.copyOf(organs);
    citations = citations == null ? Map.of() : Map.copyOf(citations);
  }

  static NoticeProperties defaults() {
    return new NoticeProperties(
        null,
        null,
        null,
        "/portal",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "WenQuanYiMicroHei");
  }

  String typeCode(NoticeKind kind) {
    return typeCodes.get(kind);
  }

  Organ organ(String organisationId) {
    return organs.getOrDefault(organisationId, new Organ(null, null, null));
  }
}
