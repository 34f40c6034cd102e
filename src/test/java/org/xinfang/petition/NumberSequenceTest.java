package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.support.IntegrationTest;

/**
 * Every petition gets a number of its year's gap-free sequence (LAW.md §1, the number and query
 * code). The year's first number is the one place two registrations can meet on a row that does not
 * exist yet: on PostgreSQL a failed insert aborts the whole transaction, so the loser must not
 * fail, it must wait and take the next number.
 */
@DisplayName("Petition numbers: two registrations racing for a year's first number both get one")
class NumberSequenceTest extends IntegrationTest {

  @Autowired Petitions petitions;
  @Autowired PlatformTransactionManager transactions;

  private ExecutorService pool;

  @BeforeEach
  void start() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  @DisplayName("the first two numbers of a new year, taken at once: 1 and 2, neither refused")
  void firstOfTheYearRace() throws Exception {
    // a year no other test numbers in (each run of the suite on a database: the next unused one)
    int year =
        1900
            + jdbc.sql(
                    "select count(*) from petition_number_sequence where number_year < 2000"
                        + " and number_year >= 1900")
                .query(Integer.class)
                .single();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    CountDownLatch firstTook = new CountDownLatch(1);
    CountDownLatch secondAsked = new CountDownLatch(1);
    Future<Integer> first =
        pool.submit(
            () ->
                tx.execute(
                    status -> {
                      int n = petitions.nextSequence(year);
                      firstTook.countDown();
                      // held uncommitted while the second asks for the same year's row
                      await(secondAsked);
                      sleep(300);
                      return n;
                    }));
    await(firstTook);
    Future<Integer> second =
        pool.submit(
            () ->
                tx.execute(
                    status -> {
                      secondAsked.countDown();
                      return petitions.nextSequence(year);
                    }));
    assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(2);
    Integer third = tx.execute(status -> petitions.nextSequence(year));
    assertThat(third).isEqualTo(3);
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
