package org.anjian.chemical.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.anjian.chemical.domain.ProductRole;
import org.anjian.chemical.domain.ProductStatus;
import org.anjian.chemical.domain.PublicCode;
import org.anjian.chemical.internal.ChemicalLabels.Label;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一企一品一码 (CHM-1): each enterprise's hazardous-chemical products, each with a stable public code
 * that its QR label carries. The enterprise itself and the district keep products; every business
 * role reads them within its scope, and a product outside it is answered as not found. The public
 * label page reads by code and shows the catalogue's label facts and the duty phone, nothing else.
 */
@Service
public class EnterpriseProducts {

    private final ProductRepository repository;
    private final ChemicalLabels labels;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final DistrictProperties district;
    private final SecureRandom random = new SecureRandom();

    EnterpriseProducts(ProductRepository repository, ChemicalLabels labels, EnterpriseLookup enterprises, ScopeConditions scopes,
                       AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.labels = labels;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
    }

    public record ProductInput(UUID enterpriseId, UUID chemicalId, String productName, String specification, List<String> roles,
                               String emergencyPhone) {
    }

    public record Withdrawal(String reason, LocalDate withdrawnOn) {
    }

    public record Filter(UUID enterpriseId, ProductStatus status, String q) {
    }

    /** A product as stored, with its catalogue chemical's name, CAS and UN number. */
    public record Stored(UUID id, String code, UUID enterpriseId, UUID townId, UUID parkId, String sector, UUID chemicalId,
                         String chemicalName, String cas, String unNumber, String productName, String specification, List<String> roles,
                         String emergencyPhone, ProductStatus status, LocalDate withdrawnOn, String withdrawnReason) {
    }

    public record ProductView(UUID id, String code, UUID enterpriseId, String enterpriseName, UUID chemicalId, String chemicalName,
                              String cas, String unNumber, String productName, String specification, List<String> roles,
                              String emergencyPhone, ProductStatus status, LocalDate withdrawnOn, String withdrawnReason) {
    }

    /** What anyone holding the code may see: the label facts, the enterprise's name and duty phone, the status. */
    public record PublicLabel(String code, String enterpriseName, String productName, String specification, String chemicalName,
                              String cas, String unNumber, List<String> hazardClasses, Label label, String emergencyPhone,
                              ProductStatus status, LocalDate withdrawnOn) {
    }

