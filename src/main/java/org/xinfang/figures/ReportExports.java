package org.xinfang.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.xinfang.notice.Pdf;
import org.xinfang.organisation.OrgLevel;

/**
 * The assessment (考核, 条例 Art. 39) and the annual report (条例 Art. 41) as an Excel workbook (column
 * names in Chinese) and as a PDF (with the embedded CJK font). Each export is recorded in the
 * module's history.
 */
@Service
public class ReportExports {

  /** A file to download. */
  public record Document(String filename, byte[] bytes) {}

  private static final Map<OrgLevel, String> LEVELS =
      Map.of(
          OrgLevel.PROVINCE, "省级",
          OrgLevel.CITY, "市级",
          OrgLevel.COUNTY, "县级",
          OrgLevel.TOWNSHIP, "乡镇（街道）",
          OrgLevel.VILLAGE, "村（社区）");

  private final Assessment assessment;
  private final AnnualReport annual;
  private final Pdf pdf;

  ReportExports(Assessment assessment, AnnualReport annual, Pdf pdf) {
    this.assessment = assessment;
    this.annual = annual;
    this.pdf = pdf;
  }

  // ------------------------------------------------------------------ assessment

  /** The ranking of the organisations under the period's organisation as a workbook. */
  public Document assessmentXlsx(Figures.Period p, String type) {
    Assessment.Ranking r = assessment.ranking(p, type);
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = bold(wb);
      Sheet sheet = wb.createSheet("考核排名");
      title(sheet, bold, r.parentName() + "信访工作考核（" + r.from() + " 至 " + r.to() + "）");
      List<String> keys = List.copyOf(r.weights().keySet());
      Row head = sheet.createRow(2);
      int c = 0;
      for (String h : List.of("排名", "单位", "综合得分")) {
        text(head, c++, h, bold);
      }
      for (String k : keys) {
        text(head, c++, Assessment.NAMES.get(k) + "得分", bold);
      }
      for (String k : keys) {
        text(head, c++, Assessment.NAMES.get(k), bold);
      }
      int rowIndex = 3;
      for (Assessment.Ranked ranked : r.rows()) {
        scoreRow(sheet.createRow(rowIndex++), ranked.rank(), ranked.report(), keys);
      }
      scoreRow(sheet.createRow(rowIndex + 1), -1, r.parentReport(), keys);
      Sheet weights = wb.createSheet("权重与计分");
      Row wh = weights.createRow(0);
      text(wh, 0, "指标", bold);
      text(wh, 1, "权重", bold);
      text(wh, 2, "计分方法", bold);
      text(wh, 3, "计算公式", bold);
      int i = 1;
      for (Assessment.Score s : r.parentReport().scores()) {
        Row row = weights.createRow(i++);
        text(row, 0, s.name(), null);
        row.createCell(1).setCellValue(s.weight());
        text(row, 2, s.scoring(), null);
        text(row, 3, s.figure().formula(), null);
      }
      text(weights.createRow(i + 1), 0, "综合得分 = " + r.parentReport().formula(), null);
      for (int col = 0; col < 3 + 2 * keys.size(); col++) {
        sheet.setColumnWidth(col, col == 1 ? 28 * 256 : 16 * 256);
      }
      weights.setColumnWidth(0, 20 * 256);
      weights.setColumnWidth(3, 80 * 256);
      wb.write(out);
      assessment.exported(p, "xlsx");
      return new Document("assessment-" + r.parent() + "-" + r.from() + ".xlsx", out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scoreRow(Row row, int rank, Assessment.Report rep, List<String> keys) {
    int c = 0;
    if (rank > 0) {
      row.createCell(c++).setCellValue(rank);
    } else {
      text(row, c++, rank == 0 ? "—" : "合计", null);
    }
    text(row, c++, rep.organisationName(), null);
    number(row, c++, rep.total());
    for (String k : keys) {
      number(row, c++, score(rep, k).score());
    }
    for (String k : keys) {
      Assessment.Score s = score(rep, k);
      text(
          row,
          c++,
          s.figure().numerator()
              + "/"
              + s.figure().denominator()
              + (s.figure().value() == null ? "" : " = " + percent(s.figure().value())),
          null);
    }
  }

  /** The ranking as a PDF. */
  public Document assessmentPdf(Figures.Period p, String type) {
    Assessment.Ranking r = assessment.ranking(p, type);
    List<String> keys = List.copyOf(r.weights().keySet());
    StringBuilder h = new StringBuilder();
    String title = r.parentName() + "信访工作考核";
    start(h, title, "考核期间：" + r.from() + " 至 " + r.to() + "　依据：《信访工作条例》第三十九条");
    h.append("<table><thead><tr><th>排名</th><th>单位</th><th>综合得分</th>");
    for (String k : keys) {
      h.append("<th>").append(esc(Assessment.NAMES.get(k))).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (Assessment.Ranked row : r.rows()) {
      pdfRow(h, row.rank() == 0 ? "—" : String.valueOf(row.rank()), row.report(), keys);
    }
    pdfRow(h, "合计", r.parentReport(), keys);
    h.append("</tbody></table><h2>权重与计分</h2><table><thead><tr><th>指标</th><th>权重</th>")
        .append("<th>计算公式</th></tr></thead><tbody>");
    for (Assessment.Score s : r.parentReport().scores()) {
      h.append("<tr><td>")
          .append(esc(s.name()))
          .append("</td><td>")
          .append(fmt(s.weight()))
          .append("</td><td class=\"l\">")
          .append(esc(s.figure().formula()))
          .append("；得分 = ")
          .append(esc(s.scoring()))
          .append("</td></tr>");
    }
    h.append("</tbody></table><p>综合得分 = ").append(esc(r.parentReport().formula())).append("</p>");
    end(h);
    byte[] bytes = pdf.render(h.toString(), new Pdf.Info(title, r.parentName(), "考核", r.to()));
    assessment.exported(p, "pdf");
    return new Document("assessment-" + r.parent() + "-" + r.from() + ".pdf", bytes);
  }

  private static void pdfRow(
      StringBuilder h, String rank, Assessment.Report rep, List<String> keys) {
    h.append("<tr><td>")
        .append(rank)
        .append("</td><td class=\"l\">")
        .append(esc(rep.organisationName()))
        .append("</td><td><b>")
        .append(rep.total() == null ? "—" : rep.total().toPlainString())
        .append("</b></td>");
    for (String k : keys) {
      BigDecimal s = score(rep, k).score();
      h.append("<td>").append(s == null ? "—" : s.toPlainString()).append("</td>");
    }
    h.append("</tr>");
  }

  // ------------------------------------------------------------------ annual report

  /** The annual report as a workbook, one sheet per item of Art. 41. */
  public Document annualXlsx(Figures.Period p) {
    AnnualReport.Report r = annual.report(p);
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = bold(wb);
      Sheet s1 = wb.createSheet("一、数据统计");
      title(s1, bold, r.title());
      text(s1.createRow(1), 0, "报送：" + r.reportTo() + "　依据：《信访工作条例》第四十一条", null);
      int i = 3;
      i = header(s1, i, bold, "指标", "数值", "分子", "分母", "计算公式");
      for (String key : Figures.KEYS) {
        Figure f = (Figure) r.statistics().figures().get(key);
        Row row = s1.createRow(i++);
        text(row, 0, Assessment.NAMES.get(key), null);
        text(row, 1, shown(key, f), null);
        row.createCell(2).setCellValue(f.numerator());
        if (f.denominator() != null) {
          row.createCell(3).setCellValue(f.denominator());
        }
        text(row, 4, f.formula(), null);
      }
      i = cells(s1, i + 1, bold, "信访渠道", r.statistics().channels());
      i = cells(s1, i + 1, bold, "问题类别（涉及领域）", r.statistics().categories());
      i = cells(s1, i + 1, bold, "内容分类（前十）", r.statistics().topics());
      i = cells(s1, i + 1, bold, "所属地区（前十）", r.statistics().regions());
      i = orgs(s1, i + 1, bold, "被投诉较多的机关、单位", "承办事项数", r.statistics().mostComplainedAbout());
      s1.setColumnWidth(0, 28 * 256);
      s1.setColumnWidth(4, 80 * 256);

      Sheet s2 = wb.createSheet("二、转送交办督办");
      int j = header(s2, 0, bold, "项目", "件数");
      j = pair(s2, j, "转送", r.routing().forwarded());
      j = pair(s2, j, "交办", r.routing().assigned());
      if (r.routing().orders() == null) {
        text(s2.createRow(j++), 0, "督办：本系统未记录督办件", null);
      } else {
        j = pair(s2, j, "督办件", r.routing().orders().issued());
        j = pair(s2, j, "督办已书面反馈", r.routing().orders().answered());
        pair(s2, j, "督办逾期未反馈", r.routing().orders().late());
      }
      s2.setColumnWidth(0, 28 * 256);

      Sheet s3 = wb.createSheet("三、建议及采纳");
      int k = header(s3, 0, bold, "建议类型", "提出", "采纳");
      if (r.recommendations() == null) {
        text(s3.createRow(k), 0, "本系统未记录改进工作、完善政策、追究责任建议", null);
      } else {
        for (SupervisionSource.Recommendations rec : r.recommendations()) {
          Row row = s3.createRow(k++);
          text(row, 0, recommendation(rec.kind()), null);
          row.createCell(1).setCellValue(rec.made());
          row.createCell(2).setCellValue(rec.adopted());
        }
      }
      s3.setColumnWidth(0, 28 * 256);

      Sheet s4 = wb.createSheet("四、其他事项");
      int m = header(s4, 0, bold, "化解层级", "办结", "化解");
      for (Map.Entry<OrgLevel, long[]> e : r.other().resolvedAtLevel().entrySet()) {
        Row row = s4.createRow(m++);
        text(row, 0, LEVELS.get(e.getKey()), null);
        row.createCell(1).setCellValue(e.getValue()[0]);
        row.createCell(2).setCellValue(e.getValue()[1]);
      }
      m = header(s4, m + 1, bold, "台账", "案件数", "已化解", "清零");
      for (Figures.LedgerCount l : r.other().ledgers()) {
        Row row = s4.createRow(m++);
        text(row, 0, l.name(), null);
        row.createCell(1).setCellValue(l.cases());
        row.createCell(2).setCellValue(l.resolved());
        text(row, 3, l.cleared() ? "是" : "否", null);
      }
      m = header(s4, m + 1, bold, "零访村（社区）、乡镇（街道）", "层级");
      for (Figures.OrgCount o : r.other().zeroPetitionAreas()) {
        Row row = s4.createRow(m++);
        text(row, 0, o.name(), null);
        text(row, 1, o.level() == null ? "" : LEVELS.get(o.level()), null);
      }
      m = orgs(s4, m + 1, bold, "超期未办结较多的单位", "超期件数", r.other().topOverdue());
      m = header(s4, m + 1, bold, "年度", "批次", "人次");
      for (Figures.YearVolume y : r.other().trend()) {
        Row row = s4.createRow(m++);
        row.createCell(0).setCellValue(y.calendarYear());
        row.createCell(1).setCellValue(y.batches());
        row.createCell(2).setCellValue(y.persons());
      }
      s4.setColumnWidth(0, 32 * 256);
      wb.write(out);
      annual.generated(p, "xlsx");
      return new Document(
          "annual-report-" + r.organisation() + "-" + r.reportYear() + ".xlsx", out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The annual report as a PDF. */
  public Document annualPdf(Figures.Period p) {
    AnnualReport.Report r = annual.report(p);
    StringBuilder h = new StringBuilder();
    start(h, r.title(), "报送：" + r.reportTo() + "　依据：《信访工作条例》第四十一条　生成日期：" + r.generatedOn());
    h.append("<h2>一、信访事项的数据统计、涉及领域以及被投诉较多的机关、单位</h2>");
    h.append("<table><thead><tr><th>指标</th><th>数值</th><th>分子/分母</th><th>计算公式</th></tr>")
        .append("</thead><tbody>");
    for (String key : Figures.KEYS) {
      Figure f = (Figure) r.statistics().figures().get(key);
      h.append("<tr><td class=\"l\">")
          .append(esc(Assessment.NAMES.get(key)))
          .append("</td><td>")
          .append(esc(shown(key, f)))
          .append("</td><td>")
          .append(f.numerator())
          .append(f.denominator() == null ? "" : "/" + f.denominator())
          .append("</td><td class=\"l small\">")
          .append(esc(f.formula()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    pdfCells(h, "信访渠道", r.statistics().channels());
    pdfCells(h, "问题类别（涉及领域）", r.statistics().categories());
    pdfCells(h, "内容分类（前十）", r.statistics().topics());
    pdfCells(h, "所属地区（前十）", r.statistics().regions());
    pdfOrgs(h, "被投诉较多的机关、单位（承办事项数）", r.statistics().mostComplainedAbout());
    h.append("<h2>二、党委和政府信访部门转送、交办、督办情况</h2><p>转送 ")
        .append(r.routing().forwarded())
        .append(" 件，交办 ")
        .append(r.routing().assigned())
        .append(" 件。");
    if (r.routing().orders() == null) {
      h.append("本系统未记录督办件。");
    } else {
      h.append("督办 ")
          .append(r.routing().orders().issued())
          .append(" 件，已书面反馈 ")
          .append(r.routing().orders().answered())
          .append(" 件，逾期未反馈 ")
          .append(r.routing().orders().late())
          .append(" 件。");
    }
    h.append("</p><h2>三、提出改进工作、完善政策、追究责任建议以及被采纳情况</h2>");
    if (r.recommendations() == null) {
      h.append("<p>本系统未记录改进工作、完善政策、追究责任建议。</p>");
    } else {
      h.append("<table><thead><tr><th>建议类型</th><th>提出</th><th>采纳</th></tr></thead><tbody>");
      for (SupervisionSource.Recommendations rec : r.recommendations()) {
        h.append("<tr><td class=\"l\">")
            .append(esc(recommendation(rec.kind())))
            .append("</td><td>")
            .append(rec.made())
            .append("</td><td>")
            .append(rec.adopted())
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("<h2>四、其他应当报告的事项</h2><h3>化解层级（小事不出村、大事不出镇、矛盾不上交）</h3>")
        .append("<table><thead><tr><th>层级</th><th>办结</th><th>化解</th></tr></thead><tbody>");
    r.other()
        .resolvedAtLevel()
        .forEach(
            (level, c) ->
                h.append("<tr><td class=\"l\">")
                    .append(LEVELS.get(level))
                    .append("</td><td>")
                    .append(c[0])
                    .append("</td><td>")
                    .append(c[1])
                    .append("</td></tr>"));
    h.append("</tbody></table><h3>台账化解与清零</h3>");
    if (r.other().ledgers().isEmpty()) {
      h.append("<p>无。</p>");
    } else {
      h.append("<table><thead><tr><th>台账</th><th>案件数</th><th>已化解</th><th>清零</th></tr>")
          .append("</thead><tbody>");
      for (Figures.LedgerCount l : r.other().ledgers()) {
        h.append("<tr><td class=\"l\">")
            .append(esc(l.name()))
            .append("</td><td>")
            .append(l.cases())
            .append("</td><td>")
            .append(l.resolved())
            .append("</td><td>")
            .append(l.cleared() ? "是" : "否")
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("<h3>零访村（社区）、乡镇（街道）</h3><p>");
    if (r.other().zeroPetitionAreas().isEmpty()) {
      h.append("无。");
    } else {
      h.append(r.other().zeroPetitionAreas().size()).append(" 个：");
      h.append(
          esc(
              String.join(
                  "、",
                  r.other().zeroPetitionAreas().stream().map(Figures.OrgCount::name).toList())));
    }
    h.append("</p>");
    pdfOrgs(h, "超期未办结较多的单位（超期件数）", r.other().topOverdue());
    h.append("<h3>近五年信访总量</h3><table><thead><tr><th>年度</th><th>批次</th><th>人次</th></tr>")
        .append("</thead><tbody>");
    for (Figures.YearVolume y : r.other().trend()) {
      h.append("<tr><td>")
          .append(y.calendarYear())
          .append("</td><td>")
          .append(y.batches())
          .append("</td><td>")
          .append(y.persons())
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    end(h);
    byte[] bytes =
        pdf.render(
            h.toString(),
            new Pdf.Info(r.title(), r.organisationName(), "条例第四十一条年度报告", r.generatedOn()));
    annual.generated(p, "pdf");
    return new Document("annual-report-" + r.organisation() + "-" + r.reportYear() + ".pdf", bytes);
  }

  // ------------------------------------------------------------------ helpers

  static String recommendation(String kind) {
    return switch (kind) {
      case "IMPROVE_WORK" -> "改进工作建议";
      case "PERFECT_POLICY" -> "完善政策建议";
      case "ACCOUNTABILITY" -> "追究责任建议";
      default -> kind;
    };
  }

  /** A figure as shown: a count, or a percentage ("—" when nothing was due). */
  public static String shownValue(String key, Figure f) {
    return shown(key, f);
  }

  static String shown(String key, Figure f) {
    if (f.denominator() == null) {
      return String.valueOf(f.numerator());
    }
    return f.value() == null ? "—" : percent(f.value());
  }

  static String percent(BigDecimal v) {
    return v.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString()
        + "%";
  }

  private static Assessment.Score score(Assessment.Report r, String key) {
    return r.scores().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }

  private static void start(StringBuilder h, String title, String subtitle) {
    h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
        .append(esc(title))
        .append("</title><style>@page { size: A4 landscape; margin: 15mm; } body { font-family: '")
        .append(Pdf.FONT_FAMILY)
        .append("'; font-size: 10pt; } h1 { text-align: center; font-size: 16pt; }")
        .append(" h2 { font-size: 12pt; margin-top: 12pt; } h3 { font-size: 11pt; }")
        .append(" .sub { text-align: center; } table { border-collapse: collapse; width: 100%; }")
        .append(" th, td { border: 0.5pt solid #333; padding: 2pt 4pt; text-align: center; }")
        .append(" td.l { text-align: left; } .small { font-size: 8pt; }</style></head><body><h1>")
        .append(esc(title))
        .append("</h1><p class=\"sub\">")
        .append(esc(subtitle))
        .append("</p>");
  }

  private static void end(StringBuilder h) {
    h.append("</body></html>");
  }

  private static void pdfCells(StringBuilder h, String caption, List<Figures.Cell> cells) {
    h.append("<h3>")
        .append(esc(caption))
        .append("</h3><table><thead><tr><th>项目</th><th>批次</th><th>人次</th></tr></thead><tbody>");
    for (Figures.Cell c : cells) {
      h.append("<tr><td class=\"l\">")
          .append(esc(c.label()))
          .append("</td><td>")
          .append(c.suppressed() ? "&lt;3" : String.valueOf(c.count()))
          .append("</td><td>")
          .append(c.suppressed() ? "—" : String.valueOf(c.persons()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private static void pdfOrgs(StringBuilder h, String caption, List<Figures.OrgCount> orgs) {
    h.append("<h3>").append(esc(caption)).append("</h3>");
    if (orgs.isEmpty()) {
      h.append("<p>无。</p>");
      return;
    }
    h.append("<table><thead><tr><th>单位</th><th>件数</th></tr></thead><tbody>");
    for (Figures.OrgCount o : orgs) {
      h.append("<tr><td class=\"l\">")
          .append(esc(o.name()))
          .append("</td><td>")
          .append(o.count())
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private static CellStyle bold(XSSFWorkbook wb) {
    CellStyle style = wb.createCellStyle();
    Font font = wb.createFont();
    font.setBold(true);
    style.setFont(font);
    return style;
  }

  private static void title(Sheet sheet, CellStyle bold, String title) {
    text(sheet.createRow(0), 0, title, bold);
  }

  private static int header(Sheet sheet, int at, CellStyle bold, String... names) {
    Row row = sheet.createRow(at);
    for (int i = 0; i < names.length; i++) {
      text(row, i, names[i], bold);
    }
    return at + 1;
  }

  private static int pair(Sheet sheet, int at, String label, long n) {
    Row row = sheet.createRow(at);
    text(row, 0, label, null);
    row.createCell(1).setCellValue(n);
    return at + 1;
  }

  private static int cells(
      Sheet sheet, int at, CellStyle bold, String caption, List<Figures.Cell> cells) {
    int i = header(sheet, at, bold, caption, "批次", "人次");
    for (Figures.Cell c : cells) {
      Row row = sheet.createRow(i++);
      text(row, 0, c.label(), null);
      if (c.suppressed()) {
        text(row, 1, "<3", null);
      } else {
        row.createCell(1).setCellValue(c.count());
        row.createCell(2).setCellValue(c.persons());
      }
    }
    return i;
  }

  private static int orgs(
      Sheet sheet,
      int at,
      CellStyle bold,
      String caption,
      String countName,
      List<Figures.OrgCount> orgs) {
    int i = header(sheet, at, bold, caption, countName);
    for (Figures.OrgCount o : orgs) {
      Row row = sheet.createRow(i++);
      text(row, 0, o.name(), null);
      row.createCell(1).setCellValue(o.count());
    }
    return i;
  }

  private static void text(Row row, int col, String value, CellStyle style) {
    Cell cell = row.createCell(col);
    cell.setCellValue(value == null ? "" : value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void number(Row row, int col, BigDecimal value) {
    Cell cell = row.createCell(col);
    if (value == null) {
      cell.setCellValue("—");
    } else {
      cell.setCellValue(value.doubleValue());
    }
  }
}
