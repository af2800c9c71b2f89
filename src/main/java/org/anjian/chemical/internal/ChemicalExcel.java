package org.anjian.chemical.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The spreadsheets of the chemical module: import templates (header and one example row) and list exports. */
final class ChemicalExcel {

    static final List<String> CATALOGUE = List.of("名称", "CAS号", "UN编号", "危险性类别（；分隔）", "重点监管（是/否）", "限制（是/否）",
            "禁止（是/否）", "信号词", "象形图（如 GHS02；GHS07）", "危险性说明", "防范说明", "急救措施", "消防措施", "泄漏应急处置");
    static final List<String> CATALOGUE_EXAMPLE = List.of("甲醇", "67-56-1", "1230", "易燃液体，类别2；急性毒性-经口，类别3", "是", "否", "否", "危险",
            "GHS02；GHS06；GHS08", "高度易燃液体和蒸气；吞咽会中毒", "远离热源、火花、明火", "皮肤接触：脱去污染的衣着，用大量流动清水冲洗",
            "用抗溶性泡沫、干粉、二氧化碳、砂土灭火", "切断泄漏源，防止进入下水道");

    static final List<String> INVENTORY = List.of("统一社会信用代码", "单元名称", "单元类型（生产/储存）", "500米内人数", "危险化学品名称", "CAS号",
            "危险性类别（未列名物质）", "最大存量（吨）", "主要负责人", "技术负责人", "操作负责人");
    static final List<String> INVENTORY_EXAMPLE = List.of("915001160000000000", "1号甲醇储罐区", "储存", "36", "甲醇", "67-56-1", "", "320",
            "王建国", "李明", "张华");

    static final List<String> PRODUCTS = List.of("企业", "产品名称", "规格", "化学品", "CAS号", "UN编号", "生产/储存/使用/经营", "应急电话", "状态",
            "停用日期", "停用原因", "产品编码");

    private ChemicalExcel() {
    }

    static byte[] template(List<String> header, List<String> example) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("导入");
            write(sheet.createRow(0), header);
            write(sheet.createRow(1), example);
            for (int i = 0; i < header.size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams a list: the header, then each row the producer hands over. */
    static void export(OutputStream out, String sheetName, List<String> header, Consumer<Consumer<List<String>>> producer) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName);
            write(sheet.createRow(0), header);
            int[] next = {1};
            producer.accept(cells -> write(sheet.createRow(next[0]++), cells));
            wb.write(out);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
    }
}
