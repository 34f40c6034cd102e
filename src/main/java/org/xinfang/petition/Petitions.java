package org.xinfang.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinfang.audit.AuditSettings;
import org.xinfang.audit.HistoryChain;
import org.xinfang.petition.LoadedPetitions.Loaded;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.PetitionerData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The petitions, in plain SQL: the registration record, the immutable history, and the lifecycle
 * projection rewritten under optimistic concurrency with every act.
 */
@Repository
class Petitions {

  /** The payload type of each act, for reading the history back. */
  private static final Map<String, Class<?>> PAYLOAD =
      Map.ofEntries(
          Map.entry("register", Registered.class),
          Map.entry("forward", Acts.Forward.class),
          Map.entry("assign", Acts.Assign.class),
          Map.entry("object", Acts.Objection.class),
          Map.entry("decide-objection", Acts.DecideObjection.class),
          Map.entry("accept", Acts.Accept.class),
          Map.entry("decline", Acts.Decline.class),
          Map.entry("divert", Acts.Divert.class),
          Map.entry("extend", Acts.Extend.class),
          Map.entry("reply", Acts.Reply.class),
          Map.entry("settle", Acts.Settle.class),
          Map.entry("deliver", Acts.Deliver.class),
          Map.entry("request-review", Acts.RequestReview.class),
          Map.entry("review", Acts.Review.class),
          Map.entry("request-re-review", Acts.RequestReReview.class),
          Map.entry("start-hearing", Acts.StartHearing.class),
          Map.entry("end-hearing", Acts.EndHearing.class),
          Map.entry("re-review", Acts.ReReview.class),
          Map.entry("rate", Acts.Rate.class),
          Map.entry("report", Acts.Report.class),
          Map.entry("follow-up", Acts.FollowUp.class),
          Map.entry("resolve", Acts.Resolve.class),
          Map.entry("flag-major", Acts.FlagMajor.class),
          Map.entry("report-major", Acts.ReportMajor.class),
          Map.entry("link-repeat", Acts.LinkRepeat.class),
          Map.entry("issue-notice", NoticeIssued.class));

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final javax.sql.DataSource dataSource;
  private final IdNumberSeal seal;
  private final AuditSettings audit;
  private final RecentPetitions recent;
  private final DutyChanges changes;
  private final LoadedPetitions loaded;

  /** The act's writes: sent together before the transaction's next statement or its commit. */
  private final org.xinfang.shared.DeferredWrites writes;

  Petitions(
      JdbcClient jdbc,
      JsonMapper json,
      javax.sql.DataSource dataSource,
      IdNumberSeal seal,
      AuditSettings audit,
      DutyChanges changes,
      org.xinfang.shared.DeferredWrites writes,
      @org.springframework.beans.factory.annotation.Value("${xinfang.petition.recent:2000}")
          long recent) {
    this.changes = changes;
    this.writes = writes;
    this.recent = new RecentPetitions(recent);
    this.loaded = new LoadedPetitions(this.recent::committed);
    this.jdbc = jdbc;
    this.json = json;
    this.dataSource = dataSource;
    this.seal = seal;
    this.audit = audit;
  }

  /** The registration record as stored (everything but the lifecycle). */
  record Record(
      String id,
      String number,
      String queryCode,
      String externalNumber,
      Channel channel,
      LocalDate receivedOn,
      String receivedBy,
      String registeredBy,
      OffsetDateTime registeredAt,
      String regionCode,
      String subject,
      String facts,
      String request,
      String reasons,
      String evidence,
      String topic,
      String addressee,
      int representatives,
      int persons,
      boolean collective,
      boolean anonymous,
      boolean noticeOwed,
      String repeatOf,
      boolean litigationRelated,
      boolean threatMade,
      boolean foreignRelated,
      boolean publicOnline,
      String intakeDetails,
      int version,
      List<PetitionerData> petitioners,
      List<AccusedData> accused) {

    Record withPeople(List<PetitionerData> people, List<AccusedData> accusedPeople) {
      return with(version, repeatOf, people, accusedPeople);
    }

    /** The record as its row reads after a save: the new version, the repeat link as linked. */
    Record saved(int newVersion, String newRepeatOf) {
      return with(newVersion, newRepeatOf, petitioners, accused);
    }

    private Record with(
        int newVersion,
        String newRepeatOf,
        List<PetitionerData> people,
        List<AccusedData> accusedPeople) {
      return new Record(
          id,
          number,
          queryCode,
          externalNumber,
          channel,
          receivedOn,
          receivedBy,
          registeredBy,
          registeredAt,
          regionCode,
          subject,
          facts,
          request,
          reasons,
          evidence,
          topic,
          addressee,
          representatives,
          persons,
          collective,
          anonymous,
          noticeOwed,
          newRepeatOf,
          litigationRelated,
          threatMade,
          foreignRelated,
          publicOnline,
          intakeDetails,
          newVersion,
          people,
          accusedPeople);
    }
  }

  /** The next number of the year's sequence; the row lock serialises concurrent registrations. */
  int nextSequence(int year) {
    // the new value comes back with the update (sent with any writes queued before it)
    java.util.OptionalLong next =
        writes
            .sql(
                "update petition_number_sequence set last_seq = last_seq + 1 where number_year = :y")
            .param("y", year)
            .sendReturning("last_seq");
    if (next.isEmpty()) {
      // the year's first: its row (or a concurrent registration's, which fails nothing: a failed
      // insert would abort the whole transaction on PostgreSQL), then counted
      jdbc.sql(
              "insert into petition_number_sequence (number_year, last_seq) values (:y, 0)"
                  + " on conflict do nothing")
          .param("y", year)
          .update();
      return nextSequence(year);
    }
    return (int) next.getAsLong();
  }

