package org.xinfang.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.demo.DemoData;
import org.xinfang.organisation.NewOrganisation;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisations;

/**
 * The work list's filter form writes its long selects (organisations, regions) outside the
 * template: they list an organisation created a moment before, escaped, with the chosen one
 * selected.
 */
class FilterFormTest extends WorkbenchTestSupport {

  @Autowired Organisations organisations;

  @Test
  void theFormListsANewOrganisationEscapedAndMarksTheChosenOne() throws Exception {
    String id = "ff-" + UUID.randomUUID().toString().substring(0, 8);
    String code = "2102" + String.format("%02d", (int) (Math.random() * 90) + 10) + "099";
    organisations.create(
        new NewOrganisation(
            id,
            "筛选<测试>&\"镇\"",
            null,
            OrgLevel.TOWNSHIP,
            OrgType.GOVERNMENT,
            DemoData.ZHONGSHAN_GOVERNMENT,
            code,
            null,
            false));

    String page = html(page(ADMIN, "/?org=" + id + "&region=" + code));

    String label = "筛选&lt;测试&gt;&amp;&quot;镇&quot;";
    assertThat(page)
        .contains("<option value=\"" + id + "\" selected=\"selected\">　　　" + label + "</option>")
        .contains("<option value=\"" + code + "\" selected=\"selected\">　　　" + label + " " + code)
        .doesNotContain("筛选<测试>")
        .contains("<option value=\"" + DemoData.CITY_PETITION_BUREAU + "\">　大连市信访局</option>");
  }
}
