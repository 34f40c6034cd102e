package org.xinfang.petition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals identity numbers stored in plain (V10__data_scope.sql) and chains history rows
 * written before the chain existed (V9__history_chain.sql).
 */
@Component
@Order(50)
class ChainBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ChainBackfill.class);
  private final PetitionService petitions;

  ChainBackfill(PetitionService petitions) {
    this.petitions = petitions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!petitions.backfillDone(SEAL)) {
      int sealed = petitions.sealPlainIdNumbers();
      if (sealed > 0) {
        log.info("Sealed {} identity numbers stored in plain before V10", sealed);
      }
      petitions.markBackfillDone(SEAL);
    }
    if (!petitions.backfillDone(CHAIN)) {
      int chained = petitions.chainUnchainedHistory();
      if (chained > 0) {
        log.info("Chained the history of {} petitions written before the chain existed", chained);
      }
      petitions.markBackfillDone(CHAIN);
    }
  }

  /** The backfills' names in {@code backfill_done} (V34). */
  static final String SEAL = "seal-id-numbers";

  static final String CHAIN = "chain-history";
}
