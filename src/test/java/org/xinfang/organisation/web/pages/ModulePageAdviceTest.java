package org.xinfang.organisation.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organisation.SignedIn;
import org.xinfang.support.IntegrationTest;

/**
 * The page advice of the modules' staff pages: the header's {@code me} and {@code selfUrl} on a
 * page, and the workbench error page (status, title, message, header) a missing, forbidden or
 * refused request answers with, module by module.
 */
class ModulePageAdviceTest extends IntegrationTest {

  /** Signed in to Spring Security but no known user: CurrentActor.get() refuses them. */
  private static final String STRANGER = "page-advice-stranger";

  @Test
  @DisplayName("each module's pages carry the header attributes and answer errors as the page")
  void pagesAndErrorPages() throws Exception {
    Map<String, String> seen = new LinkedHashMap<>();
    // pages: the header attributes
    seen.put("accountability page", shown(get("/accountability?lang=zh"), ADMIN));
    seen.put("bulletin page", shown(get("/bulletins"), ADMIN));
    seen.put("figures page", shown(get("/figures"), ADMIN));
    seen.put("leadership page", shown(get("/leadership"), ADMIN));
    seen.put("supervision page", shown(get("/supervision"), ADMIN));
    seen.put("conference page", shown(get("/conferences"), ADMIN));
    seen.put("ledger page", shown(get("/ledgers"), ADMIN));
    seen.put("ledger form posted", shown(post("/ledgers").with(csrf()), ADMIN));
    // missing things
    seen.put("accountability 404", shown(get("/accountability/referrals/nope"), ADMIN));
    seen.put("bulletin 404", shown(get("/bulletins/nope"), ADMIN));
    seen.put("figures 404", shown(get("/figures?organisation=nope"), ADMIN));
    seen.put("leadership 404", shown(get("/leadership/packages/nope"), ADMIN));
    seen.put("supervision 404", shown(get("/supervision/orders/nope"), ADMIN));
    seen.put("conference 404", shown(get("/conferences/nope"), ADMIN));
    seen.put("ledger 404", shown(get("/ledgers/nope"), ADMIN));
    // a signed-in name no user answers to
    seen.put("accountability 403", shown(get("/accountability"), STRANGER));
    seen.put("bulletin 403", shown(get("/bulletins"), STRANGER));
    seen.put("figures 403", shown(get("/figures"), STRANGER));
    seen.put("leadership 403", shown(get("/leadership"), STRANGER));
    seen.put("supervision 403", shown(get("/supervision"), STRANGER));
    seen.put("conference 403", shown(get("/conferences"), STRANGER));
    seen.put("ledger 403", shown(get("/ledgers"), STRANGER));
    // bad input
    seen.put(
        "accountability 400",
        shown(
            get("/accountability/organs?organisationId=nope&from=2026-01-01&to=2026-01-02"),
            ADMIN));
    seen.put("figures 400", shown(get("/figures?from=not-a-date"), ADMIN));
    // another language
    seen.put("supervision 404 en", shown(get("/supervision/orders/nope?lang=en"), ADMIN));
    seen.put("leadership 403 en", shown(get("/leadership?lang=en"), STRANGER));

    StringBuilder all = new StringBuilder();
    seen.forEach((k, v) -> all.append(k).append(" => ").append(v).append('\n'));
    assertThat(all.toString()).isEqualTo(EXPECTED);
  }

  private String shown(MockHttpServletRequestBuilder request, String who) throws Exception {
    MvcResult r = mvc.perform(request.with(user(who))).andReturn();
    ModelAndView mv = r.getModelAndView();
    if (mv == null) {
      return r.getResponse().getStatus() + " no view";
    }
    Map<String, Object> m = mv.getModel();
    Object me = m.get("me");
    String meShown = me instanceof SignedIn s ? s.username() : String.valueOf(me);
    String head = r.getResponse().getStatus() + " " + mv.getViewName();
    if (!"workbench/error".equals(mv.getViewName())) {
      return head + " me=" + meShown + " selfUrl=" + m.get("selfUrl");
    }
    return head
        + " status="
        + m.get("status")
        + " title="
        + m.get("title")
        + " message="
        + m.get("message")
        + " me="
        + meShown
        + " selfUrl="
        + m.get("selfUrl");
  }

