package org.xinfang.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xinfang.demo.DemoData.*;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.shared.NotFound;
import org.xinfang.support.IntegrationTest;

/** Which organ is "one level up" for review and re-review (条例 Art. 35; LAW.md §6). */
class ReviewOrgansTest extends IntegrationTest {

  @Autowired Organisations organisations;

  /** A city department of its own line (no department of that line above it). */
  private Organisation newCityDepartment() {
    return organisations.create(
        new NewOrganisation(
            null,
            "大连市测试事务局 " + UUID.randomUUID(),
            null,
            OrgLevel.CITY,
            OrgType.DEPARTMENT,
            CITY_GOVERNMENT,
            "210200",
            "line-" + UUID.randomUUID().toString().substring(0, 8),
            false));
  }

  private List<String> reviewOrgans(String id) {
    return organisations.reviewOrgans(id).stream().map(Organisation::id).toList();
  }

  @Test
  @DisplayName("a street → the district government (条例 Art. 35, 北京 Art. 48)")
  void streetToDistrictGovernment() {
    assertThat(reviewOrgans(QINGNIWAQIAO_STREET)).containsExactly(ZHONGSHAN_GOVERNMENT);
    assertThat(reviewOrgans(RENMINLU_STREET)).containsExactly(ZHONGSHAN_GOVERNMENT);
  }

  @Test
  @DisplayName("a town → the county(-level city) government (条例 Art. 35, 北京 Art. 48)")
  void townToCountyGovernment() {
    assertThat(reviewOrgans(GUANGMINGSHAN_TOWN)).containsExactly(ZHUANGHE_GOVERNMENT);
  }

  @Test
  @DisplayName("a community or village committee → the district government (条例 Art. 35)")
  void villageBodyToDistrictGovernment() {
    assertThat(reviewOrgans(YOUHAO_COMMUNITY)).containsExactly(ZHONGSHAN_GOVERNMENT);
    assertThat(reviewOrgans("gjz-hq-sd")).containsExactly(GANJINGZI_GOVERNMENT);
  }

  @Test
  @DisplayName("a district government → the city government (条例 Art. 35, 北京 Art. 48)")
  void districtGovernmentToCityGovernment() {
    assertThat(reviewOrgans(ZHONGSHAN_GOVERNMENT)).containsExactly(CITY_GOVERNMENT);
    assertThat(reviewOrgans(ZHUANGHE_GOVERNMENT)).containsExactly(CITY_GOVERNMENT);
  }

  @Test
  @DisplayName("a city government → the province government (条例 Art. 35)")
  void cityGovernmentToProvinceGovernment() {
    assertThat(reviewOrgans(CITY_GOVERNMENT)).containsExactly(PROVINCE_GOVERNMENT);
  }

  @Test
  @DisplayName("the top of the tree has no organ above it")
  void nothingAboveTheTop() {
    assertThat(reviewOrgans(PROVINCE_GOVERNMENT)).isEmpty();
  }

  @Test
  @DisplayName(
      "a county department → the same-line department one level up (default) or its own"
          + " government, as the petitioner chooses (北京 Art. 48)")
  void countyDepartmentToSameLineOrOwnGovernment() {
    assertThat(reviewOrgans(ZHONGSHAN_HUMAN_RESOURCES))
        .containsExactly(CITY_HUMAN_RESOURCES, ZHONGSHAN_GOVERNMENT);
    assertThat(reviewOrgans(ZHONGSHAN_HOUSING)).containsExactly(CITY_HOUSING, ZHONGSHAN_GOVERNMENT);
  }

  @Test
  @DisplayName("a city department → the province department of its line or the city government")
  void cityDepartmentToProvinceLineOrCityGovernment() {
    assertThat(reviewOrgans(CITY_HUMAN_RESOURCES))
        .containsExactly(PROVINCE_HUMAN_RESOURCES, CITY_GOVERNMENT);
  }

