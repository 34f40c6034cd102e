package org.xinfang.conference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conference tables in plain SQL; rows are records, the history is insert-only. */
@Repository
class ConferenceRows {

  record ConferenceRow(
      String id,
      String organisationId,
      String convenor,
      String convenorName,
      String title,
      LocalDate heldOn,
      String place,
      String scheduledBy,
      OffsetDateTime scheduledAt,
      String minutesNumber,
      LocalDate minutesIssuedOn) {}

  record MemberRow(String organisationId, Boolean attended, String attendee) {}

  record ItemRow(
      String id,
      String conferenceId,
      int seq,
      String petitionId,
      AgendaReason reason,
      String note,
      String carriedDecisionId,
      String followUpNote,
      DecisionStatus followUpStatus,
      String addedBy,
      OffsetDateTime addedAt) {}

  record DecisionRow(
      String id,
      String conferenceId,
      String itemId,
      DecisionKind kind,
      String assignee,
      String leader,
      String leaderName,
      LocalDate due,
      String content,
      String basis,
      String taskId,
      String decidedBy,
      OffsetDateTime decidedAt,
      LocalDate closedOn,
      String closedAtConference,
      String closedBy,
      String closingNote) {}

  private static final String CONFERENCE =
      "select id, organisation_id, convenor, convenor_name, title, held_on, place, scheduled_by,"
          + " scheduled_at, minutes_number, minutes_issued_on from conference";
  private static final String ITEM =
      "select id, conference_id, seq, petition_id, reason, note, carried_decision_id,"
          + " follow_up_note, follow_up_status, added_by, added_at from conference_item";
  private static final String DECISION =
      "select id, conference_id, item_id, kind, assignee, leader, leader_name, due, content, basis,"
          + " task_id, decided_by, decided_at, closed_on, closed_at_conference, closed_by,"
          + " closing_note from conference_decision";

  private final JdbcClient jdbc;

  ConferenceRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ConferenceRow c) {
    jdbc.sql(
            """
            insert into conference (id, organisation_id, convenor, convenor_name, title, held_on,
              place, scheduled_by, scheduled_at)
            values (:id, :org, :convenor, :convenorName, :title, :heldOn, :place, :by, :at)
            """)
        .param("id", c.id())
        .param("org", c.organisationId())
        .param("convenor", c.convenor())
        .param("convenorName", c.convenorName())
        .param("title", c.title())
        .param("heldOn", c.heldOn())
        .param("place", c.place())
        .param("by", c.scheduledBy())
        .param("at", c.scheduledAt())
        .update();
  }

  Optional<ConferenceRow> find(String id) {
    return jdbc.sql(CONFERENCE + " where id = :id")
        .param("id", id)
        .query(ConferenceRows::conference)
        .optional();
  }

  /** Meetings convened by one of these organisations or having this organisation as a member. */
  List<ConferenceRow> visible(Set<String> convenedBy, String memberOrg, boolean all) {
    if (all) {
      return jdbc.sql(CONFERENCE + " order by held_on desc, scheduled_at desc")
          .query(ConferenceRows::conference)
          .list();
    }
    String where =
        (convenedBy.isEmpty() ? "1 = 0" : "organisation_id in (:convenedBy)")
            + " or id in (select conference_id from conference_member where organisation_id ="
            + " :member)";
    var spec =
        jdbc.sql(CONFERENCE + " where " + where + " order by held_on desc, scheduled_at desc")
            .param("member", memberOrg == null ? "" : memberOrg);
    if (!convenedBy.isEmpty()) {
      spec = spec.param("convenedBy", convenedBy);
    }
    return spec.query(ConferenceRows::conference).list();
  }

  /** Meetings of an organisation after a day whose minutes are not issued (open agendas). */
  List<ConferenceRow> openAfter(String organisationId, LocalDate day) {
    return jdbc.sql(
            CONFERENCE
                + " where organisation_id = :org and held_on > :day and minutes_number is null"
                + " order by held_on")
        .param("org", organisationId)
        .param("day", day)
        .query(ConferenceRows::conference)
        .list();
  }

  int nextMinutesSeq(String organisationId, int year) {
    Integer max =
        jdbc.sql(
                "select max(minutes_seq) from conference where organisation_id = :org and"
                    + " minutes_year = :y")
            .param("org", organisationId)
            .param("y", year)
            .query(Integer.class)
            .optional()
            .orElse(null);
    return max == null ? 1 : max + 1;
  }

  /** Issues the minutes once: false when another request did it first. */
  boolean issueMinutes(String id, String number, int year, int seq, LocalDate on, String by) {
    return jdbc.sql(
                """
                update conference set minutes_number = :n, minutes_year = :y, minutes_seq = :s,
                  minutes_issued_on = :on, minutes_issued_by = :by
                where id = :id and minutes_number is null
                """)
            .param("n", number)
            .param("y", year)
            .param("s", seq)
            .param("on", on)
            .param("by", by)
            .param("id", id)
            .update()
        == 1;
  }

  void addMember(String conferenceId, String organisationId) {
    jdbc.sql("insert into conference_member (conference_id, organisation_id) values (:c, :o)")
        .param("c", conferenceId)
        .param("o", organisationId)
        .update();
  }

  List<MemberRow> members(String conferenceId) {
    return jdbc.sql(
            "select organisation_id, attended, attendee from conference_member where"
                + " conference_id = :c order by organisation_id")
        .param("c", conferenceId)
        .query(
            (rs, n) ->
                new MemberRow(
                    rs.getString("organisation_id"),
                    rs.getObject("attended", Boolean.class),
                    rs.getString("attendee")))
        .list();
  }

  void attendance(String conferenceId, String organisationId, boolean attended, String attendee) {
    jdbc.sql(
            "update conference_member set attended = :a, attendee = :who where conference_id = :c"
                + " and organisation_id = :o")
        .param("a", attended)
        .param("who", attendee)
        .param("c", conferenceId)
        .param("o", organisationId)
        .update();
  }

  void insert(ItemRow i) {
    jdbc.sql(
            """
            insert into conference_item (id, conference_id, seq, petition_id, reason, note,
              carried_decision_id, added_by, added_at)
            values (:id, :c, :seq, :p, :reason, :note, :carried, :by, :at)
            """)
        .param("id", i.id())
        .param("c", i.conferenceId())
        .param("seq", i.seq())
        .param("p", i.petitionId())
        .param("reason", i.reason().name())
        .param("note", i.note())
        .param("carried", i.carriedDecisionId())
        .param("by", i.addedBy())
        .param("at", i.addedAt())
        .update();
  }

  int nextItemSeq(String conferenceId) {
    Integer max =
        jdbc.sql("select max(seq) from conference_item where conference_id = :c")
            .param("c", conferenceId)
            .query(Integer.class)
            .optional()
            .orElse(null);
    return max == null ? 1 : max + 1;
  }

  List<ItemRow> items(String conferenceId) {
    return jdbc.sql(ITEM + " where conference_id = :c order by seq")
        .param("c", conferenceId)
        .query(ConferenceRows::item)
        .list();
  }

  Optional<ItemRow> item(String id) {
    return jdbc.sql(ITEM + " where id = :id")
        .param("id", id)
        .query(ConferenceRows::item)
        .optional();
  }

  void followUp(String itemId, String note, DecisionStatus status) {
    jdbc.sql("update conference_item set follow_up_note = :n, follow_up_status = :s where id = :id")
        .param("n", note)
        .param("s", status.name())
        .param("id", itemId)
        .update();
  }

  void insert(DecisionRow d) {
    jdbc.sql(
            """
            insert into conference_decision (id, conference_id, item_id, kind, assignee, leader,
              leader_name, due, content, basis, task_id, decided_by, decided_at)
            values (:id, :c, :item, :kind, :assignee, :leader, :leaderName, :due, :content, :basis,
              :task, :by, :at)
            """)
        .param("id", d.id())
        .param("c", d.conferenceId())
        .param("item", d.itemId())
        .param("kind", d.kind().name())
        .param("assignee", d.assignee())
        .param("leader", d.leader())
        .param("leaderName", d.leaderName())
        .param("due", d.due())
        .param("content", d.content())
        .param("basis", d.basis())
        .param("task", d.taskId())
        .param("by", d.decidedBy())
        .param("at", d.decidedAt())
        .update();
  }

  void setTask(String decisionId, String taskId) {
    jdbc.sql("update conference_decision set task_id = :t where id = :id")
        .param("t", taskId)
        .param("id", decisionId)
        .update();
  }

  Optional<DecisionRow> decision(String id) {
    return jdbc.sql(DECISION + " where id = :id")
        .param("id", id)
        .query(ConferenceRows::decision)
        .optional();
  }

  List<DecisionRow> decisions(String conferenceId) {
    return jdbc.sql(DECISION + " where conference_id = :c order by decided_at, id")
        .param("c", conferenceId)
        .query(ConferenceRows::decision)
        .list();
  }

  /**
   * The decisions of an organisation's meetings held before a day that no meeting has closed and
   * that are not yet on the given meeting's agenda.
   */
  List<DecisionRow> openBefore(String organisationId, LocalDate day, String notOn) {
    return jdbc.sql(
            DECISION
                + " where closed_on is null and conference_id in (select id from conference where"
                + " organisation_id = :org and held_on < :day) and id not in (select"
                + " carried_decision_id from conference_item where conference_id = :c and"
                + " carried_decision_id is not null) order by decided_at, id")
        .param("org", organisationId)
        .param("day", day)
        .param("c", notOn)
        .query(ConferenceRows::decision)
        .list();
  }

  boolean close(String decisionId, LocalDate on, String conferenceId, String by, String note) {
    return jdbc.sql(
                """
                update conference_decision set closed_on = :on, closed_at_conference = :c,
                  closed_by = :by, closing_note = :note
                where id = :id and closed_on is null
                """)
            .param("on", on)
            .param("c", conferenceId)
            .param("by", by)
            .param("note", note)
            .param("id", decisionId)
            .update()
        == 1;
  }

  void record(ConferenceEvent e) {
    jdbc.sql(
            """
            insert into conference_event (conference_id, act, item_id, decision_id, petition_id,
              on_day, actor, organisation_id, recorded_at, basis, detail)
            values (:c, :act, :item, :decision, :petition, :on, :actor, :org, :at, :basis, :detail)
            """)
        .param("c", e.conferenceId())
        .param("act", e.act())
        .param("item", e.itemId())
        .param("decision", e.decisionId())
        .param("petition", e.petitionId())
        .param("on", e.on())
        .param("actor", e.actor())
        .param("org", e.organisationId())
        .param("at", e.recordedAt())
        .param("basis", e.basis())
        .param("detail", e.detail())
        .update();
  }

  List<ConferenceEvent> events(String conferenceId) {
    return jdbc.sql(
            "select id, conference_id, act, item_id, decision_id, petition_id, on_day, actor,"
                + " organisation_id, recorded_at, basis, detail from conference_event where"
                + " conference_id = :c order by id")
        .param("c", conferenceId)
        .query(
            (rs, n) ->
                new ConferenceEvent(
                    rs.getLong("id"),
                    rs.getString("conference_id"),
                    rs.getString("act"),
                    rs.getString("item_id"),
                    rs.getString("decision_id"),
                    rs.getString("petition_id"),
                    rs.getObject("on_day", LocalDate.class),
                    rs.getString("actor"),
                    rs.getString("organisation_id"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("basis"),
                    rs.getString("detail")))
        .list();
  }

  boolean any() {
    return jdbc.sql("select count(*) from conference").query(Long.class).single() > 0;
  }

  private static ConferenceRow conference(ResultSet rs, int n) throws SQLException {
    return new ConferenceRow(
        rs.getString("id"),
        rs.getString("organisation_id"),
        rs.getString("convenor"),
        rs.getString("convenor_name"),
        rs.getString("title"),
        rs.getObject("held_on", LocalDate.class),
        rs.getString("place"),
        rs.getString("scheduled_by"),
        rs.getObject("scheduled_at", OffsetDateTime.class),
        rs.getString("minutes_number"),
        rs.getObject("minutes_issued_on", LocalDate.class));
  }

  private static ItemRow item(ResultSet rs, int n) throws SQLException {
    String status = rs.getString("follow_up_status");
    return new ItemRow(
        rs.getString("id"),
        rs.getString("conference_id"),
        rs.getInt("seq"),
        rs.getString("petition_id"),
        AgendaReason.valueOf(rs.getString("reason")),
        rs.getString("note"),
        rs.getString("carried_decision_id"),
        rs.getString("follow_up_note"),
        status == null ? null : DecisionStatus.valueOf(status),
        rs.getString("added_by"),
        rs.getObject("added_at", OffsetDateTime.class));
  }

  private static DecisionRow decision(ResultSet rs, int n) throws SQLException {
    return new DecisionRow(
        rs.getString("id"),
        rs.getString("conference_id"),
        rs.getString("item_id"),
        DecisionKind.valueOf(rs.getString("kind")),
        rs.getString("assignee"),
        rs.getString("leader"),
        rs.getString("leader_name"),
        rs.getObject("due", LocalDate.class),
        rs.getString("content"),
        rs.getString("basis"),
        rs.getString("task_id"),
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getObject("closed_on", LocalDate.class),
        rs.getString("closed_at_conference"),
        rs.getString("closed_by"),
        rs.getString("closing_note"));
  }
}
