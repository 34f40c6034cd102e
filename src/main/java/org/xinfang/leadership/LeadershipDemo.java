package org.xinfang.leadership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xinfang.demo.DemoData;
import org.xinfang.organisation.Users;
import org.xinfang.petition.Acts;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.Registration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's leaders at work: on a first embedded start (the demo city just seeded, {@code
 * xinfang.demo.cases} true) three petitions in 大连市 with packages at different stages (open with a
 * late step, resolved, resolved with the petition's own resolve act) and a reception roster over
 * the past and coming weeks, some receptions recorded, one missed. Runs after the demo city (order
 * 0) and the bootstrap administrator (order 10); acts through the services as the demo users.
 */
@Component
@Order(22)
class LeadershipDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LeadershipDemo.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final boolean enabled;
  private final JdbcClient jdbc;
  private final Users users;
  private final PetitionService petitions;
  private final Packages packages;
  private final Receptions receptions;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  LeadershipDemo(
      @Value("${xinfang.demo.enabled:true}") boolean demo,
      @Value("${xinfang.demo.cases:true}") boolean cases,
      JdbcClient jdbc,
      Users users,
      PetitionService petitions,
      Packages packages,
      Receptions receptions,
      Clock clock) {
    this.enabled = demo && cases;
    this.jdbc = jdbc;
    this.users = users;
    this.petitions = petitions;
    this.packages = packages;
    this.receptions = receptions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled
        || users.find(DemoData.CITY_LEADER).isEmpty()
        || count("leader_package") > 0
        || count("reception_duty") > 0) {
      return; // only once in the demo city (its users exist only there), never twice
    }
    try {
      seed();
      log.info("Demo leaders: 3 case packages and a reception roster seeded.");
    } catch (RuntimeException e) {
      log.warn("Demo packages and roster not seeded: {}", e.toString());
    }
  }

  /** Seeds the packages and the roster (also called by the demo's test). */
  void seed() {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    try {
      as(DemoData.CITY_REGISTRAR);
      String wages = letter(today.minusDays(30), "陈志强", "拖欠农民工工资", "某建筑公司拖欠32名农民工工资共计86万元，多次讨要未果。");
      String housing = letter(today.minusDays(28), "王桂兰", "回迁安置房迟迟未交付", "旧城改造项目回迁房逾期三年未交付，过渡费停发。");
      String pension = letter(today.minusDays(27), "孙立民", "企业退休人员养老金核定", "认为养老金核定基数有误，要求重新核定。");
      for (String id : List.of(wages, housing, pension)) {
        petitions.act(id, new Acts.Forward(today.minusDays(26), DemoData.CITY_HUMAN_RESOURCES));
      }
      as(DemoData.CITY_HANDLER);
      petitions.act(
          pension,
          new Acts.Decline(
              today.minusDays(24),
              org.xinfang.petition.DeclineGround.NOT_COMPETENT,
              "养老金核定属社会保险行政程序，已告知向社保经办机构申请复核。",
              null,
              null));

      as(DemoData.CITY_LEADER);
      // open, one step late
      LeaderPackage a =
          packages.take(
              new NewPackage(
                  "陈志强等32人欠薪案",
                  List.of(wages),
                  DemoData.CITY_PETITION_BUREAU,
                  DemoData.CITY_HUMAN_RESOURCES,
                  today.minusDays(20)));
      packages.addStep(
          a.id(),
          new NewStep("约谈建筑公司及总包单位，核实欠薪数额", DemoData.CITY_HUMAN_RESOURCES, today.minusDays(5)));
      packages.addStep(
          a.id(), new NewStep("向信访人反馈进展，做好解释疏导", DemoData.CITY_PETITION_BUREAU, today.plusDays(7)));
      packages.report(a.id(), today.minusDays(10), "已召开专题会，明确人社局牵头、住建局配合，总包单位同意先行垫付。");
      // resolved after its steps
      LeaderPackage b =
          packages.take(
              new NewPackage(
                  "王桂兰回迁安置积案",
                  List.of(housing),
                  DemoData.CITY_PETITION_BUREAU,
                  DemoData.CITY_HOUSING,
                  today.minusDays(18)));
      b =
          packages.addStep(
              b.id(), new NewStep("召开协调会，确定交房时间表", DemoData.CITY_GOVERNMENT, today.minusDays(8)));
      packages.report(b.id(), today.minusDays(9), "开发企业承诺年底前交房，补发过渡费。");
      packages.completeStep(b.id(), b.plan().get(0).id(), today.minusDays(8), "协调会纪要已印发");
      packages.resolve(
          b.id(), today.minusDays(3), new Resolution("补发过渡费，签订交房协议，信访人签署息访承诺。", true, true, null));
      // a concluded petition resolved with help given
      LeaderPackage c =
          packages.take(
              new NewPackage(
                  "孙立民养老金诉求化解",
                  List.of(pension),
                  DemoData.CITY_PETITION_BUREAU,
                  DemoData.CITY_HUMAN_RESOURCES,
                  today.minusDays(15)));
      packages.resolve(
          c.id(),
          today.minusDays(2),
          new Resolution("社保经办机构复核后调整核定基数，发放困难帮扶金。", true, false, "困难帮扶 3000元"));

      // the roster: past weeks (held, missed, held), an outreach visit, coming weeks
      String place = "大连市人民来访接待中心";
      ReceptionDuty first =
          receptions.schedule(duty(ReceptionKind.RECEPTION, today.minusDays(21), place, null));
      receptions.schedule(duty(ReceptionKind.RECEPTION, today.minusDays(14), place, null));
      ReceptionDuty third =
          receptions.schedule(duty(ReceptionKind.RECEPTION, today.minusDays(7), place, null));
      ReceptionDuty out =
          receptions.schedule(duty(ReceptionKind.VISIT_OUT, today.minusDays(4), "庄河市", "光明山镇"));
      receptions.schedule(duty(ReceptionKind.RECEPTION, today.plusDays(7), place, null));
      receptions.schedule(duty(ReceptionKind.RECEPTION, today.plusDays(14), place, null));
      receptions.schedule(duty(ReceptionKind.VISIT_OUT, today.plusDays(10), "中山区", "青泥洼桥街道"));
      receptions.record(
          first.id(),
          new NewReception(
              5,
              "陈志强、李秀梅",
              "接待欠薪群众代表，当场交办人社局。",
              List.of(new ReceptionPetition(wages, ReceptionPetition.Outcome.ADVANCED))));
      receptions.record(
          third.id(),
          new NewReception(
              2,
              null,
              "接待回迁户，协调住建局。",
              List.of(new ReceptionPetition(housing, ReceptionPetition.Outcome.ADVANCED))));
      receptions.record(out.id(), new NewReception(8, null, "到光明山镇走访土地承包纠纷群众。", List.of()));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static NewDuty duty(ReceptionKind kind, LocalDate day, String place, String destination) {
    return new NewDuty(
        kind, day, place, destination, DemoData.CITY_LEADER, DemoData.CITY_GOVERNMENT);
  }

  private String letter(LocalDate on, String name, String subject, String facts) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("channel", "LETTER");
    r.put("receivedOn", on.toString());
    r.put("receivedBy", DemoData.CITY_PETITION_BUREAU);
    r.put(
        "petitioners",
        List.of(Map.of("name", name, "phone", "13800001234", "address", "大连市中山区友好街1号")));
    r.put("subject", subject);
    r.put("facts", facts);
    r.put("request", "请求依法解决。");
    return petitions.register(json.convertValue(r, Registration.class)).id();
  }

  private static void as(String username) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.NO_AUTHORITIES));
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
