package org.xinfang.workbench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xinfang.support.IntegrationTest;

/** Drives the workbench pages as a signed-in member of staff would: GET pages, POST forms. */
abstract class WorkbenchTestSupport extends IntegrationTest {

  static final String CLERK = "dl-clerk";
  static final String HANDLER = "dl-handler";

  ResultActions page(String who, String url) throws Exception {
    return mvc.perform(get(url).with(user(who)));
  }

  ResultActions submit(String who, String url, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = post(url).with(user(who)).with(csrf());
    fields.forEach(request::param);
    return mvc.perform(request);
  }

  static String html(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /** A text no other test uses, to find this test's petition among everything in the database. */
  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A unique mobile-like phone number. */
  static String uniquePhone() {
    long n = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000L;
    return "139" + String.format("%08d", n);
  }
}
