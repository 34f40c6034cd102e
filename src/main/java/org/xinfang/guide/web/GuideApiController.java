package org.xinfang.guide.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.guide.Question;
import org.xinfang.guide.Route;
import org.xinfang.guide.RouteMap;

/**
 * The route map for the registration desk and other clients: the questions, the next one, the
 * route.
 */
@RestController
@RequestMapping("/api/guide")
@Tag(name = "Guide", description = "依法依规信访“路线图”: the pathways of 条例 Arts. 29–31")
class GuideApiController {

  private final RouteMap routeMap;

  GuideApiController(RouteMap routeMap) {
    this.routeMap = routeMap;
  }

  @GetMapping("/questions")
  @Operation(summary = "Every question of the route map, in order, with the conditions to ask it")
  List<Question> questions() {
    return routeMap.questions();
  }

  /** The next question (null when decided) and the route the answers lead to so far. */
  record Step(Question next, Map<String, String> path, Route route) {}

  @GetMapping("/route")
  @Operation(
      summary = "The next question and the route for the answers given as query parameters",
      description = "Unanswered questions count as 'none of these' (条例 Art. 31 item 6).")
  Step route(@RequestParam Map<String, String> answers) {
    return new Step(
        routeMap.next(answers).orElse(null), routeMap.path(answers), routeMap.route(answers));
  }
}
