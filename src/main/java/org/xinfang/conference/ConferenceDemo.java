package org.xinfang.conference;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.demo.DemoData;
import org.xinfang.organisation.Users;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.task.Tasks;

/**
 * The demo city's joint conference, seeded after the demo city (order 20; {@code
 * xinfang.demo.enabled}) when its users exist and no meeting was ever recorded: a meeting two weeks
 * ago with a jurisdiction dispute and two difficult matters decided (one duty done, one overdue,
 * one leader package open) and its minutes issued, and the next meeting in a week with those
 * decisions carried over. Every step goes through the same services the pages use, acting as the
 * demo users whose work it is.
 */
@Component
@Order(20)
@ConditionalOnProperty(
    prefix = "xinfang.demo",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class ConferenceDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ConferenceDemo.class);

  private final Conferences conferences;
  private final ConferenceRows rows;
  private final PetitionService petitions;
  private final Tasks tasks;
  private final Users users;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ConferenceDemo(
      Conferences conferences,
      ConferenceRows rows,
      PetitionService petitions,
      Tasks tasks,
      Users users,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.conferences = conferences;
    this.rows = rows;
    this.petitions = petitions;
    this.tasks = tasks;
    this.users = users;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.find(DemoData.CITY_LEADER).isEmpty()
        || users.find(DemoData.CITY_SUPERVISOR).isEmpty()
        || rows.any()) {
      return; // not the demo city, or its conference is already there
    }
    try {
      transaction.executeWithoutResult(status -> seed());
      log.info("Demo joint conference seeded: one meeting held with minutes, one upcoming.");
    } catch (RuntimeException e) {
      log.warn("Demo joint conference not seeded: {}", e.toString());
    }
  }

  private void seed() {
    LocalDate t = LocalDate.now(clock.withZone(Conferences.CHINA));
    String clerk = DemoData.CITY_REGISTRAR;
    // three matters the city could not settle at the first level
    String dispute =
        as(clerk, () -> register(t.minusDays(40), "工程欠薪引发农民工集体讨薪", "某建筑公司拖欠四十余名农民工工资。"));
    as(clerk, () -> act(dispute, new Acts.Forward(t.minusDays(39), DemoData.CITY_HUMAN_RESOURCES)));
    as(
        DemoData.CITY_HANDLER,
        () -> act(dispute, new Acts.Objection(t.minusDays(37), "欠薪系工程款结算纠纷引起，应由住建部门处理。")));
    String unfinished =
        as(clerk, () -> register(t.minusDays(35), "小区烂尾楼逾期两年未交房", "三百余户业主购房后无法入住。"));
    as(clerk, () -> act(unfinished, new Acts.Forward(t.minusDays(34), DemoData.CITY_HOUSING)));
    String land = as(clerk, () -> register(t.minusDays(30), "征地补偿标准争议", "村民对征地补偿标准有异议，多次到市里上访。"));
    as(clerk, () -> act(land, new Acts.Forward(t.minusDays(29), DemoData.CITY_NATURAL_RESOURCES)));

    // the meeting two weeks ago
    String office = DemoData.CITY_SUPERVISOR;
    LocalDate held = t.minusDays(14);
    String past =
        as(
            office,
            () ->
                conferences.schedule(
                    new NewConference(
                        held,
                        "市政府第一会议室",
                        DemoData.CITY_LEADER,
                        List.of(
                            DemoData.CITY_PETITION_BUREAU,
                            DemoData.CITY_HUMAN_RESOURCES,
                            DemoData.CITY_HOUSING,
                            DemoData.CITY_NATURAL_RESOURCES),
                        null)));
    String disputeItem =
        as(
            office,
            () ->
                conferences.addItem(
                    past,
                    new NewItem(
                        dispute, null, AgendaReason.JURISDICTION_DISPUTE, "人社局提出异议：不属本机关职权范围")));
    String unfinishedItem =
        as(
            office,
            () ->
                conferences.addItem(
                    past, new NewItem(unfinished, null, AgendaReason.DIFFICULT, "群体性，涉及三百余户")));
    String landItem =
        as(
            office,
            () -> conferences.addItem(past, new NewItem(land, null, AgendaReason.DIFFICULT, null)));
    String coordination =
        as(
            office,
            () ->
                conferences.decide(
                    past,
                    disputeItem,
                    new NewDecision(
                        DecisionKind.COORDINATION,
                        DemoData.CITY_HUMAN_RESOURCES,
                        null,
                        held.plusDays(7),
                        "经协调，由市人社局受理并牵头办理，市住建局督促建设单位结算工程款")));
    as(
        office,
        () ->
            conferences.decide(
                past,
                unfinishedItem,
                new NewDecision(
                    DecisionKind.ASSIGN,
                    DemoData.CITY_HOUSING,
                    null,
                    held.plusDays(10),
                    "约见业主代表，提出续建交房方案并报联席会议办公室")));
    as(
        office,
        () ->
            conferences.decide(
                past,
                landItem,
                new NewDecision(
                    DecisionKind.LEADER_PACKAGE,
                    null,
                    DemoData.CITY_LEADER,
                    t.plusDays(20),
                    "市政府分管领导包案，自然资源局配合")));
    as(
        office,
        () ->
            conferences.attendance(
                past,
                List.of(
                    new Attendance(DemoData.CITY_GOVERNMENT, true, "分管副市长"),
                    new Attendance(DemoData.CITY_PETITION_BUREAU, true, "局长"),
                    new Attendance(DemoData.CITY_HUMAN_RESOURCES, true, "副局长"),
                    new Attendance(DemoData.CITY_HOUSING, true, "副局长"),
                    new Attendance(DemoData.CITY_NATURAL_RESOURCES, false, null))));
    // 人社局 did what it owed; 住建局 did not (overdue)
    String task = rows.decision(coordination).orElseThrow().taskId();
    as(DemoData.CITY_HANDLER, () -> tasks.complete(task, held.plusDays(5), "已受理，工资已督促发放到位"));
    as(office, () -> conferences.issueMinutes(past));

    // the next meeting: the decisions carried over for follow-up
    as(
        office,
        () ->
            conferences.schedule(
                new NewConference(
                    t.plusDays(7),
                    "市政府第一会议室",
                    DemoData.CITY_LEADER,
                    List.of(
                        DemoData.CITY_PETITION_BUREAU,
                        DemoData.CITY_HUMAN_RESOURCES,
                        DemoData.CITY_HOUSING,
                        DemoData.CITY_NATURAL_RESOURCES),
                    null)));
  }

  private String register(LocalDate on, String subject, String facts) {
    Registration r =
        new Registration(
            Channel.LETTER,
            on,
            DemoData.CITY_PETITION_BUREAU,
            List.of(
                new Registration.PetitionerData(
                    "王建国",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "13900001111",
                    "大连市甘井子区红旗街道8号",
                    null,
                    true)),
            null,
            null,
            null,
            "210200",
            subject,
            facts,
            "请求依法解决。",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return petitions.register(r).id();
  }

  private PetitionView act(String id, Acts.Act act) {
    return petitions.act(id, act);
  }

  /** Runs one step as a demo user (the services ask who acts). */
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

  private void as(String username, Runnable step) {
    as(
        username,
        () -> {
          step.run();
          return null;
        });
  }
}
