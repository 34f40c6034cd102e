package org.xinfang.figures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.figures.AnnualReport;
import org.xinfang.figures.Assessment;
import org.xinfang.figures.Figures;
import org.xinfang.figures.ReportExports;
import org.xinfang.shared.InvalidInput;

/**
 * The assessment (考核, 条例 Art. 39) and the annual report (条例 Art. 41) over HTTP, as JSON, Excel and
 * PDF. Scoped as /api/figures: the reader's own organisation's subtree, a supervisor's or leader's
 * jurisdiction; else 403.
 */
@RestController
@RequestMapping("/api/figures")
@Tag(name = "Figures", description = "LAW.md §9 figures for an organisation's subtree and period")
class ReportsController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Figures figures;
  private final Assessment assessment;
  private final AnnualReport annual;
  private final ReportExports exports;

  ReportsController(
      Figures figures, Assessment assessment, AnnualReport annual, ReportExports exports) {
    this.figures = figures;
    this.assessment = assessment;
    this.annual = annual;
    this.exports = exports;
  }

  @GetMapping("/assessment")
  @Operation(
      summary = "The assessment (考核, 条例 Art. 39) of an organisation's subtree for a period",
      description =
          "Each scored figure with its weight (xinfang.assessment.weights.<key>) and score 0–100"
              + " (rate × 100; repeat rate (1 − rate) × 100; null when nothing was due), and the"
              + " total Σ weight × score ÷ Σ weight over the figures assessed.")
  Assessment.Report assessment(
      @Parameter(description = "organisation id") @RequestParam(required = false)
          String organisation,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String from,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String to) {
    return assessment.report(period(organisation, from, to));
  }

  @GetMapping("/assessment/ranking")
  @Operation(
      summary = "The organisations directly under one, assessed and ranked",
      description =
          "E.g. organisation=dl-gov&type=GOVERNMENT ranks the district governments of the city;"
              + " equal totals share a rank; rank 0 when nothing could be assessed. The parent's own"
              + " assessment as parentReport.")
  Assessment.Ranking ranking(
      @Parameter(description = "the parent organisation id") @RequestParam(required = false)
          String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @Parameter(description = "only children of this type (GOVERNMENT, DEPARTMENT, …)")
          @RequestParam(required = false)
          String type) {
    return assessment.ranking(period(organisation, from, to), type);
  }

  @GetMapping("/assessment/ranking.xlsx")
  @Operation(summary = "The ranking as an Excel workbook (columns in Chinese)")
  ResponseEntity<byte[]> rankingXlsx(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String type) {
    return download(exports.assessmentXlsx(period(organisation, from, to), type), XLSX);
  }

  @GetMapping("/assessment/ranking.pdf")
  @Operation(summary = "The ranking as a PDF")
  ResponseEntity<byte[]> rankingPdf(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String type) {
    return download(
        exports.assessmentPdf(period(organisation, from, to), type), MediaType.APPLICATION_PDF);
  }

  @GetMapping("/annual-report")
  @Operation(
      summary = "The annual report on petition work (条例 Art. 41) for an organisation and a year",
      description =
          "statistics (Art. 41 item 1: figures, channels, categories, topics, regions, the organs"
              + " most complained about), routing (item 2: forwarded, assigned, supervision"
              + " orders), recommendations (item 3; null when the record holds none), other (item"
              + " 4).")
  AnnualReport.Report annualReport(
      @RequestParam(required = false) String organisation,
      @Parameter(description = "the calendar year, YYYY") @RequestParam(required = false)
          String year) {
    return annual.report(annualPeriod(organisation, year));
  }

  @GetMapping("/annual-report.xlsx")
  @Operation(summary = "The annual report (条例 Art. 41) as an Excel workbook")
  ResponseEntity<byte[]> annualXlsx(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String year) {
    return download(exports.annualXlsx(annualPeriod(organisation, year)), XLSX);
  }

  @GetMapping("/annual-report.pdf")
  @Operation(summary = "The annual report (条例 Art. 41) as a PDF")
  ResponseEntity<byte[]> annualPdf(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String year) {
    return download(exports.annualPdf(annualPeriod(organisation, year)), MediaType.APPLICATION_PDF);
  }

  Figures.Period period(String organisation, String from, String to) {
    if (organisation == null || organisation.isBlank()) {
      throw new InvalidInput("organisation", "required");
    }
    return figures.period(
        organisation, FiguresController.date("from", from), FiguresController.date("to", to));
  }

  Figures.Period annualPeriod(String organisation, String year) {
    if (organisation == null || organisation.isBlank()) {
      throw new InvalidInput("organisation", "required");
    }
    return annual.period(organisation, year(year));
  }

  static Integer year(String year) {
    if (year == null || year.isBlank()) {
      throw new InvalidInput("year", "required (YYYY)");
    }
    try {
      return Integer.valueOf(year.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("year", "not a year (YYYY): " + year);
    }
  }

  static ResponseEntity<byte[]> download(ReportExports.Document d, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(d.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(d.bytes());
  }
}
