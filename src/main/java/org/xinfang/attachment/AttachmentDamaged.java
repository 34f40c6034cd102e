package org.xinfang.attachment;

/** A stored file is missing or no longer matches its recorded SHA-256: nothing is served. */
public class AttachmentDamaged extends RuntimeException {

  public AttachmentDamaged(String detail) {
    super(detail);
  }
}
