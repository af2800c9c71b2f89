package org.anjian.expert.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.Field;
import org.anjian.shared.excel.SheetRows;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pool's Excel format, one expert a row with their latest certificate, headed in Chinese. The
 * export has the import's columns first, so an exported file can be corrected and imported again.
 * Fields are written with their Chinese labels separated by 、 and read as labels or codes.
 */
@Component
public class ExpertExcel {

    /** The import columns; the export adds the last two. */
    public static final List<String> COLUMNS = List.of("name", "fields", "title", "employerName", "employerEnterpriseId", "phone",
            "qualificationKind", "qualificationNumber", "qualificationValidUntil", "status", "qualified", "servicesThisYear");
    static final int IMPORT_COLUMNS = 10;
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    ExpertExcel(MessageSource messages) {
        this.messages = messages;
    }

    public String header(String column) {
        return messages.getMessage("expert.column." + column, null, column, ZH);
    }

    String label(Field f) {
        return messages.getMessage("expert.field." + f.name(), null, f.name(), ZH);
    }

    String label(ExpertStatus s) {
        return messages.getMessage("expert.status." + s.name(), null, s.name(), ZH);
    }

    Map<String, Field> fieldLookup() {
        Map<String, Field> m = new HashMap<>();
        for (Field f : Field.values()) {
            m.put(f.name(), f);
            m.put(label(f), f);
        }
        return m;
    }

    Map<String, ExpertStatus> statusLookup() {
        Map<String, ExpertStatus> m = new HashMap<>();
        for (ExpertStatus s : ExpertStatus.values()) {
            m.put(s.name(), s);
            m.put(label(s), s);
        }
        return m;
    }

    public byte[] template() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("专家");
            Row head = sheet.createRow(0);
            for (int i = 0; i < IMPORT_COLUMNS; i++) {
                head.createCell(i).setCellValue(header(COLUMNS.get(i)));
                sheet.setColumnWidth(i, 18 * 256);
            }
            Row sample = sheet.createRow(1);
            String[] values = {"王建国", label(Field.HAZARDOUS_CHEMICALS) + "、" + label(Field.ELECTRICAL), "高级工程师", "重庆化工设计研究院", "",
                    "13800000000", "注册安全工程师", "渝2021-0001", "2028-12-31", label(ExpertStatus.ACTIVE)};
            for (int i = 0; i < values.length; i++) {
                sample.createCell(i).setCellValue(values[i]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    public void export(OutputStream out, Consumer<Consumer<ExpertService.ExpertView>> source) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("专家");
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(header(COLUMNS.get(i)));
            }
            int[] n = {1};
            source.accept(e -> {
                Row r = sheet.createRow(n[0]++);
                int c = 0;
                r.createCell(c++).setCellValue(e.name());
                r.createCell(c++).setCellValue(String.join("、", e.fields().stream().map(this::label).toList()));
                r.createCell(c++).setCellValue(nz(e.title()));
                r.createCell(c++).setCellValue(nz(e.employerName()));
                r.createCell(c++).setCellValue(e.employerEnterpriseId() == null ? "" : e.employerEnterpriseId().toString());
                r.createCell(c++).setCellValue(nz(e.phone()));
                Expert.Qualification q = e.qualifications().isEmpty() ? null : e.qualifications().get(0);
                r.createCell(c++).setCellValue(q == null ? "" : q.kind());
                r.createCell(c++).setCellValue(q == null ? "" : q.number());
                r.createCell(c++).setCellValue(q == null ? "" : q.validUntil().toString());
                r.createCell(c++).setCellValue(label(e.status()));
                r.createCell(c++).setCellValue(e.qualified() ? "是" : "否");
                r.createCell(c).setCellValue(e.servicesThisYear());
            });
            wb.write(out);
            wb.dispose();
        }
    }

    /** The data rows of an uploaded sheet, read as every import reads them ({@link SheetRows}). */
    public List<SheetRows.RawRow> read(InputStream in) throws IOException {
        return SheetRows.read(in, IMPORT_COLUMNS);
    }

    /** A row turned into the form the API takes, or the reason it cannot be. */
    record Parsed(ExpertService.ExpertForm form, String field, String error) {
    }

    Parsed parse(SheetRows.RawRow row) {
        Map<String, Field> fields = fieldLookup();
        Set<Field> chosen = EnumSet.noneOf(Field.class);
        for (String part : row.get(1).split("[、,，;；/\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Field f = fields.get(part.trim());
            if (f == null) {
                f = fields.get(part.trim().toUpperCase(Locale.ROOT));
            }
            if (f == null) {
                return new Parsed(null, "fields", "expert.import.field");
            }
            chosen.add(f);
        }
        UUID employer = null;
        if (!row.get(4).isBlank()) {
            try {
                employer = UUID.fromString(row.get(4));
            } catch (IllegalArgumentException e) {
                return new Parsed(null, "employerEnterpriseId", "expert.import.enterpriseId");
            }
        }
        List<Expert.Qualification> qualifications = new ArrayList<>();
        if (!row.get(6).isBlank() || !row.get(7).isBlank() || !row.get(8).isBlank()) {
            LocalDate until = date(row.get(8));
            if (until == null) {
                return new Parsed(null, "qualificationValidUntil", "expert.import.date");
            }
            qualifications.add(new Expert.Qualification(row.get(6), row.get(7), until));
        }
        ExpertStatus status = null;
        if (!row.get(9).isBlank()) {
            status = statusLookup().get(row.get(9));
            if (status == null) {
                return new Parsed(null, "status", "expert.import.status");
            }
        }
        return new Parsed(new ExpertService.ExpertForm(row.get(0), null, List.copyOf(chosen), row.get(2), qualifications, row.get(3), employer,
                row.get(5), status, null), null, null);
    }

    static LocalDate date(String s) {
        for (String pattern : List.of("yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d")) {
            try {
                return LocalDate.parse(s.trim(), DateTimeFormatter.ofPattern(pattern));
            } catch (DateTimeParseException next) {
                // try the next way people write dates
            }
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
