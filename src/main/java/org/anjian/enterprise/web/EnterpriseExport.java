package org.anjian.enterprise.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.anjian.enterprise.internal.DutiesService;
import org.anjian.enterprise.internal.EnterpriseExcel;
import org.anjian.enterprise.internal.EnterpriseFilter;
import org.anjian.enterprise.internal.EnterpriseService;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The filtered list in the caller's scope, streamed as .xlsx, for the page and the API alike. */
@Component
class EnterpriseExport {

    private final EnterpriseExcel excel;
    private final EnterpriseService enterprises;
    private final OrganizationDirectory organization;
    private final ZoneId zone;

    EnterpriseExport(EnterpriseExcel excel, EnterpriseService enterprises, OrganizationDirectory organization, DistrictProperties district) {
        this.zone = district.zone();
        this.excel = excel;
        this.enterprises = enterprises;
        this.organization = organization;
    }

    void write(EnterpriseFilter filter, HttpServletResponse response) throws IOException {
        AnjianUser user = CurrentUser.require();
        response.setContentType(ImportExportController.XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("企业名录-" + LocalDate.now(zone) + ".xlsx", StandardCharsets.UTF_8).build().toString());
        var names = organization.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
        excel.export(response.getOutputStream(), names, each -> enterprises.forEach(user, filter, each));
    }
}
