package org.xinfang.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinfang.guide.Route.TimeLimit;
import org.xinfang.guide.Route.Unit;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.petition.Category;
import org.xinfang.petition.Pathway;
import org.xinfang.shared.InvalidInput;

/** Every route of the route map, with the article or law that puts the matter there. */
class RouteMapTest {

  /** A small tree: the bureau, the discipline organ, the government and two departments. */
  private final RouteMap map =
      new RouteMap(
          (type, line) ->
              switch (type) {
                case PETITION_BUREAU -> Optional.of(org("xfj", "信访局", type, "信访"));
                case DISCIPLINE_INSPECTION -> Optional.of(org("jw", "纪委监委", type, null));
                case GOVERNMENT -> Optional.of(org("gov", "人民政府", type, null));
                case DEPARTMENT ->
                    "人社".equals(line)
                        ? Optional.of(org("rsj", "人社局", type, line))
                        : "公安".equals(line)
                            ? Optional.of(org("gaj", "公安局", type, line))
                            : Optional.empty();
                default -> Optional.empty();
              });

  private static Organisation org(String id, String name, OrgType type, String line) {
    return new Organisation(id, name, null, OrgLevel.CITY, type, "gov", "210200", line, false);
  }

  private static Map<String, String> answers(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static boolean hasLimit(Route r, int amount, Unit unit, String basis) {
    return r.limits().stream()
        .anyMatch(
            (TimeLimit l) -> l.amount() == amount && l.unit() == unit && l.basis().equals(basis));
  }

  @Test
  @DisplayName("条例 Art. 29: a suggestion goes on the petition form to the petition bureau")
  void suggestion() {
    Route r = map.route(answers("kind", "SUGGEST"));
    assertThat(r.id()).isEqualTo("suggestion");
    assertThat(r.category()).isEqualTo(Category.SUGGESTION);
    assertThat(r.pathway()).isNull();
    assertThat(r.petitionForm()).isTrue();
    assertThat(r.organ().organisationId()).isEqualTo("xfj");
    assertThat(r.basis()).contains("条例 Art. 29");
    assertThat(hasLimit(r, 15, Unit.DAYS, "条例 Art. 22")).isTrue();
  }

  @Test
  @DisplayName(
      "条例 Art. 30: an accusation goes to the discipline inspection organ (12388), never to the accused")
  void accusation() {
    Route r = map.route(answers("kind", "ACCUSE"));
    assertThat(r.id()).isEqualTo("accusation");
    assertThat(r.category()).isEqualTo(Category.ACCUSATION);
    assertThat(r.organ().kind()).isEqualTo("DISCIPLINE_INSPECTION");
    assertThat(r.organ().organisationId()).isEqualTo("jw");
    assertThat(r.hotline()).isEqualTo("12388");
    assertThat(r.petitionForm()).isTrue();
    assertThat(r.basis()).contains("条例 Art. 30", "条例 Art. 30 para. 3");
    assertThat(hasLimit(r, 5, Unit.WORKING_DAYS, "纪检监察机关处理检举控告工作规则")).isTrue();
    // nothing more is asked once the kind is an accusation
    assertThat(map.next(answers("kind", "ACCUSE"))).isEmpty();
  }

  @Test
  @DisplayName("条例 Art. 31 item 1, Art. 28 para. 2: a case before a court follows its procedure")
  void litigationPending() {
    Route r = map.route(answers("kind", "REQUEST", "court", "PENDING"));
    assertThat(r.id()).isEqualTo("litigation-pending");
    assertThat(r.pathway()).isEqualTo(Pathway.LITIGATION);
    assertThat(r.diversion()).isTrue();
    assertThat(r.petitionForm()).isFalse();
    assertThat(r.basis()).contains("条例 Art. 31 item 1", "条例 Art. 28 para. 2");
  }

  @Test
  @DisplayName("条例 Art. 31 item 1: a decided case is appealed (15 days) or retried (6 months)")
  void litigationDecided() {
    Route r = map.route(answers("kind", "REQUEST", "court", "DECIDED"));
    assertThat(r.id()).isEqualTo("litigation-decided");
    assertThat(r.pathway()).isEqualTo(Pathway.LITIGATION);
    assertThat(r.petitionForm()).isFalse();
    assertThat(r.hotline()).isEqualTo("12348");
    assertThat(r.limits())
        .extracting(TimeLimit::key, TimeLimit::amount, TimeLimit::unit)
        .contains(
            org.assertj.core.groups.Tuple.tuple("appeal-judgment", 15, Unit.DAYS),
            org.assertj.core.groups.Tuple.tuple("retrial", 6, Unit.MONTHS));
  }

  @Test
  @DisplayName("刑事诉讼法 Art. 110: a crime is reported to the police")
  void crime() {
    Route r = map.route(answers("kind", "REQUEST", "court", "CRIME"));
    assertThat(r.id()).isEqualTo("crime-report");
    assertThat(r.organ().organisationId()).isEqualTo("gaj");
    assertThat(r.basis()).contains("刑事诉讼法 Art. 110");
    assertThat(r.hotline()).isEqualTo("110");
  }

  @Test
  @DisplayName("条例 Art. 31 item 2; 劳动争议调解仲裁法 Art. 27: labour arbitration within one year")
  void labour() {
    Route r = map.route(answers("kind", "REQUEST", "court", "NO", "dispute", "LABOUR"));
    assertThat(r.id()).isEqualTo("labour-arbitration");
    assertThat(r.pathway()).isEqualTo(Pathway.ARBITRATION);
    assertThat(r.organ().organisationId()).isEqualTo("rsj");
    assertThat(r.petitionForm()).isFalse();
    assertThat(hasLimit(r, 1, Unit.YEARS, "劳动争议调解仲裁法 Art. 27")).isTrue();
    assertThat(hasLimit(r, 15, Unit.DAYS, "劳动争议调解仲裁法 Art. 50")).isTrue();
    assertThat(r.bring()).contains("arbitration-application", "employment-proof");
  }

  @Test
  @DisplayName("农村土地承包经营纠纷调解仲裁法 Art. 18: land contract arbitration within two years")
  void landContract() {
    Route r = map.route(answers("kind", "REQUEST", "court", "NO", "dispute", "LAND_CONTRACT"));
    assertThat(r.id()).isEqualTo("land-contract-arbitration");
    assertThat(r.pathway()).isEqualTo(Pathway.ARBITRATION);
    assertThat(r.organ().organisationId()).isNull();
    assertThat(hasLimit(r, 2, Unit.YEARS, "农村土地承包经营纠纷调解仲裁法 Art. 18")).isTrue();
    assertThat(hasLimit(r, 30, Unit.DAYS, "农村土地承包经营纠纷调解仲裁法 Art. 48")).isTrue();
  }

  @Test
  @DisplayName("仲裁法; 民法典 Art. 188: a contract with an arbitration clause goes to its commission")
  void contractArbitration() {
    Route r =
        map.route(answers("kind", "REQUEST", "court", "NO", "dispute", "CONTRACT_ARBITRATION"));
    assertThat(r.id()).isEqualTo("contract-arbitration");
    assertThat(r.pathway()).isEqualTo(Pathway.ARBITRATION);
    assertThat(hasLimit(r, 3, Unit.YEARS, "民法典 Art. 188")).isTrue();
  }

  @Test
  @DisplayName("条例 Art. 31 item 3: a Party member's appeal goes to the Party organisation")
  void partyAppeal() {
    Route r =
        map.route(answers("kind", "REQUEST", "court", "NO", "dispute", "NONE", "party", "YES"));
    assertThat(r.id()).isEqualTo("party-appeal");
    assertThat(r.pathway()).isEqualTo(Pathway.PARTY_APPEAL);
    assertThat(r.organ().organisationId()).isEqualTo("jw");
    assertThat(r.basis()).contains("条例 Art. 31 item 3");
  }

  @Test
  @DisplayName("行政复议法 Art. 20: 60 days for reconsideration; 行政诉讼法 Art. 46: 6 months to sue")
  void administrativeDecision() {
    Route r =
        map.route(
            answers(
                "kind",
                "REQUEST",
                "court",
                "NO",
                "dispute",
                "NONE",
                "party",
                "NO",
                "admin",
                "DECISION"));
    assertThat(r.id()).isEqualTo("administrative-reconsideration");
    assertThat(r.pathway()).isEqualTo(Pathway.ADMIN_RECONSIDERATION);
    assertThat(r.pathway().item()).isEqualTo(4);
    assertThat(r.organ().organisationId()).isEqualTo("gov");
    assertThat(hasLimit(r, 60, Unit.DAYS, "行政复议法 Art. 20")).isTrue();
    assertThat(hasLimit(r, 6, Unit.MONTHS, "行政诉讼法 Art. 46")).isTrue();
    assertThat(hasLimit(r, 15, Unit.DAYS, "行政诉讼法 Art. 45")).isTrue();
    assertThat(r.petitionForm()).isFalse();
  }

  @Test
  @DisplayName(
      "条例 Art. 31 item 4; 土地管理法 Art. 14: a land rights dispute is ruled on by the government")
  void administrativeRuling() {
    Route r =
        map.route(
            answers(
                "kind", "REQUEST", "court", "NO", "dispute", "NONE", "party", "NO", "admin",
                "RULING"));
    assertThat(r.id()).isEqualTo("administrative-ruling");
    assertThat(r.pathway()).isEqualTo(Pathway.ADMIN_PROCEDURE);
    assertThat(hasLimit(r, 30, Unit.DAYS, "土地管理法 Art. 14")).isTrue();
  }

  @Test
  @DisplayName(
      "条例 Art. 31 item 5: asking an organ to act against unpaid wages leads to 人社, and may be petitioned")
  void dutyPerformance() {
    Map<String, String> a =
        answers(
            "kind", "REQUEST", "court", "NO", "dispute", "NONE", "party", "NO", "admin", "NO",
            "duty", "YES");
    assertThat(map.next(a)).map(Question::key).contains("topic");
    a.put("topic", "WAGES");
    Route r = map.route(a);
    assertThat(r.id()).isEqualTo("duty-performance");
    assertThat(r.pathway()).isEqualTo(Pathway.DUTY_PERFORMANCE);
    assertThat(r.organ().kind()).isEqualTo("LABOUR_INSPECTION");
    assertThat(r.organ().organisationId()).isEqualTo("rsj");
    assertThat(r.basis()).contains("条例 Art. 31 item 5", "劳动保障监察条例 Art. 9");
    assertThat(r.petitionForm()).isTrue();
    assertThat(r.diversion()).isFalse();
  }

  @Test
  @DisplayName(
      "条例 Art. 31 item 6: none of the above is a petition: 60 days, review and re-review 30")
  void petitionHandling() {
    Map<String, String> a =
        answers(
            "kind", "REQUEST", "court", "NO", "dispute", "NONE", "party", "NO", "admin", "NO",
            "duty", "NO");
    assertThat(map.next(a)).isEmpty();
    Route r = map.route(a);
    assertThat(r.id()).isEqualTo("petition-handling");
    assertThat(r.pathway()).isEqualTo(Pathway.PETITION_HANDLING);
    assertThat(r.petitionForm()).isTrue();
    assertThat(r.organ().organisationId()).isEqualTo("xfj");
    assertThat(hasLimit(r, 60, Unit.DAYS, "条例 Art. 34")).isTrue();
    assertThat(hasLimit(r, 30, Unit.DAYS, "条例 Art. 35")).isTrue();
    assertThat(hasLimit(r, 30, Unit.DAYS, "条例 Art. 36")).isTrue();
    // unanswered questions count as "none of these": the same route
    assertThat(map.route(Map.of()).id()).isEqualTo("petition-handling");
  }

  @Test
  @DisplayName(
      "the questions come in the order of 条例 Art. 31; answers that no longer apply are ignored")
  void progression() {
    assertThat(map.next(Map.of())).map(Question::key).contains("kind");
    assertThat(map.next(answers("kind", "REQUEST"))).map(Question::key).contains("court");
    assertThat(map.path(answers("kind", "REQUEST"))).containsOnlyKeys("kind");
    assertThat(map.next(answers("kind", "REQUEST", "court", "NO")))
        .map(Question::key)
        .contains("dispute");
    // a stale answer to a later question does not change an earlier decision
    Map<String, String> a = answers("kind", "REQUEST", "court", "PENDING", "dispute", "LABOUR");
    assertThat(map.route(a).id()).isEqualTo("litigation-pending");
    assertThat(map.path(a)).containsOnlyKeys("kind", "court");
    assertThat(map.questions())
        .extracting(Question::key)
        .containsExactly("kind", "court", "dispute", "party", "admin", "duty", "topic");
  }

  @Test
  @DisplayName("an answer that is not an option is bad input")
  void invalidAnswer() {
    assertThatThrownBy(() -> map.route(answers("kind", "BRIBE")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("kind");
  }
}
