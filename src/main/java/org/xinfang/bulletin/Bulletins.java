package org.xinfang.bulletin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.shared.Forbidden;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily bulletins (通报): generated from the record for an organisation's jurisdiction and a period,
 * one per organisation and period — generating again replaces a draft and never a published one —
 * reviewed (remarks) and published by a supervisor of the jurisdiction, then kept unchanged. Every
 * act is a history event.
 */
@Service
public class Bulletins {

  /** Where a bulletin's acts rest: supervision and bulletins of 条例 Arts. 38–40. */
  public static final String BASIS = "条例 Arts. 38–40 (通报)";

  /** The actor name the daily job records. */
  public static final String SYSTEM = "system";

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final ObjectProvider<BulletinSection> sections;
  private final Organisations organisations;
  private final CurrentActor currentActor;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Bulletins(
      JdbcClient jdbc,
      ObjectProvider<BulletinSection> sections,
      Organisations organisations,
      CurrentActor currentActor,
      JsonMapper json,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.sections = sections;
    this.organisations = organisations;
    this.currentActor = currentActor;
    this.json = json;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Generates the bulletin of an organisation for a period, replacing its draft if there is one.
   *
   * @throws Forbidden for a user who is not a supervisor of a jurisdiction holding the organisation
   * @throws LawViolation when the bulletin of that period is already published
   */
  @Transactional
  public Bulletin generate(String organisationId, LocalDate from, LocalDate to) {
    Actor actor = currentActor.get();
    Organisation org = organisation(organisationId);
    requireEditor(actor, org.id());
    if (from == null) throw new InvalidInput("from", "required");
    if (to == null) to = from;
    if (to.isBefore(from)) throw new InvalidInput("to", "must not be before from");
    if (from.plusDays(400).isBefore(to)) throw new InvalidInput("to", "at most 400 days");
    if (to.isAfter(today())) throw new InvalidInput("to", "must not be in the future");
    return get(write(org, from, to, actor.username(), actor.organisationId(), true));
  }

  /**
   * The daily job: the draft bulletin of every petition bureau for {@code day}, where none exists
   * yet (an existing draft or published bulletin is left as it is). Idempotent: running it twice,
   * or on two instances at once, leaves one bulletin per bureau and day.
   *
   * @return how many drafts were created
   */
  public int generateDaily(LocalDate day) {
    int created = 0;
    for (Organisation bureau : organisations.all()) {
      if (bureau.type() != OrgType.PETITION_BUREAU) {
        continue;
      }
      try {
        Boolean made =
            transaction.execute(
                status -> {
                  if (find(bureau.id(), day, day).isPresent()) {
                    return false;
                  }
                  write(bureau, day, day, SYSTEM, null, false);
                  return true;
                });
        if (Boolean.TRUE.equals(made)) {
          created++;
        }
      } catch (DataIntegrityViolationException e) {
        // another instance created it in the meantime: one bulletin per bureau and day
      }
    }
    return created;
  }

  private String write(
      Organisation org, LocalDate from, LocalDate to, String by, String byOrg, boolean replace) {
    Optional<Row> existing = find(org.id(), from, to);
    if (existing.isPresent() && existing.get().status() == BulletinStatus.PUBLISHED) {
      throw new LawViolation(
          "bulletin-published-immutable (" + BASIS + ")",
          "The bulletin of this period is published ("
              + existing.get().number()
              + ") and kept as"
              + " it was; it is not generated again.");
    }
    if (existing.isPresent() && !replace) {
      return existing.get().id();
    }
    Set<String> jurisdiction = organisations.jurisdiction(org.id());
    BulletinSection.Period period =
        new BulletinSection.Period(org.id(), jurisdiction, from, to, to);
    List<BulletinSection.Content> content = new ArrayList<>();
    sections
        .orderedStream()
        .sorted(java.util.Comparator.comparingInt(BulletinSection::order))
        .forEach(s -> content.add(s.render(period)));
    String body = json.writeValueAsString(content);
    LocalDate today = today();
    OffsetDateTime now = now();
    if (existing.isPresent()) {
      String id = existing.get().id();
      int changed =
          jdbc.sql(
                  "update bulletin set content = :c, generated_on = :on, generated_by = :by,"
                      + " generated_at = :at where id = :id and status = 'DRAFT'")
              .param("c", body)
              .param("on", today)
              .param("by", by)
              .param("at", now)
              .param("id", id)
              .update();
      if (changed == 0) {
        throw new LawViolation(
            "bulletin-published-immutable (" + BASIS + ")", "The bulletin was just published.");
      }
      event(id, "regenerate", today, by, byOrg, now, summary(content));
      return id;
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into bulletin (id, organisation_id, period_from, period_to, status, content,"
                + " generated_on, generated_by, generated_at) values (:id, :org, :from, :to,"
                + " 'DRAFT', :c, :on, :by, :at)")
        .param("id", id)
        .param("org", org.id())
        .param("from", from)
        .param("to", to)
        .param("c", body)
        .param("on", today)
        .param("by", by)
        .param("at", now)
        .update();
    event(id, "generate", today, by, byOrg, now, summary(content));
    return id;
  }

  /**
   * The reviewing supervisor's remarks on a draft (replacing earlier remarks).
   *
   * @throws LawViolation once published
   */
  @Transactional
  public Bulletin remark(String id, String remarks) {
    Actor actor = currentActor.get();
    Row row = row(id);
    requireEditor(actor, row.organisationId());
    requireDraft(row);
    if (remarks != null && remarks.length() > 10000) {
      throw new InvalidInput("remarks", "at most 10000 characters");
    }
    jdbc.sql("update bulletin set remarks = :r where id = :id and status = 'DRAFT'")
        .param("r", remarks == null || remarks.isBlank() ? null : remarks.strip())
        .param("id", id)
        .update();
    event(id, "remark", today(), actor.username(), actor.organisationId(), now(), remarks);
    return get(id);
  }

  /**
   * Publishes a draft with its number (e.g. 大连市信访局通报〔2026〕3号); from then on it never changes.
   *
   * @throws LawViolation when already published
   */
  @Transactional
  public Bulletin publish(String id) {
    Actor actor = currentActor.get();
    Row row = row(id);
    requireEditor(actor, row.organisationId());
    requireDraft(row);
    Organisation org = organisation(row.organisationId());
    LocalDate today = today();
    int year = today.getYear();
    int seq =
        jdbc.sql(
                "select coalesce(max(pub_seq), 0) + 1 from bulletin where organisation_id = :o"
                    + " and pub_year = :y")
            .param("o", org.id())
            .param("y", year)
            .query(Integer.class)
            .single();
    String number = org.displayName() + "通报〔" + year + "〕" + seq + "号";
    int changed =
        jdbc.sql(
                "update bulletin set status = 'PUBLISHED', number = :n, pub_year = :y, pub_seq ="
                    + " :s, published_on = :on, published_by = :by, published_at = :at where id ="
                    + " :id and status = 'DRAFT'")
            .param("n", number)
            .param("y", year)
            .param("s", seq)
            .param("on", today)
            .param("by", actor.username())
            .param("at", now())
            .param("id", id)
            .update();
    if (changed == 0) {
      throw new LawViolation(
          "bulletin-published-immutable (" + BASIS + ")", "This bulletin is already published.");
    }
    event(id, "publish", today, actor.username(), actor.organisationId(), now(), number);
    return get(id);
  }

  /**
   * One bulletin: published ones for the users of its jurisdiction, drafts for its supervisors and
   * leaders.
   */
  @Transactional(readOnly = true)
  public Bulletin get(String id) {
    Row row = row(id);
    if (!mayRead(currentActor.get(), row)) {
      throw new Forbidden(
          "data-scope (API.md Users)",
          "Bulletins are read within their jurisdiction; drafts by its supervisors and leaders.");
    }
    return view(row);
  }

  /** The bulletins the user may read, latest period first. */
  @Transactional(readOnly = true)
  public List<Bulletin.Summary> list() {
    Actor actor = currentActor.get();
    return jdbc
        .sql("select " + COLUMNS + " from bulletin order by period_to desc, organisation_id")
        .query(Bulletins::row)
        .list()
        .stream()
        .filter(r -> mayRead(actor, r))
        .map(
            r ->
                new Bulletin.Summary(
                    r.id(),
                    r.organisationId(),
                    name(r.organisationId()),
                    r.from(),
                    r.to(),
                    r.status(),
                    r.number(),
                    r.publishedOn()))
        .toList();
  }

  /** The bulletin of an organisation for a period, if any (whoever asks; for the job and demo). */
  @Transactional(readOnly = true)
  public Optional<String> idOf(String organisationId, LocalDate from, LocalDate to) {
    return find(organisationId, from, to).map(Row::id);
  }

  /** Whether the user may generate, remark on and publish the organisation's bulletins. */
  public boolean mayEdit(String organisationId) {
    Actor actor = currentActor.get();
    return actor.bootstrapAdmin()
        || (actor.has(Role.SUPERVISOR)
            && actor.organisationId() != null
            && organisations.jurisdiction(actor.organisationId()).contains(organisationId));
  }

  // ------------------------------------------------------------------------------- rows

  private static final String COLUMNS =
      "id, organisation_id, period_from, period_to, status, number, content, remarks,"
          + " generated_on, generated_by, generated_at, published_on, published_by";

  record Row(
      String id,
      String organisationId,
      LocalDate from,
      LocalDate to,
      BulletinStatus status,
      String number,
      String content,
      String remarks,
      LocalDate generatedOn,
      String generatedBy,
      OffsetDateTime generatedAt,
      LocalDate publishedOn,
      String publishedBy) {}

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("organisation_id"),
        rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_to", LocalDate.class),
        BulletinStatus.valueOf(rs.getString("status")),
        rs.getString("number"),
        rs.getString("content"),
        rs.getString("remarks"),
        rs.getObject("generated_on", LocalDate.class),
        rs.getString("generated_by"),
        rs.getObject("generated_at", OffsetDateTime.class),
        rs.getObject("published_on", LocalDate.class),
        rs.getString("published_by"));
  }

