package org.xinfang.workbench.web;

/** One choice of a select: the value sent and the label shown. */
public record Option(String value, String label) {}
