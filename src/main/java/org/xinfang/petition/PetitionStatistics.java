package org.xinfang.petition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.CurrentActor;

/**
 * The petition record as statistics see it (the figures of LAW.md §9): each petition's {@link
 * PetitionFacts} derived from its history, and the condition that keeps accusations hidden from the
 * signed-in user out of every count (条例 Art. 30 para. 3). Nothing here shows a petition.
 */
@Component
public class PetitionStatistics {

  private final Petitions petitions;
  private final PetitionService service;
  private final CurrentActor currentActor;
  private final JdbcClient jdbc;

  PetitionStatistics(
      Petitions petitions, PetitionService service, CurrentActor currentActor, JdbcClient jdbc) {
    this.petitions = petitions;
    this.service = service;
    this.currentActor = currentActor;
    this.jdbc = jdbc;
  }

  /** The ids of petitions, in id order, after {@code afterId} (null: from the start). */
  @Transactional(readOnly = true)
  public List<String> ids(String afterId, int limit) {
    return jdbc.sql("select id from petition where id > :after order by id limit :limit")
        .param("after", afterId == null ? "" : afterId)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * One petition's facts, replayed from its history act by act: a duty is owed from the act after
   * which it appears until the act after which it no longer does.
   */
  @Transactional(readOnly = true)
  public Optional<PetitionFacts> facts(String id) {
    Optional<Petitions.Record> record = petitions.record(id);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    Petitions.Record r = record.get();
    boolean accuses =
        r.accused() != null
            && r.accused().stream()
                .anyMatch(a -> a.organisationId() != null && !a.organisationId().isBlank());
    return Optional.of(derive(r, petitions.history(id), service.law(), accuses));
  }

  /**
   * The facts of many petitions at once (two queries for all of them: their rows and their
   * histories), in the order of {@code ids}; unknown ids are left out. For rebuilding the facts in
   * bulk.
   */
  @Transactional(readOnly = true)
  public List<PetitionFacts> facts(List<String> ids) {
    Map<String, Petitions.Record> records = petitions.recordsWithoutPeople(ids);
    Map<String, List<HistoryEvent>> histories = petitions.histories(ids);
    java.util.Set<String> accusing = petitions.accusingOrganisations(ids);
    Law law = service.law();
    List<PetitionFacts> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      Petitions.Record r = records.get(id);
      if (r != null) {
        out.add(derive(r, histories.getOrDefault(id, List.of()), law, accusing.contains(id)));
      }
    }
    return out;
  }

  /** The facts of one petition from its record and its whole history, replayed once. */
  static PetitionFacts derive(
      Petitions.Record r, List<HistoryEvent> events, Law law, boolean accusesOrganisation) {
    String id = r.id();
    List<PetitionFacts.DutySpan> spans = new ArrayList<>();
    Map<String, PetitionFacts.DutySpan> open = new LinkedHashMap<>();
    LocalDate firstConcludedOn = null;
    String firstConcludedBy = null;
    LocalDate resolvedOn = null;
    String resolvedBy = null;
    LocalDate ratedOn = null;
    boolean opinionGiven = false;
    Petition p = events.isEmpty() ? null : Petition.replaying(id, r.version());
    for (HistoryEvent e : events) {
      p.replayNext(e);
      if (firstConcludedOn == null && p.concludedOn() != null) {
        firstConcludedOn = p.concludedOn();
        firstConcludedBy = e.organisationId();
      }
      if ("reply".equals(e.act())) {
        opinionGiven = true;
      }
      if ("rate".equals(e.act())) {
        ratedOn = e.on();
      }
      if ("resolve".equals(e.act()) && resolvedOn == null) {
        resolvedOn = e.on();
        resolvedBy = e.organisationId();
      }
      Map<String, Duty> now = new LinkedHashMap<>();
      for (Duty d : p.duties(law, e.on())) {
        if (d.owedBy() == null || d.optional() || d.duty().isPetitionersWindow()) {
          continue;
        }
        now.put(d.duty().name() + "|" + d.owedBy(), d);
      }
      for (var it = open.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        if (!now.containsKey(entry.getKey())) {
          PetitionFacts.DutySpan s = entry.getValue();
          spans.add(
              new PetitionFacts.DutySpan(
                  s.ordinal(), s.duty(), s.owedBy(), s.arose(), s.due(), e.on(), e.act()));
          it.remove();
        }
      }
      for (Map.Entry<String, Duty> entry : now.entrySet()) {
        Duty d = entry.getValue();
        PetitionFacts.DutySpan s = open.get(entry.getKey());
        open.put(
            entry.getKey(),
            s == null
                ? new PetitionFacts.DutySpan(0, d.duty(), d.owedBy(), e.on(), d.due(), null, null)
                : new PetitionFacts.DutySpan(
                    0, d.duty(), d.owedBy(), s.arose(), d.due(), null, null));
      }
    }
    spans.addAll(open.values());
    List<PetitionFacts.DutySpan> numbered = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      PetitionFacts.DutySpan s = spans.get(i);
      numbered.add(
          new PetitionFacts.DutySpan(
              i, s.duty(), s.owedBy(), s.arose(), s.due(), s.doneOn(), s.doneAct()));
    }
    Satisfaction rating = null;
    if (p != null && ratedOn != null) {
      Map<RatingTarget, Satisfaction> ratings = p.ratings();
      rating = ratings.get(RatingTarget.HANDLING_ORGANISATION);
      if (rating == null) {
        rating = ratings.get(RatingTarget.PETITION_BUREAU);
      }
      if (rating == null) {
        ratedOn = null;
      }
    }
    return new PetitionFacts(
        id,
        r.receivedBy(),
        r.receivedOn(),
        r.persons(),
        r.channel(),
        p == null ? null : p.category(),
        r.regionCode(),
        r.topic(),
        p == null ? r.repeatOf() : p.repeatOf(),
        firstConcludedOn,
        firstConcludedBy,
        opinionGiven,
        rating,
        ratedOn,
        p != null && p.isResolved(),
        resolvedOn,
        resolvedBy,
        numbered,
        accusesOrganisation);
  }

  /**
   * An SQL condition on a petition id column that leaves out the accusations hidden from the
   * signed-in user (those against their own unit or, outside the discipline line, a unit below it);
   * its arguments are appended to {@code args}.
   */
  @Transactional(readOnly = true)
  public String visibleAccusations(String petitionIdColumn, List<Object> args) {
    return service.scope(currentActor.get()).notBarred(petitionIdColumn, args);
  }

  /** Whether the signed-in user is barred from no accusation at all (the bootstrap admin). */
  @Transactional(readOnly = true)
  public boolean seesEveryAccusation() {
    Scope s = service.scope(currentActor.get());
    return s.all();
  }
}