  void insert(Record r, Petition p) {
    List<HistoryEvent> pending = p.pending();
    List<Link> links = links(r.id(), null, pending);
    Head head = head(links);
    writes
        .sql(
            """
            insert into petition (id, number, query_code, external_number, channel, received_on,
              received_by, registered_by, registered_at, region_code, subject, facts, request,
              reasons, evidence, topic, addressee, representatives, persons, collective, anonymous,
              notice_owed, repeat_of, litigation_related, threat_made, foreign_related,
              public_online, intake_details, state, category, pathway, handling_organisation,
              is_final, concluded_on, resolved, major, last_act_on, version, history_events,
              history_head)
            values (:id, :number, :queryCode, :externalNumber, :channel, :receivedOn,
              :receivedBy, :registeredBy, :registeredAt, :regionCode, :subject, :facts, :request,
              :reasons, :evidence, :topic, :addressee, :representatives, :persons, :collective,
              :anonymous, :noticeOwed, :repeatOf, :litigationRelated, :threatMade,
              :foreignRelated, :publicOnline, :intakeDetails, :state, :category, :pathway,
              :holder, :isFinal, :concludedOn, :resolved, :major, :lastActOn, 1, :events, :head)
            """)
        .param("events", head.events())
        .param("head", head.hash())
        .param("id", r.id())
        .param("number", r.number())
        .param("queryCode", r.queryCode())
        .param("externalNumber", r.externalNumber())
        .param("channel", r.channel().name())
        .param("receivedOn", r.receivedOn())
        .param("receivedBy", r.receivedBy())
        .param("registeredBy", r.registeredBy())
        .param("registeredAt", r.registeredAt())
        .param("regionCode", r.regionCode())
        .param("subject", r.subject())
        .param("facts", r.facts())
        .param("request", r.request())
        .param("reasons", r.reasons())
        .param("evidence", r.evidence())
        .param("topic", r.topic())
        .param("addressee", r.addressee())
        .param("representatives", r.representatives())
        .param("persons", r.persons())
        .param("collective", r.collective())
        .param("anonymous", r.anonymous())
        .param("noticeOwed", r.noticeOwed())
        .param("repeatOf", r.repeatOf())
        .param("litigationRelated", r.litigationRelated())
        .param("threatMade", r.threatMade())
        .param("foreignRelated", r.foreignRelated())
        .param("publicOnline", r.publicOnline())
        .param("intakeDetails", r.intakeDetails())
        .params(lifecycleColumns(p))
        .defer();
    int i = 0;
    for (PetitionerData d : r.petitioners()) {
      writes
          .sql(
              """
              insert into petitioner (petition_id, ordinal, name, sex, ethnicity, birth_date,
                id_type, id_number_sealed, id_number_index, phone, address, occupation, lead)
              values (:p, :o, :name, :sex, :ethnicity, :birthDate, :idType, :idNumber, :idIndex,
                :phone, :address, :occupation, :lead)
              """)
          .param("p", r.id())
          .param("o", i)
          .param("name", d.name())
          .param("sex", d.sex())
          .param("ethnicity", d.ethnicity())
          .param("birthDate", d.birthDate())
          .param("idType", d.idType())
          .param("idNumber", seal.seal(r.id(), d.idNumber()))
          .param("idIndex", seal.index(d.idNumber()))
          .param("phone", d.phone())
          .param("address", d.address())
          .param("occupation", d.occupation())
          .param("lead", d.lead() != null ? d.lead() : i == 0)
          .defer();
      i++;
    }
    // the search by name's index: each name once, with what the search orders by (V32)
    for (String name :
        r.petitioners().stream()
            .map(PetitionerData::name)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList()) {
      writes
          .sql(
              """
              insert into petitioner_name (name, received_on, number, petition_id)
              values (:name, :receivedOn, :number, :p)
              """)
          .param("name", name)
          .param("receivedOn", r.receivedOn())
          .param("number", r.number())
          .param("p", r.id())
          .defer();
    }
    i = 0;
    for (AccusedData a : r.accused()) {
      writes
          .sql(
              """
              insert into accused (petition_id, ordinal, name, organisation_id, post, rank_title)
              values (:p, :o, :name, :org, :post, :rank)
              """)
          .param("p", r.id())
          .param("o", i++)
          .param("name", a.name())
          .param("org", a.organisationId())
          .param("post", a.post())
          .param("rank", a.rank())
          .defer();
    }
    insertEvents(r.id(), links);
    java.util.Set<String> parties = partiesOf(r.receivedBy(), p, pending);
    addParties(r.id(), parties);
    p.committed(1);
    Map<String, Loaded> inTransaction = loaded.current();
    if (inTransaction != null) {
      Loaded registered = new Loaded(asStored(r), head);
      registered.fromInput = true;
      registered.petition = p;
      registered.parties = parties;
      inTransaction.put(r.id(), registered);
    }
  }

  /** The record as it reads back from its rows (the first petitioner leads unless told). */
  private static Record asStored(Record r) {
    List<PetitionerData> people = new ArrayList<>();
    for (PetitionerData d : r.petitioners()) {
      people.add(
          new PetitionerData(
              d.name(),
              d.sex(),
              d.ethnicity(),
              d.birthDate(),
              d.idType(),
              d.idNumber(),
              d.phone(),
              d.address(),
              d.occupation(),
              d.lead() != null ? d.lead() : people.isEmpty()));
    }
    return r.saved(1, r.repeatOf()).withPeople(List.copyOf(people), List.copyOf(r.accused()));
  }

  /**
   * The organisations a petition's acts make parties to it: the receiving organ, the holder, and
   * every organisation that recorded one of these events.
   */
  static java.util.Set<String> partiesOf(String receivedBy, Petition p, List<HistoryEvent> events) {
    java.util.Set<String> orgs = new java.util.LinkedHashSet<>();
    if (receivedBy != null) orgs.add(receivedBy);
    if (p.holder() != null) orgs.add(p.holder());
    for (HistoryEvent e : events) {
      if (e.organisationId() != null) orgs.add(e.organisationId());
    }
    return orgs;
  }

  /** Records organisations as parties to a petition (those already recorded are kept). */
  void addParties(String petitionId, java.util.Set<String> organisations) {
    for (String org : organisations) {
      writes
          .sql(
              """
              insert into petition_party (petition_id, organisation_id)
              select :p, :o where not exists
                (select 1 from petition_party where petition_id = :p and organisation_id = :o)
              """)
          .param("p", petitionId)
          .param("o", org)
          .defer();
    }
  }

  /** Whether the petition table is empty. */
  boolean none() {
    return jdbc.sql("select count(*) from (select 1 from petition limit 1) t")
            .query(Long.class)
            .single()
        == 0;
  }

  /** The organisations that are parties to a petition. */
  java.util.Set<String> parties(String petitionId) {
    return new java.util.HashSet<>(
        jdbc.sql("select organisation_id from petition_party where petition_id = :p")
            .param("p", petitionId)
            .query(String.class)
            .list());
  }

  /** The organisations accused in a petition (条例 Art. 30). */
  List<String> accusedOrganisations(String petitionId) {
    Loaded l = inTransaction(petitionId);
    if (l != null) {
      return l.record.accused().stream()
          .map(AccusedData::organisationId)
          .filter(java.util.Objects::nonNull)
          .distinct()
          .toList();
    }
    return jdbc.sql(
            "select distinct organisation_id from accused where petition_id = :p"
                + " and organisation_id is not null")
        .param("p", petitionId)
        .query(String.class)
        .list();
  }

