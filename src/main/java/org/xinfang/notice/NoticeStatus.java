package org.xinfang.notice;

/** Whether a notice has been issued or still lacks required content. */
public enum NoticeStatus {
  /** Issued: numbered, recorded in the history, immutable. */
  ISSUED,
  /** Composed but lacking required content; staff complete and issue it. */
  DRAFT
}
