/**
 * The route map (依法依规信访“路线图” / 处理“导引图”): a few plain questions that lead a citizen, or the clerk at
 * the registration desk, to the legal pathway of LAW.md §4 (条例 Arts. 29–31), the organ to approach,
 * what to bring and the time limits — or to the petition form. The rules live in {@link
 * org.xinfang.guide.RouteMap}, in one place.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guide")
package org.xinfang.guide;