  /** Records that a user saw a petition's personal data in full. */
  void recordReveal(
      String petitionId,
      String username,
      String organisationId,
      OffsetDateTime at,
      String channel) {
    jdbc.sql(
            """
            insert into personal_data_reveal (petition_id, username, organisation_id, revealed_at,
              channel) values (:p, :u, :o, :at, :c)
            """)
        .param("p", petitionId)
        .param("u", username)
        .param("o", organisationId)
        .param("at", at)
        .param("c", channel)
        .update();
  }

  /** The reveals of a petition's personal data, newest first. */
  List<Reveal> reveals(String petitionId) {
    return jdbc.sql(
            "select username, organisation_id, revealed_at, channel from personal_data_reveal"
                + " where petition_id = :p order by revealed_at desc, id desc")
        .param("p", petitionId)
        .query(
            (rs, n) ->
                new Reveal(
                    rs.getString("username"),
                    rs.getString("organisation_id"),
                    rs.getObject("revealed_at", OffsetDateTime.class),
                    rs.getString("channel")))
        .list();
  }

  /** One reveal of personal data: who, for which organisation, when, through which door. */
  public record Reveal(String username, String organisationId, OffsetDateTime at, String channel) {}

  /**
   * Seals identity numbers stored in plain before V10 (once, at start-up) and clears the plain
   * column.
   */
  int sealPlainIdNumbers() {
    record Plain(String petitionId, int ordinal, String idNumber) {}
    List<Plain> plain =
        jdbc.sql(
                "select petition_id, ordinal, id_number from petitioner where id_number is not null")
            .query((rs, n) -> new Plain(rs.getString(1), rs.getInt(2), rs.getString(3)))
            .list();
    for (Plain x : plain) {
      jdbc.sql(
              """
              update petitioner set id_number_sealed = :sealed, id_number_index = :idx,
                id_number = null where petition_id = :p and ordinal = :o
              """)
          .param("sealed", seal.seal(x.petitionId(), x.idNumber()))
          .param("idx", seal.index(x.idNumber()))
          .param("p", x.petitionId())
          .param("o", x.ordinal())
          .update();
    }
    if (!plain.isEmpty()) {
      recent.clear();
    }
    return plain.size();
  }

  /** The lifecycle's columns of the petition row, as registration and every act write them. */
  private static Map<String, Object> lifecycleColumns(Petition p) {
    Map<String, Object> columns = new java.util.HashMap<>();
    columns.put("state", p.state().name());
    columns.put("category", p.category() == null ? null : p.category().name());
    columns.put("pathway", p.pathway() == null ? null : p.pathway().name());
    columns.put("holder", p.holder());
    columns.put("isFinal", p.isFinal());
    columns.put("concludedOn", p.concludedOn());
    columns.put("resolved", p.isResolved());
    columns.put("major", p.isMajor());
    columns.put("lastActOn", p.lastActOn());
    return columns;
  }

  /**
   * Writes the new history events and the projection in one go; fails with {@link
   * OptimisticLockingFailureException} when another act was recorded since this one was loaded.
   */
  void save(Petition p) {
    Loaded l = loadedAs(p);
    Head before = l != null ? l.head : null;
    List<HistoryEvent> pending = p.pending();
    List<Link> links = links(p.id(), before, pending);
    Head head = links.isEmpty() ? (before != null ? before : storedHead(p.id())) : head(links);
    org.xinfang.shared.DeferredWrites.Write update =
        writes
            .sql(
                """
                update petition set state = :state, category = :category, pathway = :pathway,
                  handling_organisation = :holder, is_final = :isFinal, concluded_on = :concludedOn,
                  resolved = :resolved, major = :major, last_act_on = :lastActOn,
                  complexity = :complexity, repeat_of = :repeatOf,
                  version = :newVersion, history_events = :events, history_head = :head
                where id = :id and version = :version
                """)
            .param("events", head.events())
            .param("head", head.hash())
            .params(lifecycleColumns(p))
            .param("complexity", p.complexity() == null ? null : p.complexity().name())
            .param("repeatOf", p.repeatOf())
            .param("id", p.id())
            .param("newVersion", p.version() + 1);
    // this transaction's earlier update of the row, if it still waits to be sent (the act's, when
    // its notice's issue-notice event is saved): this one takes its place, checked against the
    // version that one was, so the row is written once
    boolean replaced =
        l != null
            && l.rowUpdate != null
            && l.rowUpdate.replaceWith(update.param("version", l.rowReadAt));
    if (!replaced) {
      long readAt = p.version();
      org.xinfang.shared.DeferredWrites.Queued queued =
          update
              .param("version", readAt)
              .deferExpecting(
                  1,
                  () ->
                      new OptimisticLockingFailureException(
                          "petition " + p.id() + " changed since version " + readAt));
      if (l != null) {
        l.rowUpdate = queued;
        l.rowReadAt = readAt;
      }
    }
    insertEvents(p.id(), links);
    // the parties this act adds: the known ones are already recorded
    java.util.Set<String> parties = partiesOf(null, p, pending);
    if (l != null) {
      parties.removeAll(l.parties);
    }
    addParties(p.id(), parties);
    p.committed(p.version() + 1);
    if (l != null) {
      l.saved(head, parties);
    }
  }

  /**
   * The transaction's entry holding this very aggregate; an entry holding another copy of the
   * petition is dropped (it would no longer be what the database holds after this save).
   */
  private Loaded loadedAs(Petition p) {
    Map<String, Loaded> inTransaction = loaded.current();
    if (inTransaction == null) {
      return null;
    }
    Loaded l = inTransaction.get(p.id());
    if (l != null && l.petition == p) {
      return l;
    }
    inTransaction.remove(p.id());
    return null;
  }

  /** The transaction's entry for a petition, if it has loaded it. */
  private Loaded inTransaction(String id) {
    Map<String, Loaded> inTransaction = loaded.current();
    return inTransaction == null ? null : inTransaction.get(id);
  }

  /** A new event with its chain link, ready to be written. */
  private record Link(HistoryEvent event, Chained chained, String previous) {}

  /** The head of a petition's history chain as kept on its row: how many events, the last hash. */
  record Head(int events, String hash) {}

  private static Head head(List<Link> links) {
    if (links.isEmpty()) {
      return null;
    }
    Link last = links.get(links.size() - 1);
    return new Head(last.event().seq(), last.chained().hash());
  }

