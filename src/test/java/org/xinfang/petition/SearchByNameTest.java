package org.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xinfang.demo.DemoData;
import org.xinfang.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Search by name (GET /api/petitions?name=), read off the names' index (V32): every petition one of
 * whose petitioners bears the name, once, newest first (received on, then number), paged and
 * counted in full, with the other filters, and within the user's scope.
 */
class SearchByNameTest extends IntegrationTest {

  private static final String PASSWORD = "search-by-name-pw-1";

  @Test
  void findsEachPetitionOfTheNameOnceNewestFirstCountedAndWithinScope() throws Exception {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String name = "检索" + suffix;
    // the city bureau's: an older one, two on one day (the later number first), one where the
    // name is the second of two petitioners, one with the name twice
    String older =
        register(withPetitioners(letter("2026-11-02", bureau()), name)).get("id").asString();
    String sameDay1 =
        register(withPetitioners(letter("2026-11-20", bureau()), name)).get("id").asString();
    String sameDay2 =
        register(withPetitioners(letter("2026-11-20", bureau()), name)).get("id").asString();
    String second =
        register(withPetitioners(letter("2026-11-10", bureau()), "另一人" + suffix, name))
            .get("id")
            .asString();
    String twice =
        register(withPetitioners(letter("2026-11-05", bureau()), name, name)).get("id").asString();
    // another district's, and an accusation against the city's human resources bureau
    String foreign =
        register(withPetitioners(letter("2026-11-15", DemoData.XIGANG_PETITION_BUREAU), name))
            .get("id")
            .asString();
    Map<String, Object> acc = withPetitioners(letter("2026-11-25", bureau()), name);
    acc.put("category", "ACCUSATION");
    acc.put(
        "accused", List.of(Map.of("name", "王某", "organisationId", DemoData.CITY_HUMAN_RESOURCES)));
    String accusation = register(acc).get("id").asString();
    act(accusation, "forward", Map.of("to", DemoData.CITY_DISCIPLINE_INSPECTION));
    // someone else of another name
    register(withPetitioners(letter("2026-11-21", bureau()), "别人" + suffix));

    List<String> all = List.of(accusation, sameDay2, sameDay1, foreign, second, twice, older);
    Result r = search(ADMIN, ADMIN_PASSWORD, "name=" + name);
    assertThat(r.ids()).containsExactlyElementsOf(all);
    assertThat(r.total()).isEqualTo(7);
    // surrounding blanks are not part of the name
    assertThat(search(ADMIN, ADMIN_PASSWORD, "name= " + name + " ").ids())
        .containsExactlyElementsOf(all);
    // paged: the same order, the count of all
    Result p1 = search(ADMIN, ADMIN_PASSWORD, "name=" + name + "&page=1&size=3");
    assertThat(p1.ids()).containsExactlyElementsOf(all.subList(3, 6));
    assertThat(p1.total()).isEqualTo(7);
    // with the other filters: dates, holder, number, phone
    Result dated = search(ADMIN, ADMIN_PASSWORD, "name=" + name + "&from=2026-11-05&to=2026-11-15");
    assertThat(dated.ids()).containsExactly(foreign, second, twice);
    assertThat(dated.total()).isEqualTo(3);
    Result held =
        search(
            ADMIN, ADMIN_PASSWORD, "name=" + name + "&holder=" + DemoData.XIGANG_PETITION_BUREAU);
    assertThat(held.ids()).containsExactly(foreign);
    assertThat(held.total()).isEqualTo(1);
    String number = body(getJson("/api/petitions/" + older)).get("number").asString();
    assertThat(search(ADMIN, ADMIN_PASSWORD, "name=" + name + "&number=" + number).ids())
        .containsExactly(older);
    assertThat(search(ADMIN, ADMIN_PASSWORD, "name=" + name + "&phone=13800000000").total())
        .isEqualTo(7);
    assertThat(search(ADMIN, ADMIN_PASSWORD, "name=" + name + "&phone=13900000000").total())
        .isZero();

    // scope: a district's registrar sees its own only; the accused bureau never sees the
    // accusation (条例 Art. 30 para. 3), and the count says nothing of it either
    String district = "xg-reg-" + suffix;
    staff(district, PASSWORD, DemoData.XIGANG_PETITION_BUREAU, "REGISTRAR");
    Result xg = search(district, PASSWORD, "name=" + name);
    assertThat(xg.ids()).containsExactly(foreign);
    assertThat(xg.total()).isEqualTo(1);
    String accused = "hr-sup-" + suffix;
    staff(accused, PASSWORD, DemoData.CITY_HUMAN_RESOURCES, "SUPERVISOR");
    Result hr = search(accused, PASSWORD, "name=" + name);
    assertThat(hr.ids()).doesNotContain(accusation);
    assertThat(hr.total()).isEqualTo(hr.ids().size());
    String city = "city-sup-" + suffix;
    staff(city, PASSWORD, bureau(), "SUPERVISOR");
    Result citySup = search(city, PASSWORD, "name=" + name);
    assertThat(citySup.ids()).contains(accusation, sameDay2, sameDay1, second, twice, older);
    assertThat(citySup.total()).isEqualTo(citySup.ids().size());
  }

  private static String bureau() {
    return DemoData.CITY_PETITION_BUREAU;
  }

  private static Map<String, Object> withPetitioners(Map<String, Object> body, String... names) {
    List<Map<String, Object>> people = new ArrayList<>();
    for (String n : names) {
      people.add(Map.of("name", n, "phone", "13800000000", "address", "大连市中山区友好街1号"));
    }
    body.put("petitioners", people);
    return body;
  }

  private record Result(List<String> ids, long total) {}

  private Result search(String user, String password, String query) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/petitions?" + query);
    MockHttpServletResponse r =
        mvc.perform(request.with(httpBasic(user, password))).andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode n : json.readTree(r.getContentAsString(StandardCharsets.UTF_8))) {
      ids.add(n.get("id").asString());
    }
    return new Result(ids, Long.parseLong(r.getHeader("X-Total-Count")));
  }
}
