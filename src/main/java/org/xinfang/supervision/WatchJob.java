package org.xinfang.supervision;

import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily deadline watch: at {@code xinfang.supervision.cron} (01:00 China time by default), on
 * one instance only — ShedLock holds a row in {@code shedlock} while it runs, and for at least 30
 * seconds, so an instance whose clock is a little behind does not run it again.
 */
@Component
public class WatchJob {

  private static final Logger log = LoggerFactory.getLogger(WatchJob.class);

  /** The user name the scheduled runs are recorded under. */
  public static final String SYSTEM = "system";

  private final Watch watch;
  private final AtomicInteger executions = new AtomicInteger();

  WatchJob(Watch watch) {
    this.watch = watch;
  }

  @Scheduled(
      cron = "${xinfang.supervision.cron:0 0 1 * * *}",
      zone = "${xinfang.supervision.zone:Asia/Shanghai}")
  @SchedulerLock(name = "deadline-watch", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
  public void daily() {
    executions.incrementAndGet();
    Watch.Run run = watch.recordToday(SYSTEM);
    log.info(
        "deadline watch {}: {} duties{}",
        run.day(),
        run.duties(),
        run.alreadyRecorded() ? " (already recorded)" : "");
  }

  /** How often this instance got the lock and ran (for the tests and the log). */
  public int executions() {
    return executions.get();
  }
}