  private Head storedHead(String petitionId) {
    return jdbc.sql("select history_events, history_head from petition where id = :id")
        .param("id", petitionId)
        .query((rs, n) -> new Head(rs.getInt("history_events"), rs.getString("history_head")))
        .single();
  }

  /**
   * Chains the new events onto the stored history: onto the head read with the petition's row
   * (written with every save), or, when that head is not the event before these, the last stored
   * event's hash.
   */
  private List<Link> links(String petitionId, Head before, List<HistoryEvent> events) {
    List<Link> links = new ArrayList<>();
    if (events.isEmpty()) {
      return links;
    }
    int firstSeq = events.get(0).seq();
    String previous;
    if (firstSeq == 1) {
      previous = genesis(petitionId);
    } else if (before != null && before.events() == firstSeq - 1 && before.hash() != null) {
      previous = before.hash();
    } else {
      previous =
          jdbc.sql("select hash from petition_event where petition_id = :p and seq = :s")
              .param("p", petitionId)
              .param("s", firstSeq - 1)
              .query(String.class)
              .single();
    }
    for (HistoryEvent e : events) {
      Chained c = chain(petitionId, previous, e);
      links.add(new Link(e, c, previous));
      previous = c.hash();
    }
    return links;
  }

  /** The link a new history points back to, in the configured algorithm. */
  String genesis(String petitionId) {
    return HistoryChain.genesis(audit.algorithm(), petitionId);
  }

  /**
   * Queues the events' inserts behind the row update that checks the version: an act that lost its
   * race is stopped by that check before its events are written (on PostgreSQL by the server, in
   * the same round trip; on H2 as the update returns).
   */
  private void insertEvents(String petitionId, List<Link> links) {
    for (Link link : links) {
      HistoryEvent e = link.event();
      Chained c = link.chained();
      writes
          .sql(
              """
              insert into petition_event (petition_id, seq, act, on_date, actor, organisation_id,
                recorded_at, article, back_entered, admin_act, payload, algorithm, prev_hash, hash)
              values (:p, :seq, :act, :on, :actor, :org, :at, :article, :back, :admin, :payload,
                :algorithm, :prev, :hash)
              """)
          .param("p", petitionId)
          .param("seq", e.seq())
          .param("act", e.act())
          .param("on", e.on())
          .param("actor", e.by())
          .param("org", e.organisationId())
          .param("at", c.at().atOffset(ZoneOffset.UTC))
          .param("article", e.article())
          .param("back", e.backEntered())
          .param("admin", e.adminAct())
          .param("payload", c.payload())
          .param("algorithm", c.algorithm())
          .param("prev", link.previous())
          .param("hash", c.hash())
          .defer();
    }
  }

  /** A new event as stored: its payload text, its time to the microsecond, and its chain link. */
  record Chained(String payload, java.time.Instant at, String algorithm, String hash) {}

  Chained chain(String petitionId, String previous, HistoryEvent e) {
    String payload = json.writeValueAsString(e.payload());
    java.time.Instant at = e.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String algorithm = audit.algorithm();
    return new Chained(
        payload,
        at,
        algorithm,
        chainLink(
            algorithm,
            previous,
            petitionId,
            e.seq(),
            e.act(),
            e.on(),
            e.by(),
            e.organisationId(),
            at,
            e.article(),
            e.backEntered(),
            e.adminAct(),
            payload));
  }

