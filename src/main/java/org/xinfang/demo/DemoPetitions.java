package org.xinfang.demo;

import static org.xinfang.demo.DemoData.CITY_DISCIPLINE_INSPECTION;
import static org.xinfang.demo.DemoData.CITY_GOVERNMENT;
import static org.xinfang.demo.DemoData.CITY_HOUSING;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.CITY_PETITION_BUREAU;
import static org.xinfang.demo.DemoData.ZHONGSHAN_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.ZHONGSHAN_PETITION_BUREAU;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xinfang.organisation.Organisations;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Complexity;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Registration.AccusedData;
import org.xinfang.petition.Registration.PetitionerData;
import org.xinfang.petition.ReviewOutcome;
import org.xinfang.petition.Satisfaction;

/**
 * The demo city's petitions, on an embedded first start: about forty matters over the last four
 * months, registered and handled by the demo users through the same service the API uses — letters,
 * visits, calls and online submissions; matters waiting to be routed, accepted (simple, general and
 * one difficult collective visit escalated to the city government), answered, rated, reviewed and
 * resolved; a citizen who came back twice (a repeat chain); and an accusation that only the
 * discipline line sees. Off with {@code xinfang.demo.petitions=false}.
 */
@Component
@Order(15)
@ConditionalOnProperty(
    prefix = "xinfang.demo",
    name = {"enabled", "petitions"},
    havingValue = "true",
    matchIfMissing = true)
