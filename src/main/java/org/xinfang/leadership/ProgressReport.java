package org.xinfang.leadership;

import java.time.LocalDate;

/** A progress report on a package, by the leader or an organ working on it. */
public record ProgressReport(
    String id, LocalDate reportedOn, String reportedBy, String organisationId, String text) {}
