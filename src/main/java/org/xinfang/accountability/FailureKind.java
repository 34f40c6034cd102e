package org.xinfang.accountability;

/**
 * The failures of 条例 Arts. 43–46 the record can show, each with the article (and item) it falls
 * under. Where the article depends on who failed (a petition bureau under Art. 43, an organ with
 * the duty to accept under Art. 44), {@link Failure#article()} carries the one that applies.
 */
public enum FailureKind {
  /** 应当登记而未按照规定登记: a bureau (Art. 43), an organ that accepts (Art. 44 item 1). */
  NOT_REGISTERED("条例 Art. 44 item 1", "对收到的信访事项不按照规定登记"),
  /** 应当转送、交办而未按照规定转送、交办 (Art. 43). */
  NOT_ROUTED_IN_TIME("条例 Art. 43", "对收到的信访事项未按照规定转送、交办"),
  /** 对属于其职权范围的信访事项不予受理 (Art. 44 item 2). */
  NOT_ACCEPTED("条例 Art. 44 item 2", "对属于其职权范围的信访事项不予受理"),
  /** 未在规定期限内书面告知信访人是否受理 (Art. 44 item 3). */
  NOTICE_LATE("条例 Art. 44 item 3", "未在规定期限内书面告知信访人是否受理信访事项"),
  /** 推诿、敷衍、拖延或者未在规定期限内办结 (Art. 45 item 1). */
  CONCLUSION_LATE("条例 Art. 45 item 1", "未在规定期限内办结信访事项"),
  /** 对事实清楚、符合规定的投诉请求未予支持 (Art. 45 item 2). */
  REQUEST_NOT_SUPPORTED("条例 Art. 45 item 2", "对事实清楚，符合法律、法规、规章或者其他有关规定的投诉请求未予支持"),
  /** 对重大、紧急信访事项和信访信息隐瞒、谎报、缓报 (Art. 46 item 4). */
  MAJOR_REPORTED_LATE("条例 Art. 46 item 4", "对可能造成社会影响的重大、紧急信访事项和信访信息缓报"),
  /** 将检举、揭发材料或者有关情况透露、转给被检举、揭发的人员或者单位 (Art. 46 item 5). */
  ACCUSATION_LEAKED("条例 Art. 46 item 5", "将信访人的检举、揭发材料或者有关情况透露、转给被检举、揭发的人员或者单位");

  private final String article;
  private final String text;

  FailureKind(String article, String text) {
    this.article = article;
    this.text = text;
  }

  /** The article and item as the code cites it, e.g. {@code 条例 Art. 44 item 3}. */
  public String article() {
    return article;
  }

  /** The article's own words for the failure (for the referral document). */
  public String text() {
    return text;
  }

  /** An article as a Chinese document cites it: 《信访工作条例》第四十四条第（三）项. */
  public static String chinese(String article) {
    String a = article.replace("条例 Art. ", "");
    String[] parts = a.split(" item ");
    String cite = "《信访工作条例》第" + numeral(Integer.parseInt(parts[0].trim())) + "条";
    if (parts.length > 1) {
      cite += "第（" + numeral(Integer.parseInt(parts[1].trim())) + "）项";
    }
    return cite;
  }

  private static String numeral(int n) {
    String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 10) return digits[n];
    if (n < 20) return "十" + digits[n % 10];
    return digits[n / 10] + "十" + digits[n % 10];
  }
}
