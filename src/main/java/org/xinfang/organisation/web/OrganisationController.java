package org.xinfang.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organisation.CurrentActor;
import org.xinfang.organisation.NewOrganisation;
import org.xinfang.organisation.OrgLevel;
import org.xinfang.organisation.OrgType;
import org.xinfang.organisation.Organisation;
import org.xinfang.organisation.Organisations;
import org.xinfang.organisation.Role;
import org.xinfang.shared.Forbidden;

@Tag(name = "Organisations", description = "The organisation tree and who reviews whom")
@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

  private final Organisations organisations;
  private final CurrentActor currentActor;

  OrganisationController(Organisations organisations, CurrentActor currentActor) {
    this.organisations = organisations;
    this.currentActor = currentActor;
  }

  @Operation(
      summary = "List organisations",
      description = "In tree order; optionally only those of a level, a type or under a parent.")
  @GetMapping
  List<OrganisationView> list(
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String parentId) {
    OrgLevel wantedLevel = Enums.parse(OrgLevel.class, "level", level);
    OrgType wantedType = Enums.parse(OrgType.class, "type", type);
    List<Organisation> candidates =
        parentId == null || parentId.isBlank()
            ? organisations.all()
            : organisations.children(parentId.strip());
    return candidates.stream()
        .filter(o -> wantedLevel == null || o.level() == wantedLevel)
        .filter(o -> wantedType == null || o.type() == wantedType)
        .map(OrganisationView::of)
        .toList();
  }

  @Operation(
      summary = "One organisation",
      description =
          "With reviewOrgans: the organs one level up for review (复查) and re-review (复核), "
              + "the default first (条例 Art. 35, LAW.md §6).")
  @GetMapping("/{id}")
  OrganisationDetail get(@PathVariable String id) {
    Organisation o = organisations.get(id);
    return OrganisationDetail.of(o, organisations.reviewOrgans(id));
  }

  @Operation(summary = "Create an organisation (administrators)")
  @PostMapping
  ResponseEntity<OrganisationDetail> create(@Valid @RequestBody NewOrganisationRequest body) {
    if (!currentActor.get().has(Role.ADMIN)) {
      throw new Forbidden("admin-only", "only administrators create organisations");
    }
    Organisation created =
        organisations.create(
            new NewOrganisation(
                body.id(),
                body.name(),
                body.shortName(),
                Enums.parse(OrgLevel.class, "level", body.level()),
                Enums.parse(OrgType.class, "type", body.type()),
                body.parentId() == null || body.parentId().isBlank() ? null : body.parentId(),
                body.regionCode(),
                body.line(),
                Boolean.TRUE.equals(body.vertical())));
    return ResponseEntity.created(URI.create("/api/organisations/" + created.id()))
        .body(OrganisationDetail.of(created, organisations.reviewOrgans(created.id())));
  }
}
