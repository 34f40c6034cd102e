package org.xinfang.petition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.calendar.Due;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Acts.Act;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.shared.BulkRows;
import org.xinfang.shared.LawViolation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the database with realistic petitions for benchmarks and demos: channel, category and
 * pathway mixes, seasonal peaks after the Spring Festival, forwards and assignments, extensions,
 * reviews and re-reviews. Every petition lives its life through the same aggregate and the same
 * guards as the API (an act the law refuses is simply not taken); only the writing is batched.
 */
@Service
public class PetitionGenerator {

  private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
  private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英".split("");
  private static final String[] SUBJECTS = {
    "拖欠农民工工资", "房屋征收补偿", "物业服务纠纷", "小区噪音扰民", "社会保险待遇", "土地承包经营权", "违法建设", "劳动合同解除", "医疗纠纷",
    "道路交通安全", "环境污染", "教育入学", "住房公积金提取", "供暖不达标"
  };

  private final PetitionService service;
  private final Petitions petitions;
  private final Organisations organisations;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;

  private final org.springframework.context.ApplicationEventPublisher events;
  private final BulkRows bulk;
  private final DeferredIndexes deferred;

  private final DutyChanges changes;

  PetitionGenerator(
      PetitionService service,
      Petitions petitions,
      Organisations organisations,
      DataSource dataSource,
      TransactionTemplate tx,
      JsonMapper json,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events,
      BulkRows bulk,
      DeferredIndexes deferred,
      DutyChanges changes) {
    this.changes = changes;
    this.deferred = deferred;
    this.events = events;
    this.bulk = bulk;
    this.service = service;
    this.petitions = petitions;
    this.organisations = organisations;
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  /** What a run did and how fast. */
  /**
   * What a run did and how fast; where its time went: living the petitions' lives through the
   * aggregate, chaining and encoding the rows, writing the record, deriving and writing the facts.
   */
  public record Report(
      long petitions,
      long events,
      Duration took,
      Duration living,
      Duration encoding,
      Duration writing,
      Duration facts,
      Duration indexes) {
    Report withIndexes(Duration built) {
      return new Report(
          petitions, events, took.plus(built), living, encoding, writing, facts, built);
    }

    public double petitionsPerSecond() {
      return petitions / Math.max(0.001, took.toMillis() / 1000.0);
    }

    public double rowsPerSecond() {
      return (petitions * 3 + events) / Math.max(0.001, took.toMillis() / 1000.0);
    }
  }

  /**
   * Generates {@code count} petitions received over the last {@code years} years, in batches of
   * {@code batch} per transaction, reporting progress (petitions done) after each batch.
   */
  public Report generate(long count, int years, long seed, int batch, LongConsumer progress) {
    return generate(count, years, seed, batch, null, progress);
  }

  /**
   * As {@link #generate(long, int, long, int, LongConsumer)}, for the organisation subtree of
   * {@code root} only (its petition bureaus receive, its villages are where petitioners live);
   * null: every organisation.
   */
  public Report generate(
      long count, int years, long seed, int batch, String root, LongConsumer progress) {
    return generate(count, years, seed, batch, root, new Bulk(false, true), progress);
  }

  /**
   * How a large load writes. {@code deferIndexes}: on PostgreSQL, drop the plain secondary indexes
   * of the tables written and build them once at the end (see {@link DeferredIndexes}); {@code
   * facts}: hand each batch's facts to the figures (false: leave them to {@code
   * --xinfang.figures.rebuild}, which derives every petition that has none).
   */
  public record Bulk(boolean deferIndexes, boolean facts) {}

  /** As above, written as {@code bulk} says. */
  public Report generate(
      long count, int years, long seed, int batch, String root, Bulk bulk, LongConsumer progress) {
    if (bulk.deferIndexes() && !deferred.supported()) {
      throw new IllegalArgumentException("Deferring indexes needs PostgreSQL");
    }
    if (bulk.deferIndexes()) {
      List<String> tables =
          new ArrayList<>(
              List.of(
                  "petition",
                  "petitioner",
                  "petitioner_name",
                  "petition_event",
                  "petition_duty",
                  "petition_party"));
      if (bulk.facts()) {
        tables.addAll(List.of("figure_fact", "figure_duty"));
      }
      deferred.defer(tables);
    }
    // the deadline watch compares every duty at its next run (written first: a stopped load too)
    tx.executeWithoutResult(status -> changes.noteEverything());
    Report report = generateRows(count, years, seed, batch, root, bulk.facts(), progress);
    // and again after it: a watch run during the load compared only what was loaded by then
    tx.executeWithoutResult(status -> changes.noteEverything());
    if (bulk.deferIndexes()) {
      long t = System.nanoTime();
      deferred.restore();
      return report.withIndexes(Duration.ofNanos(System.nanoTime() - t));
    }
    return report;
  }

  private Report generateRows(
      long count,
      int years,
      long seed,
      int batch,
      String root,
      boolean withFacts,
      LongConsumer progress) {
    Instant started = clock.instant();
    LocalDate today = LocalDate.now(clock.withZone(PetitionService.CHINA));
    Random random = new Random(seed);
    java.util.Set<String> subtree = root == null ? null : organisations.subtree(root);
    List<Organisation> all =
        organisations.all().stream()
            .filter(o -> subtree == null || subtree.contains(o.id()))
            .toList();
    if (all.stream().noneMatch(o -> o.type() == OrgType.PETITION_BUREAU)
        || all.stream().noneMatch(o -> o.level() == OrgLevel.VILLAGE)) {
      throw new IllegalArgumentException(
          "The generator needs a petition bureau and a village"
              + (root == null ? "" : " in the subtree of " + root));
    }
    List<Organisation> bureaus =
        all.stream()
            .filter(o -> o.type() == OrgType.PETITION_BUREAU && o.level() != OrgLevel.PROVINCE)
            .toList();
    List<Organisation> villages = all.stream().filter(o -> o.level() == OrgLevel.VILLAGE).toList();
    Memory memory = new Memory(service.law());
    Law law = memory;
    long done = 0;
    long events = 0;
    long[] spent = new long[4];
    // two hands: this thread lives and encodes the next batch while a writer writes the last one
    java.util.concurrent.ExecutorService writer =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> new Thread(r, "generator-writer"));
    try {
      java.util.concurrent.Future<Long> writing = null;
      long lived = 0;
      while (lived < count) {
        int n = (int) Math.min(batch, count - lived);
        List<Generated> lives = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          Generated g = life(random, today, years, bureaus, villages, all, law, memory);
          memory.remember(g, random);
          lives.add(g);
        }
        long t1 = System.nanoTime();
        spent[0] += t1 - t0;
        Encoded encoded = encode(lives, law, today, withFacts);
        spent[1] += System.nanoTime() - t1;
        lived += n;
        if (writing != null) {
          events += writing.get();
          progress.accept(done += batch);
        }
        writing = writer.submit(() -> tx.execute(status -> write(encoded, spent)));
      }
      if (writing != null) {
        events += writing.get();
        progress.accept(done = lived);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Generation interrupted after " + done + " petitions", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re
          ? re
          : new IllegalStateException(e.getCause());
    } finally {
      writer.shutdownNow();
    }
    return new Report(
        done,
        events,
        Duration.between(started, clock.instant()),
        Duration.ofNanos(spent[0]),
        Duration.ofNanos(spent[1]),
        Duration.ofNanos(spent[2]),
        Duration.ofNanos(spent[3]),
        Duration.ZERO);
  }

