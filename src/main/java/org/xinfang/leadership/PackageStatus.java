package org.xinfang.leadership;

/** Where a case package stands: open, resolved (化解), or closed unresolved with a reason. */
public enum PackageStatus {
  OPEN,
  RESOLVED,
  CLOSED
}
