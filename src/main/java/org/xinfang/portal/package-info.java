/**
 * The citizen's pages (no staff account): the route map, online submission (条例 Arts. 17, 19, 21),
 * tracking with the number and query code, rating and requesting review or re-review inside the
 * window (条例 Arts. 21, 35, 36). Rate limits and duplicate recognition are kept in the database so
 * that several instances agree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen portal")
package org.xinfang.portal;
