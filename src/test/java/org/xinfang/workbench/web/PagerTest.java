package org.xinfang.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xinfang.petition.WorkQuery;

/** Paging links and status, over an exact count and over the work list's bounded one. */
class PagerTest {

  private final Map<String, String> filters = new LinkedHashMap<>(Map.of("org", "dl-xfj"));

  @Test
  void anExactCountGivesThePagesAndNoNextLinkOnTheLast() {
    Pager p = Pager.of("/", filters, 3, 20, 45);
    assertThat(p.exact()).isTrue();
    assertThat(p.pages()).isEqualTo(3);
    assertThat(p.total()).isEqualTo(45);
    assertThat(p.from()).isEqualTo(41);
    assertThat(p.to()).isEqualTo(45);
    assertThat(p.prev()).isEqualTo("/?org=dl-xfj&page=2&size=20");
    assertThat(p.next()).isNull();
  }

  @Test
  void aCountWithinTheBoundIsExact() {
    WorkQuery q = new WorkQuery("dl-xfj", null, null, null, null, false, 0, 20);
    Pager p = Pager.of("/", filters, 1, 20, WorkQuery.COUNTED, q.countLimit());
    assertThat(p.exact()).isTrue();
    assertThat(p.pages()).isEqualTo(WorkQuery.COUNTED / 20);
    assertThat(p.next()).isEqualTo("/?org=dl-xfj&page=2&size=20");
  }

  @Test
  void aCountOverTheBoundSaysMoreThanAndLinksTheNextPage() {
    WorkQuery q = new WorkQuery("dl-xfj", null, null, null, null, false, 4, 20);
    assertThat(q.countLimit()).isEqualTo(WorkQuery.COUNTED);
    Pager p = Pager.of("/", filters, 5, 20, q.countLimit() + 1, q.countLimit());
    assertThat(p.exact()).isFalse();
    assertThat(p.total()).isEqualTo(WorkQuery.COUNTED);
    assertThat(p.from()).isEqualTo(81);
    assertThat(p.to()).isEqualTo(100);
    assertThat(p.prev()).isEqualTo("/?org=dl-xfj&page=4&size=20");
    assertThat(p.next()).isEqualTo("/?org=dl-xfj&page=6&size=20");
  }

  @Test
  void deepInTheListTheBoundReachesTheEndOfThePageAskedFor() {
    // page 600 of 20 (0-based 599): counted up to 12,000, so a 12,001st row means a next page
    WorkQuery q = new WorkQuery("dl-xfj", null, null, null, null, false, 599, 20);
    assertThat(q.countLimit()).isEqualTo(12_000);
    assertThat(Pager.of("/", filters, 600, 20, 12_001, q.countLimit()).next())
        .isEqualTo("/?org=dl-xfj&page=601&size=20");
    Pager last = Pager.of("/", filters, 600, 20, 11_990, q.countLimit());
    assertThat(last.exact()).isTrue();
    assertThat(last.next()).isNull();
  }
}
