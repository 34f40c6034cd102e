/**
 * Scanned attachments of a petition (条例 Art. 19: the materials a petitioner provides; letters
 * scanned at the registration desk): PDF and images, checked by their content (not their name),
 * limited in size, stored content-addressed by SHA-256 and verified on every read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package org.xinfang.attachment;
