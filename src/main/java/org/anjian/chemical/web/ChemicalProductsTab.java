package org.anjian.chemical.web;

import java.util.Map;
import org.anjian.chemical.internal.EnterpriseProducts;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) shows a hazchem enterprise's products with their QR codes and labels (一企一品一码). */
@Component
class ChemicalProductsTab implements EnterpriseProfileTab {

    private final EnterpriseProducts products;

    ChemicalProductsTab(EnterpriseProducts products) {
        this.products = products;
    }

    @Override
    public String key() {
        return "chemical-products";
    }

    @Override
    public String titleKey() {
        return "chemical.products.title";
    }

    @Override
    public String fragment() {
        return "chemical/products-tab :: tab";
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    public boolean appliesTo(EnterpriseSummary enterprise) {
        return enterprise.sector() == Sector.HAZCHEM;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        model.put("chemicalProducts", products.ofEnterprise(enterprise.id()));
        model.put("chemicalEnterpriseId", enterprise.id());
    }
}
