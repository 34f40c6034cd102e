/**
 * The working-day calendar (LAW.md §7): counts the law's periods in calendar or working days, with
 * start-day exclusion (民法典 Art. 201) and roll-forward off rest days (民法典 Art. 203), over holiday
 * data that is versioned, importable and cites the State Council notice it came from. Years whose
 * notice is not loaded assume the statutory holidays and make every deadline in them provisional.
 * The {@link org.xinfang.calendar.LawProfile} holds the configurable period rules.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Working-day calendar",
    allowedDependencies = "shared")
package org.xinfang.calendar;
