package org.anjian.chemical.web;

import java.io.IOException;
import org.anjian.chemical.internal.ChemicalImports;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The Excel imports for people: the catalogue (district) and the inventories (enterprise or district), with every bad row listed. */
@Controller
class ChemicalImportPageController {

    static final String VIEW = "chemical/import";

    private final ChemicalImports imports;

    ChemicalImportPageController(ChemicalImports imports) {
        this.imports = imports;
    }

    private static AnjianUser keeper() {
        AnjianUser user = CurrentUser.require();
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.unit.forbidden", "only the enterprise and the district keep units");
        }
        return user;
    }

    @GetMapping("/chemicals/import")
    String page(Model model) {
        model.addAttribute("district", keeper().hasRole(Role.DISTRICT_ADMIN));
        return VIEW;
    }

    @PostMapping("/chemicals/import/{kind:catalogue|inventories}")
    String upload(@PathVariable String kind, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        AnjianUser user = keeper();
        model.addAttribute("district", user.hasRole(Role.DISTRICT_ADMIN));
        model.addAttribute("kind", kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "chemical.import.fileRequired");
            return VIEW;
        }
        try {
            model.addAttribute("result", "catalogue".equals(kind) ? imports.importCatalogue(user, file.getInputStream())
                    : imports.importInventories(user, file.getInputStream()));
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return VIEW;
    }
}
