package org.anjian.enterprise.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.shared.excel.SheetRows;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The registry's Excel format, one enterprise a row, headed in Chinese as the towns fill it in.
 * Enumerated columns accept the Chinese label (from the message bundle, so the file and the pages
 * say the same words) or the code; flags take 是/否.
 */
@Component
public class EnterpriseExcel {

    /** Column order of the template, the import and the export. */
    public static final List<String> COLUMNS = List.of("creditCode", "name", "legalRepresentative", "address", "phone", "longitude", "latitude",
            "town", "park", "sector", "subSector", "scale", "employees", "status",
            "DUST_EXPLOSION", "AMMONIA_REFRIGERATION", "MOLTEN_METAL", "CONFINED_SPACE", "HAZCHEM_USE", "METAL_SMELTING", "supervisionClass");

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final MessageSource messages;

    EnterpriseExcel(MessageSource messages) {
        this.messages = messages;
    }

    public String header(String column) {
        String key = switch (column) {
            case "town" -> "enterprise.town";
            case "park" -> "enterprise.park";
            case "supervisionClass" -> "enterprise.class";
            default -> column.equals(column.toUpperCase(Locale.ROOT)) ? "enterprise.flag." + column : "enterprise." + column;
        };
        return messages.getMessage(key, null, column, ZH);
    }

    String label(String prefix, Enum<?> value) {
        return value == null ? "" : messages.getMessage(prefix + value.name(), null, value.name(), ZH);
    }

    /** Label or code → value, case-insensitive on codes. */
    <E extends Enum<E>> Map<String, E> lookup(String prefix, E[] values) {
        Map<String, E> map = new HashMap<>();
        for (E v : values) {
            map.put(v.name(), v);
            map.put(messages.getMessage(prefix + v.name(), null, v.name(), ZH), v);
        }
        return map;
    }

    Map<String, Sector> sectors() {
        Map<String, Sector> m = lookup("sector.", Sector.values());
        m.put("危化", Sector.HAZCHEM);
        m.put("工贸行业", Sector.INDUSTRY_TRADE);
        return m;
    }

    Map<String, SubSector> subSectors() {
        Map<String, SubSector> m = lookup("enterprise.subSector.", SubSector.values());
        // the short words of the seed's 八大行业 list and activity names
        m.put("露天", SubSector.OPEN_PIT);
        m.put("地下", SubSector.UNDERGROUND);
        m.put("生产", SubSector.HAZCHEM_PRODUCTION);
        m.put("经营", SubSector.HAZCHEM_TRADE);
        m.put("使用", SubSector.HAZCHEM_USE);
        m.put("储存", SubSector.HAZCHEM_STORAGE);
        m.put("批发", SubSector.FIREWORKS_WHOLESALE);
        m.put("零售", SubSector.FIREWORKS_RETAIL);
        return m;
    }

    Map<String, Scale> scales() {
        return lookup("enterprise.scale.", Scale.values());
    }

    Map<String, OperatingStatus> statuses() {
        return lookup("enterprise.status.", OperatingStatus.values());
    }

    public byte[] template() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("企业");
            Row head = sheet.createRow(0);
            List<String> columns = COLUMNS.subList(0, COLUMNS.size() - 1);
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(header(columns.get(i)));
                sheet.setColumnWidth(i, (i < 4 ? 24 : 12) * 256);
            }
            Row sample = sheet.createRow(1);
            Object[] values = {"91500116MA5U7A0B1" + org.anjian.enterprise.domain.CreditCode.checkCharacter("91500116MA5U7A0B1"),
                    "重庆示例机械制造有限公司", "张三", "重庆市江津区双福街道创业大道1号", "023-47520000", 106.288, 29.395, "双福街道", "双福工业园",
                    label("sector.", Sector.INDUSTRY_TRADE), label("enterprise.subSector.", SubSector.MACHINERY),
                    label("enterprise.scale.", Scale.ABOVE_SIZE), 120, label("enterprise.status.", OperatingStatus.PRODUCING), "是", "否", "否", "是", "否", "否"};
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Number n) {
                    sample.createCell(i).setCellValue(n.doubleValue());
                } else {
                    sample.createCell(i).setCellValue(String.valueOf(values[i]));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Streams the rows out (SXSSF keeps 200 rows in memory), so exporting the whole district is cheap. */
    public void export(OutputStream out, Map<java.util.UUID, String> regionNames, Consumer<Consumer<Enterprise>> source) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("企业");
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(header(COLUMNS.get(i)));
            }
            int[] n = {1};
            source.accept(e -> {
                Row r = sheet.createRow(n[0]++);
                int c = 0;
                r.createCell(c++).setCellValue(e.creditCode());
                r.createCell(c++).setCellValue(e.name());
                r.createCell(c++).setCellValue(nz(e.legalRepresentative()));
                r.createCell(c++).setCellValue(nz(e.address()));
                r.createCell(c++).setCellValue(nz(e.phone()));
                Cell lon = r.createCell(c++);
                Cell lat = r.createCell(c++);
                if (e.latitude() != null) {
                    lon.setCellValue(e.longitude());
                    lat.setCellValue(e.latitude());
                }
                r.createCell(c++).setCellValue(nz(regionNames.get(e.townId())));
                r.createCell(c++).setCellValue(e.parkId() == null ? "" : nz(regionNames.get(e.parkId())));
                r.createCell(c++).setCellValue(label("sector.", e.sector()));
                r.createCell(c++).setCellValue(label("enterprise.subSector.", e.subSector()));
                r.createCell(c++).setCellValue(label("enterprise.scale.", e.scale()));
                r.createCell(c++).setCellValue(e.employees());
                r.createCell(c++).setCellValue(label("enterprise.status.", e.status()));
                for (RiskFlag f : RiskFlag.values()) {
                    r.createCell(c++).setCellValue(e.hasFlag(f) ? "是" : "否");
                }
                r.createCell(c).setCellValue(e.supervisionClass() == null ? "" : e.supervisionClass().name());
            });
            wb.write(out);
            wb.dispose();
        }
    }

    /** The data rows of an uploaded sheet, read as every import reads them ({@link SheetRows}). */
    public List<SheetRows.RawRow> read(InputStream in) throws IOException {
        return SheetRows.read(in, COLUMNS.size() - 1);
    }

    public byte[] errorSheet(List<String[]> errors) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("错误");
            String[] head = {messages.getMessage("enterprise.import.row", null, ZH), header("creditCode"), header("name"),
                    messages.getMessage("enterprise.import.reason", null, ZH)};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            sheet.setColumnWidth(1, 22 * 256);
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(3, 60 * 256);
            int n = 1;
            for (String[] e : errors) {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(Double.parseDouble(e[0]));
                for (int i = 1; i < e.length; i++) {
                    r.createCell(i).setCellValue(e[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
