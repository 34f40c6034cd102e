package org.xinfang.bulletin;

/** A bulletin is a DRAFT until a supervisor publishes it; PUBLISHED ones never change. */
public enum BulletinStatus {
  DRAFT,
  PUBLISHED
}
