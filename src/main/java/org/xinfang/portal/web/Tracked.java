package org.xinfang.portal.web;

import java.io.Serializable;

/**
 * The petition a browser session has proved it may follow (number, query code and, where the
 * petition has a phone, its last four digits). Kept server-side in the session; notices and acts
 * are reached through it, never by a bare id.
 */
record Tracked(String petitionId, String number, String queryCode) implements Serializable {}
