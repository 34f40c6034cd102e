package org.xinfang.conference;

/** Whether a member organisation attended, and who came for it. */
public record Attendance(String organisationId, boolean attended, String attendee) {}
