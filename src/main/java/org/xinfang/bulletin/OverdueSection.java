package org.xinfang.bulletin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.xinfang.petition.DutyTimelines;
import org.xinfang.task.Task;
import org.xinfang.task.Tasks;

/**
 * 逾期情况: per organ, the statutory duties past due (the work lists' duties, accusations left out) and
 * the assigned duties past due (conference decisions, supervision …; package steps are in their own
 * section).
 */
@Component
class OverdueSection implements BulletinSection {

  private final DutyTimelines duties;
  private final Tasks tasks;
  private final Names names;
  private final Confidential confidential;

  OverdueSection(DutyTimelines duties, Tasks tasks, Names names, Confidential confidential) {
    this.duties = duties;
    this.tasks = tasks;
    this.names = names;
    this.confidential = confidential;
  }

  @Override
  public String key() {
    return "overdue";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public Content render(Period p) {
    Map<String, List<DutyTimelines.OverdueCount>> statutory = new TreeMap<>();
    for (DutyTimelines.OverdueCount c : duties.overdueByOrganisation(p.jurisdiction(), p.asOf())) {
      statutory.computeIfAbsent(c.owedBy(), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<Task>> assigned = new TreeMap<>();
    for (Task t : tasks.overdue(p.jurisdiction(), p.asOf())) {
      if (!"PACKAGE".equals(t.source()) && !confidential.accusation(t.petitionId())) {
        assigned.computeIfAbsent(t.owedBy(), k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, Integer> totals = new LinkedHashMap<>();
    statutory.forEach(
        (org, list) ->
            totals.merge(org, list.stream().mapToInt(c -> c.count()).sum(), Integer::sum));
    assigned.forEach((org, list) -> totals.merge(org, list.size(), Integer::sum));
    List<Line> lines = new ArrayList<>();
    totals.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> {
              String org = e.getKey();
              StringBuilder s = new StringBuilder(names.organisation(org)).append("：");
              List<DutyTimelines.OverdueCount> st = statutory.getOrDefault(org, List.of());
              if (!st.isEmpty()) {
                int n = st.stream().mapToInt(c -> c.count()).sum();
                s.append("法定职责逾期").append(n).append("项（");
                s.append(
                    String.join(
                        "、",
                        st.stream()
                            .map(
                                c -> Names.DUTY.getOrDefault(c.duty(), c.duty().name()) + c.count())
                            .toList()));
                s.append("），最早")
                    .append(
                        st.stream()
                            .map(DutyTimelines.OverdueCount::oldestDue)
                            .min(Comparator.naturalOrder())
                            .orElseThrow())
                    .append("到期");
              }
              List<Task> as = assigned.getOrDefault(org, List.of());
              if (!as.isEmpty()) {
                if (!st.isEmpty()) s.append("；");
                Map<String, Integer> bySource = new TreeMap<>();
                as.forEach(
                    t ->
                        bySource.merge(
                            Names.SOURCE.getOrDefault(t.source(), t.source()), 1, Integer::sum));
                s.append("交办事项逾期").append(as.size()).append("项（");
                s.append(
                    String.join(
                        "、",
                        bySource.entrySet().stream().map(x -> x.getKey() + x.getValue()).toList()));
                s.append("）");
              }
              s.append("。");
              lines.add(new Line(s.toString(), org, true));
            });
    int total = totals.values().stream().mapToInt(Integer::intValue).sum();
    return new Content(
        key(), "逾期情况", total == 0 ? "无逾期事项。" : totals.size() + "个单位逾期" + total + "项。", lines);
  }
}
