package org.xinfang.petition;

/** Who the petitioner rates: the handling organisation or the petition bureau (LAW.md §6). */
public enum RatingTarget {
  HANDLING_ORGANISATION,
  PETITION_BUREAU
}
