package org.anjian.chemical.web;

import java.time.LocalDate;
import java.util.UUID;
import org.anjian.chemical.domain.ProductStatus;
import org.anjian.chemical.internal.EnterpriseProducts;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 一企一品一码 for people: the products in scope with their QR codes and labels, and withdrawal. */
@Controller
class ProductPageController {

    private final EnterpriseProducts products;

    ProductPageController(EnterpriseProducts products) {
        this.products = products;
    }

    @GetMapping("/chemical-products")
    String list(@RequestParam(required = false) ProductStatus status, @RequestParam(required = false) String q,
                @RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", products.list(CurrentUser.require(), new EnterpriseProducts.Filter(enterpriseId, status, q),
                PageRequest.of(page, null)));
        model.addAttribute("statuses", ProductStatus.values());
        model.addAttribute("canKeep", CurrentUser.require().hasAnyRole(org.anjian.shared.security.Role.DISTRICT_ADMIN,
                org.anjian.shared.security.Role.ENTERPRISE_USER));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("enterpriseId", enterpriseId);
        StringBuilder base = new StringBuilder("/chemical-products?");
        if (status != null) {
            base.append("status=").append(status).append('&');
        }
        if (enterpriseId != null) {
            base.append("enterpriseId=").append(enterpriseId).append('&');
        }
        if (q != null && !q.isBlank()) {
            base.append("q=").append(java.net.URLEncoder.encode(q.strip(), java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        model.addAttribute("base", base.substring(0, base.length() - 1));
        model.addAttribute("exportUrl", "/chemical-products/export.xlsx" + base.substring("/chemical-products".length(), base.length() - 1));
        return "chemical/products";
    }

    @PostMapping("/chemical-products/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) LocalDate withdrawnOn, RedirectAttributes redirect) {
        try {
            products.withdraw(CurrentUser.require(), id, new EnterpriseProducts.Withdrawal(reason, withdrawnOn));
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/chemical-products";
    }
}
