package org.anjian.chemical.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.anjian.chemical.domain.ProductRole;
import org.anjian.chemical.domain.ProductStatus;
import org.anjian.chemical.internal.ChemicalCatalogue.Chemical;
import org.anjian.chemical.internal.ChemicalLabels.Label;
import org.anjian.chemical.internal.HazardUnits.UnitView;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.stereotype.Service;

/** The files of the module: QR codes, printable labels, import templates and list exports. */
@Service
public class ProductCodes {

    private final EnterpriseProducts products;
    private final ProductLabelPrinter printer;
    private final ChemicalCatalogue catalogue;
    private final ChemicalLabels labels;
    private final HazardUnits units;

    ProductCodes(EnterpriseProducts products, ProductLabelPrinter printer, ChemicalCatalogue catalogue, ChemicalLabels labels, HazardUnits units) {
        this.products = products;
        this.printer = printer;
        this.catalogue = catalogue;
        this.labels = labels;
        this.units = units;
    }

    /** The QR code of a URL, 300 px square. */
    public byte[] qrPng(String url) {
        return printer.qrPng(url, 300);
    }

    /** The label of a product the caller has been allowed to read. */
    public byte[] labelPdf(String code, String url) {
        return printer.labelPdf(products.publicLabel(code), url);
    }

    public byte[] catalogueTemplate() {
        return ChemicalExcel.template(ChemicalExcel.CATALOGUE, ChemicalExcel.CATALOGUE_EXAMPLE);
    }

    public byte[] inventoryTemplate() {
        return ChemicalExcel.template(ChemicalExcel.INVENTORY, List.of());
    }

    public void exportProducts(AnjianUser user, EnterpriseProducts.Filter filter, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        products.forEach(user, filter, p -> rows.add(List.of(nz(p.enterpriseName()), p.productName(), nz(p.specification()), p.chemicalName(),
                nz(p.cas()), nz(p.unNumber()), String.join("、", p.roles().stream().map(ProductCodes::role).toList()), p.emergencyPhone(),
                p.status() == ProductStatus.ACTIVE ? "在用" : "已停用", p.withdrawnOn() == null ? "" : p.withdrawnOn().toString(),
                nz(p.withdrawnReason()), p.code())));
        ChemicalExcel.export(out, "一企一品", ChemicalExcel.PRODUCTS, each -> rows.forEach(each));
    }

    public void exportCatalogue(AnjianUser user, String q, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<Chemical> result = catalogue.search(user, new ChemicalCatalogue.Filter(q, null, null, null), PageRequest.of(page, PageRequest.MAX_SIZE));
            for (Chemical c : result.items()) {
                Label l = labels.of(c.id());
                rows.add(List.of(c.name(), nz(c.cas()), nz(c.unNumber()), String.join("；", c.hazardClasses()), yes(c.keySupervised()),
                        yes(c.restricted()), yes(c.forbidden()), nz(l.signalWord()), String.join("；", l.pictograms()), nz(l.hazardStatements()),
                        nz(l.precautions()), nz(l.firstAid()), nz(l.fireFighting()), nz(l.leakHandling())));
            }
            if (result.page() + 1 >= result.totalPages()) {
                break;
            }
        }
        ChemicalExcel.export(out, "危险化学品目录", ChemicalExcel.CATALOGUE, each -> rows.forEach(each));
    }

    public void exportUnits(AnjianUser user, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<UnitView> result = units.units(user, new HazardUnits.Filter(null, null), PageRequest.of(page, PageRequest.MAX_SIZE));
            for (UnitView u : result.items()) {
                for (HazardUnits.InventoryView i : u.inventories()) {
                    rows.add(List.of(nz(u.enterpriseName()), u.name(), "PRODUCTION".equals(u.kind()) ? "生产" : "储存",
                            String.valueOf(u.peopleWithin500m()), i.substance(), nz(i.cas()), nz(i.hazardClass()), i.tonnes().toPlainString(),
                            custodian(u, 0), custodian(u, 1), custodian(u, 2)));
                }
            }
            if (result.page() + 1 >= result.totalPages()) {
                break;
            }
        }
        List<String> header = new ArrayList<>(ChemicalExcel.INVENTORY);
        header.set(0, "企业");
        ChemicalExcel.export(out, "危险化学品存量", header, each -> rows.forEach(each));
    }

    private static String custodian(UnitView u, int i) {
        return u.custodians().stream().filter(c -> c.role().ordinal() == i).map(HazardUnits.CustodianView::name).findFirst().orElse("");
    }

    static String role(String role) {
        return switch (ProductRole.valueOf(role)) {
            case PRODUCED -> "生产";
            case STORED -> "储存";
            case USED -> "使用";
            case SOLD -> "经营";
        };
    }

    private static String yes(boolean b) {
        return b ? "是" : "否";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