  private Row row(String id) {
    return jdbc.sql("select " + COLUMNS + " from bulletin where id = :id")
        .param("id", id)
        .query(Bulletins::row)
        .optional()
        .orElseThrow(() -> new NotFound("No bulletin " + id));
  }

  private Optional<Row> find(String org, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from bulletin where organisation_id = :o and period_from = :f and period_to ="
                + " :t")
        .param("o", org)
        .param("f", from)
        .param("t", to)
        .query(Bulletins::row)
        .optional();
  }

  private Bulletin view(Row r) {
    return new Bulletin(
        r.id(),
        r.organisationId(),
        name(r.organisationId()),
        r.from(),
        r.to(),
        r.status(),
        r.number(),
        json.readValue(r.content(), new TypeReference<List<BulletinSection.Content>>() {}),
        r.remarks(),
        r.generatedOn(),
        r.generatedBy(),
        r.generatedAt(),
        r.publishedOn(),
        r.publishedBy(),
        history(r.id()));
  }

  private List<Bulletin.BulletinEvent> history(String id) {
    return jdbc.sql(
            "select act, on_day, actor, organisation_id, recorded_at, basis, detail from"
                + " bulletin_event where bulletin_id = :id order by id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Bulletin.BulletinEvent(
                    rs.getString("act"),
                    rs.getObject("on_day", LocalDate.class),
                    rs.getString("actor"),
                    rs.getString("organisation_id"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("basis"),
                    rs.getString("detail")))
        .list();
  }

  private void event(
      String id,
      String act,
      LocalDate on,
      String actor,
      String org,
      OffsetDateTime at,
      String detail) {
    jdbc.sql(
            "insert into bulletin_event (bulletin_id, act, on_day, actor, organisation_id,"
                + " recorded_at, basis, detail) values (:b, :act, :on, :actor, :org, :at, :basis,"
                + " :detail)")
        .param("b", id)
        .param("act", act)
        .param("on", on)
        .param("actor", actor)
        .param("org", org)
        .param("at", at)
        .param("basis", BASIS)
        .param("detail", detail)
        .update();
  }

  private static String summary(List<BulletinSection.Content> content) {
    StringBuilder s = new StringBuilder();
    for (BulletinSection.Content c : content) {
      if (!s.isEmpty()) s.append("；");
      s.append(c.title()).append("：").append(c.summary());
    }
    return s.length() > 10000 ? s.substring(0, 10000) : s.toString();
  }

  private boolean mayRead(Actor actor, Row r) {
    if (actor.bootstrapAdmin()) {
      return true;
    }
    String org = actor.organisationId();
    if (org == null) {
      return false;
    }
    boolean overseer =
        (actor.has(Role.SUPERVISOR) || actor.has(Role.LEADER))
            && organisations.jurisdiction(org).contains(r.organisationId());
    if (overseer) {
      return true;
    }
    return r.status() == BulletinStatus.PUBLISHED
        && (org.equals(r.organisationId())
            || organisations.jurisdiction(r.organisationId()).contains(org));
  }

  private void requireEditor(Actor actor, String organisationId) {
    boolean editor =
        actor.bootstrapAdmin()
            || (actor.has(Role.SUPERVISOR)
                && actor.organisationId() != null
                && organisations.jurisdiction(actor.organisationId()).contains(organisationId));
    if (!editor) {
      throw new Forbidden(
          "role (API.md Users)",
          "A supervisor of the jurisdiction generates, reviews and publishes its bulletins.");
    }
  }

  private static void requireDraft(Row row) {
    if (row.status() != BulletinStatus.DRAFT) {
      throw new LawViolation(
          "bulletin-published-immutable (" + BASIS + ")",
          "This bulletin is published (" + row.number() + ") and never changes.");
    }
  }

  private Organisation organisation(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidInput("organisationId", "required");
    }
    return organisations
        .find(id)
        .orElseThrow(() -> new InvalidInput("organisationId", "no such organisation"));
  }

  String name(String org) {
    return organisations.find(org).map(Organisation::displayName).orElse(org);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  private OffsetDateTime now() {
    return clock.instant().atZone(CHINA).toOffsetDateTime();
  }
}