class DemoPetitions implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPetitions.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PetitionService petitions;
  private final Organisations organisations;
  private final Clock clock;

  DemoPetitions(PetitionService petitions, Organisations organisations, Clock clock) {
    this.petitions = petitions;
    this.organisations = organisations;
    this.clock = clock;
  }

  private record Matter(
      String subject, String facts, String request, Category category, String dept) {}

  private static final List<Matter> MATTERS =
      List.of(
          new Matter(
              "拖欠农民工工资",
              "本人在某建筑工地务工，施工方拖欠三个月工资共计2.4万元，多次讨要未果。",
              "请求责令施工方支付拖欠的工资。",
              Category.GRIEVANCE,
              CITY_HUMAN_RESOURCES),
          new Matter(
              "社保缴费年限认定有误",
              "本人1995年至1998年在原国营某厂工作，社保系统中缺少三年缴费记录。",
              "请求核实并补录视同缴费年限。",
              Category.GRIEVANCE,
              CITY_HUMAN_RESOURCES),
          new Matter(
              "工伤认定申请逾期未作出决定",
              "本人去年在工作中受伤，提交工伤认定申请已三个月，至今没有结论。",
              "请求尽快作出工伤认定决定。",
              Category.GRIEVANCE,
              CITY_HUMAN_RESOURCES),
          new Matter(
              "养老金待遇核定有异议",
              "退休后核定的养老金比同年限同事少三百余元，计算依据不清楚。",
              "请求说明核定依据并重新核定。",
              Category.GRIEVANCE,
              CITY_HUMAN_RESOURCES),
          new Matter(
              "建议延长社保服务大厅周末办公时间",
              "上班族工作日无法办理社保业务，周末大厅不开放。",
              "建议周六上午开放社保服务窗口。",
              Category.SUGGESTION,
              CITY_HUMAN_RESOURCES),
          new Matter(
              "小区物业违规收取停车费",
              "物业公司在小区公共道路划线收费，未经业主大会同意。",
              "请求查处物业公司违规收费行为。",
              Category.GRIEVANCE,
              CITY_HOUSING),
          new Matter(
              "商品房逾期交付",
              "购买的商品房合同约定去年年底交付，开发商至今未交房。",
              "请求督促开发商尽快交房并承担违约责任。",
              Category.GRIEVANCE,
              CITY_HOUSING),
          new Matter(
              "建议老旧小区加装电梯简化审批",
              "老旧小区老人多，加装电梯审批环节多、周期长。",
              "建议简化加装电梯审批流程并给予补贴。",
              Category.SUGGESTION,
              CITY_HOUSING));

  private static final String[] NAMES = {
    "王秀英", "李建国", "张丽", "刘伟", "陈静", "杨军", "赵敏", "黄海", "周洋", "吴桂兰", "徐强", "孙玉梅", "马骏", "朱红", "胡斌",
    "郭芳"
  };

  private static final String[] STREETS = {
    "大连市中山区友好街", "大连市西岗区胜利路", "大连市沙河口区西南路", "大连市甘井子区红旗西路", "庄河市城关街道"
  };

  private static final Channel[] CHANNELS = {
    Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.ONLINE, Channel.LETTER, Channel.VISIT
  };

  @Override
  public void run(ApplicationArguments args) {
    if (organisations.find(CITY_PETITION_BUREAU).isEmpty()) {
      return; // not the demo city
    }
    if (!petitions.isEmpty()) {
      return; // petitions exist: never add demo matters to a real record
    }
    try {
      int n = seed();
      log.info("Demo petitions seeded: {} matters over the last four months.", n);
    } catch (RuntimeException e) {
      log.warn("Demo petitions not (fully) seeded: {}", e.toString());
    }
  }

  /** Seeds the matters (package-private for the demo test). */
  int seed() {
    LocalDate today = LocalDate.now(clock.withZone(CHINA));
    List<String> ids = new ArrayList<>();
    int k = 0;
    // 1. the city bureau's intake: the recent ones still wait to be routed
    for (int i = 0; i < 24; i++, k++) {
      Matter m = MATTERS.get(i % MATTERS.size());
      LocalDate received = today.minusDays(3 + (long) (i * 115 / 24));
      PetitionView p = register("dl-clerk", CITY_PETITION_BUREAU, received, m, k, 1, null);
      ids.add(p.id());
      if (i < 5) {
        continue; // REGISTERED: on the bureau's work list, routing due within 15 days
      }
      LocalDate routed = received.plusDays(2);
      act("dl-clerk", p.id(), new Acts.Forward(routed, m.dept()));
      if (!m.dept().equals(CITY_HUMAN_RESOURCES) || i < 8) {
        continue; // FORWARDED: with the department, awaiting its decision
      }
      LocalDate accepted = routed.plusDays(3);
      Complexity complexity = m.category() == Category.SUGGESTION ? Complexity.SIMPLE : null;
      Pathway pathway = m.category() == Category.GRIEVANCE ? Pathway.PETITION_HANDLING : null;
      act(
          "dl-handler",
          p.id(),
          new Acts.Accept(accepted, m.category(), pathway, null, complexity, null));
      if (received.isAfter(today.minusDays(60))) {
        continue; // ACCEPTED: the 60-day clock runs
      }
      LocalDate replied = accepted.plusDays(25);
      act(
          "dl-handler",
          p.id(),
          new Acts.Reply(
              replied,
              i % 3 == 0 ? Outcome.EXPLAIN : Outcome.SUPPORT,
              "经调查核实，" + m.request().replace("请求", "") + "已依法作出处理。",
              "《劳动保障监察条例》第十一条"));
      act("dl-handler", p.id(), new Acts.Deliver(replied.plusDays(2)));
      if (i % 4 == 0) {
        act(
            "dl-handler",
            p.id(),
            new Acts.Rate(replied.plusDays(5), Satisfaction.SATISFIED, null, null));
        act("dl-handler", p.id(), new Acts.Resolve(replied.plusDays(8), "诉求已解决，信访人表示息访。"));
      } else if (i % 4 == 1) {
        // the petitioner asks the city government to review; it upholds the opinion
        act("dl-handler", p.id(), new Acts.RequestReview(replied.plusDays(6), CITY_GOVERNMENT));
        act(
            "dl-leader",
            p.id(),
            new Acts.Review(
                replied.plusDays(20),
                ReviewOutcome.UPHOLD,
                null,
                "原处理意见认定事实清楚，适用依据正确，予以维持。",
                null,
                null));
      }
    }
    // 2. a collective visit: difficult, escalated to the city government (提级办)
    LocalDate visit = today.minusDays(6);
    PetitionView collective =
        register(
            "dl-clerk",
            CITY_PETITION_BUREAU,
            visit,
            new Matter(
                "某小区四十余户业主反映开发商未办理房产证",
                "小区交付已五年，开发商因土地出让金未缴清，业主至今无法办理不动产权证书。",
                "请求协调解决办证问题。",
                Category.GRIEVANCE,
                CITY_HUMAN_RESOURCES),
            k++,
            42,
            null);
    act("dl-clerk", collective.id(), new Acts.Forward(visit, CITY_HUMAN_RESOURCES));
    act(
        "dl-handler",
        collective.id(),
        new Acts.Accept(
            visit.plusDays(2),
            Category.GRIEVANCE,
            Pathway.PETITION_HANDLING,
            null,
            Complexity.DIFFICULT,
            null));
    ids.add(collective.id());
    // 3. a citizen who came back twice on the same matter (同人同事)
    Matter wages = MATTERS.get(0);
    PetitionView first =
        register("dl-clerk", CITY_PETITION_BUREAU, today.minusDays(110), wages, 99, 1, null);
    act("dl-clerk", first.id(), new Acts.Forward(today.minusDays(108), CITY_HUMAN_RESOURCES));
    act(
        "dl-handler",
        first.id(),
        new Acts.Accept(
            today.minusDays(105), Category.GRIEVANCE, Pathway.PETITION_HANDLING, null, null, null));
    act(
        "dl-handler",
        first.id(),
        new Acts.Reply(
            today.minusDays(70), Outcome.EXPLAIN, "已督促施工方分期支付，首期款项已到账。", "《保障农民工工资支付条例》第三十条"));
    act("dl-handler", first.id(), new Acts.Deliver(today.minusDays(68)));
    PetitionView second =
        register("dl-clerk", CITY_PETITION_BUREAU, today.minusDays(30), wages, 99, 1, first.id());
    PetitionView third =
        register("dl-clerk", CITY_PETITION_BUREAU, today.minusDays(2), wages, 99, 1, null);
    act(
        "dl-clerk",
        third.id(),
        new Acts.LinkRepeat(today.minusDays(1), second.id(), "同一信访人就同一欠薪事项第三次来信。"));
    ids.add(first.id());
    ids.add(second.id());
    ids.add(third.id());
    // 4. 中山区: the district bureau and its department
    for (int i = 0; i < 6; i++, k++) {
      Matter m = MATTERS.get(i % 5);
      LocalDate received = today.minusDays(4 + i * 9L);
      PetitionView p = register("zs-clerk", ZHONGSHAN_PETITION_BUREAU, received, m, k, 1, null);
      ids.add(p.id());
      if (i < 2) continue;
      act("zs-clerk", p.id(), new Acts.Forward(received.plusDays(1), ZHONGSHAN_HUMAN_RESOURCES));
      if (i < 4) continue;
      act(
          "zs-handler",
          p.id(),
          new Acts.Accept(
              received.plusDays(3),
              m.category(),
              m.category() == Category.GRIEVANCE ? Pathway.PETITION_HANDLING : null,
              null,
              null,
              null));
    }
    // 5. an accusation against 大连市住建局: routed to the discipline line, never to the accused
    LocalDate letter = today.minusDays(12);
    int accuser = k++;
    PetitionView accusation =
        as(
            "dl-clerk",
            () ->
                petitions.register(
                    registration(
                        CITY_PETITION_BUREAU,
                        letter,
                        new Matter(
                            "检举某局工作人员违规收受开发商礼金",
                            "检举人反映，市住建局某科室工作人员在项目验收中收受开发商购物卡。",
                            "请求依纪依法调查处理。",
                            Category.ACCUSATION,
                            CITY_DISCIPLINE_INSPECTION),
                        accuser,
                        1,
                        null,
                        List.of(new AccusedData("某科长", CITY_HOUSING, "科长", null)))));
    act(
        "dl-clerk",
        accusation.id(),
        new Acts.Forward(letter.plusDays(1), CITY_DISCIPLINE_INSPECTION));
    act(
        "dl-jw",
        accusation.id(),
        new Acts.Accept(letter.plusDays(4), Category.ACCUSATION, null, null, null, null));
    ids.add(accusation.id());
    return ids.size();
  }

  private PetitionView register(
      String user,
      String bureau,
      LocalDate received,
      Matter m,
      int k,
      int persons,
      String repeatOf) {
    return as(
        user,
        () ->
            petitions.register(registration(bureau, received, m, k, persons, repeatOf, List.of())));
  }

  private Registration registration(
      String bureau,
      LocalDate received,
      Matter m,
      int k,
      int persons,
      String repeatOf,
      List<AccusedData> accused) {
    String name = NAMES[k % NAMES.length];
    String phone = String.format("1390411%04d", 1000 + k);
    String address = STREETS[k % STREETS.length] + (k % 90 + 1) + "号";
    Channel channel = persons > 1 ? Channel.VISIT : CHANNELS[k % CHANNELS.length];
    return new Registration(
        channel,
        received,
        bureau,
        List.of(new PetitionerData(name, null, null, null, null, null, phone, address, null, true)),
        persons > 1 ? 3 : 0,
        persons,
        persons > 1,
        null,
        m.subject(),
        m.facts(),
        m.request(),
        null,
        m.category() == Category.ACCUSATION ? Category.ACCUSATION : null,
        accused,
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
  }

  private void act(String user, String id, Acts.Act act) {
    as(user, () -> petitions.act(id, act));
  }

  private <T> T as(String username, Supplier<T> work) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
