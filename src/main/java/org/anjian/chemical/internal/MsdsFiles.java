package org.anjian.chemical.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.anjian.chemical.domain.PdfFile;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety data sheets (化学品安全技术说明书, GB/T 16483-2008): a PDF for a catalogue chemical (kept by
 * the district) or for one enterprise product (kept by the enterprise or the district). The bytes
 * must be a PDF by content (the name and declared type are not trusted) and at most
 * {@link #MAX_BYTES}; readers download within their scope; every upload is audited.
 */
@Service
public class MsdsFiles {

    /** 10 MiB, the platform's upload limit. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final MsdsRepository repository;
    private final ChemicalCatalogue catalogue;
    private final EnterpriseProducts products;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    MsdsFiles(MsdsRepository repository, ChemicalCatalogue catalogue, EnterpriseProducts products, AuditTrail audit, java.time.Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    public record MsdsFile(UUID id, String fileName, int size, Instant uploadedAt, byte[] content) {
    }

    record Uploaded(UUID id, String fileName, int size, Instant uploadedAt) {
    }

    @Transactional
    public Uploaded uploadForChemical(AnjianUser user, UUID chemicalId, String fileName, byte[] content) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "only the district keeps the chemical catalogue");
        }
        catalogue.get(user, chemicalId);
        return store(user, chemicalId, null, fileName, content);
    }

    @Transactional
    public Uploaded uploadForProduct(AnjianUser user, UUID productId, String fileName, byte[] content) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.product.forbidden", "only the enterprise and the district keep products");
        }
        products.stored(user, productId);
        return store(user, null, productId, fileName, content);
    }

    private Uploaded store(AnjianUser user, UUID chemicalId, UUID productId, String fileName, byte[] content) {
        check(content);
        UUID id = UUID.randomUUID();
        String name = Uploads.baseName(fileName);
        Instant now = clock.instant();
        repository.insert(id, chemicalId, productId, name, content, now, user.id());
        Uploaded up = new Uploaded(id, name, content.length, now);
        audit.record("CHEMICAL_MSDS_UPLOADED", chemicalId != null ? "chemical" : "chemical-product", chemicalId != null ? chemicalId : productId,
                null, Map.of("msds", id, "fileName", name, "size", content.length));
        return up;
    }

    /** The size and type checks, before anything is stored: empty or over the limit, or not a PDF by its bytes → 400. */
    static void check(byte[] content) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "chemical.msds.required", "请选择 MSDS 文件（PDF）");
        }
        if (content.length > MAX_BYTES) {
            throw DomainException.invalid("file", "chemical.msds.tooLarge", "MSDS 文件不能超过 10 MB");
        }
        if (!PdfFile.isPdf(content)) {
            throw DomainException.invalid("file", "chemical.msds.notPdf", "MSDS 只接受 PDF 文件");
        }
    }

    public MsdsFile ofChemical(AnjianUser user, UUID chemicalId) {
        catalogue.get(user, chemicalId);
        return repository.latestOfChemical(chemicalId).orElseThrow(() -> DomainException.notFound("msds"));
    }

    /** The product's own sheet, else its chemical's. */
    public MsdsFile ofProduct(AnjianUser user, UUID productId) {
        EnterpriseProducts.Stored p = products.stored(user, productId);
        return repository.latestOfProduct(productId).or(() -> repository.latestOfChemical(p.chemicalId()))
                .orElseThrow(() -> DomainException.notFound("msds"));
    }
}
