package org.xinfang.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinfang.ledger.ImportReport;
import org.xinfang.ledger.LedgerCase;
import org.xinfang.ledger.LedgerEvent;
import org.xinfang.ledger.LedgerView;
import org.xinfang.ledger.Ledgers;
import org.xinfang.ledger.NewLedger;
import org.xinfang.shared.InvalidInput;

/** Ledgers (台账) over HTTP: open, fill by rules and by hand, follow, export and import. */
@RestController
@RequestMapping("/api/ledgers")
@Tag(
    name = "Ledgers",
    description =
        "台账: campaigns such as 治重访化积案 or 万件化访 — rules select petitions, cases tracked to"
            + " resolution, Excel export and import")
class LedgerController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Ledgers ledgers;

  LedgerController(Ledgers ledgers) {
    this.ledgers = ledgers;
  }

  record AddCase(@Size(max = 64) String petition, @Size(max = 10000) String note) {}

  record RemoveCase(@Size(max = 2000) String reason) {}

  record Note(@Size(max = 10000) String note) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Open a ledger for the caller's organisation and fill it from its rules",
      description =
          "Rules: repeat (重复信访) and backlog (积案, unresolved and older than backlogMonths,"
              + " default xinfang.backlog.months) select either; regionPrefix, category, channel,"
              + " receivedFrom/To and ownerJurisdiction narrow. Only petitions the caller may see"
              + " are selected.")
  LedgerView create(@Valid @RequestBody NewLedger body) {
    return ledgers.create(body);
  }

  @GetMapping
  @Operation(summary = "The ledgers the caller may read, with their live resolution rates")
  List<LedgerView> list() {
    return ledgers.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One ledger: target and live figures (cases, resolved, rate, overdue)")
  LedgerView one(@PathVariable String id) {
    return ledgers.view(id);
  }

  @GetMapping("/{id}/cases")
  @Operation(summary = "The ledger's cases the caller may see, drilled by resolution")
  List<LedgerCase> cases(
      @PathVariable String id,
      @Parameter(description = "ALL, RESOLVED, UNRESOLVED or OVERDUE")
          @RequestParam(required = false)
          String filter) {
    return ledgers.cases(id, filter(filter));
  }

  @PostMapping("/{id}/apply-rules")
  @Operation(
      summary = "Apply the rules again: add new matches (idempotent; manual cases never dropped)")
  Ledgers.Applied apply(@PathVariable String id) {
    return ledgers.applyRules(id);
  }

  @PostMapping("/{id}/cases")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a petition by hand (by number or id; only one the caller may see)")
  LedgerCase add(@PathVariable String id, @Valid @RequestBody AddCase body) {
    return ledgers.addCase(id, body.petition(), body.note());
  }

  @PostMapping("/{id}/cases/{petitionId}/remove")
  @Operation(summary = "Take a case off the ledger, with the reason (kept in the history)")
  ResponseEntity<Void> remove(
      @PathVariable String id, @PathVariable String petitionId, @RequestBody RemoveCase body) {
    ledgers.removeCase(id, petitionId, body == null ? null : body.reason());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/cases/{petitionId}/note")
  @Operation(summary = "Record the ledger's note on a case (化解情况/备注)")
  LedgerCase note(
      @PathVariable String id, @PathVariable String petitionId, @Valid @RequestBody Note body) {
    return ledgers.note(id, petitionId, body == null ? null : body.note());
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Every act on the ledger, with actor and time")
  List<LedgerEvent> history(@PathVariable String id) {
    return ledgers.history(id);
  }

  @GetMapping("/{id}/export.xlsx")
  @Operation(summary = "The ledger as the bureaus' Excel workbook (columns named in Chinese)")
  ResponseEntity<byte[]> export(@PathVariable String id) {
    LedgerView v = ledgers.view(id);
    return workbook(v.ledger().name(), ledgers.export(id));
  }

  @PostMapping(value = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Read a workbook back: preview (apply=false, default) or apply the changes",
      description =
          "Rows are matched by 信访编号: 化解情况/备注 updated, unknown numbers added where visible,"
              + " cases missing from the workbook removed only with confirmRemovals=true; each"
              + " refused row is reported with its reason.")
  ImportReport importWorkbook(
      @PathVariable String id,
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean apply,
      @RequestParam(defaultValue = "false") boolean confirmRemovals) {
    return ledgers.importWorkbook(id, bytes(file), apply, confirmRemovals);
  }

  static Ledgers.Filter filter(String filter) {
    if (filter == null || filter.isBlank()) {
      return Ledgers.Filter.ALL;
    }
    try {
      return Ledgers.Filter.valueOf(filter.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("filter", "ALL, RESOLVED, UNRESOLVED or OVERDUE");
    }
  }

  static byte[] bytes(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw new InvalidInput("file", "an Excel workbook (.xlsx)");
    }
    if (file.getSize() > 5L * 1024 * 1024) {
      throw new InvalidInput("file", "at most 5 MB");
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new InvalidInput("file", "could not be read");
    }
  }

  static ResponseEntity<byte[]> workbook(String name, byte[] bytes) {
    String filename = "台账-" + name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }
}
