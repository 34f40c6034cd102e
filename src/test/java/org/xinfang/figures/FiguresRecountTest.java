package org.xinfang.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.PetitionFacts;
import org.xinfang.petition.PetitionStatistics;
import org.xinfang.support.IntegrationTest;

/**
 * Every precomputed figure equals a from-scratch recount: each petition's history replayed again
 * (not the stored facts) and the definitions of LAW.md §9 applied in plain Java, for every
 * organisation subtree of the demo city (and whatever other tests have left in the shared database)
 * over several periods.
 */
class FiguresRecountTest extends IntegrationTest {

  @Autowired Figures figures;
  @Autowired PetitionStatistics statistics;
  @Autowired Organisations organisations;
  @Autowired org.xinfang.petition.PetitionGenerator generator;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void everyFigureEqualsARecount() throws Exception {
    // a county of generated lives with repeat chains, declines, reviews and ratings: whatever else
    // the shared database holds, the recount meets every kind of fact
    String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
    String gov = "rc-gov-" + tag;
    organisation(gov, "复算县人民政府", "COUNTY", "GOVERNMENT", "dl-gov", "219903");
    organisation("rc-xfj-" + tag, "复算县信访局", "COUNTY", "PETITION_BUREAU", gov, "219903");
    organisation("rc-rsj-" + tag, "复算县人社局", "COUNTY", "DEPARTMENT", gov, "219903");
    organisation("rc-town-" + tag, "复算镇人民政府", "TOWNSHIP", "GOVERNMENT", gov, "219903001");
    organisation(
        "rc-v-" + tag, "复算村民委员会", "VILLAGE", "VILLAGE_COMMITTEE", "rc-town-" + tag, "219903001001");
    generator.generate(300, 2, 7, 100, gov, done -> {});
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                ADMIN, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    List<PetitionFacts> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<String> ids = statistics.ids(after, 500);
      if (ids.isEmpty()) {
        break;
      }
      ids.forEach(id -> all.add(statistics.facts(id).orElseThrow()));
      after = ids.get(ids.size() - 1);
    }
    assertThat(all).isNotEmpty();
    LocalDate today = LocalDate.now(clock);
    List<LocalDate[]> periods =
        List.of(
            new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)},
            new LocalDate[] {LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31)},
            new LocalDate[] {LocalDate.of(2021, 1, 1), LocalDate.of(2026, 11, 27)});
    int checked = 0;
    for (var org : organisations.all()) {
      // the five-year trend, year by year, equals the recounted volumes of each calendar year
      Figures.Period year = figures.period(org.id(), periods.get(0)[0], periods.get(0)[1]);
      for (Figures.YearVolume y : figures.trend(year)) {
        Map<String, long[]> e =
            recount(
                all,
                year.subtree(),
                LocalDate.of(y.calendarYear(), 1, 1),
                LocalDate.of(y.calendarYear(), 12, 31),
                today);
        assertThat(new long[] {y.batches(), y.persons()})
            .as("trend " + y.calendarYear() + " of " + org.id())
            .containsExactly(e.get("volumeBatches")[0], e.get("volumePersons")[0]);
      }
      for (LocalDate[] period : periods) {
        Figures.Period p = figures.period(org.id(), period[0], period[1]);
        Map<String, long[]> expected = recount(all, p.subtree(), period[0], period[1], today);
        for (var e : expected.entrySet()) {
          Figure f = figures.figure(e.getKey(), p);
          assertThat(new long[] {f.numerator(), f.denominator() == null ? -1 : f.denominator()})
              .as(e.getKey() + " of " + org.id() + " " + period[0] + "–" + period[1])
              .containsExactly(e.getValue());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  private Map<String, long[]> recount(
      List<PetitionFacts> all, Set<String> s, LocalDate from, LocalDate to, LocalDate today) {
    List<PetitionFacts> received =
        all.stream()
            .filter(f -> s.contains(f.receivedBy()) && in(f.receivedOn(), from, to))
            .toList();
    List<PetitionFacts> concluded =
        all.stream()
            .filter(
                f ->
                    f.firstConcludedOn() != null
                        && s.contains(f.firstConcludedBy())
                        && in(f.firstConcludedOn(), from, to))
            .toList();
    Map<String, List<PetitionFacts>> repeats =
        all.stream()
            .filter(f -> f.repeatOf() != null)
            .collect(Collectors.groupingBy(PetitionFacts::repeatOf));
    List<PetitionFacts> first = concluded.stream().filter(f -> f.repeatOf() == null).toList();
    long firstResolved =
        first.stream()
            .filter(
                f ->
                    repeats.getOrDefault(f.id(), List.of()).stream()
                        .noneMatch(
                            r ->
                                !r.receivedOn()
                                    .isAfter(
                                        f.firstConcludedOn().plusDays(figures.repeatWindowDays()))))
            .count();
    List<PetitionFacts> eligible = concluded.stream().filter(PetitionFacts::opinionGiven).toList();
    List<PetitionFacts> rated = concluded.stream().filter(f -> f.rating() != null).toList();
    return Map.of(
        "volumeBatches", new long[] {received.size(), -1},
        "volumePersons", new long[] {received.stream().mapToLong(PetitionFacts::persons).sum(), -1},
        "repeatRate",
            new long[] {
              received.stream().filter(f -> f.repeatOf() != null).count(), received.size()
            },
        "firstPetitionResolutionRate", new long[] {firstResolved, first.size()},
        "ratingRate",
            new long[] {eligible.stream().filter(f -> f.rating() != null).count(), eligible.size()},
        "satisfactionRate",
            new long[] {
              rated.stream().filter(f -> !f.rating().name().equals("DISSATISFIED")).count(),
              rated.size()
            },
        "onTimeNoticeRate", duties(all, s, from, to, today, "NOTIFY_RECEIPT", Figures.NOTICE_DONE),
        "onTimeConclusionRate", duties(all, s, from, to, today, "CONCLUDE", Figures.CONCLUDE_DONE));
  }

  private static long[] duties(
      List<PetitionFacts> all,
      Set<String> s,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      String kind,
      List<String> done) {
    long due = 0;
    long onTime = 0;
    for (PetitionFacts f : all) {
      for (PetitionFacts.DutySpan d : f.duties()) {
        if (!d.duty().name().equals(kind) || !s.contains(d.owedBy()) || !in(d.due(), from, to)) {
          continue;
        }
        boolean counted =
            (d.doneAct() != null && done.contains(d.doneAct()))
                || (d.doneOn() == null && d.due().isBefore(today));
        if (counted) {
          due++;
          if (d.doneOn() != null && !d.doneOn().isAfter(d.due())) {
            onTime++;
          }
        }
      }
    }
    return new long[] {onTime, due};
  }

  private static boolean in(LocalDate d, LocalDate from, LocalDate to) {
    return !d.isBefore(from) && !d.isAfter(to);
  }
}
