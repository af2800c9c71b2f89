package org.anjian.shared.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The data rows of an uploaded spreadsheet as text, the way every import reads them: the first
 * sheet after its header row, the first {@code columns} cells of each row trimmed, whole numbers
 * without ".0" (a credit code or a phone typed as a number stays as typed), date cells as ISO dates,
 * and rows with nothing in them left out.
 */
public final class SheetRows {

    /** One data row, with its 1-based row number as Excel shows it. */
    public record RawRow(int rowNumber, List<String> cells) {
        public String get(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }

    private SheetRows() {
    }

    public static List<RawRow> read(InputStream in, int columns) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<RawRow> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>(columns);
                boolean any = false;
                for (int i = 0; i < columns; i++) {
                    String v = text(row.getCell(i), formatter);
                    any |= !v.isEmpty();
                    cells.add(v);
                }
                if (any) {
                    rows.add(new RawRow(row.getRowNum() + 1, cells));
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        String v;
        if (cell == null) {
            v = "";
        } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            v = cell.getLocalDateTimeCellValue().toLocalDate().toString();
        } else if (cell.getCellType() == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            v = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        } else {
            v = formatter.formatCellValue(cell);
        }
        return v == null ? "" : v.trim();
    }
}
