package org.xinfang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinfang.ledger.LedgerRules;
import org.xinfang.ledger.Ledgers;
import org.xinfang.ledger.NewLedger;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Users;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Registration.PetitionerData;

/**
 * Shows the ledgers alive in the demo city: a few real petitions (registered, routed, answered and
 * some resolved through the petition service, each act by the demo user whose job it is), repeat
 * chains among them, and two ledgers of 大连市信访局 built from rules — 治重访化积案 (repeat petitions and
 * backlog) and 万件化访 (this year's grievances in 大连市). Runs after the demo city and the bootstrap
 * administrator, gated like the demo city, once (while 大连市信访局 has no ledger).
 */
@Component
@Order(21)
@ConditionalOnProperty(
    prefix = "xinfang.demo",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class DemoLedgers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLedgers.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Organisations organisations;
  private final Users users;
  private final PetitionService petitions;
  private final Ledgers ledgers;
  private final Clock clock;
  private final TransactionTemplate transaction;

  DemoLedgers(
      Organisations organisations,
      Users users,
      PetitionService petitions,
      Ledgers ledgers,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.organisations = organisations;
    this.users = users;
    this.petitions = petitions;
    this.ledgers = ledgers;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (organisations.find(DemoData.CITY_PETITION_BUREAU).isEmpty()
        || users.find(DemoData.CITY_SUPERVISOR).isEmpty()) {
      return; // not the demo city
    }
    try {
      boolean seeded =
          Boolean.TRUE.equals(
              transaction.execute(
                  status -> {
                    if (!as(DemoData.CITY_SUPERVISOR, ledgers::list).isEmpty()) {
                      return false;
                    }
                    seed();
                    return true;
                  }));
      if (seeded) {
        log.info("Demo ledgers seeded: 治重访化积案 and 万件化访 at 大连市信访局.");
      }
    } catch (RuntimeException e) {
      log.warn("Demo ledgers not seeded: {}", e.toString());
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void seed() {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    LocalDate yearStart = today.withDayOfYear(1);
    List<String> ids = new ArrayList<>();
    // an old wage arrears matter, repeated twice: the repeat chain of 治重访
    String wages =
        register(today.minusMonths(10), "210202", "王桂兰", "拖欠农民工工资", "某建筑公司拖欠三个月工资。", null);
    ids.add(wages);
    ids.add(register(today.minusMonths(7), "210202", "王桂兰", "再次反映拖欠工资", "工资仍未支付，再次反映。", wages));
    ids.add(register(today.minusDays(20), "210202", "王桂兰", "第三次反映拖欠工资", "仍未解决。", wages));
    // backlog: old, unresolved
    String housing =
        register(today.minusMonths(9), "210203", "刘德明", "棚户区改造补偿", "补偿标准争议，久拖未决。", null);
    ids.add(housing);
    String pension = register(today.minusMonths(8), "210211", "赵淑珍", "养老保险待遇核定", "退休待遇核定有误。", null);
    ids.add(pension);
    // this year's matters, two of them resolved
    String social = register(today.minusMonths(3), "210202", "孙立国", "社保转移接续", "外地社保无法转入。", null);
    String injury = register(today.minusMonths(2), "210203", "周海燕", "工伤认定", "工伤认定逾期未作出。", null);
    register(today.minusDays(10), "210204", "吴建华", "劳动合同纠纷", "单位未签劳动合同。", null);
    for (String id : List.of(wages, social, injury, pension)) {
      route(id);
    }
    resolve(social, "已办理转移接续，信访人表示满意。");
    resolve(injury, "已作出工伤认定，信访人签署息访承诺。");
    answer(wages); // answered but not yet resolved: the petitioner came again

    as(
        DemoData.CITY_SUPERVISOR,
        () ->
            ledgers.create(
                new NewLedger(
                    "治重访化积案",
                    null,
                    yearStart,
                    yearStart.plusYears(1).minusDays(1),
                    90,
                    null,
                    "重复信访和积案逐件建账、逐件化解（积案：未化解且超过 6 个月）。",
                    new LedgerRules(true, true, null, "2102", null, null, null, null, true),
                    true)));
    as(
        DemoData.CITY_SUPERVISOR,
        () ->
            ledgers.create(
                new NewLedger(
                    "万件化访",
                    null,
                    yearStart,
                    yearStart.plusYears(1).minusDays(1),
                    85,
                    5,
                    "本年度本市申诉求决类、来信来访件化解。",
                    new LedgerRules(false, false, null, "2102", null, null, yearStart, null, true),
                    true)));
  }

  private String register(
      LocalDate receivedOn,
      String region,
      String name,
      String subject,
      String facts,
      String repeatOf) {
    Registration r =
        new Registration(
            Channel.LETTER,
            receivedOn,
            DemoData.CITY_PETITION_BUREAU,
            List.of(
                new PetitionerData(
                    name, null, null, null, null, null, "13900000000", "大连市中山区人民路1号", null, true)),
            null,
            null,
            null,
            region,
            subject,
            facts,
            "请求依法解决。",
            null,
            null,
            null,
            null,
            null,
            null,
            repeatOf,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    PetitionView v = as(DemoData.CITY_REGISTRAR, () -> petitions.register(r));
    return v.id();
  }

  private void route(String id) {
    as(
        DemoData.CITY_REGISTRAR,
        () -> petitions.act(id, new Acts.Forward(null, DemoData.CITY_HUMAN_RESOURCES)));
    as(
        DemoData.CITY_HANDLER,
        () ->
            petitions.act(
                id, new Acts.Accept(null, Category.GRIEVANCE, Pathway.PETITION_HANDLING, null)));
  }

  private void answer(String id) {
    as(
        DemoData.CITY_HANDLER,
        () ->
            petitions.act(
                id, new Acts.Reply(null, Outcome.SUPPORT, "经调查核实，予以支持，责令限期解决。", "《信访工作条例》第三十二条")));
    as(DemoData.CITY_HANDLER, () -> petitions.act(id, new Acts.Deliver(null)));
  }

  private void resolve(String id, String how) {
    answer(id);
    as(DemoData.CITY_HANDLER, () -> petitions.act(id, new Acts.Resolve(null, how)));
  }

  /** Runs one step as a demo user (the petition service asks who acts). */
  private <T> T as(String user, java.util.function.Supplier<T> step) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    try {
      return step.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