  /** What the pages answered before their advice moved to one base class. */
  private static final String EXPECTED =
      ""
          + "accountability page => 200 accountability/home me=admin selfUrl=/accountability\n"
          + "bulletin page => 200 bulletin/list me=admin selfUrl=/bulletins\n"
          + "figures page => 200 figures/dashboard me=admin selfUrl=/figures\n"
          + "leadership page => 200 leadership/home me=admin selfUrl=/leadership\n"
          + "supervision page => 200 supervision/dashboard me=admin selfUrl=/supervision\n"
          + "conference page => 200 conference/list me=admin selfUrl=/conferences\n"
          + "ledger page => 200 ledger/list me=admin selfUrl=/ledgers\n"
          + "ledger form posted => 200 ledger/new me=admin selfUrl=/ledgers\n"
          + "accountability 404 => 404 workbench/error status=404 title=没有找到 message=没有这个信访事项或移送记录，或者您无权查看。 me=admin selfUrl=/accountability\n"
          + "bulletin 404 => 404 workbench/error status=404 title=没有找到 message=No bulletin nope me=admin selfUrl=/bulletins\n"
          + "figures 404 => 404 workbench/error status=404 title=没有找到 message=No organisation nope me=admin selfUrl=/figures\n"
          + "leadership 404 => 404 workbench/error status=404 title=没有找到 message=没有这个信访件，或者您无权查看。 me=admin selfUrl=/\n"
          + "supervision 404 => 404 workbench/error status=404 title=没有找到 message=没有这个督办或抽查，或者你无权查看。 me=admin selfUrl=/supervision\n"
          + "conference 404 => 404 workbench/error status=404 title=没有找到 message=没有这个会议或事项，或者你无权查看。 me=admin selfUrl=/conferences\n"
          + "ledger 404 => 404 workbench/error status=404 title=没有找到 message=没有这个信访件，或者您无权查看。 me=admin selfUrl=/ledgers\n"
          + "accountability 403 => 403 workbench/error status=403 title=无权查看 message=this needs a signed-in user me=null selfUrl=/accountability\n"
          + "bulletin 403 => 403 workbench/error status=403 title=无权查看 message=this needs a signed-in user me=null selfUrl=/bulletins\n"
          + "figures 403 => 403 workbench/error status=403 title=无权查看该单位的数据 message=this needs a signed-in user me=null selfUrl=/figures\n"
          + "leadership 403 => 403 workbench/error status=403 title=无权办理 message=不在本人查看范围内。 me=null selfUrl=/\n"
          + "supervision 403 => 403 workbench/error status=403 title=无权办理 message=this needs a signed-in user me=null selfUrl=/supervision\n"
          + "conference 403 => 403 workbench/error status=403 title=无权办理 message=this needs a signed-in user me=null selfUrl=/conferences\n"
          + "ledger 403 => 403 workbench/error status=403 title=无权查看 message=this needs a signed-in user me=null selfUrl=/ledgers\n"
          + "accountability 400 => 400 workbench/error status=400 title=不能办理 message=organisationId: no such organisation me=admin selfUrl=/accountability\n"
          + "figures 400 => 400 workbench/error status=400 title=请求有误 message=from: not a date (YYYY-MM-DD): not-a-date me=admin selfUrl=/figures\n"
          + "supervision 404 en => 404 workbench/error status=404 title=Not found message=No such order or spot check, or you may not see it. me=admin selfUrl=/supervision\n"
          + "leadership 403 en => 403 workbench/error status=403 title=Not allowed for you message=Outside what you may see. me=null selfUrl=/\n";
}
