package org.anjian.hazard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.anjian.hazard.internal.MajorHazardCriteria;
import org.anjian.shared.error.DomainException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/hazard-criteria")
@Tag(name = "hazard-criteria", description = "重大事故隐患判定标准 (the official criteria for major hazards)")
class CriteriaApiController {

    private static final long MAX_FILE = 2L * 1024 * 1024;
    private final MajorHazardCriteria criteria;

    CriteriaApiController(MajorHazardCriteria criteria) {
        this.criteria = criteria;
    }

    @GetMapping
    @Operation(summary = "Criteria items, by sector and text; citing one makes a hazard major")
    List<MajorHazardCriteria.Criterion> search(@RequestParam(required = false) String sector, @RequestParam(required = false) String q) {
        return criteria.search(sector, q);
    }

    @GetMapping("/catalogues")
    List<MajorHazardCriteria.Catalogue> catalogues() {
        return criteria.catalogues();
    }

    @PostMapping(path = "/catalogues", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Load catalogues from a JSON file in the format of reference/major-hazard-criteria.json; present versions are kept")
    Map<String, Integer> load(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty() || file.getSize() > MAX_FILE) {
            throw DomainException.invalid("file", "hazard.criteria.size", "文件须为 2 MB 以内的 JSON");
        }
        return Map.of("added", criteria.load(file.getBytes()));
    }
}
