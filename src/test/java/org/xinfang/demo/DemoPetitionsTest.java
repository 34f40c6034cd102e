package org.xinfang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.PetitionService;
import org.xinfang.support.IntegrationTest;

/**
 * The demo petitions are real records made through the same service the API uses: every act the
 * seeder does must be one the law and the users' rights allow (the tests' context does not seed
 * them on start; this test seeds them once).
 */
class DemoPetitionsTest extends IntegrationTest {

  @Autowired PetitionService petitions;
  @Autowired Organisations organisations;
  @Autowired Clock clockBean;
  @Autowired JdbcClient jdbc;

  @Test
  void theDemoMattersAreSeededThroughTheLaw() {
    long before = count("select count(*) from petition");
    int n = new DemoPetitions(petitions, organisations, clockBean).seed();
    assertThat(n).isGreaterThanOrEqualTo(35);
    assertThat(count("select count(*) from petition") - before).isEqualTo(n);
    // every lifecycle stage the demo promises is there
    for (String state :
        new String[] {"REGISTERED", "FORWARDED", "ACCEPTED", "REPLIED", "REVIEWED"}) {
      assertThat(count("select count(*) from petition where state = '" + state + "'"))
          .as(state)
          .isPositive();
    }
    assertThat(count("select count(*) from petition where resolved")).isPositive();
    assertThat(count("select count(*) from petition where complexity = 'DIFFICULT'")).isPositive();
    assertThat(count("select count(*) from task where source = 'ESCALATION'")).isPositive();
    assertThat(count("select count(*) from petition where repeat_of is not null")).isPositive();
    assertThat(count("select count(*) from accused where organisation_id = 'dl-zjj'")).isPositive();
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
