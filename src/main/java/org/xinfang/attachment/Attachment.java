package org.xinfang.attachment;

import java.time.OffsetDateTime;

/**
 * One stored attachment of a petition.
 *
 * @param contentType the type recognised from the file's content (not the name or the client's
 *     claim)
 * @param sha256 the hex SHA-256 of the content, which also names the stored file
 * @param pages the number of pages of a PDF (1 for an image), null where it could not be counted
 */
public record Attachment(
    String id,
    String petitionId,
    String filename,
    String contentType,
    long size,
    String sha256,
    Integer pages,
    String uploadedBy,
    OffsetDateTime uploadedAt) {}
