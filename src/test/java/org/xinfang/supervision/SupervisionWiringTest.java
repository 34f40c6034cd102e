package org.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.bulletin.BulletinSection;
import org.xinfang.figures.SpotCheckSource;
import org.xinfang.support.IntegrationTest;

/**
 * The spot checks feed the figures' spotCheckPassRate (LAW.md §9) and the supervision orders feed
 * the daily bulletin (条例 Art. 40): both through the other modules' published interfaces.
 */
class SupervisionWiringTest extends IntegrationTest {

  @Autowired List<BulletinSection> sections;
  @Autowired SpotCheckSource spotChecks;
  @Autowired SpotChecks checks;
  @Autowired org.xinfang.figures.SupervisionSource supervisionSource;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void spotChecksFeedTheFiguresAndOrdersFeedTheBulletin() {
    Set<String> city = Set.of("dl-rsj", "dl-zjj", "dl-xfj");
    LocalDate from = LocalDate.parse("2020-01-01");
    LocalDate to = LocalDate.parse("2026-12-31");
    PassRate direct = checks.passRate(city, from, to);
    SpotCheckSource.Counts counts = spotChecks.passRate(city, from, to);
    assertThat(counts.passed()).isEqualTo(direct.numerator());
    assertThat(counts.sampled()).isEqualTo(direct.denominator());

    BulletinSection supervision =
        sections.stream().filter(s -> s.key().equals("supervision")).findFirst().orElseThrow();
    BulletinSection.Content content =
        supervision.render(new BulletinSection.Period("dl-xfj", city, from, to, to));
    assertThat(content.title()).isEqualTo("督办件回复情况");
    assertThat(content.summary()).isNotBlank();
    assertThat(sections).extracting(BulletinSection::key).contains("supervision");

    // the annual report's 督办 counts (条例 Art. 41 item 2) equal the orders recorded
    long issued =
        jdbc.sql(
                "select count(*) from supervision_order where issued_by_org = 'dl-xfj'"
                    + " and issued_on between :f and :t")
            .param("f", from)
            .param("t", to)
            .query(Long.class)
            .single();
    assertThat(supervisionSource.orders(Set.of("dl-xfj"), from, to).issued()).isEqualTo(issued);
  }
}
