package org.xinfang.leadership;

/**
 * The packages of some organisations in figures (for bulletins and assessment).
 *
 * @param lateSteps open plan steps past their due date
 */
public record PackageProgress(int open, int resolved, int closed, int openSteps, int lateSteps) {}
