package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;

/**
 * The start-up backfills (V9 history chain, V10 sealed identity numbers) run until they have been
 * done once, then never read the history again (issue 7: at 10,000,000 petitions the search for
 * unchained rows read 56 million events at every start).
 */
class ChainBackfillTest extends IntegrationTest {

  @Autowired ChainBackfill backfill;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "issue 7: the history-chain backfill runs at start until done, then never looks again;"
          + " run again when its mark is removed, it chains the rows as they were chained")
  void runsUntilDoneThenNeverAgain() throws Exception {
    // the application's start did both and marked them
    assertThat(jdbc.sql("select name from backfill_done order by name").query(String.class).list())
        .contains(ChainBackfill.CHAIN, ChainBackfill.SEAL);

    String id = register(letter("2026-11-20", DemoData.CITY_PETITION_BUREAU)).get("id").asString();
    List<String> chained = hashes(id);
    assertThat(chained).isNotEmpty().doesNotContainNull();

    // rows as they were before V9 (no chain): a start with the mark set leaves them
    unchain(id);
    backfill.run(null);
    assertThat(hashes(id)).containsOnlyNulls();

    // the mark removed: the next start chains them, exactly as the writer had, and marks it done
    jdbc.sql("delete from backfill_done where name = :n").param("n", ChainBackfill.CHAIN).update();
    backfill.run(null);
    assertThat(hashes(id)).isEqualTo(chained);
    assertThat(
            jdbc.sql("select count(*) from backfill_done where name = :n")
                .param("n", ChainBackfill.CHAIN)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private void unchain(String id) {
    jdbc.sql("update petition_event set hash = null, prev_hash = null where petition_id = :p")
        .param("p", id)
        .update();
  }

  private List<String> hashes(String id) {
    return jdbc.sql("select hash from petition_event where petition_id = :p order by seq")
        .param("p", id)
        .query(String.class)
        .list();
  }
}
