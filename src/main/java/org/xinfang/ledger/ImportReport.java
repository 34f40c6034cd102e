package org.xinfang.ledger;

import java.util.List;

/**
 * What an imported workbook changes (a preview) or changed (applied), row by row.
 *
 * @param applied whether the changes were made (false: a preview)
 * @param confirmRemovals whether cases missing from the workbook are removed
 * @param lines one per workbook row, then one per case missing from the workbook
 */
public record ImportReport(
    boolean applied,
    boolean confirmRemovals,
    int rows,
    int added,
    int noted,
    int removed,
    int unchanged,
    int refused,
    int kept,
    List<Line> lines) {

  /**
   * One row's outcome.
   *
   * @param row the workbook row (1-based as Excel shows it); 0 for a case missing from it
   * @param outcome {@code ADD}, {@code NOTE}, {@code REMOVE}, {@code UNCHANGED}, {@code REFUSED},
   *     {@code KEEP} (missing from the workbook, kept without confirmation)
   * @param detail what changes, or why the row is refused
   */
  public record Line(int row, String number, String outcome, String detail) {}
}
