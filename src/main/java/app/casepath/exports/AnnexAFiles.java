package app.casepath.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Annex A lists as files: one list as CSV, every list as one Excel workbook.
 *
 * <p>CSV: RFC 4180 (Apache Commons CSV), UTF-8, CRLF line ends, every field quoted, the header row
 * first; dates as dd/mm/yyyy text, blanks as empty fields. A cell that would start with
 * {@code = + - @} (only a name could) gets a leading apostrophe, so a spreadsheet does not run it
 * as a formula.
 *
 * <p>Workbook: a sheet per list named {@code List 1}, {@code List 3}, …, the header row in bold and
 * frozen; dates are real dates formatted {@code dd/mm/yyyy} (so they sort, filter and paste into the
 * template's date columns as dates, where text would be left for the performance team to convert),
 * ages and counts are numbers, everything else text.
 */
final class AnnexAFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private AnnexAFiles() {
    }

    static String csv(AnnexA.Table table) {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printRecord(table.header());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(AnnexAFiles::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof LocalDate date) {
            return DATE.format(date);
        }
        String text = cell.toString();
        return !(cell instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static byte[] workbook(List<AnnexA.Table> tables) {
        // Streaming: a large council's six months of contacts is tens of thousands of rows.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            for (AnnexA.Table table : tables) {
                Sheet sheet = workbook.createSheet(table.sheet());
                Row header = sheet.createRow(0);
                for (int i = 0; i < table.header().size(); i++) {
                    var cell = header.createCell(i);
                    cell.setCellValue(table.header().get(i));
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(i, Math.min(60, Math.max(14, table.header().get(i).length() / 2 + 4)) * 256);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object value = values.get(i);
                        if (value == null) {
                            continue;
                        }
                        var cell = row.createCell(i);
                        if (value instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
                if (sheet instanceof SXSSFSheet streaming) {
                    streaming.flushRows();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are already gone (dispose)
            }
        }
    }
}
