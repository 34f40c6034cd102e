package org.xinfang.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Users;
import org.xinfang.shared.LawViolation;

/**
 * Seeds the demo city on a start with an empty organisation tree ({@code xinfang.demo.enabled},
 * default true), in one transaction. Runs first (order 0): the bootstrap administrator (order 10)
 * then belongs to the demo's root organisation.
 */
@Component
@Order(0)
@ConditionalOnProperty(
    prefix = "xinfang.demo",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class DemoSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final Organisations organisations;
  private final Users users;
  private final TransactionTemplate transaction;

  DemoSeeder(Organisations organisations, Users users, PlatformTransactionManager transactions) {
    this.organisations = organisations;
    this.users = users;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisations.root().isPresent()) {
      return; // not a first start, or a real tree: never touch it
    }
    int seeded;
    try {
      seeded =
          transaction.execute(
              status -> {
                var orgs = DemoCity.organisations();
                orgs.forEach(organisations::create);
                DemoCity.users().forEach(users::create);
                return orgs.size();
              });
    } catch (DataIntegrityViolationException | LawViolation e) {
      log.info("Demo city not seeded: another instance seeded it first");
      return;
    }
    log.info(
        "Demo city seeded: {} organisations (辽宁省 › 大连市 › districts › streets › communities).",
        seeded);
    log.info(
        "Demo users {} sign in with password '{}' (demo only: switch off with"
            + " xinfang.demo.enabled=false).",
        String.join(", ", DemoData.USERS),
        DemoData.PASSWORD);
  }
}
