package org.xinfang.notice;

import java.util.Locale;

/**
 * The written notices the acts of the lifecycle require (API.md Notices; NOTICES.md), each with its
 * default type code for the document number (文号) and whether it is addressed to the petitioner.
 */
public enum NoticeKind {
  /** 受理告知书 (条例 Art. 23). */
  RECEIPT("信受", true, "条例 Art. 23"),
  /** 不予受理告知书 (LAW.md §3). */
  DECLINE("信不受", true, "LAW.md §3"),
  /** 不再受理告知书 (条例 Art. 36 para. 3). */
  FINAL_DECLINE("信不再受", true, "条例 Art. 36 para. 3"),
  /** 转送函 to the receiving organ, with the 转送告知 to the petitioner (条例 Art. 22). */
  FORWARD("信转", false, "条例 Art. 22"),
  /** 交办单 to the receiving organ, with the notice to the petitioner (条例 Art. 22 item 3). */
  ASSIGN("信交", false, "条例 Art. 22"),
  /** 延期告知书 (条例 Art. 34). */
  EXTENSION("信延", true, "条例 Art. 34"),
  /** 信访处理意见书 (条例 Art. 32). */
  OPINION("信处", true, "条例 Art. 32"),
  /** 复查意见书 (条例 Art. 35). */
  REVIEW_OPINION("信复查", true, "条例 Art. 35"),
  /** 复核意见书 (条例 Art. 36). */
  RE_REVIEW_OPINION("信复核", true, "条例 Art. 36"),
  /** 导入 guidance notice: the legal procedure and where to go (条例 Art. 31 items 1–4). */
  DIVERSION("信导", true, "条例 Art. 31");

  private final String defaultTypeCode;
  private final boolean addressedToPetitioner;
  private final String article;

  NoticeKind(String defaultTypeCode, boolean addressedToPetitioner, String article) {
    this.defaultTypeCode = defaultTypeCode;
    this.addressedToPetitioner = addressedToPetitioner;
    this.article = article;
  }

  /**
   * The article a notice of this kind rests on, cited by its {@code issue-notice} act in the
   * history; a 不予受理告知书 cites its decline ground's own article instead when it is known.
   */
  public String article() {
    return article;
  }

  /** The type code of the document number unless the deployment configures its own. */
  public String defaultTypeCode() {
    return defaultTypeCode;
  }

  /**
   * Whether the petitioner is the addressee (the portal shows these); {@link #FORWARD} and {@link
   * #ASSIGN} go to the receiving organ and carry the petitioner's notice as their second part.
   */
  public boolean addressedToPetitioner() {
    return addressedToPetitioner;
  }

  /** The written answers on the merits (处理意见书, 复查意见书, 复核意见书). */
  public boolean isOpinion() {
    return this == OPINION || this == REVIEW_OPINION || this == RE_REVIEW_OPINION;
  }

  /** The template under {@code templates/notice/}, e.g. {@code re-review-opinion}. */
  String template() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
