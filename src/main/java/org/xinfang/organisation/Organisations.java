package org.xinfang.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.shared.NotFound;

/** The organisation tree: lookup, subtree tests, "one level up" (LAW.md §6) and creation. */
@Service
public class Organisations {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

  /** Depth-first tree order: region codes are prefixes of their children's codes. */
  private static final Comparator<Organisation> TREE_ORDER =
      Comparator.comparing(Organisation::regionCode)
          .thenComparing(Organisation::level)
          .thenComparing(o -> o.type() == OrgType.GOVERNMENT ? 0 : 1)
          .thenComparing(Organisation::type)
          .thenComparing(Organisation::id);

  /** Guards tree walks against a corrupted (cyclic) tree. */
  private static final int MAX_DEPTH = 32;

  private static final String COLUMNS =
      "id, name, short_name, level, type, parent_id, region_code, line, vertical";

  private final JdbcClient jdbc;
  private final Clock clock;

  public Organisations(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
  }

  /**
   * The tree changes rarely and is read on every act: it is kept in memory, reloaded after 30
   * seconds (so another instance's additions are seen) and at once when an unknown id is asked for.
   */
  private static final class Snapshot {
    private final java.util.Map<String, Organisation> byId;
    private final long loadedAt;

    /** Each organisation's direct children's ids, built once with the snapshot. */
    private final java.util.Map<String, List<String>> children = new java.util.HashMap<>();

    /**
     * The subtrees asked for so far (every act asks for some: scopes, jurisdictions), each walked
     * once per snapshot rather than once per question: a province has thousands of organisations.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Set<String>> subtrees =
        new java.util.concurrent.ConcurrentHashMap<>();

    Snapshot(java.util.Map<String, Organisation> byId, long loadedAt) {
      this.byId = byId;
      this.loadedAt = loadedAt;
      for (Organisation o : byId.values()) {
        if (o.parentId() != null) {
          children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o.id());
        }
      }
    }

    java.util.Map<String, Organisation> byId() {
      return byId;
    }

    long loadedAt() {
      return loadedAt;
    }

    List<String> children(String id) {
      return children.getOrDefault(id, List.of());
    }

    java.util.Set<String> subtree(String id) {
      return subtrees.computeIfAbsent(id, this::walk);
    }

    private java.util.Set<String> walk(String id) {
      java.util.Set<String> found = new java.util.LinkedHashSet<>();
      java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String next = todo.poll();
        if (found.add(next)) {
          todo.addAll(children(next));
        }
      }
      return java.util.Collections.unmodifiableSet(found);
    }
  }

  private static final long SNAPSHOT_TTL_MILLIS = 30_000;
  private volatile Snapshot snapshot;

  private Snapshot snapshot(boolean force) {
    Snapshot current = snapshot;
    long now = System.currentTimeMillis();
    if (current == null || force || now - current.loadedAt() > SNAPSHOT_TTL_MILLIS) {
      java.util.Map<String, Organisation> byId = new java.util.HashMap<>();
      jdbc.sql("select " + COLUMNS + " from organisation")
          .query(Organisations::row)
          .list()
          .forEach(o -> byId.put(o.id(), o));
      current = new Snapshot(java.util.Map.copyOf(byId), now);
      snapshot = current;
    }
    return current;
  }

  public Optional<Organisation> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Snapshot s = snapshot(false);
    Organisation found = s.byId().get(id);
    if (found == null && System.currentTimeMillis() - s.loadedAt() > 1_000) {
      found = snapshot(true).byId().get(id);
    }
    return Optional.ofNullable(found);
  }

  /**
   * @throws NotFound when no organisation has this id
   */
  public Organisation get(String id) {
    return find(id).orElseThrow(() -> new NotFound("organisation " + id));
  }

  /** Every organisation, in depth-first tree order. */
  public List<Organisation> all() {
    return sorted(new ArrayList<>(snapshot(false).byId().values()));
  }

  /** The organisations directly below this one (empty for an unknown id). */
  public List<Organisation> children(String id) {
    Snapshot s = snapshot(false);
    List<Organisation> below = new ArrayList<>();
    for (String child : s.children(id)) {
      below.add(s.byId().get(child));
    }
    return sorted(below);
  }

  /** The top of the tree (the highest-level organisation without a parent), if any. */
  public Optional<Organisation> root() {
    return snapshot(false).byId().values().stream()
        .filter(o -> o.parentId() == null)
        .min(TREE_ORDER);
  }

  /** The ids of this organisation and every organisation below it (empty for an unknown id). */
  public java.util.Set<String> subtree(String id) {
    Snapshot s = snapshot(false);
    if (id == null || !s.byId().containsKey(id)) {
      return java.util.Set.of();
    }
    return s.subtree(id);
  }

