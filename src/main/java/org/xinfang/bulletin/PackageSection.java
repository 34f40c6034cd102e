package org.xinfang.bulletin;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xinfang.leadership.PackageProgress;
import org.xinfang.leadership.Packages;
import org.xinfang.task.Tasks;

/** 领导包案: the packages' progress and their plan steps past due (条例 Art. 7). */
@Component
class PackageSection implements BulletinSection {

  private final Packages packages;
  private final Tasks tasks;
  private final Names names;
  private final Confidential confidential;

  PackageSection(Packages packages, Tasks tasks, Names names, Confidential confidential) {
    this.packages = packages;
    this.tasks = tasks;
    this.names = names;
    this.confidential = confidential;
  }

  @Override
  public String key() {
    return "packages";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Content render(Period p) {
    PackageProgress progress = packages.progress(p.jurisdiction(), p.asOf());
    List<Line> lines =
        tasks.overdue(p.jurisdiction(), p.asOf()).stream()
            .filter(t -> Packages.TASK_SOURCE.equals(t.source()))
            .filter(t -> !confidential.accusation(t.petitionId()))
            .map(
                t ->
                    new Line(
                        names.organisation(t.owedBy())
                            + "：包案计划步骤“"
                            + t.title()
                            + "”应于"
                            + t.due()
                            + "前完成，已逾期"
                            + ChronoUnit.DAYS.between(t.due(), p.asOf())
                            + "日。",
                        t.owedBy(),
                        true))
            .toList();
    return new Content(
        key(),
        "领导包案",
        "在办"
            + progress.open()
            + "件，已化解"
            + progress.resolved()
            + "件，已结案"
            + progress.closed()
            + "件；计划步骤未完成"
            + progress.openSteps()
            + "个，其中逾期"
            + progress.lateSteps()
            + "个。",
        lines);
  }
}
