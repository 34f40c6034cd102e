package org.xinfang.conference;

/** Why a matter is on a joint conference's agenda. */
public enum AgendaReason {
  /** 疑难问题提级办: a matter triaged DIFFICULT (条例 Art. 13: 协调处理重要信访问题). */
  DIFFICULT("条例第十三条第一款"),
  /** Organs disagree about who handles it (条例 Art. 24 para. 1: the common joint conference). */
  JURISDICTION_DISPUTE("条例第二十四条第一款"),
  /** Raised by supervision (条例 Art. 38 para. 2). */
  SUPERVISION("条例第三十八条第二款"),
  /** Any other important matter (条例 Art. 13 para. 1). */
  OTHER("条例第十三条第一款"),
  /** An earlier meeting's open decision, carried over (条例 Art. 13 para. 1: 督促落实). */
  FOLLOW_UP("条例第十三条第一款");

  private final String basis;

  AgendaReason(String basis) {
    this.basis = basis;
  }

  /** The article a matter on the agenda for this reason rests on. */
  public String basis() {
    return basis;
  }
}
