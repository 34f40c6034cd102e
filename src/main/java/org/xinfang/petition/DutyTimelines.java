package org.xinfang.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duties of a petition over its whole life, and overdue duties per organisation in figures: for
 * the accountability trace (责任倒查) and the daily bulletin. The timeline replays the history event by
 * event through the same aggregate that derives today's duties, so a duty's rule lives in one place
 * ({@link Petition#duties}); nothing here restates the law.
 */
@Component
public class DutyTimelines {

  private final Petitions petitions;
  private final PetitionService service;
  private final JdbcClient jdbc;
  private final Clock clock;

  DutyTimelines(Petitions petitions, PetitionService service, JdbcClient jdbc, Clock clock) {
    this.petitions = petitions;
    this.service = service;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Every duty an organisation owed on a petition the signed-in user may see, in the order they
   * arose (the petitioner's own windows and the optional right to object left out).
   *
   * @throws org.xinfang.shared.NotFound for an unknown petition or an accusation hidden from the
   *     user
   * @throws org.xinfang.shared.Forbidden outside the user's scope
   */
  @Transactional(readOnly = true)
  public List<DutyRecord> of(String petitionId) {
    service.requireReadable(petitionId);
    return build(petitionId, petitions.history(petitionId), service.law(), today());
  }

  static List<DutyRecord> build(String id, List<HistoryEvent> events, Law law, LocalDate today) {
    Map<String, Pending> open = new LinkedHashMap<>();
    List<DutyRecord> records = new ArrayList<>();
    Petition petition = null;
    for (int i = 0; i < events.size(); i++) {
      HistoryEvent e = events.get(i);
      petition = Petition.replay(id, i + 1, events.subList(0, i + 1));
      Map<String, Duty> now = owed(petition.duties(law, e.on()));
      for (var entry : now.entrySet()) {
        Pending p = open.get(entry.getKey());
        if (p == null) {
          open.put(entry.getKey(), new Pending(entry.getValue(), e));
        } else {
          p.duty = entry.getValue(); // the due date may have moved (extension, hearing)
        }
      }
      for (var it = open.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        if (!now.containsKey(entry.getKey())) {
          records.add(entry.getValue().ended(e));
          it.remove();
        }
      }
    }
    if (petition != null && !open.isEmpty()) {
      Map<String, Duty> current = owed(petition.duties(law, today));
      for (var entry : open.entrySet()) {
        Duty d = current.getOrDefault(entry.getKey(), entry.getValue().duty);
        entry.getValue().duty = d;
        records.add(entry.getValue().open(today));
      }
    }
    records.sort(
        (a, b) ->
            a.aroseSeq() != b.aroseSeq()
                ? Integer.compare(a.aroseSeq(), b.aroseSeq())
                : a.duty().compareTo(b.duty()));
    return records;
  }

  private static Map<String, Duty> owed(List<Duty> duties) {
    Map<String, Duty> owed = new LinkedHashMap<>();
    for (Duty d : duties) {
      if (d.owedBy() != null && !d.optional() && !d.duty().isPetitionersWindow()) {
        owed.put(d.duty() + "|" + d.owedBy(), d);
      }
    }
    return owed;
  }

  private static final class Pending {
    Duty duty;
    final HistoryEvent arose;

    Pending(Duty duty, HistoryEvent arose) {
      this.duty = duty;
      this.arose = arose;
    }

    DutyRecord ended(HistoryEvent e) {
      boolean late = e.on().isAfter(duty.due());
      return record(
          e.on(),
          e.seq(),
          e.act(),
          e.by(),
          e.organisationId(),
          late ? DutyRecord.Outcome.DONE_LATE : DutyRecord.Outcome.DONE);
    }

    DutyRecord open(LocalDate today) {
      boolean missed = !duty.paused() && today.isAfter(duty.due());
      return record(
          null,
          null,
          null,
          null,
          null,
          missed ? DutyRecord.Outcome.MISSED : DutyRecord.Outcome.OPEN);
    }

    private DutyRecord record(
        LocalDate on, Integer seq, String act, String by, String org, DutyRecord.Outcome outcome) {
      return new DutyRecord(
          duty.duty(),
          duty.owedBy(),
          duty.basis(),
          arose.on(),
          arose.seq(),
          arose.act(),
          duty.due(),
          duty.provisional(),
          on,
          seq,
          act,
          by,
          org,
          outcome);
    }
  }

  /**
   * Statutory duties past due on {@code today}, counted per owing organisation and duty: for
   * reports on organisations (the daily bulletin), not scoped to a user. Accusations are never
   * counted, so no figure can reveal one to the accused (条例 Art. 30 para. 3); paused and optional
   * duties are not overdue.
   */
  @Transactional(readOnly = true)
  public List<OverdueCount> overdueByOrganisation(Set<String> owedBy, LocalDate today) {
    if (owedBy == null || owedBy.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(owedBy);
    args.add(today);
    return jdbc.sql(
            "select d.owed_by, d.duty, count(*) as n, min(d.due) as oldest from petition_duty d"
                + " join petition p on p.id = d.petition_id where d.owed_by in ("
                + String.join(", ", Collections.nCopies(owedBy.size(), "?"))
                + ") and d.optional = false and d.paused = false and d.due < ?"
                + " and (p.category is null or p.category <> 'ACCUSATION')"
                + " group by d.owed_by, d.duty order by d.owed_by, d.duty")
        .params(args)
        .query(
            (rs, n) ->
                new OverdueCount(
                    rs.getString("owed_by"),
                    DutyKind.valueOf(rs.getString("duty")),
                    rs.getInt("n"),
                    rs.getObject("oldest", LocalDate.class)))
        .list();
  }

  /** How many duties of one kind an organisation has past due, and the oldest due date. */
  public record OverdueCount(String owedBy, DutyKind duty, int count, LocalDate oldestDue) {}

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PetitionService.CHINA));
  }
}
