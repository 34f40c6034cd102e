/**
 * Leaders in charge (条例 Art. 7): leader case packages (领导包案) — a leader takes personal charge of
 * hard petitions with a plan whose steps are assigned duties, progress reports and a resolution
 * record — and the leaders' reception duty (领导接访 / 下访): a roster, what each reception recorded, and
 * which duty days were missed. {@link org.xinfang.leadership.Packages} and {@link
 * org.xinfang.leadership.Receptions} are the module's face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leaders in charge")
package org.xinfang.leadership;