  @Test
  @DisplayName(
      "petition bureau, discipline inspection and political-legal lines go up their own line or to"
          + " their own government (北京 Art. 48)")
  void bureauAndCommissionLines() {
    assertThat(reviewOrgans(ZHONGSHAN_PETITION_BUREAU))
        .containsExactly(CITY_PETITION_BUREAU, ZHONGSHAN_GOVERNMENT);
    assertThat(reviewOrgans(ZHONGSHAN_DISCIPLINE_INSPECTION))
        .containsExactly(CITY_DISCIPLINE_INSPECTION, ZHONGSHAN_GOVERNMENT);
    assertThat(reviewOrgans(ZHONGSHAN_POLITICAL_LEGAL))
        .containsExactly(CITY_POLITICAL_LEGAL, ZHONGSHAN_GOVERNMENT);
    assertThat(reviewOrgans(CITY_PETITION_BUREAU))
        .containsExactly(PROVINCE_PETITION_BUREAU, CITY_GOVERNMENT);
  }

  @Test
  @DisplayName("a department with no same-line department above → its own government only")
  void departmentWithoutLineAbove() {
    Organisation lonely = newCityDepartment();
    assertThat(reviewOrgans(lonely.id())).containsExactly(CITY_GOVERNMENT);
    assertThat(reviewOrgans("ln-gat")).containsExactly(PROVINCE_GOVERNMENT);
  }

  @Test
  @DisplayName("a vertically managed body → its superior body (北京 Art. 48)")
  void verticalBodyToItsSuperior() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation cityTax =
        organisations.create(
            new NewOrganisation(
                "tax-dl-" + suffix,
                "国家税务总局大连市税务局",
                null,
                OrgLevel.CITY,
                OrgType.DEPARTMENT,
                CITY_GOVERNMENT,
                "210200",
                "税务",
                true));
    Organisation districtTax =
        organisations.create(
            new NewOrganisation(
                "tax-zs-" + suffix,
                "国家税务总局大连市中山区税务局",
                null,
                OrgLevel.COUNTY,
                OrgType.DEPARTMENT,
                cityTax.id(),
                "210202",
                "税务",
                true));
    assertThat(reviewOrgans(districtTax.id())).containsExactly(cityTax.id());
  }

  @Test
  @DisplayName("an unknown organisation has no review organs: 404")
  void unknown() {
    assertThatThrownBy(() -> organisations.reviewOrgans("no-such-org"))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void subtree() {
    assertThat(organisations.isWithin(YOUHAO_COMMUNITY, CITY_GOVERNMENT)).isTrue();
    assertThat(organisations.isWithin(YOUHAO_COMMUNITY, ZHONGSHAN_GOVERNMENT)).isTrue();
    assertThat(organisations.isWithin(ZHONGSHAN_GOVERNMENT, ZHONGSHAN_GOVERNMENT)).isTrue();
    assertThat(organisations.isWithin(ZHONGSHAN_PETITION_BUREAU, PROVINCE_GOVERNMENT)).isTrue();
    assertThat(organisations.isWithin(YOUHAO_COMMUNITY, XIGANG_GOVERNMENT)).isFalse();
    assertThat(organisations.isWithin(CITY_GOVERNMENT, ZHONGSHAN_GOVERNMENT)).isFalse();
    assertThat(organisations.isWithin("no-such-org", CITY_GOVERNMENT)).isFalse();
    assertThat(organisations.isWithin(CITY_GOVERNMENT, null)).isFalse();
  }

  @Test
  @DisplayName("a subtree asked for before an organisation is added below it includes it after")
  void subtreeFollowsANewOrganisation() {
    assertThat(organisations.subtree(CITY_GOVERNMENT)).contains(ZHONGSHAN_GOVERNMENT);
    assertThat(organisations.subtree(ZHONGSHAN_GOVERNMENT)).doesNotContain(CITY_GOVERNMENT);
    Organisation added = newCityDepartment();
    assertThat(organisations.subtree(CITY_GOVERNMENT)).contains(added.id(), ZHONGSHAN_GOVERNMENT);
    assertThat(organisations.subtree(added.id())).containsExactly(added.id());
    assertThat(organisations.subtree(PROVINCE_GOVERNMENT)).contains(added.id());
    assertThat(organisations.subtree("no-such-org")).isEmpty();
  }

  @Test
  void children() {
    assertThat(organisations.children(QINGNIWAQIAO_STREET))
        .extracting(Organisation::id)
        .containsExactly("zs-qnwq-yh", "zs-qnwq-gl");
    assertThat(organisations.children("no-such-org")).isEmpty();
  }
}
