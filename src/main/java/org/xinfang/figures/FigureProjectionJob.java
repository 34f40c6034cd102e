package org.xinfang.figures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the figures' journal every {@code xinfang.figures.projection.interval} (5 s by default) on
 * every instance, so that it stays short between reads; the drains take turns on the figures' lock,
 * and one that finds nothing noted costs one probe. {@code
 * xinfang.figures.projection.enabled=false} leaves the draining to the reads alone.
 */
@Component
@ConditionalOnProperty(
    name = "xinfang.figures.projection.enabled",
    havingValue = "true",
    matchIfMissing = true)
class FigureProjectionJob {

  private static final Logger log = LoggerFactory.getLogger(FigureProjectionJob.class);

  private final FigureProjector projector;

  FigureProjectionJob(FigureProjector projector) {
    this.projector = projector;
  }

  @Scheduled(
      initialDelayString = "${xinfang.figures.projection.interval:5s}",
      fixedDelayString = "${xinfang.figures.projection.interval:5s}")
  void drain() {
    try {
      projector.catchUp();
    } catch (RuntimeException e) {
      // the notes of the failed batch stay for the next drain
      log.warn("figures' projection failed, retried at the next drain: {}", e.toString());
    }
  }
}
