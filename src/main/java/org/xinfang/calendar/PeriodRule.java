package org.xinfang.calendar;

/**
 * One configurable period rule: key like "conclude", its length, unit, roll-forward, and the legal
 * basis text, e.g. "条例 Art. 34".
 */
public record PeriodRule(
    String key, int length, PeriodUnit unit, boolean rollForward, String basis) {}
