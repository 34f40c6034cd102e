package org.xinfang.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.audit.Anchors;

/** Anchors of the chains (docs/audit.md): write one now; export them all. */
@RestController
@Tag(name = "Integrity", description = "The hash-chained history (administrators, supervisors)")
class AnchorController {

  private final Anchors anchors;

  AnchorController(Anchors anchors) {
    this.anchors = anchors;
  }

  @PostMapping("/api/audit/anchors")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Anchor the heads of every chain that moved since the last anchor")
  Anchors.Anchor anchor() {
    return anchors.anchor();
  }

  @GetMapping("/api/audit/anchors")
  @Operation(
      summary = "Every anchor with its digest, oldest first, to be kept outside the database")
  List<Anchors.Anchor> list() {
    return anchors.list();
  }
}