  /**
   * The jurisdiction an organisation supervises (条例 Art. 40: the petition bureau supervises the
   * organs of its own government and those below; so do its government, its discipline inspection
   * and political-legal organs): a government, petition bureau, discipline inspection or
   * political-legal organ → its government's subtree; any other body → its own subtree.
   */
  public java.util.Set<String> jurisdiction(String id) {
    Optional<Organisation> org = find(id);
    if (org.isEmpty()) {
      return java.util.Set.of();
    }
    Organisation o = org.get();
    boolean governmentWide =
        o.type() == OrgType.PETITION_BUREAU
            || o.type() == OrgType.DISCIPLINE_INSPECTION
            || o.type() == OrgType.POLITICAL_LEGAL;
    if (governmentWide && o.parentId() != null) {
      Optional<Organisation> parent = find(o.parentId());
      if (parent.isPresent() && parent.get().type() == OrgType.GOVERNMENT) {
        return subtree(parent.get().id());
      }
    }
    return subtree(o.id());
  }

  /** Whether {@code id} is {@code ancestorId} or lies in its subtree; false for unknown ids. */
  public boolean isWithin(String id, String ancestorId) {
    if (id == null || ancestorId == null) {
      return false;
    }
    String current = id;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      if (current.equals(ancestorId)) {
        return true;
      }
      current = find(current).map(Organisation::parentId).orElse(null);
    }
    return false;
  }

  /**
   * The organs one level up that review (复查, 条例 Art. 35) an opinion of this organisation, or
   * re-review (复核) a review it made: the default first, then those the petitioner may choose
   * instead. Empty at the top of the tree. LAW.md §6, 北京 Art. 48 practice:
   *
   * <ul>
   *   <li>a vertically managed body → its superior body (its parent);
   *   <li>a township or street (or any body at township or village level) → the county/district
   *       government;
   *   <li>a county/district government → the city government; a city government → the province
   *       government;
   *   <li>a department (incl. petition bureau, discipline inspection, political-legal) → the
   *       department of the same line one level up, or the government at its own level, as the
   *       petitioner chooses (default: the same-line department where there is one).
   * </ul>
   *
   * @throws NotFound when no organisation has this id
   */
  public List<Organisation> reviewOrgans(String id) {
    Organisation body = get(id);
    if (body.vertical()) {
      return find(body.parentId()).map(List::of).orElse(List.of());
    }
    if (OrgLevel.COUNTY.isAbove(body.level())) {
      // below the county: township, street, village committee, township station
      return governmentAbove(body, OrgLevel.TOWNSHIP).map(List::of).orElse(List.of());
    }
    if (body.type() == OrgType.GOVERNMENT) {
      return governmentAbove(body, body.level()).map(List::of).orElse(List.of());
    }
    Optional<Organisation> ownGovernment = nearestGovernmentAbove(body);
    Optional<Organisation> sameLineUp =
        ownGovernment
            .flatMap(g -> governmentAbove(g, g.level()))
            .flatMap(
                upper -> children(upper.id()).stream().filter(c -> sameLine(body, c)).findFirst());
    List<Organisation> organs = new ArrayList<>(2);
    sameLineUp.ifPresent(organs::add);
    ownGovernment.ifPresent(organs::add);
    return List.copyOf(organs);
  }

