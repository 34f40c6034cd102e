package org.xinfang.bulletin;

import java.util.List;
import org.springframework.stereotype.Component;
import org.xinfang.leadership.DutyStatus;
import org.xinfang.leadership.Receptions;

/** 领导接访: the roster's days in the period, held or missed (条例 Art. 7). */
@Component
class ReceptionSection implements BulletinSection {

  private final Receptions receptions;
  private final Names names;

  ReceptionSection(Receptions receptions, Names names) {
    this.receptions = receptions;
    this.names = names;
  }

  @Override
  public String key() {
    return "receptions";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Content render(Period p) {
    DutyStatus s = receptions.dutyStatus(p.jurisdiction(), p.from(), p.to());
    List<Line> lines =
        s.missedDuties().stream()
            .map(
                d ->
                    new Line(
                        d.date()
                            + " "
                            + names.user(d.leader())
                            + "（"
                            + names.organisation(d.organisationId())
                            + "）"
                            + (d.place() == null ? "" : "在" + d.place())
                            + "的接访排班未履行，无接访记录。",
                        d.organisationId(),
                        true))
            .toList();
    return new Content(
        key(),
        "领导接访",
        "排班"
            + s.scheduled()
            + "次，已接访"
            + s.held()
            + "次，未接访"
            + s.missed()
            + "次，待接访"
            + s.upcoming()
            + "次。",
        lines);
  }
}
