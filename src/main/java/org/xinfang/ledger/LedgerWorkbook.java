package org.xinfang.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ledger as the Excel workbook bureaus keep: a title row (台账名称, period), then one row per case
 * under Chinese column names. Reading one back takes only the case number and the note; everything
 * else is the petition's own record and is never taken from a workbook.
 */
final class LedgerWorkbook {

  static final String NUMBER = "信访编号";
  static final String NOTE = "化解情况/备注";
  static final List<String> COLUMNS =
      List.of(
          "序号", NUMBER, "信访人", "所属地区", "问题类别", "反映问题", "责任单位", "包案领导", "办理状态", "是否办结", "是否化解", NOTE,
          "最近办理日期");

  /** The largest workbook accepted (the upload, compressed). */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The most case rows a workbook may hold. */
  static final int MAX_ROWS = 5000;

  static final int MAX_NOTE = 10_000;

  static {
    // zip bombs: refuse entries that inflate more than 100× or beyond 20 MB (POI's own guard)
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
  }

  private LedgerWorkbook() {}

  /** One case row of an export, already in words. */
  record ExportRow(
      String number,
      String petitioner,
      String region,
      String category,
      String subject,
      String holder,
      String leader,
      String state,
      boolean concluded,
      boolean resolved,
      String note,
      LocalDate lastActOn) {}

  static byte[] write(String title, String period, List<ExportRow> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("台账");
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle heading = wb.createCellStyle();
      heading.setFont(bold);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      CellStyle titleStyle = wb.createCellStyle();
      titleStyle.setFont(big);
      Row t = sheet.createRow(0);
      Cell tc = t.createCell(0);
      tc.setCellValue("台账名称：" + title);
      tc.setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
      sheet.createRow(1).createCell(0).setCellValue("期间：" + period);
      sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, COLUMNS.size() - 1));
      Row h = sheet.createRow(2);
      for (int i = 0; i < COLUMNS.size(); i++) {
        Cell c = h.createCell(i);
        c.setCellValue(COLUMNS.get(i));
        c.setCellStyle(heading);
      }
      int r = 3;
      for (ExportRow e : rows) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(r - 2);
        text(row, 1, e.number());
        text(row, 2, e.petitioner());
        text(row, 3, e.region());
        text(row, 4, e.category());
        text(row, 5, e.subject());
        text(row, 6, e.holder());
        text(row, 7, e.leader());
        text(row, 8, e.state());
        text(row, 9, e.concluded() ? "是" : "否");
        text(row, 10, e.resolved() ? "是" : "否");
        text(row, 11, e.note());
        text(row, 12, e.lastActOn() == null ? "" : e.lastActOn().toString());
        r++;
      }
      int[] widths = {6, 24, 10, 16, 14, 40, 24, 12, 16, 10, 10, 40, 14};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 3);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing the ledger workbook failed", e);
    }
  }

  /** A value is always written as text: a note starting with = is not a formula. */
  private static void text(Row row, int col, String value) {
    row.createCell(col, CellType.STRING).setCellValue(value == null ? "" : value);
  }

  /**
   * One case row read back.
   *
   * @param row the row as Excel numbers it (1-based)
   * @param note null when the workbook has no note column
   * @param problem why the row cannot be used (malformed), or null
   */
  record ImportRow(int row, String number, String note, String problem) {}

  /** Why a whole workbook is refused. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Reads the case rows of a workbook: the header row is found by its 信访编号 column (within the first
   * 20 rows); formulas are never evaluated and are refused where a value is read.
   */
  static List<ImportRow> read(byte[] bytes) throws Unreadable {
    if (bytes == null || bytes.length == 0) {
      throw new Unreadable("empty file");
    }
    if (bytes.length > MAX_BYTES) {
      throw new Unreadable("larger than " + (MAX_BYTES / 1024 / 1024) + " MB");
    }
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      if (wb.getNumberOfSheets() == 0) {
        throw new Unreadable("no sheet");
      }
      Sheet sheet = wb.getSheetAt(0);
      if (sheet.getLastRowNum() > MAX_ROWS + 20) {
        throw new Unreadable("more than " + MAX_ROWS + " rows");
      }
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      int headerRow = -1;
      Map<String, Integer> columns = new HashMap<>();
      for (int r = 0; r <= Math.min(20, sheet.getLastRowNum()) && headerRow < 0; r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        for (Cell c : row) {
          if (c.getCellType() == CellType.STRING && NUMBER.equals(c.getStringCellValue().strip())) {
            headerRow = r;
          }
        }
        if (headerRow >= 0) {
          for (Cell c : row) {
            if (c.getCellType() == CellType.STRING) {
              columns.putIfAbsent(c.getStringCellValue().strip(), c.getColumnIndex());
            }
          }
        }
      }
      if (headerRow < 0) {
        throw new Unreadable("no header row with the column " + NUMBER);
      }
      int numberCol = columns.get(NUMBER);
      Integer noteCol = columns.get(NOTE);
      List<ImportRow> rows = new ArrayList<>();
      for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || blankRow(row, formatter)) {
          continue;
        }
        Function<Integer, Value> at = col -> value(row.getCell(col), formatter);
        Value number = at.apply(numberCol);
        Value note = noteCol == null ? new Value("", null) : at.apply(noteCol);
        String problem = number.problem() != null ? number.problem() : note.problem();
        String n = number.text().strip();
        if (problem == null && n.isEmpty()) {
          problem = "no " + NUMBER;
        } else if (problem == null && n.length() > 64) {
          problem = NUMBER + " longer than 64 characters";
        } else if (problem == null && note.text().length() > MAX_NOTE) {
          problem = NOTE + " longer than " + MAX_NOTE + " characters";
        }
        rows.add(
            new ImportRow(
                r + 1,
                n.length() > 64 ? n.substring(0, 64) : n,
                noteCol == null ? null : note.text().strip(),
                problem));
        if (rows.size() > MAX_ROWS) {
          throw new Unreadable("more than " + MAX_ROWS + " rows");
        }
      }
      return rows;
    } catch (Unreadable e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      // POI refuses zip bombs, broken packages and non-workbooks with assorted exceptions
      throw new Unreadable("not a readable Excel workbook (" + e.getClass().getSimpleName() + ")");
    }
  }

  private record Value(String text, String problem) {}

  private static Value value(Cell c, DataFormatter formatter) {
    if (c == null) {
      return new Value("", null);
    }
    return switch (c.getCellType()) {
      case FORMULA -> new Value("", "a formula in column " + (c.getColumnIndex() + 1));
      case ERROR -> new Value("", "an error value in column " + (c.getColumnIndex() + 1));
      case STRING -> new Value(c.getStringCellValue(), null);
      default -> new Value(formatter.formatCellValue(c), null);
    };
  }

  private static boolean blankRow(Row row, DataFormatter formatter) {
    for (Cell c : row) {
      if (c.getCellType() == CellType.FORMULA || c.getCellType() == CellType.ERROR) {
        return false;
      }
      if (!formatter.formatCellValue(c).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
