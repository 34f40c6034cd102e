package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xinfang.demo.DemoData;
import org.xinfang.organisation.Users;
import org.xinfang.petition.PetitionSelector;
import org.xinfang.petition.Selection;

/**
 * The demo's supervision, on an embedded first start after the demo petitions (order 30; off with
 * {@code xinfang.demo.petitions=false}): two supervision orders of the city petition bureau to 人社局
 * — one answered on time, one past its reply date unanswered and hung with a plaque (挂牌督办) by the
 * joint conference —, a spot check of the last four months' concluded petitions with its first
 * items checked, and today's deadline-watch levels. Acts through the services as the demo users.
 */
@Component
@Order(30)
@ConditionalOnProperty(
    prefix = "xinfang.demo",
    name = {"enabled", "petitions"},
    havingValue = "true",
    matchIfMissing = true)
class SupervisionDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SupervisionDemo.class);

  private final SupervisionOrders orders;
  private final SpotChecks spotChecks;
  private final Watch watch;
  private final PetitionSelector selector;
  private final Users users;
  private final JdbcClient jdbc;
  private final SupervisionRecord record;

  SupervisionDemo(
      SupervisionOrders orders,
      SpotChecks spotChecks,
      Watch watch,
      PetitionSelector selector,
      Users users,
      JdbcClient jdbc,
      SupervisionRecord record) {
    this.orders = orders;
    this.spotChecks = spotChecks;
    this.watch = watch;
    this.selector = selector;
    this.users = users;
    this.jdbc = jdbc;
    this.record = record;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean any =
        jdbc.sql("select count(*) from supervision_event").query(Integer.class).single() > 0;
    if (any || users.find(DemoData.CITY_SUPERVISOR).isEmpty()) {
      return; // already seeded, or not the demo city
    }
    try {
      seed();
    } catch (RuntimeException e) {
      log.warn("demo supervision not seeded: {}", e.getMessage());
    }
  }

  private void seed() {
    LocalDate t = record.today();
    String supervisor = DemoData.CITY_SUPERVISOR;
    List<PetitionSelector.Standing> atHr =
        as(
            supervisor,
            () ->
                selector.standing(
                    selector.select(
                        new Selection(
                            false,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Set.of(DemoData.CITY_HUMAN_RESOURCES)),
                        500),
                    t));
    List<PetitionSelector.Standing> open =
        atHr.stream()
            .filter(s -> !s.concluded() && DemoData.CITY_HUMAN_RESOURCES.equals(s.holder()))
            .toList();
    if (open.size() >= 2) {
      // answered on time
      SupervisionOrder answered =
          as(
              supervisor,
              () ->
                  orders.issue(
                      new NewOrder(
                          open.get(0).id(),
                          DemoData.CITY_HUMAN_RESOURCES,
                          Cause.DELAY,
                          "该事项受理后久拖未办，请于限期内办结并书面反馈办理情况。",
                          t.minusDays(10),
                          t.minusDays(20))));
      as(
          DemoData.CITY_HANDLER,
          () -> orders.reply(answered.id(), "已约见信访人，拖欠工资已督促用人单位足额支付，拟于本周出具处理意见。", t.minusDays(12)));
      // past its reply date, unanswered, escalated by the conference
      SupervisionOrder overdue =
          as(
              supervisor,
              () ->
                  orders.issue(
                      new NewOrder(
                          open.get(1).id(),
                          DemoData.CITY_HUMAN_RESOURCES,
                          Cause.SHIRKING,
                          "信访人反映多次往返仍未得到答复，请查明原因、限期办理并书面反馈。",
                          t.minusDays(3),
                          t.minusDays(14))));
      as(
          supervisor,
          () ->
              orders.escalate(
                  overdue.id(),
                  Escalation.PLAQUE,
                  "大连市信访工作联席会议纪要〔" + t.getYear() + "〕1号",
                  t.minusDays(1),
                  null));
    }
    // a spot check of the last four months, the first items checked
    SpotCheck check =
        as(
            supervisor,
            () ->
                spotChecks.draw(
                    new NewSpotCheck(t.minusDays(125), t, 2026L, Stratification.PER_ORGAN, 2)));
    int checked = 0;
    for (SpotCheck.Item item : check.items()) {
      if (checked++ >= 4) {
        break;
      }
      Map<String, Boolean> answers = new HashMap<>();
      StringBuilder failing = new StringBuilder();
      for (SpotCheck.Answer a : item.answers()) {
        boolean yes = a.prefilled() == null || a.prefilled();
        answers.put(a.point(), yes);
        if (!yes) {
          failing.append(failing.isEmpty() ? "" : "、").append(a.point());
        }
      }
      String remarks = failing.isEmpty() ? null : "核查发现不符合项：" + failing;
      as(supervisor, () -> spotChecks.check(check.id(), item.seq(), answers, null, remarks));
    }
    // today's levels of every open duty (the daily job records the next days)
    watch.recordToday(WatchJob.SYSTEM);
    log.info("demo supervision seeded: orders, a spot check, the watch for {}", t);
  }

  private <T> T as(String username, Supplier<T> step) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
    SecurityContextHolder.setContext(context);
    try {
      return step.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
