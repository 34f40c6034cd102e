package org.xinfang.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.shared.PersonalData;

/**
 * Petitions selected by criteria, and their current standing, for modules that keep lists of
 * petitions (ledgers). Both answer only within the signed-in user's scope, exactly as {@link
 * PetitionService#search} does: their organisation's or jurisdiction's petitions, never an
 * accusation against their own unit (条例 Art. 30 para. 3).
 */
@Component
public class PetitionSelector {

  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final PetitionService service;
  private final Petitions petitions;
  private final CurrentActor currentActor;

  PetitionSelector(
      JdbcClient jdbc, PetitionService service, Petitions petitions, CurrentActor currentActor) {
    this.jdbc = jdbc;
    this.service = service;
    this.petitions = petitions;
    this.currentActor = currentActor;
  }

  /**
   * What the signed-in user may know of a petition: the answer {@link
   * PetitionService#requireReadable} gives, without throwing (so a caller's transaction is not
   * marked for rollback when it only asks).
   */
  public enum Access {
    READABLE,
    /** Outside the user's scope (403). */
    FORBIDDEN,
    /** Unknown, or an accusation hidden from the user (404: 条例 Art. 30 para. 3). */
    UNKNOWN
  }

  /** The signed-in user's access to a petition (see {@link Access}). */
  @Transactional(readOnly = true)
  public Access access(String id) {
    if (id == null || petitions.record(id).isEmpty()) {
      return Access.UNKNOWN;
    }
    Scope scope = service.scope(currentActor.get());
    if (scope.all()) {
      return Access.READABLE;
    }
    if (scope.hides(petitions.accusedOrganisations(id))) {
      return Access.UNKNOWN;
    }
    return petitions.parties(id).stream().anyMatch(scope.readers()::contains)
        ? Access.READABLE
        : Access.FORBIDDEN;
  }

  /**
   * One petition's standing as a list shows it, personal data masked.
   *
   * @param petitioner the lead petitioner's name, masked (张*)
   * @param concluded 办结: concluded_on recorded
   * @param resolved 化解: the {@code resolve} act recorded (条例 Art. 37)
   * @param overdueDuty a statutory duty on it is past due (not paused)
   */
  public record Standing(
      String id,
      String number,
      LocalDate receivedOn,
      Channel channel,
      String regionCode,
      Category category,
      String subject,
      PetitionState state,
      String holder,
      boolean concluded,
      boolean resolved,
      LocalDate lastActOn,
      String repeatOf,
      String petitioner,
      boolean overdueDuty) {}

  /**
   * The id of the petition with this number, whoever asks: follow it with {@link
   * PetitionService#requireReadable} before showing or listing anything of it.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<String> idOfNumber(String number) {
    return jdbc.sql("select id from petition where number = :n")
        .param("n", number == null ? "" : number.strip())
        .query(String.class)
        .optional();
  }

  /**
   * The ids of the petitions the signed-in user may see that match, oldest first, at most limit.
   */
  @Transactional(readOnly = true)
  public List<String> select(Selection s, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder where =
        new StringBuilder(" where ").append(service.scope(currentActor.get()).sql("p.id", args));
    List<String> kinds = new ArrayList<>();
    if (s.repeat()) {
      kinds.add(
          "p.repeat_of is not null or exists (select 1 from petition r where r.repeat_of = p.id)");
    }
    if (s.backlogBefore() != null) {
      kinds.add("p.resolved = false and p.received_on < ?");
      args.add(s.backlogBefore());
    }
    if (!kinds.isEmpty()) {
      where.append(" and ((").append(String.join(") or (", kinds)).append("))");
    }
    if (s.regionPrefix() != null && !s.regionPrefix().isBlank()) {
      where.append(" and p.region_code like ?");
      args.add(s.regionPrefix().strip().replaceAll("[^0-9]", "") + "%");
    }
    if (s.category() != null) {
      where.append(" and p.category = ?");
      args.add(s.category().name());
    }
    if (s.channel() != null) {
      where.append(" and p.channel = ?");
      args.add(s.channel().name());
    }
    if (s.receivedFrom() != null) {
      where.append(" and p.received_on >= ?");
      args.add(s.receivedFrom());
    }
    if (s.receivedTo() != null) {
      where.append(" and p.received_on <= ?");
      args.add(s.receivedTo());
    }
    if (s.organisations() != null) {
      if (s.organisations().isEmpty()) {
        return List.of();
      }
      String in = placeholders(s.organisations().size());
      where
          .append(" and (p.handling_organisation in (")
          .append(in)
          .append(") or p.received_by in (")
          .append(in)
          .append("))");
      args.addAll(s.organisations());
      args.addAll(s.organisations());
    }
    args.add(Math.max(0, limit));
    return jdbc.sql(
            "select p.id from petition p" + where + " order by p.received_on, p.number limit ?")
        .params(args)
        .query(String.class)
        .list();
  }

  /**
   * The standing of those of these petitions the signed-in user may see, in the order given; the
   * others (unknown, out of scope, an accusation hidden from the user) are left out.
   *
   * @param today the day past-due duties are counted against
   */
  @Transactional(readOnly = true)
  public List<Standing> standing(Collection<String> ids, LocalDate today) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Scope scope = service.scope(currentActor.get());
    Map<String, Standing> found = new HashMap<>();
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    for (int i = 0; i < all.size(); i += CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
      List<Object> args = new ArrayList<>();
      args.add(today);
      String visible = scope.sql("p.id", args);
      args.addAll(chunk);
      Map<String, String> names = leadNames(chunk);
      jdbc.sql(
              "select p.id, p.number, p.received_on, p.channel, p.region_code, p.category,"
                  + " p.subject, p.state, p.handling_organisation, p.concluded_on, p.resolved,"
                  + " p.last_act_on, p.repeat_of, exists (select 1 from petition_duty d"
                  + " where d.petition_id = p.id and d.paused = false and d.optional = false"
                  + " and d.due < ?) as overdue_duty from petition p where "
                  + visible
                  + " and p.id in ("
                  + placeholders(chunk.size())
                  + ")")
          .params(args)
          .query((rs, n) -> row(rs, names))
          .list()
          .forEach(st -> found.put(st.id(), st));
    }
    List<Standing> ordered = new ArrayList<>();
    for (String id : all) {
      Standing st = found.get(id);
      if (st != null) {
        ordered.add(st);
      }
    }
    return ordered;
  }

  private Map<String, String> leadNames(List<String> ids) {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.sql(
            "select petition_id, name from petitioner where petition_id in ("
                + placeholders(ids.size())
                + ") order by petition_id, lead desc, ordinal")
        .params(new ArrayList<Object>(ids))
        .query(
            (rs, n) -> {
              names.putIfAbsent(rs.getString("petition_id"), rs.getString("name"));
              return null;
            })
        .list();
    return names;
  }

  private static Standing row(ResultSet rs, Map<String, String> names) throws SQLException {
    String id = rs.getString("id");
    String category = rs.getString("category");
    String name = names.get(id);
    return new Standing(
        id,
        rs.getString("number"),
        rs.getObject("received_on", LocalDate.class),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("region_code"),
        category == null ? null : Category.valueOf(category),
        rs.getString("subject"),
        PetitionState.valueOf(rs.getString("state")),
        rs.getString("handling_organisation"),
        rs.getObject("concluded_on", LocalDate.class) != null,
        rs.getBoolean("resolved"),
        rs.getObject("last_act_on", LocalDate.class),
        rs.getString("repeat_of"),
        name == null || name.isBlank() ? null : PersonalData.maskName(name),
        rs.getBoolean("overdue_duty"));
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
