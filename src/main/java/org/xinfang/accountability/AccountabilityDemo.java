package org.xinfang.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.xinfang.bulletin.Bulletins;
import org.xinfang.demo.DemoData;
import org.xinfang.organisation.Users;
import org.xinfang.petition.Acts;
import org.xinfang.petition.Category;
import org.xinfang.petition.Pathway;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionView;
import org.xinfang.petition.Registration;

/**
 * The demo city's bulletins and a referral, seeded after the demo petitions and the leadership demo
 * (order 30; {@code xinfang.demo.enabled} and {@code xinfang.demo.petitions}) when nothing was ever
 * referred: a letter handled late by 大连市人社局 (notice and conclusion late), referred by the petition
 * bureau's supervisor to 大连市纪委监委; yesterday's bulletin of 大连市信访局 published and today's as a draft.
 * Every step goes through the same services the pages use.
 */
@Component
@Order(30)
@ConditionalOnProperty(
    prefix = "xinfang.demo",
    name = {"enabled", "petitions"},
    havingValue = "true",
    matchIfMissing = true)
class AccountabilityDemo implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AccountabilityDemo.class);

  private final Accountability accountability;
  private final Bulletins bulletins;
  private final PetitionService petitions;
  private final Users users;
  private final Clock clock;

  AccountabilityDemo(
      Accountability accountability,
      Bulletins bulletins,
      PetitionService petitions,
      Users users,
      Clock clock) {
    this.accountability = accountability;
    this.bulletins = bulletins;
    this.petitions = petitions;
    this.users = users;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.find(DemoData.CITY_SUPERVISOR).isEmpty()
        || users.find(DemoData.CITY_HANDLER).isEmpty()
        || as(DemoData.CITY_SUPERVISOR, accountability::any)) {
      return;
    }
    try {
      seed();
      log.info("Demo accountability referral and bulletins seeded");
    } catch (RuntimeException e) {
      log.warn("Demo accountability data not seeded: {}", e.getMessage());
    }
  }

  private void seed() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    LocalDate received = today.minusDays(150);
    PetitionView p =
        as(
            DemoData.CITY_REGISTRAR,
            () ->
                petitions.register(
                    new Registration(
                        org.xinfang.petition.Channel.LETTER,
                        received,
                        DemoData.CITY_PETITION_BUREAU,
                        List.of(
                            new Registration.PetitionerData(
                                "赵立新",
                                null,
                                null,
                                null,
                                null,
                                null,
                                "13904110001",
                                "大连市甘井子区泉水街道泉水路8号",
                                null,
                                true)),
                        null,
                        1,
                        false,
                        null,
                        "工伤认定申请久拖未决",
                        "2025年在工地受伤，向人社局申请工伤认定，至今未作出决定。",
                        "依法作出工伤认定。",
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
                        null)));
    as(
        DemoData.CITY_REGISTRAR,
        () ->
            petitions.act(
                p.id(), new Acts.Forward(received.plusDays(2), DemoData.CITY_HUMAN_RESOURCES)));
    as(
        DemoData.CITY_HANDLER,
        () ->
            petitions.act(
                p.id(),
                new Acts.Accept(
                    received.plusDays(40), Category.GRIEVANCE, Pathway.PETITION_HANDLING, null)));
    as(
        DemoData.CITY_HANDLER,
        () ->
            petitions.act(
                p.id(),
                new Acts.Reply(
                    received.plusDays(140),
                    org.xinfang.petition.Outcome.EXPLAIN,
                    "已作出工伤认定决定，向信访人解释说明。",
                    null)));
    as(
        DemoData.CITY_SUPERVISOR,
        () ->
            accountability.refer(
                new NewReferral(
                    p.id(),
                    null,
                    null,
                    null,
                    null,
                    DemoData.CITY_DISCIPLINE_INSPECTION,
                    null,
                    "大连市人社局对该信访事项逾期告知、逾期办结，建议依规依纪处理。")));
    as(
        DemoData.CITY_SUPERVISOR,
        () -> {
          var yesterday =
              bulletins.generate(
                  DemoData.CITY_PETITION_BUREAU, today.minusDays(1), today.minusDays(1));
          bulletins.remark(yesterday.id(), "请逾期单位于三个工作日内书面说明原因。");
          bulletins.publish(yesterday.id());
          return bulletins.generate(DemoData.CITY_PETITION_BUREAU, today, today);
        });
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
