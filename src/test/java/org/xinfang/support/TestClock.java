package org.xinfang.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the tests set: "today" in China Standard Time, moved explicitly. */
public final class TestClock extends Clock {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 27);

  private volatile Instant instant = at(DEFAULT_TODAY);

  private static Instant at(LocalDate day) {
    return day.atTime(10, 0).atZone(CHINA).toInstant();
  }

  public void setToday(LocalDate day) {
    instant = at(day);
  }

  /** Moves the clock on by this much (sign-in lock-outs, token expiry). */
  public void advance(java.time.Duration duration) {
    instant = instant.plus(duration);
  }

  public void reset() {
    setToday(DEFAULT_TODAY);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(instant, CHINA);
  }

  @Override
  public ZoneId getZone() {
    return CHINA;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant, zone);
  }

  @Override
  public Instant instant() {
    return instant;
  }
}
