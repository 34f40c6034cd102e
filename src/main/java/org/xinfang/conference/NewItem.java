package org.xinfang.conference;

/** A matter to put on the agenda: by petition id or by petition number. */
public record NewItem(String petitionId, String petitionNumber, AgendaReason reason, String note) {}
