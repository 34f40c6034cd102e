package org.xinfang.supervision;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xinfang.bulletin.BulletinSection;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;

/**
 * The bulletin's section on supervision orders (督办, 条例 Art. 40): per organ, the orders whose reply
 * fell due in the period — answered on time, late, or not at all. Orders on accusations against the
 * organs reported on are not counted (条例 Art. 30 para. 3).
 */
@Component
class SupervisionBulletinSection implements BulletinSection {

  private final SupervisionOrders orders;
  private final Organisations organisations;

  SupervisionBulletinSection(SupervisionOrders orders, Organisations organisations) {
    this.orders = orders;
    this.organisations = organisations;
  }

  @Override
  public String key() {
    return "supervision";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public Content render(Period period) {
    List<SupervisionOrders.ReplyTally> tallies =
        orders.replies(period.jurisdiction(), period.from(), period.to());
    List<Line> lines = new ArrayList<>();
    int onTime = 0;
    int late = 0;
    int unanswered = 0;
    for (SupervisionOrders.ReplyTally t : tallies) {
      if (t.total() == 0) {
        continue;
      }
      onTime += t.onTime();
      late += t.late();
      unanswered += t.unanswered();
      String name =
          organisations
              .find(t.organisationId())
              .map(Organisation::displayName)
              .orElse(t.organisationId());
      lines.add(
          new Line(
              name
                  + "：督办件"
                  + t.total()
                  + "件，按期回复"
                  + t.onTime()
                  + "件，逾期回复"
                  + t.late()
                  + "件，未回复"
                  + t.unanswered()
                  + "件",
              t.organisationId(),
              t.late() + t.unanswered() > 0));
    }
    String summary =
        lines.isEmpty()
            ? "本期无到期督办件。"
            : "到期督办件"
                + (onTime + late + unanswered)
                + "件：按期回复"
                + onTime
                + "件，逾期回复"
                + late
                + "件，未回复"
                + unanswered
                + "件。";
    return new Content(key(), "督办件回复情况", summary, lines);
  }
}
