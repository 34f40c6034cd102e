/**
 * Figures and assessment (考核, issue 6; LAW.md §9): volume, first-petition resolution, on-time
 * notice and conclusion, rating and satisfaction, repeat, ledger resolution and spot-check pass
 * rates for any organisation's subtree and period, each with its formula and drillable to its
 * petitions; the breakdowns, 零访 and 清零, where matters were resolved, a five-year trend; the
 * assessment per organ and the annual report of 条例 Art. 41, exported to Excel and PDF; the
 * dashboard. {@link org.xinfang.figures.Figures} is the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Figures")
package org.xinfang.figures;