  private record Generated(Petitions.Record record, Petition petition) {}

  /** A petitioner and matter generated earlier, who may come again (重复信访, 同人同事). */
  private record Earlier(
      String id,
      LocalDate receivedOn,
      String bureau,
      String regionCode,
      String address,
      String subject,
      String name,
      String phone) {}

  /**
   * The law as the generator sees it: the real law, except that earlier petitions are also looked
   * up among those generated in this run and not yet written (a repeat's link is checked as on the
   * API: 条例 Art. 36 para. 3). Remembers a sample of earlier matters to repeat.
   */
  private static final class Memory implements Law {
    private static final int KEEP = 20_000;
    private final Law law;
    private final Map<String, Law.EarlierPetition> states =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Law.EarlierPetition> eldest) {
            return size() > 200_000;
          }
        };
    private final List<Earlier> matters = new ArrayList<>();

    Memory(Law law) {
      this.law = law;
    }

    void remember(Generated g, Random r) {
      Petition p = g.petition();
      Petitions.Record rec = g.record();
      states.put(
          rec.id(),
          new Law.EarlierPetition(
              rec.id(), p.state(), p.isFinal(), p.holder(), p.repeatOf(), rec.receivedOn()));
      PetitionerData lead = rec.petitioners().get(0);
      Earlier e =
          new Earlier(
              rec.id(),
              rec.receivedOn(),
              rec.receivedBy(),
              rec.regionCode(),
              lead.address(),
              rec.subject(),
              lead.name(),
              lead.phone());
      if (matters.size() < KEEP) {
        matters.add(e);
      } else {
        matters.set(r.nextInt(KEEP), e);
      }
    }

    /** An earlier matter received long enough before today to be raised again, or null. */
    Earlier toRepeat(Random r, LocalDate today) {
      if (matters.isEmpty()) {
        return null;
      }
      Earlier e = matters.get(r.nextInt(matters.size()));
      return e.receivedOn().isBefore(today.minusDays(30)) ? e : null;
    }

    @Override
    public Due due(LocalDate event, String rule) {
      return law.due(event, rule);
    }

    @Override
    public Due due(LocalDate event, String rule, int extra) {
      return law.due(event, rule, extra);
    }

    @Override
    public Due dueWithLength(LocalDate event, String rule, int length) {
      return law.dueWithLength(event, rule, length);
    }

    @Override
    public int length(String rule) {
      return law.length(rule);
    }

    @Override
    public Optional<Organisation> organisation(String id) {
      return law.organisation(id);
    }

    @Override
    public List<Organisation> organisations() {
      return law.organisations();
    }

    @Override
    public boolean isWithin(String id, String ancestorId) {
      return law.isWithin(id, ancestorId);
    }

    @Override
    public List<Organisation> reviewOrgans(String id) {
      return law.reviewOrgans(id);
    }

    @Override
    public Optional<Law.EarlierPetition> earlier(String petitionId) {
      Law.EarlierPetition mine = states.get(petitionId);
      return mine != null ? Optional.of(mine) : law.earlier(petitionId);
    }

    @Override
    public boolean levelSkippingAllCategories() {
      return law.levelSkippingAllCategories();
    }
  }

  private Generated life(
      Random r,
      LocalDate today,
      int years,
      List<Organisation> bureaus,
      List<Organisation> villages,
      List<Organisation> all,
      Law law,
      Memory memory) {
    // about one matter in twelve is raised again by the same petitioner (重复信访)
    Earlier earlier = r.nextInt(100) < 8 ? memory.toRepeat(r, today) : null;
    LocalDate received = receivedOn(r, today, years);
    Organisation bureau = bureaus.get(r.nextInt(bureaus.size()));
    Organisation village = villages.get(r.nextInt(villages.size()));
    String regionCode = village.regionCode();
    String address = village.name() + r.nextInt(200) + "号";
    if (earlier != null) {
      LocalDate again = earlier.receivedOn().plusDays(15 + r.nextInt(240));
      received = again.isBefore(today) ? again : today.minusDays(1);
      bureau =
          bureaus.stream().filter(b -> b.id().equals(earlier.bureau())).findFirst().orElse(bureau);
      regionCode = earlier.regionCode();
      address = earlier.address();
    }
    Channel channel =
        pick(
            r,
            new Channel[] {
              Channel.ONLINE, Channel.VISIT, Channel.LETTER, Channel.PHONE, Channel.FAX
            },
            40,
            25,
            20,
            12,
            3);
    Category category =
        pick(
            r,
            new Category[] {Category.GRIEVANCE, Category.SUGGESTION, Category.ACCUSATION},
            75,
            15,
            10);
    int persons = r.nextInt(100) < 6 ? 5 + r.nextInt(40) : 1;
    int representatives = persons > 1 && channel == Channel.VISIT ? 1 + r.nextInt(5) : 0;
    String name =
        SURNAMES[r.nextInt(SURNAMES.length)]
            + GIVEN[r.nextInt(GIVEN.length)]
            + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
    String phone = "13" + (100000000 + r.nextInt(900000000));
    String subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
    if (earlier != null) {
      name = earlier.name();
      phone = earlier.phone();
      subject = earlier.subject();
    }
    Registered registered =
        new Registered(
            channel,
            received,
            bureau.id(),
            null,
            true,
            List.of(),
            false,
            false,
            persons,
            representatives,
            earlier == null ? null : earlier.id(),
            null);
    String id = UUID.randomUUID().toString();
    Petition p = Petition.register(id, registered, acting(bureau.id(), received, today), law);
    String holderLevelDepartment = department(r, bureau, all);
    LocalDate on = received.plusDays(1 + r.nextInt(10));
    // route: forward or assign to a department at the bureau's level
    boolean assign = r.nextInt(100) < 20;
    step(
        p,
        assign
            ? new Acts.Assign(on, holderLevelDepartment, on.plusDays(60))
            : new Acts.Forward(on, holderLevelDepartment),
        today,
        law);
    on = on.plusDays(1 + r.nextInt(12));
    int fate = r.nextInt(100);
    if (earlier != null
        && law.earlier(earlier.id()).map(Law.EarlierPetition::isFinal).orElse(false)) {
      step(
          p,
          new Acts.Decline(
              on, DeclineGround.FINAL_AFTER_RE_REVIEW, "该事项已经复核终结，不再受理", null, earlier.id()),
          today,
          law);
    } else if (fate < 8) {
      step(
          p,
          new Acts.Decline(on, DeclineGround.NOT_COMPETENT, "不属于本机关职权范围", null, null),
          today,
          law);
    } else if (category == Category.GRIEVANCE && fate < 16) {
      step(
          p,
          new Acts.Divert(
              on,
              pick(
                  r,
                  new Pathway[] {Pathway.LITIGATION, Pathway.ARBITRATION, Pathway.ADMIN_PROCEDURE},
                  40,
                  40,
                  20),
              "请依法通过法定途径解决"),
          today,
          law);
    } else {
      Pathway pathway =
          category == Category.GRIEVANCE
              ? (r.nextInt(100) < 85 ? Pathway.PETITION_HANDLING : Pathway.DUTY_PERFORMANCE)
              : null;
      step(p, new Acts.Accept(on, category, pathway, false), today, law);
      if (pathway == Pathway.PETITION_HANDLING && r.nextInt(100) < 12) {
        step(p, new Acts.Extend(on.plusDays(40 + r.nextInt(15)), 30, "情况复杂", "负责人"), today, law);
      }
      on = on.plusDays(10 + r.nextInt(60));
      step(
          p,
          new Acts.Reply(
              on, pick(r, Outcome.values(), 35, 30, 35), "经调查核实，现答复如下。", "《信访工作条例》第三十二条"),
          today,
          law);
      on = on.plusDays(1 + r.nextInt(4));
      step(p, new Acts.Deliver(on), today, law);
      if (r.nextInt(100) < 60) {
        step(
            p,
            new Acts.Rate(
                on.plusDays(r.nextInt(5)), pick(r, Satisfaction.values(), 70, 20, 10), null, null),
            today,
            law);
      }
      if (pathway == Pathway.PETITION_HANDLING && r.nextInt(100) < 10) {
        on = on.plusDays(5 + r.nextInt(20));
        step(p, new Acts.RequestReview(on, null), today, law);
        on = on.plusDays(10 + r.nextInt(18));
        step(
            p,
            new Acts.Review(on, ReviewOutcome.UPHOLD, null, "经复查，维持原处理意见。", null, null),
            today,
            law);
        on = on.plusDays(2);
        step(p, new Acts.Deliver(on), today, law);
        if (r.nextInt(100) < 30) {
          on = on.plusDays(5 + r.nextInt(20));
          step(p, new Acts.RequestReReview(on, null), today, law);
          on = on.plusDays(10 + r.nextInt(18));
          step(
              p,
              new Acts.ReReview(on, ReviewOutcome.UPHOLD, null, "经复核，维持复查意见。", null),
              today,
              law);
          step(p, new Acts.Deliver(on.plusDays(2)), today, law);
        }
      }
      if (r.nextInt(100) < 40) {
        step(p, new Acts.Resolve(on.plusDays(10), "矛盾已化解，信访人息访"), today, law);
      }
    }
    if (assign) {
      // the assignee reports the result to the bureau that assigned it (办结报告, 条例 Art. 22
      // item 3); without this every assigned matter would owe its report for ever
      step(
          p,
          new Acts.Report(p.lastActOn().plusDays(1 + r.nextInt(5)), "已办结，现将办理结果报告如下。"),
          today,
          law);
    }
    Petitions.Record record =
        new Petitions.Record(
            id,
            null,
            queryCode(id),
            null,
            channel,
            received,
            bureau.id(),
            "generator",
            received.atTime(9, 0).atOffset(ZoneOffset.ofHours(8)),
            regionCode,
            subject,
            "信访人反映：" + subject + "问题，至今未得到解决。",
            "请求依法解决" + subject + "问题。",
            null,
            null,
            subject,
            null,
            representatives,
            persons,
            persons > 1,
            false,
            true,
            earlier == null ? null : earlier.id(),
            false,
            false,
            false,
            false,
            null,
            1,
            List.of(
                new PetitionerData(name, null, null, null, null, null, phone, address, null, true)),
            List.of());
    return new Generated(record, p);
  }

  /** Takes an act if the law allows it on that day (never after today); refusals are skipped. */
  private void step(Petition p, Act act, LocalDate today, Law law) {
    if (act.on() != null && act.on().isAfter(today)) {
      return;
    }
    try {
      p.perform(act, acting(p.holder(), act.on(), today), law);
    } catch (LawViolation | org.xinfang.shared.InvalidInput refused) {
      // a life the law does not allow (e.g. a window missed): the generator moves on
    }
  }

  private Petition.Acting acting(String organisationId, LocalDate on, LocalDate today) {
    return new Petition.Acting(
        "generator",
        organisationId,
        false,
        today,
        on.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)));
  }

  private static String department(Random r, Organisation bureau, List<Organisation> all) {
    List<Organisation> candidates =
        all.stream()
            .filter(
                o ->
                    o.type() == OrgType.DEPARTMENT
                        && o.level() == bureau.level()
                        && o.parentId() != null
                        && o.parentId().equals(bureau.parentId()))
            .toList();
    return candidates.isEmpty()
        ? bureau.parentId()
        : candidates.get(r.nextInt(candidates.size())).id();
  }

  /** Seasonal: more matters in the weeks after the Spring Festival and in March (两会). */
  private static LocalDate receivedOn(Random r, LocalDate today, int years) {
    long span = ChronoUnit.DAYS.between(today.minusYears(years), today);
    while (true) {
      LocalDate d = today.minusDays(1 + (long) (r.nextDouble() * (span - 1)));
      int weight = d.getMonthValue() == 3 || d.getMonthValue() == 2 ? 13 : 10;
      if (r.nextInt(13) < weight) {
        return d;
      }
    }
  }

  @SafeVarargs
  private static <T> T pick(Random r, T[] values, int... weights) {
    int total = 0;
    for (int w : weights) total += w;
    int x = r.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      x -= i < weights.length ? weights[i] : 0;
      if (x < 0) return values[i];
    }
    return values[values.length - 1];
  }

  /** A query code from the random bits of the petition's UUID: unique across runs. */
  private static String queryCode(String uuid) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    UUID u = UUID.fromString(uuid);
    long bits = u.getLeastSignificantBits() ^ (u.getMostSignificantBits() << 7);
    StringBuilder b = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      b.append(alphabet.charAt((int) (bits & 31)));
      bits >>>= 5;
    }
    return b.toString();
  }

  /** Batched writes of a chunk of lives: petitions, petitioners, events and duties. */
  /** A batch's rows, ready to write: everything but the petitions' numbers. */
  private record Encoded(
      List<Object[]> petitions,
      List<Object[]> people,
      List<Object[]> events,
      List<Object[]> duties,
      List<Object[]> parties,
      List<PetitionFacts> facts) {}

  /** Chains the histories and turns a batch into rows and facts (no database). */
  private Encoded encode(List<Generated> lives, Law law, LocalDate today, boolean withFacts) {
    List<Object[]> petitions = new ArrayList<>();
    List<Object[]> people = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    List<Object[]> duties = new ArrayList<>();
    List<Object[]> parties = new ArrayList<>();
    for (Generated g : lives) {
      Petitions.Record r = g.record();
      Petition p = g.petition();
      petitions.add(
          new Object[] {
            r.id(),
            null, // the number, given when written
            r.queryCode(),
            r.channel().name(),
            r.receivedOn(),
            r.receivedBy(),
            r.registeredBy(),
            r.registeredAt(),
            r.regionCode(),
            r.subject(),
            r.facts(),
            r.request(),
            r.topic(),
            r.representatives(),
            r.persons(),
            r.collective(),
            false,
            true,
            false,
            false,
            false,
            false,
            p.state().name(),
            p.category() == null ? null : p.category().name(),
            p.pathway() == null ? null : p.pathway().name(),
            p.holder(),
            p.isFinal(),
            p.concludedOn(),
            p.isResolved(),
            false,
            p.lastActOn(),
            p.history().size(),
            p.history().size(),
            null,
            r.repeatOf()
          });
      for (String org : Petitions.partiesOf(r.receivedBy(), p, p.history())) {
        parties.add(new Object[] {r.id(), org});
      }
      Object[] petitionRow = petitions.get(petitions.size() - 1);
      PetitionerData d = r.petitioners().get(0);
      people.add(new Object[] {r.id(), 0, d.name(), d.phone(), d.address(), true});
      String previous = this.petitions.genesis(r.id());
      for (HistoryEvent e : p.history()) {
        Petitions.Chained c = this.petitions.chain(r.id(), previous, e);
        String payload = c.payload();
        java.time.Instant at = c.at();
        String hash = c.hash();
        events.add(
            new Object[] {
              r.id(),
              e.seq(),
              e.act(),
              e.on(),
              e.by(),
              e.organisationId(),
              at.atOffset(ZoneOffset.UTC),
              e.article(),
              e.backEntered(),
              e.adminAct(),
              payload,
              c.algorithm(),
              previous,
              hash
            });
        previous = hash;
      }
      petitionRow[petitionRow.length - 2] = previous;
      for (Duty duty : p.duties(law, today)) {
        duties.add(
            new Object[] {
              r.id(),
              duty.duty().name(),
              duty.due(),
              duty.owedBy(),
              duty.basis(),
              duty.provisional(),
              duty.optional(),
              duty.paused()
            });
      }
    }
    List<PetitionFacts> facts = new ArrayList<>(withFacts ? lives.size() : 0);
    if (withFacts) {
      for (Generated g : lives) {
        facts.add(PetitionStatistics.derive(g.record(), g.petition().history(), law, false));
      }
    }
    return new Encoded(petitions, people, events, duties, parties, facts);
  }

  /**
   * Writes an encoded batch in the caller's transaction: numbers reserved per year from the same
   * sequence the API uses, the rows, then the facts handed to the figures.
   */
  private long write(Encoded batch, long[] spent) {
    long t1 = System.nanoTime();
    java.util.Map<Integer, Integer> next = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> perYear = new java.util.HashMap<>();
    for (Object[] row : batch.petitions()) perYear.merge(receivedYear(row), 1, Integer::sum);
    perYear.forEach((year, k) -> next.put(year, reserve(year, k)));
    for (int i = 0; i < batch.petitions().size(); i++) {
      int year = receivedYear(batch.petitions().get(i));
      batch.petitions().get(i)[1] = service.number(year, next.merge(year, 1, Integer::sum) - 1);
    }
    List<Object[]> events = batch.events();
    bulk.insert("petition", PETITION_COLUMNS, batch.petitions());
    bulk.insert(
        "petitioner",
        List.of("petition_id", "ordinal", "name", "phone", "address", "lead"),
        batch.people());
    // the search by name's index (V32): one petitioner a petition here, so one row
    List<Object[]> names = new ArrayList<>();
    int receivedOn = PETITION_COLUMNS.indexOf("received_on");
    for (int i = 0; i < batch.petitions().size(); i++) {
      Object[] petition = batch.petitions().get(i);
      Object[] person = batch.people().get(i);
      if (person[2] != null) {
        names.add(new Object[] {person[2], petition[receivedOn], petition[1], petition[0]});
      }
    }
    bulk.insert("petitioner_name", List.of("name", "received_on", "number", "petition_id"), names);
    bulk.insert("petition_event", EVENT_COLUMNS, events);
    bulk.insert(
        "petition_duty",
        List.of(
            "petition_id", "duty", "due", "owed_by", "basis", "provisional", "optional", "paused"),
        batch.duties());
    bulk.insert("petition_party", List.of("petition_id", "organisation_id"), batch.parties());
    long t2 = System.nanoTime();
    spent[2] += t2 - t1;
    if (!batch.facts().isEmpty()) {
      this.events.publishEvent(new PetitionsGenerated(batch.facts()));
    }
    spent[3] += System.nanoTime() - t2;
    return events.size();
  }

  /** The year a petition row was received in: its number's year. */
  private static int receivedYear(Object[] petitionRow) {
    return ((LocalDate) petitionRow[PETITION_COLUMNS.indexOf("received_on")]).getYear();
  }

  private static final List<String> PETITION_COLUMNS =
      List.of(
          "id",
          "number",
          "query_code",
          "channel",
          "received_on",
          "received_by",
          "registered_by",
          "registered_at",
          "region_code",
          "subject",
          "facts",
          "request",
          "topic",
          "representatives",
          "persons",
          "collective",
          "anonymous",
          "notice_owed",
          "litigation_related",
          "threat_made",
          "foreign_related",
          "public_online",
          "state",
          "category",
          "pathway",
          "handling_organisation",
          "is_final",
          "concluded_on",
          "resolved",
          "major",
          "last_act_on",
          "version",
          "history_events",
          "history_head",
          "repeat_of");

  private static final List<String> EVENT_COLUMNS =
      List.of(
          "petition_id",
          "seq",
          "act",
          "on_date",
          "actor",
          "organisation_id",
          "recorded_at",
          "article",
          "back_entered",
          "admin_act",
          "payload",
          "algorithm",
          "prev_hash",
          "hash");

  private int reserve(int year, int k) {
    int updated =
        jdbc.update(
            "update petition_number_sequence set last_seq = last_seq + ? where number_year = ?",
            k,
            year);
    if (updated == 0) {
      // the year's row, unless a registration wrote it meanwhile (then counted as any other)
      jdbc.update(
          "insert into petition_number_sequence (number_year, last_seq) values (?, 0)"
              + " on conflict do nothing",
          year);
      return reserve(year, k);
    }
    Integer last =
        jdbc.queryForObject(
            "select last_seq from petition_number_sequence where number_year = ?",
            Integer.class,
            year);
    return last - k + 1;
  }
}
