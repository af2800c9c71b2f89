package org.anjian.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list exported as people open it: one streamed .xlsx sheet with a header row in the page's language, saved under a
 * Chinese file name ({@link Downloads#attachment}). Numbers stay numbers; everything else is text.
 */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    public static void write(HttpServletResponse response, String fileName, String sheetName, List<String> headers,
                             Iterable<? extends List<?>> rows) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", Downloads.attachment(fileName));
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); var out = response.getOutputStream()) {
            var sheet = wb.createSheet(sheetName);
            var head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (List<?> values : rows) {
                var row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
