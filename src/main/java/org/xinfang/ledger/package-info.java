/**
 * Ledgers (台账): named campaigns such as 治重访化积案 or 万件化访 — an owner, a period, a target, rules that
 * select petitions (repeat petitions, backlog older than N months, a region, a category…) plus
 * manual additions and removals, every case tracked to resolution with a live, drillable resolution
 * rate; exported and imported as the Excel workbook bureaus already keep. {@link
 * org.xinfang.ledger.Ledgers} is the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledgers")
package org.xinfang.ledger;
