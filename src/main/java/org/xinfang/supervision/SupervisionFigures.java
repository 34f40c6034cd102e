package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.figures.SupervisionSource;

/**
 * The supervision orders for the annual report (条例 Art. 41 item 2; 督办 under Art. 40 para. 1):
 * issued in the period by these organisations, answered in writing, answered after the reply date,
 * or not answered. The record keeps no recommendations (Art. 40 paras. 1–3) yet: none are reported.
 */
@Component
class SupervisionFigures implements SupervisionSource {

  private final JdbcClient jdbc;

  SupervisionFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Orders orders(Set<String> organisations, LocalDate from, LocalDate to) {
    if (organisations.isEmpty()) {
      return new Orders(0, 0, 0);
    }
    List<Object> args = new ArrayList<>(organisations);
    args.add(from);
    args.add(to);
    return jdbc.sql(
            "select count(*) as issued,"
                + " sum(case when replied_on is not null then 1 else 0 end) as answered,"
                + " sum(case when replied_on > reply_due then 1 else 0 end) as late"
                + " from supervision_order where issued_by_org in ("
                + String.join(", ", Collections.nCopies(organisations.size(), "?"))
                + ") and issued_on between ? and ?")
        .params(args)
        .query((rs, n) -> new Orders(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  @Override
  public List<Recommendations> recommendations(
      Set<String> organisations, LocalDate from, LocalDate to) {
    return List.of();
  }
}
