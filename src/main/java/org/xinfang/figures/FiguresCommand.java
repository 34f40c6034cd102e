package org.xinfang.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;

/**
 * The figures benchmark (issue 6, Performance; not a timed test): {@code java -jar
 * target/xinfang.jar --xinfang.figures.bench=true [--xinfang.figures.bench.runs=50]} derives the
 * facts of petitions that have none (after the generator's bulk load), then times every figure for
 * a district-year and a city-year as the bootstrap administrator, then the city-year as each other
 * reader named in {@code xinfang.figures.bench.readers} (default the city's supervisor, whose
 * accusation bar applies), and prints p50, p95 and p95 against the 200 ms target of each, then
 * exits. {@code --xinfang.figures.rebuild=true} derives every petition's facts again.
 */
@Component
@Order(200)
@ConditionalOnProperty("xinfang.figures.bench")
class FiguresCommand implements ApplicationRunner {

  private final FactStore facts;
  private final FigureProjector projector;
  private final Figures figures;
  private final Assessment assessment;
  private final AnnualReport annual;
  private final Organisations organisations;
  private final ConfigurableApplicationContext context;
  private final int runs;
  private final boolean rebuild;
  private final java.time.Clock clock;
  private final List<String> readers;

  FiguresCommand(
      FactStore facts,
      FigureProjector projector,
      Figures figures,
      Assessment assessment,
      AnnualReport annual,
      Organisations organisations,
      ConfigurableApplicationContext context,
      @Value("${xinfang.figures.bench.runs:50}") int runs,
      @Value("${xinfang.figures.rebuild:false}") boolean rebuild,
      @Value("${xinfang.figures.bench.readers:admin,dl-supervisor}") List<String> readers,
      java.time.Clock clock) {
    this.clock = clock;
    this.readers = readers;
    this.facts = facts;
    this.projector = projector;
    this.figures = figures;
    this.assessment = assessment;
    this.annual = annual;
    this.organisations = organisations;
    this.context = context;
    this.runs = runs;
    this.rebuild = rebuild;
  }

  @Override
  public void run(ApplicationArguments args) {
    signIn("admin");
    // the acts noted and not yet projected first: their petitions are not missing facts
    projector.catchUp();
    long missing = facts.missing();
    if (rebuild || missing > 0) {
      long start = System.nanoTime();
      long n = facts.rebuild(done -> System.out.printf("\rfacts derived: %,d", done));
      System.out.printf(
          "%nderived the facts of %,d petitions in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }
    Organisation city =
        organisations.all().stream()
            .filter(o -> o.level() == OrgLevel.CITY && o.parentId() != null)
            .filter(o -> o.type().name().equals("GOVERNMENT"))
            .findFirst()
            .orElseThrow();
    Organisation district =
        organisations.children(city.id()).stream()
            .filter(o -> o.type().name().equals("GOVERNMENT"))
            .max(java.util.Comparator.comparingInt(o -> organisations.subtree(o.id()).size()))
            .orElseThrow();
    int lastYear = LocalDate.now(clock).getYear() - 1;
    LocalDate from = LocalDate.of(lastYear, 1, 1);
    LocalDate to = LocalDate.of(lastYear, 12, 31);
    System.out.printf(
        "%-30s %-10s %-14s %8s %8s %12s %14s%n",
        "figure", "scope", "reader", "p50 ms", "p95 ms", "p95/200 ms", "value");
    for (String reader : readers) {
      signIn(reader);
      // the administrator reads every scope; any other reader their own city (its jurisdiction)
      for (Organisation o : reader.equals("admin") ? List.of(district, city) : List.of(city)) {
        Figures.Period p = figures.period(o.id(), from, to);
        for (String key : Figures.KEYS) {
          time(key, o, reader, () -> figures.figure(key, p));
        }
        time("yearOnYear (all)", o, reader, () -> figures.figures(p));
        time("breakdown channel", o, reader, () -> figures.breakdown(p, "channel"));
        time("breakdown category", o, reader, () -> figures.breakdown(p, "category"));
        time("breakdown region", o, reader, () -> figures.breakdown(p, "region"));
        time("trend (5 years)", o, reader, () -> figures.trend(p));
        time("resolved at level", o, reader, () -> figures.resolvedAtLevel(p));
        time("zero-petition areas", o, reader, () -> figures.zeroPetitionAreas(p));
        time("top overdue", o, reader, () -> figures.topOverdue(p, 10));
        time("region tree", o, reader, () -> figures.regionTree(p));
        time("assessment (one organ)", o, reader, () -> assessment.report(p));
        time("assessment ranking", o, reader, () -> assessment.ranking(p, null));
        time("annual report (Art. 41)", o, reader, () -> annual.report(p));
      }
    }
    System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
  }

  private static void signIn(String username) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                username,
                null,
                AuthorityUtils.createAuthorityList(
                    username.equals("admin") ? "ROLE_ADMIN" : "ROLE_USER")));
  }

  private void time(
      String name, Organisation o, String reader, java.util.function.Supplier<Object> f) {
    Object value = null;
    for (int i = 0; i < 3; i++) {
      value = f.get();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      value = f.get();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    String shown =
        value instanceof Figure fig
            ? fig.numerator() + (fig.denominator() == null ? "" : "/" + fig.denominator())
            : "";
    double p95 = ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.95) - 1));
    System.out.printf(
        "%-30s %-10s %-14s %8.1f %8.1f %12.2f %14s%n",
        name, o.id(), reader, ms.get(ms.size() / 2), p95, p95 / 200.0, shown);
  }
}