  /** The chain link of one event (audit.HistoryChain over the event's stored fields). */
  static String chainLink(
      String algorithm,
      String previous,
      String petitionId,
      int seq,
      String act,
      LocalDate on,
      String by,
      String organisationId,
      java.time.Instant at,
      String article,
      boolean backEntered,
      boolean adminAct,
      String payload) {
    long micros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at);
    return HistoryChain.linkWith(
        algorithm,
        previous,
        petitionId,
        Integer.toString(seq),
        act,
        on.toString(),
        by,
        organisationId,
        Long.toString(micros),
        article,
        Boolean.toString(backEntered),
        Boolean.toString(adminAct),
        payload);
  }

  /** A stored history row's chained fields, as read back. */
  private record Stored(
      int seq,
      String act,
      LocalDate on,
      String by,
      String organisationId,
      java.time.Instant at,
      String article,
      boolean backEntered,
      boolean adminAct,
      String payload,
      String algorithm) {

    static Stored of(ResultSet rs) throws SQLException {
      return new Stored(
          rs.getInt("seq"),
          rs.getString("act"),
          rs.getObject("on_date", LocalDate.class),
          rs.getString("actor"),
          rs.getString("organisation_id"),
          rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
          rs.getString("article"),
          rs.getBoolean("back_entered"),
          rs.getBoolean("admin_act"),
          rs.getString("payload"),
          rs.getString("algorithm"));
    }

    String link(String previous, String petitionId) {
      return chainLink(
          algorithm,
          previous,
          petitionId,
          seq,
          act,
          on,
          by,
          organisationId,
          at,
          article,
          backEntered,
          adminAct,
          payload);
    }
  }

  /** What the verification found: intact, how many events it checked, and the first break. */
  record ChainCheck(boolean intact, long checked, String petitionId, Integer seq, String reason) {}

  /** The walk of one petition's history, row by row. */
  private static final class Walk {
    String petitionId;
    int events;
    String head;
    int expectedSeq = 1;
    String previous;
  }

  /**
   * Walks every petition's history in order (by petition id, then sequence) and recomputes its
   * chain, each link with the algorithm it names: an edited row no longer matches its hash ({@code
   * content-changed}), a deleted or reordered row breaks the sequence ({@code missing-event}) or
   * the link ({@code link-broken}); the petition row's head (how many events, the last hash,
   * written with the events) finds a deleted last event or a deleted history ({@code
   * missing-events}) and a last event replaced or re-chained ({@code head-mismatch}).
   */
  ChainCheck verifyChain() {
    long[] checked = {0};
    ChainCheck[] broken = {null};
    Walk[] walk = {null};
    org.springframework.jdbc.core.JdbcTemplate template =
        new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    template.setFetchSize(1000);
    template.query(
        """
        select p.id as pid, p.history_events, p.history_head, e.seq, e.act, e.on_date, e.actor,
          e.organisation_id, e.recorded_at, e.article, e.back_entered, e.admin_act, e.payload,
          e.algorithm, e.prev_hash, e.hash
        from petition p left join petition_event e on e.petition_id = p.id
        order by p.id, e.seq
        """,
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> {
              if (broken[0] != null) {
                return;
              }
              String pid = rs.getString("pid");
              if (walk[0] == null || !pid.equals(walk[0].petitionId)) {
                if (walk[0] != null) {
                  broken[0] = headCheck(walk[0], checked[0]);
                  if (broken[0] != null) {
                    return;
                  }
                }
                Walk w = new Walk();
                w.petitionId = pid;
                w.events = rs.getInt("history_events");
                w.head = rs.getString("history_head");
                walk[0] = w;
              }
              Walk w = walk[0];
              if (rs.getObject("seq") == null) {
                // no history at all: the head on the petition row says how many are missing
                return;
              }
              int seq = rs.getInt("seq");
              if (seq != w.expectedSeq) {
                broken[0] = new ChainCheck(false, checked[0], pid, w.expectedSeq, "missing-event");
                return;
              }
              String algorithm = rs.getString("algorithm");
              if (!HistoryChain.ALGORITHMS.contains(algorithm)) {
                broken[0] = new ChainCheck(false, checked[0], pid, seq, "unknown-algorithm");
                return;
              }
              String expectedPrevious =
                  seq == 1 ? HistoryChain.genesis(algorithm, pid) : w.previous;
              String prev = rs.getString("prev_hash");
              String hash = rs.getString("hash");
              if (!expectedPrevious.equals(prev)) {
                broken[0] = new ChainCheck(false, checked[0], pid, seq, "link-broken");
                return;
              }
              if (!Stored.of(rs).link(expectedPrevious, pid).equals(hash)) {
                broken[0] = new ChainCheck(false, checked[0], pid, seq, "content-changed");
                return;
              }
              checked[0]++;
              w.previous = hash;
              w.expectedSeq = seq + 1;
            });
    if (broken[0] == null && walk[0] != null) {
      broken[0] = headCheck(walk[0], checked[0]);
    }
    return broken[0] != null ? broken[0] : new ChainCheck(true, checked[0], null, null, null);
  }

  /** At the end of a petition's history: does it end where the head on the petition row says? */
  private static ChainCheck headCheck(Walk w, long checked) {
    int last = w.expectedSeq - 1;
    if (last < w.events || w.events == 0) {
      return new ChainCheck(false, checked, w.petitionId, last + 1, "missing-events");
    }
    if (last > w.events || !java.util.Objects.equals(w.previous, w.head)) {
      return new ChainCheck(false, checked, w.petitionId, last, "head-mismatch");
    }
    return null;
  }

  /** Every petition's history head, as kept on the petition row (for anchoring). */
  void heads(java.util.function.BiConsumer<String, Head> each) {
    org.springframework.jdbc.core.JdbcTemplate template =
        new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    template.setFetchSize(1000);
    template.query(
        "select id, history_events, history_head from petition where history_head is not null",
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs ->
                each.accept(
                    rs.getString("id"),
                    new Head(rs.getInt("history_events"), rs.getString("history_head"))));
  }

  /** The stored hash of one history event, if there is such an event. */
  Optional<String> hashAt(String petitionId, int seq) {
    return jdbc.sql("select hash from petition_event where petition_id = :p and seq = :s")
        .param("p", petitionId)
        .param("s", seq)
        .query(String.class)
        .optional();
  }

  boolean backfillDone(String name) {
    return jdbc.sql("select count(*) from backfill_done where name = :n")
            .param("n", name)
            .query(Integer.class)
            .single()
        > 0;
  }

  void markBackfillDone(String name, java.time.Instant at) {
    try {
      jdbc.sql("insert into backfill_done (name, done_at) values (:n, :at)")
          .param("n", name)
          .param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
          .update();
    } catch (org.springframework.dao.DuplicateKeyException already) {
      // another instance finished the same backfill first
    }
  }

  /**
   * Chains the rows written before the chain existed (V9), once, in order; then writes the head of
   * every petition whose row has none yet (V12).
   */
  int chainUnchained() {
    List<String> ids =
        jdbc.sql("select distinct petition_id from petition_event where hash is null")
            .query(String.class)
            .list();
    for (String id : ids) {
      String previous = HistoryChain.genesis(HistoryChain.SHA_256, id);
      List<Stored> rows =
          jdbc.sql(
                  "select seq, act, on_date, actor, organisation_id, recorded_at, article,"
                      + " back_entered, admin_act, payload, algorithm from petition_event"
                      + " where petition_id = :p order by seq")
              .param("p", id)
              .query((rs, n) -> Stored.of(rs))
              .list();
      for (Stored row : rows) {
        String hash = row.link(previous, id);
        jdbc.sql(
                "update petition_event set prev_hash = :prev, hash = :hash"
                    + " where petition_id = :p and seq = :s")
            .param("prev", previous)
            .param("hash", hash)
            .param("p", id)
            .param("s", row.seq())
            .update();
        previous = hash;
      }
    }
    jdbc.sql(
            """
            update petition set
              history_events = (select max(e.seq) from petition_event e
                where e.petition_id = petition.id),
              history_head = (select e.hash from petition_event e where e.petition_id = petition.id
                and e.seq = (select max(x.seq) from petition_event x
                  where x.petition_id = petition.id))
            where history_head is null
              and exists (select 1 from petition_event e where e.petition_id = petition.id)
            """)
        .update();
    recent.clear();
    return ids.size();
  }

  /**
   * Loads for an act: locks nothing, the version check on save catches a concurrent act. Within a
   * transaction, the aggregate loaded (or saved) earlier in it.
   */
  Optional<Petition> load(String id) {
    return loaded(id).map(Loaded::petition);
  }

  /**
   * A petition's record and its aggregate replayed from the history, read once in a transaction
   * (the row, its people and its history: four statements) and then kept for it.
   */
  Optional<Loaded> loaded(String id) {
    Optional<Loaded> row = row(id);
    row.ifPresent(
        l -> {
          if (!l.replayed()) {
            List<HistoryEvent> known = l.known;
            l.known = null;
            l.replayedFrom(known != null ? known : storedHistory(id));
          }
        });
    return row;
  }

  /**
   * The petition's row and its people: the record, its version and its chain head, read together;
   * kept for the transaction.
   */
  private Optional<Loaded> row(String id) {
    Loaded known = inTransaction(id);
    if (known != null) {
      return Optional.of(known);
    }
    if (org.xinfang.shared.KeptCopies.allowedFor(id)) {
      RecentPetitions.Snapshot kept = recent.latest(id);
      Map<String, Loaded> inTransaction = loaded.current();
      if (kept != null && inTransaction != null) {
        Loaded l = new Loaded(kept.record(), new Head(kept.events(), kept.head()));
        l.known = kept.history();
        inTransaction.put(id, l);
        org.xinfang.shared.KeptCopies.used();
        return Optional.of(l);
      }
    }
    Optional<Loaded> read =
        jdbc.sql("select * from petition where id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Loaded(
                        record(rs),
                        new Head(rs.getInt("history_events"), rs.getString("history_head"))))
            .optional();
    read.ifPresent(
        l -> {
          RecentPetitions.Snapshot kept = recent.matching(id, l.record.version(), l.head);
          if (kept != null) {
            l.record = l.record.withPeople(kept.petitioners(), kept.accused());
            l.known = kept.history();
          } else {
            l.record = l.record.withPeople(petitioners(id), accused(id));
          }
          Map<String, Loaded> inTransaction = loaded.current();
          if (inTransaction != null) {
            inTransaction.put(id, l);
          }
        });
    return read;
  }

  /** Forgets what this instance kept of a petition (an act on it was refused). */
  void forgetRecent(String id) {
    recent.forget(id);
  }

  /** Whether this instance keeps the petition's people and history beyond a transaction. */
  boolean keepsRecent(String id) {
    return recent.keeps(id);
  }

  /** Whether this thread holds loaded petitions now (none outside a transaction). */
  boolean holdsLoaded() {
    return loaded.bound();
  }

  /** A petition's history: the one loaded in this transaction, or as stored. */
  List<HistoryEvent> history(String id) {
    Loaded l = inTransaction(id);
    if (l != null && l.replayed()) {
      return List.copyOf(l.petition.history());
    }
    return storedHistory(id);
  }

  private List<HistoryEvent> storedHistory(String id) {
    return jdbc.sql(
            """
            select seq, act, on_date, actor, organisation_id, recorded_at, article, back_entered,
              admin_act, payload
            from petition_event where petition_id = :id order by seq
            """)
        .param("id", id)
        .query(this::event)
        .list();
  }

  private HistoryEvent event(ResultSet rs, int row) throws SQLException {
    String act = rs.getString("act");
    Class<?> type = PAYLOAD.get(act);
    Object payload = json.readValue(rs.getString("payload"), type);
    return new HistoryEvent(
        rs.getInt("seq"),
        act,
        rs.getObject("on_date", LocalDate.class),
        rs.getString("actor"),
        rs.getString("organisation_id"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("article"),
        rs.getBoolean("back_entered"),
        rs.getBoolean("admin_act"),
        payload);
  }

  /**
   * Many petitions' records without their people, keyed by id (one query): what statistics need to
   * derive facts in bulk.
   */
  java.util.Map<String, Record> recordsWithoutPeople(java.util.Collection<String> ids) {
    java.util.Map<String, Record> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql("select * from petition where id in (:ids)")
        .param("ids", ids)
        .query((rs, n) -> record(rs))
        .list()
        .forEach(r -> out.put(r.id(), r));
    return out;
  }

  /** Which of these petitions name an accused organisation (one query). */
  java.util.Set<String> accusingOrganisations(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                "select distinct petition_id from accused where petition_id in (:ids)"
                    + " and organisation_id is not null and organisation_id <> ''")
            .param("ids", ids)
            .query(String.class)
            .list());
  }

  /** Many petitions' histories, keyed by id, each in order (one query). */
  java.util.Map<String, List<HistoryEvent>> histories(java.util.Collection<String> ids) {
    java.util.Map<String, List<HistoryEvent>> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql(
            """
            select petition_id, seq, act, on_date, actor, organisation_id, recorded_at, article,
              back_entered, admin_act, payload
            from petition_event where petition_id in (:ids) order by petition_id, seq
            """)
        .param("ids", ids)
        .query(
            (java.sql.ResultSet rs) -> {
              out.computeIfAbsent(rs.getString("petition_id"), k -> new ArrayList<>())
                  .add(event(rs, rs.getRow()));
            });
    return out;
  }

  /** The registration record as stored (within a transaction: as read or saved in it). */
  Optional<Record> record(String id) {
    return row(id).map(Loaded::record);
  }

  private static Record record(ResultSet rs) throws SQLException {
    Timestamp registeredAt = rs.getTimestamp("registered_at");
    return new Record(
        rs.getString("id"),
        rs.getString("number"),
        rs.getString("query_code"),
        rs.getString("external_number"),
        Channel.valueOf(rs.getString("channel")),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("received_by"),
        rs.getString("registered_by"),
        registeredAt.toInstant().atOffset(ZoneOffset.UTC),
        rs.getString("region_code"),
        rs.getString("subject"),
        rs.getString("facts"),
        rs.getString("request"),
        rs.getString("reasons"),
        rs.getString("evidence"),
        rs.getString("topic"),
        rs.getString("addressee"),
        rs.getInt("representatives"),
        rs.getInt("persons"),
        rs.getBoolean("collective"),
        rs.getBoolean("anonymous"),
        rs.getBoolean("notice_owed"),
        rs.getString("repeat_of"),
        rs.getBoolean("litigation_related"),
        rs.getBoolean("threat_made"),
        rs.getBoolean("foreign_related"),
        rs.getBoolean("public_online"),
        rs.getString("intake_details"),
        rs.getInt("version"),
        List.of(),
        List.of());
  }

  private List<PetitionerData> petitioners(String id) {
    return jdbc.sql("select * from petitioner where petition_id = :id order by ordinal")
        .param("id", id)
        .query(
            (rs, n) ->
                new PetitionerData(
                    rs.getString("name"),
                    rs.getString("sex"),
                    rs.getString("ethnicity"),
                    rs.getObject("birth_date", LocalDate.class),
                    rs.getString("id_type"),
                    rs.getString("id_number_sealed") != null
                        ? seal.open(id, rs.getString("id_number_sealed"))
                        : rs.getString("id_number"),
                    rs.getString("phone"),
                    rs.getString("address"),
                    rs.getString("occupation"),
                    rs.getBoolean("lead")))
        .list();
  }

  private List<AccusedData> accused(String id) {
    return jdbc.sql("select * from accused where petition_id = :id order by ordinal")
        .param("id", id)
        .query(
            (rs, n) ->
                new AccusedData(
                    rs.getString("name"),
                    rs.getString("organisation_id"),
                    rs.getString("post"),
                    rs.getString("rank_title")))
        .list();
  }

  Optional<Law.EarlierPetition> earlier(String id) {
    return jdbc.sql(
            "select id, state, is_final, handling_organisation, repeat_of, received_on from petition"
                + " where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Law.EarlierPetition(
                    rs.getString("id"),
                    PetitionState.valueOf(rs.getString("state")),
                    rs.getBoolean("is_final"),
                    rs.getString("handling_organisation"),
                    rs.getString("repeat_of"),
                    rs.getObject("received_on", LocalDate.class)))
        .optional();
  }

  /** One line of a list: enough to find and sort petitions. */
  record Summary(
      String id,
      String number,
      Channel channel,
      LocalDate receivedOn,
      String receivedBy,
      String subject,
      PetitionState state,
      Category category,
      Pathway pathway,
      String handlingOrganisation,
      boolean isFinal,
      LocalDate lastActOn) {}

  List<Summary> list(Scope scope, String holder, PetitionState state, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "select id, number, channel, received_on, received_by, subject, state, category,"
                + " pathway, handling_organisation, is_final, last_act_on from petition p where ");
    sql.append(scope.sql("p.id", args));
    if (holder != null) {
      sql.append(" and handling_organisation = ?");
      args.add(holder);
    }
    if (state != null) {
      sql.append(" and state = ?");
      args.add(state.name());
    }
    sql.append(" order by received_on desc, number desc limit ? offset ?");
    args.add(limit);
    args.add(offset);
    return jdbc.sql(sql.toString()).params(args).query(this::summary).list();
  }

  // ------------------------------------------------------------------ duties projection

  /**
   * Rewrites what is owed on a petition outside an act (a holiday notice moved provisional due
   * dates), and notes the petition for the deadline watch's next run ({@link DutyChanges}).
   */
  void writeDuties(String petitionId, List<Duty> duties) {
    changes.note(petitionId);
    rewriteDutiesOfAct(petitionId, duties);
  }

  /**
   * Rewrites what is owed on a petition, in the transaction of the act that changed it. The act's
   * own note ({@link PetitionActed}, heard by the figures' journal) reaches the deadline watch
   * ({@link DutyChanges#note(java.util.Collection)}): the act writes no note of its own.
   */
  void rewriteDutiesOfAct(String petitionId, List<Duty> duties) {
    writes.sql("delete from petition_duty where petition_id = :p").param("p", petitionId).defer();
    insertDuties(petitionId, duties);
  }

  /**
   * Writes what is owed on a petition that owes nothing yet (one just registered, whose {@link
   * PetitionActed} reaches the deadline watch as an act's does).
   */
  void insertDuties(String petitionId, List<Duty> duties) {
    for (Duty d : duties) {
      writes
          .sql(
              """
              insert into petition_duty (petition_id, duty, due, owed_by, basis, provisional,
                optional, paused)
              values (:p, :duty, :due, :owedBy, :basis, :provisional, :optional, :paused)
              """)
          .param("p", petitionId)
          .param("duty", d.duty().name())
          .param("due", d.due())
          .param("owedBy", d.owedBy())
          .param("basis", d.basis())
          .param("provisional", d.provisional())
          .param("optional", d.optional())
          .param("paused", d.paused())
          .defer();
    }
  }

  /** Petitions with a provisional due date: to recompute when a holiday notice is loaded. */
  List<String> withProvisionalDuties() {
    return jdbc.sql("select distinct petition_id from petition_duty where provisional = true")
        .query(String.class)
        .list();
  }

  /** Counts, then reads one page of {@code select … + where + order}, with the same arguments. */
  private <T> Page<T> page(
      String countSql,
      String selectSql,
      List<Object> args,
      org.springframework.jdbc.core.RowMapper<T> mapper,
      int page,
      int size) {
    return page(countSql, List.of(), selectSql, args, mapper, page, size);
  }

  /** As above, with arguments the count alone takes after the shared ones (e.g. its bound). */
  private <T> Page<T> page(
      String countSql,
      List<Object> countArgs,
      String selectSql,
      List<Object> args,
      org.springframework.jdbc.core.RowMapper<T> mapper,
      int page,
      int size) {
    List<Object> allCountArgs = new ArrayList<>(args);
    allCountArgs.addAll(countArgs);
    long total = jdbc.sql(countSql).params(allCountArgs).query(Long.class).single();
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    String sql =
        selectSql.contains("/*page*/")
            ? selectSql.replace("/*page*/", "limit ? offset ?")
            : selectSql + " limit ? offset ?";
    List<T> items = jdbc.sql(sql).params(pageArgs).query(mapper).list();
    return new Page<>(items, page, size, total);
  }

  /**
   * The duties one organisation owes, a page of them soonest due first; the total is counted up to
   * one more than {@link WorkQuery#countLimit()} (a total above the limit means "more than").
   */
  Page<WorkItem> workList(Scope scope, WorkQuery q) {
    StringBuilder where = new StringBuilder(" where d.owed_by = ?");
    List<Object> args = new ArrayList<>();
    args.add(q.owedBy());
    if (!scope.all() && !scope.barred().isEmpty()) {
      where.append(" and ").append(scope.notBarred("d.petition_id", args));
    }
    if (!q.includeOptional()) {
      where.append(" and d.optional = false");
    }
    if (q.duty() != null) {
      where.append(" and d.duty = ?");
      args.add(q.duty().name());
    }
    if (q.category() != null) {
      where.append(" and p.category = ?");
      args.add(q.category().name());
    }
    if (q.channel() != null) {
      where.append(" and p.channel = ?");
      args.add(q.channel().name());
    }
    if (q.regionPrefix() != null && !q.regionPrefix().isBlank()) {
      where.append(" and p.region_code like ?");
      args.add(likePrefix(q.regionPrefix().strip()));
    }
    String from = " from petition_duty d join petition p on p.id = d.petition_id";
    // without filters on the petition itself the count needs no join (an index-only count)
    boolean duties = q.category() == null && q.channel() == null && !notBlank(q.regionPrefix());
    String count =
        "select count(*) from (select 1"
            + (duties ? " from petition_duty d" : from)
            + where
            + " limit ?) c";
    return page(
        count,
        List.of(q.countLimit() + 1),
        "select p.id, p.number, p.subject, p.channel, p.category, p.state, p.region_code,"
            + " p.received_on, d.duty, d.due, d.owed_by, d.basis, d.provisional, d.optional,"
            + " d.paused"
            + (duties
                // page through the duty index alone, then join the page's petitions
                ? " from (select * from petition_duty d"
                    + where
                    + " order by d.due, d.petition_id, d.duty /*page*/) d"
                    + " join petition p on p.id = d.petition_id"
                    + " order by d.due, d.petition_id, d.duty"
                : from + where + " order by d.due, p.number"),
        args,
        (rs, n) ->
            new WorkItem(
                rs.getString("id"),
                rs.getString("number"),
                rs.getString("subject"),
                Channel.valueOf(rs.getString("channel")),
                enumOrNull(Category.class, rs.getString("category")),
                PetitionState.valueOf(rs.getString("state")),
                rs.getString("region_code"),
                rs.getObject("received_on", LocalDate.class),
                DutyKind.valueOf(rs.getString("duty")),
                rs.getObject("due", LocalDate.class),
                rs.getString("owed_by"),
                rs.getString("basis"),
                rs.getBoolean("provisional"),
                rs.getBoolean("optional"),
                rs.getBoolean("paused")),
        q.page(),
        q.size());
  }

  /**
   * Earlier petitions of the same petitioner (同人): the same phone or identity number, or the same
   * name at the same address, received on or before {@code on} — newest first, at most 20, within
   * the user's scope.
   */
  List<Summary> sameCitizen(Scope scope, String id, LocalDate on) {
    List<PetitionerData> people = petitioners(id);
    List<Object> args = new ArrayList<>();
    StringBuilder same = new StringBuilder();
    for (PetitionerData d : people) {
      if (notBlank(d.phone())) {
        same.append(same.isEmpty() ? "" : " or ").append("x.phone = ?");
        args.add(d.phone().strip());
      }
      if (notBlank(d.idNumber())) {
        same.append(same.isEmpty() ? "" : " or ").append("x.id_number_index = ?");
        args.add(seal.index(d.idNumber()));
      }
      if (notBlank(d.name()) && notBlank(d.address())) {
        same.append(same.isEmpty() ? "" : " or ").append("(x.name = ? and x.address = ?)");
        args.add(d.name().strip());
        args.add(d.address().strip());
      }
    }
    if (same.isEmpty()) {
      return List.of();
    }
    List<Object> all = new ArrayList<>();
    all.add(id);
    all.add(on);
    all.addAll(args);
    String sql =
        "select p.id, p.number, p.channel, p.received_on, p.received_by, p.subject, p.state,"
            + " p.category, p.pathway, p.handling_organisation, p.is_final, p.last_act_on"
            + " from petition p where p.id <> ? and p.received_on <= ?"
            + " and exists (select 1 from petitioner x where x.petition_id = p.id and ("
            + same
            + ")) and "
            + scope.sql("p.id", all)
            + " order by p.received_on desc, p.number desc limit 20";
    return jdbc.sql(sql).params(all).query(this::summary).list();
  }

  /** How many petitions precede one whose earlier petition is {@code repeatOf} in its chain. */
  int repeatDepth(String repeatOf) {
    int depth = 0;
    String current = repeatOf;
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (current != null && seen.add(current) && depth < 1000) {
      depth++;
      current =
          jdbc.sql("select repeat_of from petition where id = :id")
              .param("id", current)
              .query(String.class)
              .optional()
              .orElse(null);
    }
    return depth;
  }

  Page<Summary> search(Scope scope, SearchQuery q) {
    // by name: the name's petitions newest first off petitioner_name's key (V32), each petition
    // once; the petition rows are read for the page only, and for the count only when a filter
    // needs them
    boolean byName = notBlank(q.name());
    String id = byName ? "n.petition_id" : "p.id";
    String receivedOn = byName ? "n.received_on" : "p.received_on";
    boolean petitionFilters =
        notBlank(q.number())
            || notBlank(q.queryCode())
            || notBlank(q.text())
            || q.state() != null
            || notBlank(q.holder());
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where ");
    if (byName) {
      where.append("n.name = ? and ");
      args.add(q.name().strip());
    }
    where.append(scope.sql(id, args));
    if (notBlank(q.number())) {
      where.append(" and (p.number = ? or p.external_number = ?)");
      args.add(q.number().strip());
      args.add(q.number().strip());
    }
    if (notBlank(q.queryCode())) {
      where.append(" and p.query_code = ?");
      args.add(q.queryCode().strip().toUpperCase(java.util.Locale.ROOT));
    }
    if (notBlank(q.phone())) {
      where.append(
          " and exists (select 1 from petitioner x where x.petition_id = "
              + id
              + " and x.phone = ?)");
      args.add(q.phone().strip());
    }
    if (notBlank(q.idNumber())) {
      where.append(
          " and exists (select 1 from petitioner x where x.petition_id = "
              + id
              + " and x.id_number_index = ?)");
      args.add(seal.index(q.idNumber()));
    }
    if (notBlank(q.text())) {
      where.append(
          " and (lower(p.subject) like ? or lower(p.facts) like ? or lower(p.request) like ?)");
      String like = "%" + escapeLike(q.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
      args.add(like);
      args.add(like);
      args.add(like);
    }
    if (q.from() != null) {
      where.append(" and ").append(receivedOn).append(" >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and ").append(receivedOn).append(" <= ?");
      args.add(q.to());
    }
    if (q.state() != null) {
      where.append(" and p.state = ?");
      args.add(q.state().name());
    }
    if (notBlank(q.holder())) {
      where.append(" and p.handling_organisation = ?");
      args.add(q.holder());
    }
    String columns =
        "select p.id, p.number, p.channel, p.received_on, p.received_by, p.subject, p.state,"
            + " p.category, p.pathway, p.handling_organisation, p.is_final, p.last_act_on";
    if (byName) {
      String joined = " from petitioner_name n join petition p on p.id = n.petition_id";
      return page(
          "select count(*)" + (petitionFilters ? joined : " from petitioner_name n") + where,
          columns + joined + where + " order by n.received_on desc, n.number desc",
          args,
          this::summary,
          q.page(),
          q.size());
    }
    return page(
        "select count(*) from petition p" + where,
        columns + " from petition p" + where + " order by p.received_on desc, p.number desc",
        args,
        this::summary,
        q.page(),
        q.size());
  }

  /** The petition with this number and query code (the portal's key), if both match. */
  Optional<String> idByNumberAndCode(String number, String queryCode) {
    return jdbc.sql("select id from petition where number = :n and query_code = :c")
        .param("n", number == null ? "" : number.strip())
        .param("c", queryCode == null ? "" : queryCode.strip().toUpperCase(java.util.Locale.ROOT))
        .query(String.class)
        .optional();
  }

  private Summary summary(ResultSet rs, int n) throws SQLException {
    return new Summary(
        rs.getString("id"),
        rs.getString("number"),
        Channel.valueOf(rs.getString("channel")),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("received_by"),
        rs.getString("subject"),
        PetitionState.valueOf(rs.getString("state")),
        enumOrNull(Category.class, rs.getString("category")),
        enumOrNull(Pathway.class, rs.getString("pathway")),
        rs.getString("handling_organisation"),
        rs.getBoolean("is_final"),
        rs.getObject("last_act_on", LocalDate.class));
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String likePrefix(String prefix) {
    return escapeLike(prefix) + "%";
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
