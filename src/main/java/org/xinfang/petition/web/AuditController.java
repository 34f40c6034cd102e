package org.xinfang.petition.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.petition.PetitionService;

/** API.md Integrity: walk the history chain and name the first broken link. */
@RestController
@Tag(name = "Integrity", description = "The hash-chained history (administrators, supervisors)")
class AuditController {

  private final PetitionService petitions;

  AuditController(PetitionService petitions) {
    this.petitions = petitions;
  }

  @GetMapping("/api/audit/verify")
  @Operation(
      summary =
          "Verify the history chain, the attachments and the anchors: {intact, checked} or"
              + " {intact:false, firstBroken}; expect: an anchor digest kept outside the database")
  PetitionService.ChainReport verify(@RequestParam(required = false) String expect) {
    return petitions.verifyHistory(expect);
  }
}
