package org.xinfang.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.xinfang.guide.Question;
import org.xinfang.guide.Route;
import org.xinfang.guide.RouteMap;

/**
 * The route map as a progressive form that works without JavaScript: each step is a GET form
 * carrying the answers so far, until the route is decided.
 */
@Controller
class GuidePage {

  private final RouteMap routeMap;

  GuidePage(RouteMap routeMap) {
    this.routeMap = routeMap;
  }

  @GetMapping("/portal/guide")
  String guide(@RequestParam Map<String, String> params, Model model) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Question q : routeMap.questions()) {
      if (params.containsKey(q.key())) {
        answers.put(q.key(), params.get(q.key()));
      }
    }
    Map<String, String> path = routeMap.path(answers);
    Optional<Question> next = routeMap.next(answers);
    model.addAttribute("path", path);
    model.addAttribute("back", back(path));
    if (next.isPresent()) {
      model.addAttribute("question", next.get());
      model.addAttribute("step", path.size() + 1);
      return "portal/guide";
    }
    Route route = routeMap.route(answers);
    model.addAttribute("route", route);
    return "portal/route";
  }

  /** The link one step back: the same answers without the last one (null on the first step). */
  private static String back(Map<String, String> path) {
    if (path.isEmpty()) {
      return null;
    }
    List<String> keys = List.copyOf(path.keySet());
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/portal/guide");
    for (String k : keys.subList(0, keys.size() - 1)) {
      b.queryParam(k, path.get(k));
    }
    return b.build().toUriString();
  }
}
