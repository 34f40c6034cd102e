package org.xinfang.workbench.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinfang.organisation.Actor;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.petition.Category;
import org.xinfang.petition.Channel;
import org.xinfang.petition.DutyKind;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.WorkItem;
import org.xinfang.petition.WorkQuery;
import org.xinfang.supervision.Watch;
import org.xinfang.task.Tasks;

/**
 * My work (我的工作): the duties my organisation owes, soonest due first, with the working days left,
 * filtered and paged in the database.
 */
@Controller
class MyWorkController {

  private final PetitionService petitions;
  private final CurrentActor currentActor;
  private final OrganisationChoices organisations;
  private final WorkingDays workingDays;
  private final Labels labels;
  private final Tasks tasks;
  private final Watch watch;

  MyWorkController(
      PetitionService petitions,
      CurrentActor currentActor,
      OrganisationChoices organisations,
      WorkingDays workingDays,
      Labels labels,
      Tasks tasks,
      Watch watch) {
    this.tasks = tasks;
    this.watch = watch;
    this.petitions = petitions;
    this.currentActor = currentActor;
    this.organisations = organisations;
    this.workingDays = workingDays;
    this.labels = labels;
  }

  /** One line of the work list as the page shows it. */
  public record WorkRow(
      String petitionId,
      String number,
      String subject,
      String duty,
      String category,
      String channel,
      String state,
      String receivedOn,
      String due,
      int daysLeft,
      String urgency,
      boolean provisional,
      boolean optional,
      boolean paused,
      String basis,
      String level) {

    /** The row's CSS classes: overdue / due-soon / provisional. */
    public String classes() {
      return (urgency + (provisional ? " provisional" : "") + (paused ? " paused" : "")).strip();
    }
  }

  /** An assigned duty (conference decision, package step, supervision order) as listed. */
  public record TaskRow(
      String title, String basis, String due, String petitionId, String urgency, String level) {}

  @GetMapping("/")
  String work(
      @RequestParam(required = false) String org,
      @RequestParam(required = false) String duty,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String optional,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      Model model) {
    Actor actor = currentActor.get();
    boolean picks = WorkbenchAdvice.picksOrganisation(actor);
    String owedBy = picks && !Params.blank(org) ? org.strip() : actor.organisationId();
    DutyKind dutyKind = Params.enumOf(DutyKind.class, duty);
    Category cat = Params.enumOf(Category.class, category);
    Channel chan = Params.enumOf(Channel.class, channel);
    String regionPrefix =
        region != null && region.strip().matches("\\d{1,12}") ? region.strip() : null;
    boolean includeOptional = "true".equals(optional);
    int pageNo = Pager.page(page);
    int pageSize = Pager.size(size);

    Map<String, String> filters = new LinkedHashMap<>();
    if (picks) {
      filters.put("org", owedBy);
    }
    filters.put("duty", dutyKind == null ? null : dutyKind.name());
    filters.put("category", cat == null ? null : cat.name());
    filters.put("channel", chan == null ? null : chan.name());
    filters.put("region", regionPrefix);
    filters.put("optional", includeOptional ? "true" : null);

    model.addAttribute("nav", "work");
    model.addAttribute("picksOrganisation", picks);
    model.addAttribute("owedBy", owedBy);
    model.addAttribute("owedByName", organisations.name(owedBy));
    model.addAttribute("filters", filters);
    model.addAttribute("size", pageSize);
    if (picks) {
      model.addAttribute(
          "organisationOptions", SelectOptions.html(organisations.organisations(), owedBy));
    }
    model.addAttribute(
        "dutyOptions",
        Params.options(
            DutyKind.class,
            "duty",
            labels,
            List.of(DutyKind.values()).stream().filter(d -> !d.isPetitionersWindow()).toList()));
    model.addAttribute("categoryOptions", Params.options(Category.class, "category", labels, null));
    model.addAttribute("channelOptions", Params.options(Channel.class, "channel", labels, null));
    model.addAttribute(
        "regionOptions", SelectOptions.html(organisations.regions(true), regionPrefix));
    if (owedBy == null) {
      model.addAttribute("rows", List.of());
      model.addAttribute("tasks", List.of());
      model.addAttribute("pager", Pager.of("/", filters, 1, pageSize, 0));
      return "workbench/work";
    }
    WorkQuery query =
        new WorkQuery(
            owedBy, dutyKind, cat, chan, regionPrefix, includeOptional, pageNo - 1, pageSize);
    Page<WorkItem> found = petitions.workList(query);
    LocalDate today = workingDays.today();
    // the watch level is a function of the due date on a day: graded once per due date on the page
    // (a bureau's oldest duties share a few dates, each graded over up to ten years of days)
    Map<LocalDate, String> badges = new HashMap<>();
    List<WorkRow> rows =
        found.items().stream()
            .map(
                i -> {
                  int left = workingDays.left(today, i.due());
                  return new WorkRow(
                      i.petitionId(),
                      i.number(),
                      i.subject(),
                      labels.of("duty", i.duty()),
                      labels.of("category", i.category()),
                      labels.of("channel", i.channel()),
                      labels.of("state", i.state()),
                      Labels.date(i.receivedOn()),
                      Labels.date(i.due()),
                      left,
                      WorkingDays.urgency(today, i.due(), left),
                      i.provisional(),
                      i.optional(),
                      i.paused(),
                      labels.article(i.basis()),
                      // the deadline watch's level (supervision): warning, overdue 1–3
                      i.paused()
                          ? "NORMAL"
                          : badges.computeIfAbsent(
                              i.due(), due -> watch.grade(due, today).badge()));
                })
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute(
        "tasks",
        tasks.open(owedBy, 100).stream()
            .map(
                t ->
                    new TaskRow(
                        t.title(),
                        t.basis(),
                        Labels.date(t.due()),
                        t.petitionId(),
                        WorkingDays.urgency(today, t.due(), workingDays.left(today, t.due())),
                        badges.computeIfAbsent(t.due(), due -> watch.grade(due, today).badge())))
            .toList());
    model.addAttribute("today", Labels.date(today));
    model.addAttribute(
        "pager", Pager.of("/", filters, pageNo, pageSize, found.total(), query.countLimit()));
    return "workbench/work";
  }
}
