package org.xinfang.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The demo's leaders at work (seeded on an embedded first start; here called directly). */
class LeadershipDemoTest extends IntegrationTest {

  @Autowired LeadershipDemo demo;

  @Test
  @DisplayName("the demo seeds packages at three stages and a roster with held and missed days")
  void seedsPackagesAndRoster() throws Exception {
    demo.seed();
    JsonNode mine = body(getAs(DemoData.CITY_LEADER, DemoData.PASSWORD, "/api/packages?mine=true"));
    List<String> seen = new ArrayList<>();
    for (JsonNode p : mine) {
      seen.add(p.get("title").asString() + ":" + p.get("status").asString());
      if (p.get("title").asString().equals("陈志强等32人欠薪案")) {
        assertThat(p.get("lateSteps")).hasSize(1);
      }
    }
    assertThat(seen).contains("陈志强等32人欠薪案:OPEN", "王桂兰回迁安置积案:RESOLVED", "孙立民养老金诉求化解:RESOLVED");
    JsonNode missed =
        body(getAs(DemoData.CITY_LEADER, DemoData.PASSWORD, "/api/receptions/missed"));
    assertThat(missed.size()).isGreaterThanOrEqualTo(1);
    JsonNode roster = body(getAs(DemoData.CITY_LEADER, DemoData.PASSWORD, "/api/receptions"));
    assertThat(roster.toString()).contains("HELD", "UPCOMING", "VISIT_OUT");
  }
}
