/**
 * The shared kernel: the few exception types every module uses to say "the law refuses this", "no
 * such thing", "bad input" or "not yours", mapped once to RFC 9457 problem details; and the few
 * database facilities several modules need ({@link org.xinfang.shared.Database}, {@link
 * org.xinfang.shared.BulkRows}, {@link org.xinfang.shared.DeferredWrites}).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared kernel",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xinfang.shared;
