package org.xinfang.supervision;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code xinfang.supervision}.
 *
 * @param warningDays pre-warning: this many working days or fewer before the due date (default 3)
 * @param level2From overdue level 2 from this many working days late (default 6; level 1 below)
 * @param level3From overdue level 3 from this many working days late (default 16)
 * @param cron when the daily watch runs (default 01:00), in {@code zone}
 * @param checklist the spot-check points, in order (default: the seven of issue 6)
 */
@ConfigurationProperties(prefix = "xinfang.supervision")
public record SupervisionProperties(
    Integer warningDays,
    Integer level2From,
    Integer level3From,
    String cron,
    String zone,
    List<String> checklist) {

  /** The seven points of a spot check the record can mostly answer (issue 6). */
  public static final List<String> DEFAULT_CHECKLIST =
      List.of(
          "REGISTRATION_COMPLETE",
          "ROUTED_IN_TIME",
          "NOTICE_IN_TIME",
          "OPINION_CITES_BASIS",
          "DELIVERED",
          "RATED",
          "DOCUMENTS_COMPLETE");

  public SupervisionProperties {
    warningDays = warningDays == null ? 3 : warningDays;
    level2From = level2From == null ? 6 : level2From;
    level3From = level3From == null ? 16 : level3From;
    cron = cron == null || cron.isBlank() ? "0 0 1 * * *" : cron;
    zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone;
    checklist =
        checklist == null || checklist.isEmpty()
            ? DEFAULT_CHECKLIST
            : checklist.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
