package org.xinfang.bulletin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily job: each morning, the draft bulletin of every petition bureau for the day. Once across
 * instances (ShedLock, like the deadline watch), and idempotent besides ({@link
 * Bulletins#generateDaily}): a second run, on this instance or another, changes nothing. Off with
 * {@code xinfang.bulletin.daily.enabled=false}; the time is {@code xinfang.bulletin.daily.cron}
 * (default 07:00 China time).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    prefix = "xinfang.bulletin.daily",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class BulletinJob {

  private static final Logger log = LoggerFactory.getLogger(BulletinJob.class);

  private final Bulletins bulletins;
  private final Clock clock;

  BulletinJob(Bulletins bulletins, Clock clock) {
    this.bulletins = bulletins;
    this.clock = clock;
  }

  @Scheduled(cron = "${xinfang.bulletin.daily.cron:0 0 7 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "daily-bulletins", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
  public void daily() {
    int created =
        bulletins.generateDaily(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
    if (created > 0) {
      log.info("Daily bulletins: {} draft(s) created", created);
    }
  }
}
