package org.anjian.chemical.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.chemical.domain.GhsPictogram;
import org.anjian.chemical.internal.EnterpriseProducts;
import org.anjian.chemical.internal.PublicLabelRateLimiter;
import org.anjian.shared.error.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a product's QR code opens (一企一品一码), without sign-in, phone first: the label facts of
 * GB 15258-2009 and the enterprise's duty phone; never stock, addresses or people. A withdrawn
 * product says so and since when; a code never issued is a Chinese 404 page. Look-ups are
 * rate-limited per address so that codes cannot be walked.
 */
@Controller
class PublicLabelPageController {

    static final String VIEW = "chemical/public-label";
    static final String MISSING = "chemical/public-missing";

    private final EnterpriseProducts products;
    private final PublicLabelRateLimiter limiter;

    PublicLabelPageController(EnterpriseProducts products, PublicLabelRateLimiter limiter) {
        this.products = products;
        this.limiter = limiter;
    }

    @GetMapping("/public/chemicals/{code}")
    String label(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        limiter.take(request.getRemoteAddr());
        try {
            model.addAttribute("p", products.publicLabel(code));
        } catch (DomainException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return MISSING;
        }
        model.addAttribute("pictograms", GhsPictogram.values());
        return VIEW;
    }
}
