package org.xinfang.petition;

/** The legal pathway of a grievance (条例 Art. 31 items 1–6, LAW.md §4). */
public enum Pathway {
  /** 1. court, procuratorate or police procedures. */
  LITIGATION(1),
  /** 2. arbitration. */
  ARBITRATION(2),
  /** 3. party member's appeal or request for re-examination. */
  PARTY_APPEAL(3),
  /** 4. administrative reconsideration, ruling, confirmation, licensing, penalty. */
  ADMIN_PROCEDURE(4),
  /** 4, named separately for statistics: administrative reconsideration. */
  ADMIN_RECONSIDERATION(4),
  /** 5. the organ performs its duty or answers. */
  DUTY_PERFORMANCE(5),
  /** 6. petition handling proper: investigation and a written handling opinion. */
  PETITION_HANDLING(6);

  private final int item;

  Pathway(int item) {
    this.item = item;
  }

  /** The item of 条例 Art. 31 this pathway belongs to. */
  public int item() {
    return item;
  }

  /** Pathways 1–4 are diversions (导入): the matter leaves the petition track. */
  public boolean isDiversion() {
    return item <= 4;
  }

  /** Only pathway 6 runs on the 60-day clock of 条例 Art. 34 and is appealable under Art. 35. */
  public boolean hasHandlingClock() {
    return this == PETITION_HANDLING;
  }
}
