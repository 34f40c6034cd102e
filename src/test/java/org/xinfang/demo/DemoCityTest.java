package org.xinfang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.NewOrganisation;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.organisation.Users;
import org.xinfang.support.IntegrationTest;

/** The embedded demo city has the shape API.md promises (Organisations). */
class DemoCityTest extends IntegrationTest {

  @Autowired Organisations organisations;
  @Autowired Users users;
  @Autowired PasswordEncoder passwordEncoder;

  /** Only what the demo seeded: other tests add organisations to the shared database. */
  private Map<String, Organisation> demo() {
    List<String> ids = DemoCity.organisations().stream().map(NewOrganisation::id).toList();
    return organisations.all().stream()
        .filter(o -> ids.contains(o.id()))
        .collect(Collectors.toMap(Organisation::id, Function.identity()));
  }

  @Test
  @DisplayName("the demo seed is all there, and every parent exists")
  void seededWithIntactTree() {
    Map<String, Organisation> demo = demo();
    assertThat(demo).hasSize(DemoCity.organisations().size());
    for (Organisation o : demo.values()) {
      if (o.parentId() == null) {
        assertThat(o.id()).isEqualTo(DemoData.PROVINCE_GOVERNMENT);
      } else {
        Organisation parent = demo.get(o.parentId());
        assertThat(parent).as("parent of %s", o.id()).isNotNull();
        assertThat(parent.level() == o.level() || parent.level().isAbove(o.level()))
            .as("%s sits at or below its parent's level", o.id())
            .isTrue();
        assertThat(o.regionCode()).startsWith(parent.regionCode().replaceAll("0+$", ""));
      }
      assertThat(o.regionCode())
          .as(o.id())
          .hasSize(
              switch (o.level()) {
                case TOWNSHIP -> 9;
                case VILLAGE -> 12;
                default -> 6;
              });
    }
    assertThat(organisations.root()).map(Organisation::id).hasValue(DemoData.PROVINCE_GOVERNMENT);
  }

  @Test
  @DisplayName("a city with ≥3 districts, each with its petition bureau, streets and communities")
  void cityShape() {
    Map<String, Organisation> demo = demo();
    Organisation city = demo.get(DemoData.CITY_GOVERNMENT);
    assertThat(city.level()).isEqualTo(OrgLevel.CITY);
    assertThat(city.regionCode()).isEqualTo("210200");

    List<Organisation> counties =
        demo.values().stream()
            .filter(o -> o.level() == OrgLevel.COUNTY && o.type() == OrgType.GOVERNMENT)
            .toList();
    assertThat(counties).hasSizeGreaterThanOrEqualTo(3);
    assertThat(counties)
        .extracting(Organisation::regionCode)
        .contains("210202", "210203", "210204", "210211");
    for (Organisation county : counties) {
      assertThat(county.parentId()).isEqualTo(DemoData.CITY_GOVERNMENT);
      List<Organisation> below = children(demo, county.id());
      assertThat(below)
          .as("petition bureau of %s", county.name())
          .anyMatch(o -> o.type() == OrgType.PETITION_BUREAU);
      assertThat(below).anyMatch(o -> o.type() == OrgType.DEPARTMENT);
      List<Organisation> townships =
          below.stream().filter(o -> o.level() == OrgLevel.TOWNSHIP).toList();
      assertThat(townships).as("townships of %s", county.name()).hasSizeGreaterThanOrEqualTo(2);
      for (Organisation township : townships) {
        assertThat(township.type()).isEqualTo(OrgType.GOVERNMENT);
        assertThat(children(demo, township.id()))
            .as("villages of %s", township.name())
            .hasSizeGreaterThanOrEqualTo(2)
            .allMatch(v -> v.level() == OrgLevel.VILLAGE && v.type() == OrgType.VILLAGE_COMMITTEE);
      }
    }
    assertThat(children(demo, DemoData.CITY_GOVERNMENT))
        .extracting(Organisation::type)
        .contains(
            OrgType.PETITION_BUREAU,
            OrgType.DISCIPLINE_INSPECTION,
            OrgType.POLITICAL_LEGAL,
            OrgType.DEPARTMENT);
    assertThat(demo.get(DemoData.YOUHAO_COMMUNITY).regionCode()).isEqualTo("210202002001");
  }

  @Test
  @DisplayName("the demo users act for their organisations, with hashed passwords")
  void demoUsers() {
    assertThat(users.find(DemoData.CITY_REGISTRAR))
        .hasValueSatisfying(
            a -> {
              assertThat(a.organisationId()).isEqualTo(DemoData.CITY_PETITION_BUREAU);
              assertThat(a.roles()).containsExactly(Role.REGISTRAR);
            });
    assertThat(users.find(DemoData.CITY_DISCIPLINE_HANDLER))
        .map(Actor::organisationId)
        .hasValue(DemoData.CITY_DISCIPLINE_INSPECTION);
    for (String username : DemoData.USERS) {
      assertThat(users.credentials(username))
          .as(username)
          .hasValueSatisfying(
              c -> {
                assertThat(c.passwordHash()).startsWith("{argon2}$argon2id$");
                assertThat(passwordEncoder.matches(DemoData.PASSWORD, c.passwordHash())).isTrue();
              });
    }
  }

  private static List<Organisation> children(Map<String, Organisation> demo, String parentId) {
    return demo.values().stream().filter(o -> parentId.equals(o.parentId())).toList();
  }
}
