package org.xinfang.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xinfang.demo.DemoData.CITY_GOVERNMENT;
import static org.xinfang.demo.DemoData.CITY_HUMAN_RESOURCES;
import static org.xinfang.demo.DemoData.PROVINCE_GOVERNMENT;
import static org.xinfang.demo.DemoData.QINGNIWAQIAO_STREET;
import static org.xinfang.demo.DemoData.ZHONGSHAN_GOVERNMENT;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.LawViolation;
import org.xinfang.support.IntegrationTest;

class OrganisationsCreateTest extends IntegrationTest {

  @Autowired Organisations organisations;

  private static NewOrganisation org(
      String id, OrgLevel level, OrgType type, String parentId, String regionCode) {
    return new NewOrganisation(id, "测试机构", null, level, type, parentId, regionCode, null, false);
  }

  @Test
  void createsWithAGeneratedId() {
    Organisation created =
        organisations.create(
            org(null, OrgLevel.TOWNSHIP, OrgType.GOVERNMENT, ZHONGSHAN_GOVERNMENT, "210202099"));
    assertThat(created.id()).matches("[A-Za-z0-9_-]{1,64}");
    assertThat(organisations.get(created.id())).isEqualTo(created);
    assertThat(organisations.children(ZHONGSHAN_GOVERNMENT)).contains(created);
  }

  @Test
  void aDepartmentSitsAtTheLevelOfItsGovernment() {
    String id = "dept-" + UUID.randomUUID();
    organisations.create(org(id, OrgLevel.CITY, OrgType.DEPARTMENT, CITY_GOVERNMENT, "210200"));
    assertThat(organisations.get(id).level()).isEqualTo(OrgLevel.CITY);
  }

  @Test
  void refusesALevelThatDoesNotFit() {
    // a government at the level of its parent government
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(null, OrgLevel.CITY, OrgType.GOVERNMENT, CITY_GOVERNMENT, "210200")))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.fields()).containsKey("level"));
    // a department above its government
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(null, OrgLevel.PROVINCE, OrgType.DEPARTMENT, CITY_GOVERNMENT, "210000")))
        .isInstanceOf(InvalidInput.class);
    // a same-level body under a department rather than a government
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(null, OrgLevel.CITY, OrgType.DEPARTMENT, CITY_HUMAN_RESOURCES, "210200")))
        .isInstanceOf(InvalidInput.class);
    // a village committee that is not at village level
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(
                        null,
                        OrgLevel.TOWNSHIP,
                        OrgType.VILLAGE_COMMITTEE,
                        QINGNIWAQIAO_STREET,
                        "210202002")))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void refusesAnUnknownParentAndBadCodes() {
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(null, OrgLevel.CITY, OrgType.GOVERNMENT, "no-such-org", "210200")))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.fields()).containsKey("parentId"));
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(null, OrgLevel.CITY, OrgType.GOVERNMENT, PROVINCE_GOVERNMENT, "21020")))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.fields()).containsKey("regionCode"));
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(
                        "bad id!",
                        OrgLevel.CITY,
                        OrgType.GOVERNMENT,
                        PROVINCE_GOVERNMENT,
                        "210200")))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).containsKey("id"));
  }

  @Test
  void refusesATakenId() {
    assertThatThrownBy(
            () ->
                organisations.create(
                    org(
                        CITY_GOVERNMENT,
                        OrgLevel.CITY,
                        OrgType.GOVERNMENT,
                        PROVINCE_GOVERNMENT,
                        "210200")))
        .isInstanceOf(LawViolation.class);
  }
}
