/**
 * A record nobody can quietly change: every history event is chained to the previous one by a
 * cryptographic hash, so that editing, deleting or reordering a row is detected.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.xinfang.audit;
