package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;

/**
 * 条例 Art. 20 para. 1: a matter is raised with the organ of its own level or of the one above —
 * levels as the organisation tree has them, including the trees where a level is missing.
 */
@DisplayName("条例 Art. 20 para. 1: a matter's own level and the one above, from the tree")
class RegionsTest {

  private static Organisation org(String id, OrgLevel level, String code) {
    return new Organisation(id, id, null, level, OrgType.GOVERNMENT, null, code, null, false);
  }

  private static final List<Organisation> TREE =
      List.of(
          org("liaoning", OrgLevel.PROVINCE, "210000"),
          org("dalian", OrgLevel.CITY, "210200"),
          org("zhongshan", OrgLevel.COUNTY, "210202"),
          org("qingniwaqiao", OrgLevel.TOWNSHIP, "210202002"),
          org("a-village", OrgLevel.VILLAGE, "210202002001"),
          org("beijing", OrgLevel.PROVINCE, "110000"),
          org("chaoyang", OrgLevel.COUNTY, "110105"),
          org("hubei", OrgLevel.PROVINCE, "420000"),
          org("xiantao", OrgLevel.COUNTY, "429004"),
          org("guangdong", OrgLevel.PROVINCE, "440000"),
          org("dongguan", OrgLevel.CITY, "441900"),
          org("humen", OrgLevel.TOWNSHIP, "441900004"));

  private static Regions.Place place(String code) {
    return Regions.place(code, TREE).orElseThrow();
  }

  @Test
  @DisplayName("division codes by their significant part; zero padding drops")
  void units() {
    assertThat(Regions.unit("210000")).isEqualTo("21");
    assertThat(Regions.unit("210200")).isEqualTo("2102");
    assertThat(Regions.unit("210202")).isEqualTo("210202");
    assertThat(Regions.unit("210202002")).isEqualTo("210202002");
    assertThat(Regions.unit("210202000000")).isEqualTo("210202");
    assertThat(Regions.unit(null)).isNull();
  }

  @Test
  @DisplayName(
      "a street's matter: its own street, the district above; the city skipped the district")
  void street() {
    Regions.Place p = place("210202002");
    assertThat(p.allows("210202002")).isTrue();
    assertThat(p.allows("210202")).isTrue();
    assertThat(p.skippedBy("2102")).isTrue();
    assertThat(p.skippedBy("210202")).isFalse();
  }

  @Test
  @DisplayName("a village has no organ: its matter is the township's, and the district is one up")
  void village() {
    Regions.Place p = place("210202002001");
    assertThat(p.own()).isEqualTo("210202002");
    assertThat(p.skippedBy("210202")).isFalse();
    assertThat(p.skippedBy("2102")).isTrue();
  }

  @Test
  @DisplayName(
      "missing levels: Beijing's districts, a province's county-level city, a city without districts")
  void missingLevels() {
    assertThat(place("110105").skippedBy("11")).isFalse(); // 朝阳区 → 北京市 is one up
    assertThat(place("429004").skippedBy("42")).isFalse(); // 仙桃市 → 湖北省 is one up
    assertThat(place("441900004").skippedBy("4419")).isFalse(); // 虎门镇 → 东莞市 is one up
    assertThat(place("441900004").skippedBy("44")).isTrue(); // → 广东省 skips 东莞市
  }

  @Test
  @DisplayName("a region outside the tree is not placed: the officer judges")
  void outside() {
    assertThat(Regions.place("510104", TREE)).isEmpty();
    assertThat(Regions.place(null, TREE)).isEmpty();
  }
}
