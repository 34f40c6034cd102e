package org.xinfang.petition;

/** What a review or re-review decides about the opinion below (LAW.md §6). */
public enum ReviewOutcome {
  /** 维持. */
  UPHOLD,
  /** 变更: with the new outcome. */
  VARY,
  /** 撤销并责令重新办理: review only; the original organ issues a new, appealable opinion. */
  REDO
}
