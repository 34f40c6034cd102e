/**
 * The organisation tree: regions, their governments, departments, petition bureaus and village
 * committees; which organ is "one level up" for review and re-review (LAW.md §6); and the users who
 * act for these organisations with their roles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations and users")
package org.xinfang.organisation;