  /**
   * Creates an organisation below an existing parent: one level below it, or at the same level for
   * a department, bureau or commission under its own government.
   *
   * @throws InvalidInput for a malformed field, an unknown parent or a level that does not fit
   * @throws LawViolation when the id is taken
   */
  @Transactional
  public Organisation create(NewOrganisation n) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (n.id() != null && !ID.matcher(n.id()).matches()) {
      errors.put("id", "must match [A-Za-z0-9_-]{1,64}");
    }
    if (n.name() == null || n.name().isBlank()) {
      errors.put("name", "must not be blank");
    } else if (n.name().length() > 200) {
      errors.put("name", "must be at most 200 characters");
    }
    if (n.shortName() != null && n.shortName().length() > 50) {
      errors.put("shortName", "must be at most 50 characters");
    }
    if (n.line() != null && n.line().length() > 40) {
      errors.put("line", "must be at most 40 characters");
    }
    if (n.level() == null) {
      errors.put("level", "must be one of PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE");
    }
    if (n.type() == null) {
      errors.put("type", "must not be null");
    }
    if (n.regionCode() == null || !REGION_CODE.matcher(n.regionCode()).matches()) {
      errors.put("regionCode", "must be 6 digits (GB/T 2260), 9 (township) or 12 (village)");
    }
    if (n.type() == OrgType.VILLAGE_COMMITTEE
        && n.level() != null
        && n.level() != OrgLevel.VILLAGE) {
      errors.put("level", "a village committee is at VILLAGE level");
    }
    if (n.type() == OrgType.GOVERNMENT && n.level() == OrgLevel.VILLAGE) {
      errors.put("level", "there is no government at VILLAGE level: use VILLAGE_COMMITTEE");
    }
    if (n.parentId() != null) {
      Optional<Organisation> parent = find(n.parentId());
      if (parent.isEmpty()) {
        errors.put("parentId", "no organisation " + n.parentId());
      } else if (n.level() != null && n.type() != null && !fitsUnder(n, parent.get())) {
        errors.put(
            "level",
            "a %s at %s level cannot sit under %s (%s, %s level)"
                .formatted(
                    n.type(),
                    n.level(),
                    parent.get().id(),
                    parent.get().type(),
                    parent.get().level()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    String id = n.id() != null ? n.id() : UUID.randomUUID().toString();
    if (find(id).isPresent()) {
      throw idTaken(id);
    }
    Organisation created =
        new Organisation(
            id,
            n.name().strip(),
            blankToNull(n.shortName()),
            n.level(),
            n.type(),
            n.parentId(),
            n.regionCode(),
            blankToNull(n.line()),
            n.vertical());
    try {
      jdbc.sql(
              """
              insert into organisation
                (id, name, short_name, level, type, parent_id, region_code, line, vertical, created_at)
              values
                (:id, :name, :shortName, :level, :type, :parentId, :regionCode, :line, :vertical, :createdAt)
              """)
          .param("id", created.id())
          .param("name", created.name())
          .param("shortName", created.shortName())
          .param("level", created.level().name())
          .param("type", created.type().name())
          .param("parentId", created.parentId())
          .param("regionCode", created.regionCode())
          .param("line", created.line())
          .param("vertical", created.vertical())
          .param("createdAt", OffsetDateTime.now(clock))
          .update();
    } catch (DuplicateKeyException e) {
      throw idTaken(id);
    }
    snapshot = null;
    // a snapshot read inside this transaction may hold the uncommitted row: drop it at the end too
    if (org.springframework.transaction.support.TransactionSynchronizationManager
        .isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager
          .registerSynchronization(
              new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                  snapshot = null;
                }
              });
    }
    return created;
  }

  private static boolean fitsUnder(NewOrganisation n, Organisation parent) {
    if (parent.level().isAbove(n.level())) {
      return true;
    }
    // a department, bureau or commission sits under the government of its own level
    return n.level() == parent.level()
        && n.type() != OrgType.GOVERNMENT
        && n.type() != OrgType.VILLAGE_COMMITTEE
        && parent.type() == OrgType.GOVERNMENT;
  }

  /** The nearest government above {@code body} whose level is above {@code level}. */
  private Optional<Organisation> governmentAbove(Organisation body, OrgLevel level) {
    Organisation current = body;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Optional<Organisation> parent = find(current.parentId());
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      current = parent.get();
      if (current.type() == OrgType.GOVERNMENT && current.level().isAbove(level)) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }

  /** The government a department belongs to: the nearest government among its ancestors. */
  private Optional<Organisation> nearestGovernmentAbove(Organisation body) {
    Organisation current = body;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Optional<Organisation> parent = find(current.parentId());
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      current = parent.get();
      if (current.type() == OrgType.GOVERNMENT) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code candidate} is a body of the same functional line as {@code body}. */
  private static boolean sameLine(Organisation body, Organisation candidate) {
    if (candidate.id().equals(body.id())
        || candidate.type() == OrgType.GOVERNMENT
        || candidate.type() == OrgType.VILLAGE_COMMITTEE) {
      return false;
    }
    if (body.line() != null && body.line().equals(candidate.line())) {
      return true;
    }
    // petition bureaus, discipline inspection and political-legal commissions are lines of their
    // own
    return body.type() != OrgType.DEPARTMENT && body.type() == candidate.type();
  }

  private static LawViolation idTaken(String id) {
    return new LawViolation(
        "organisation-id-unique", "an organisation with id " + id + " already exists");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<Organisation> sorted(List<Organisation> list) {
    List<Organisation> copy = new ArrayList<>(list);
    copy.sort(TREE_ORDER);
    return List.copyOf(copy);
  }

  private static Organisation row(ResultSet rs, int n) throws SQLException {
    return new Organisation(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("short_name"),
        OrgLevel.valueOf(rs.getString("level")),
        OrgType.valueOf(rs.getString("type")),
        rs.getString("parent_id"),
        rs.getString("region_code"),
        rs.getString("line"),
        rs.getBoolean("vertical"));
  }
}