    private static void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.product.forbidden", "only the enterprise and the district keep products");
        }
    }

    private static void requireReader(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.product.forbidden", "business roles read products");
        }
    }

    private EnterpriseSummary enterpriseInScope(AnjianUser user, UUID enterpriseId) {
        return enterprises.find(enterpriseId).filter(e -> enterprises.inScope(user.scope(), e.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    @Transactional
    public ProductView create(AnjianUser user, ProductInput in) {
        requireKeeper(user);
        if (in == null || in.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "chemical.product.enterprise", "请选择企业");
        }
        EnterpriseSummary enterprise = enterpriseInScope(user, in.enterpriseId());
        Stored stored = record(enterprise, in);
        ProductView view = view(stored.id());
        audit.record("CHEMICAL_PRODUCT_CREATED", "chemical-product", stored.id(), null, view);
        return view;
    }

    /** Validates and stores a new product with a fresh code; the demo calls this without a user. */
    Stored record(EnterpriseSummary enterprise, ProductInput in) {
        Checked c = validate(in);
        String code;
        do {
            code = PublicCode.next(random);
        } while (repository.codeTaken(code));
        Stored stored = new Stored(UUID.randomUUID(), code, enterprise.id(), enterprise.townId(), enterprise.parkId(),
                enterprise.sector() == null ? null : enterprise.sector().name(), in.chemicalId(), null, null, null, c.name(), c.spec(), c.roles(),
                c.phone(), ProductStatus.ACTIVE, null, null);
        repository.insert(stored, clock.instant());
        return stored;
    }

    @Transactional
    public ProductView update(AnjianUser user, UUID id, ProductInput in) {
        requireKeeper(user);
        Stored before = stored(user, id);
        if (before.status() != ProductStatus.ACTIVE) {
            throw DomainException.conflict("chemical.product.transition", "产品状态为{0}，不能{1}", "已停用", "修改");
        }
        ProductView beforeView = view(id);
        Checked c = validate(in == null ? null : new ProductInput(before.enterpriseId(), in.chemicalId(), in.productName(), in.specification(),
                in.roles(), in.emergencyPhone()));
        repository.update(new Stored(id, before.code(), before.enterpriseId(), before.townId(), before.parkId(), before.sector(), in.chemicalId(),
                null, null, null, c.name(), c.spec(), c.roles(), c.phone(), before.status(), null, null), clock.instant());
        ProductView after = view(id);
        audit.record("CHEMICAL_PRODUCT_UPDATED", "chemical-product", id, beforeView, after);
        return after;
    }

    @Transactional
    public ProductView withdraw(AnjianUser user, UUID id, Withdrawal w) {
        requireKeeper(user);
        Stored before = stored(user, id);
        ProductView beforeView = view(id);
        LocalDate today = LocalDate.now(clock.withZone(district.zone()));
        LocalDate on = w == null || w.withdrawnOn() == null ? today : w.withdrawnOn();
        String reason = w == null ? null : w.reason();
        ProductStatus next;
        try {
            next = before.status().withdraw(reason, on, today);
        } catch (ProductStatus.IllegalTransition e) {
            throw DomainException.conflict("chemical.product.transition", "产品状态为{0}，不能{1}", "已停用", "停用");
        } catch (IllegalArgumentException e) {
            throw "reason".equals(e.getMessage())
                    ? DomainException.invalid("reason", "chemical.product.reason", "请填写停用原因（500字以内）")
                    : DomainException.invalid("withdrawnOn", "chemical.product.withdrawnOn", "停用日期不能晚于今天");
        }
        repository.update(new Stored(id, before.code(), before.enterpriseId(), before.townId(), before.parkId(), before.sector(),
                before.chemicalId(), null, null, null, before.productName(), before.specification(), before.roles(), before.emergencyPhone(),
                next, on, reason.strip()), clock.instant());
        ProductView after = view(id);
        audit.record("CHEMICAL_PRODUCT_WITHDRAWN", "chemical-product", id, beforeView, after);
        return after;
    }

    /** The demo's withdrawal: the same transition, no user. */
    void withdrawForDemo(Stored p, String reason, LocalDate on) {
        ProductStatus next = p.status().withdraw(reason, on, LocalDate.now(clock.withZone(district.zone())));
        repository.update(new Stored(p.id(), p.code(), p.enterpriseId(), p.townId(), p.parkId(), p.sector(), p.chemicalId(), null, null, null,
                p.productName(), p.specification(), p.roles(), p.emergencyPhone(), next, on, reason), clock.instant());
    }

    public ProductView get(AnjianUser user, UUID id) {
        stored(user, id);
        return view(id);
    }

    /** The product if the user may read it; outside the scope it does not exist. */
    Stored stored(AnjianUser user, UUID id) {
        requireReader(user);
        Stored p = repository.find(id).orElseThrow(() -> DomainException.notFound("product"));
        if (!enterprises.inScope(user.scope(), p.enterpriseId())) {
            throw DomainException.notFound("product");
        }
        return p;
    }

    public PageResult<ProductView> list(AnjianUser user, Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(scopes.of(user.scope(), "p"), filter, page).map(this::view);
    }

    public void forEach(AnjianUser user, Filter filter, Consumer<ProductView> each) {
        requireReader(user);
        repository.forEach(scopes.of(user.scope(), "p"), filter, p -> each.accept(view(p)));
    }

    /** The enterprise file's view: the profile has checked the enterprise's scope. */
    public List<ProductView> ofEnterprise(UUID enterpriseId) {
        return repository.search(ScopeConditions.Condition.ALWAYS, new Filter(enterpriseId, null, null), PageRequest.of(0, PageRequest.MAX_SIZE))
                .map(this::view).items();
    }

    /** The public label under a code; a code not issued, or not of the form, is not found. */
    public PublicLabel publicLabel(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!PublicCode.isWellFormed(c)) {
            throw DomainException.notFound("product");
        }
        Stored p = repository.findByCode(c).orElseThrow(() -> DomainException.notFound("product"));
        String enterpriseName = enterprises.find(p.enterpriseId()).map(EnterpriseSummary::name).orElse("");
        List<String> classes = repository.hazardClasses(p.chemicalId());
        return new PublicLabel(p.code(), enterpriseName, p.productName(), p.specification(), p.chemicalName(), p.cas(), p.unNumber(), classes,
                labels.of(p.chemicalId()), p.emergencyPhone(), p.status(), p.withdrawnOn());
    }

    boolean hasProducts(UUID enterpriseId) {
        return repository.hasProducts(enterpriseId);
    }

    private ProductView view(UUID id) {
        return view(repository.find(id).orElseThrow());
    }

    private ProductView view(Stored p) {
        String name = enterprises.find(p.enterpriseId()).map(EnterpriseSummary::name).orElse(null);
        return new ProductView(p.id(), p.code(), p.enterpriseId(), name, p.chemicalId(), p.chemicalName(), p.cas(), p.unNumber(), p.productName(),
                p.specification(), p.roles(), p.emergencyPhone(), p.status(), p.withdrawnOn(), p.withdrawnReason());
    }

    private record Checked(String name, String spec, List<String> roles, String phone) {
    }

    private Checked validate(ProductInput in) {
        if (in == null) {
            throw DomainException.invalid("productName", "chemical.product.name", "请填写产品名称（200字以内）");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.chemicalId() == null || !repository.chemicalExists(in.chemicalId())) {
            errors.add(new FieldError("chemicalId", "chemical.product.chemical", "请从危险化学品目录中选择化学品"));
        }
        if (in.productName() == null || in.productName().isBlank() || in.productName().strip().length() > 200) {
            errors.add(new FieldError("productName", "chemical.product.name", "请填写产品名称（200字以内）"));
        }
        if (in.specification() != null && in.specification().strip().length() > 200) {
            errors.add(new FieldError("specification", "chemical.product.spec", "规格200字以内"));
        }
        Set<String> roles = new LinkedHashSet<>();
        boolean rolesOk = in.roles() != null && !in.roles().isEmpty();
        for (String r : in.roles() == null ? List.<String>of() : in.roles()) {
            try {
                roles.add(ProductRole.valueOf(r == null ? "" : r.strip()).name());
            } catch (IllegalArgumentException unknown) {
                rolesOk = false;
            }
        }
        if (!rolesOk) {
            errors.add(new FieldError("roles", "chemical.product.roles", "请选择生产、储存、使用或经营中的至少一项"));
        }
        if (in.emergencyPhone() == null || !in.emergencyPhone().strip().matches("[0-9+\\-() ]{5,30}")) {
            errors.add(new FieldError("emergencyPhone", "chemical.product.phone", "请填写企业应急值守电话"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Checked(in.productName().strip(), in.specification() == null || in.specification().isBlank() ? null : in.specification().strip(),
                List.copyOf(roles), in.emergencyPhone().strip());
    }
}
