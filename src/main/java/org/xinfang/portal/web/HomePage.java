package org.xinfang.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page: what a citizen can do here (条例 Art. 18: the channels made public). */
@Controller
class HomePage {

  @GetMapping({"/portal", "/portal/"})
  String home() {
    return "portal/home";
  }
}
