package org.xinfang.portal.web;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the confirmation page shows, kept in the browser session that submitted: only that session
 * ever sees the query code again.
 */
record Receipt(
    String petitionId,
    String number,
    String queryCode,
    OffsetDateTime submittedAt,
    String bureauName,
    List<String> attachments,
    boolean hasPhone)
    implements Serializable {}
