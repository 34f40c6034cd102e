package org.xinfang.leadership;

/** A leader receiving visitors at a reception place (领导接访), or going out to them (下访). */
public enum ReceptionKind {
  RECEPTION,
  VISIT_OUT
}
