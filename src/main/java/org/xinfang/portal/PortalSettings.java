package org.xinfang.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings ({@code xinfang.portal.*}).
 *
 * @param defaultBureau the petition bureau the submission form addresses unless the citizen picks
 *     another
 * @param rateLimit how many submissions and failed look-ups one client address may make
 * @param duplicateWindow how long the same person's same text counts as the same submission
 * @param maxFiles how many attachments one submission may carry
 */
@ConfigurationProperties(prefix = "xinfang.portal")
public record PortalSettings(
    @DefaultValue("dl-xfj") String defaultBureau,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("10m") Duration duplicateWindow,
    @DefaultValue("5") int maxFiles) {

  /**
   * @param submissions submissions per window and client address
   * @param failures failed look-ups (wrong number, code or phone digits) per window and address
   * @param window the length of the window
   */
  public record RateLimit(
      @DefaultValue("5") int submissions,
      @DefaultValue("10") int failures,
      @DefaultValue("10m") Duration window) {}
}
