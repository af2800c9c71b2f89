package org.anjian.chemical.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.domain.CasNumber;
import org.anjian.chemical.internal.ChemicalCatalogue.ChemicalInput;
import org.anjian.chemical.internal.ChemicalLabels.Label;
import org.anjian.chemical.internal.HazardUnits.Custodian;
import org.anjian.chemical.internal.HazardUnits.Custodians;
import org.anjian.chemical.internal.HazardUnits.UnitInput;
import org.anjian.chemical.internal.HazardUnits.UnitView;
import org.anjian.chemical.internal.MajorHazardAssessment.SubstanceInput;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.excel.SheetRows;
import org.anjian.shared.excel.SheetRows.RawRow;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports the chemical catalogue (with its label facts) and the enterprises' unit inventories from
 * Excel. ALL-OR-NOTHING: every row is checked first and each bad row reported with its row number,
 * column and reason in Chinese; when any row is bad, nothing of the file is written (a half-imported
 * inventory would grade a major hazard source from half its stock). Each record written goes through
 * the same service as a form, so it is validated, computed and audited the same way.
 */
@Service
public class ChemicalImports {

    public static final int MAX_ROWS = 5000;

    private final ChemicalCatalogue catalogue;
    private final ChemicalLabels labels;
    private final LabelRepository lookup;
    private final HazardUnits units;
    private final MajorHazardAssessment assessment;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;

    ChemicalImports(ChemicalCatalogue catalogue, ChemicalLabels labels, LabelRepository lookup, HazardUnits units, MajorHazardAssessment assessment,
                    EnterpriseLookup enterprises, AuditTrail audit) {
        this.catalogue = catalogue;
        this.labels = labels;
        this.lookup = lookup;
        this.units = units;
        this.assessment = assessment;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    /** One bad row: its number as Excel shows it, the column's header and the reason. */
    public record RowError(int row, String column, String message) {
    }

    /** The outcome: rows read, records written (0 when any row is bad) and the bad rows. */
    public record Result(int rows, int written, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static List<RawRow> read(InputStream in, int columns) {
        List<RawRow> rows;
        try {
            rows = SheetRows.read(in, columns);
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("file", "chemical.import.unreadable", "无法读取文件，请使用 .xlsx 模板");
        }
        if (rows.size() > MAX_ROWS) {
            throw DomainException.invalid("file", "chemical.import.tooMany", "一次最多导入5000行");
        }
        return rows;
    }

    // ---- catalogue ----

    @Transactional
    public Result importCatalogue(AnjianUser user, InputStream in) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "only the district keeps the chemical catalogue");
        }
        List<String> h = ChemicalExcel.CATALOGUE;
        List<RawRow> rows = read(in, h.size());
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> casRows = new HashMap<>();
        List<ChemicalInput> inputs = new ArrayList<>();
        List<Label> rowLabels = new ArrayList<>();
        for (RawRow r : rows) {
            int before = errors.size();
            String name = r.get(0);
            String cas = r.get(1);
            if (name.isEmpty() || name.length() > 200) {
                errors.add(new RowError(r.rowNumber(), h.get(0), "请填写名称（200字以内）"));
            }
            if (!cas.isEmpty()) {
                if (!CasNumber.isValid(cas)) {
                    errors.add(new RowError(r.rowNumber(), h.get(1), "CAS号格式或校验位不正确：" + cas));
                } else if (casRows.containsKey(cas)) {
                    errors.add(new RowError(r.rowNumber(), h.get(1), "CAS号与第" + casRows.get(cas) + "行重复"));
                } else {
                    casRows.put(cas, r.rowNumber());
                }
            }
            if (!r.get(2).isEmpty() && !r.get(2).matches("\\d{4}")) {
                errors.add(new RowError(r.rowNumber(), h.get(2), "UN编号为4位数字"));
            }
            List<String> classes = split(r.get(3));
            if (classes.size() > 20 || classes.stream().anyMatch(c -> c.length() > 100)) {
                errors.add(new RowError(r.rowNumber(), h.get(3), "危险性类别最多20项，每项100字以内"));
            }
            Boolean[] flags = new Boolean[3];
            for (int i = 0; i < 3; i++) {
                flags[i] = yesNo(r.get(4 + i));
                if (flags[i] == null) {
                    errors.add(new RowError(r.rowNumber(), h.get(4 + i), "请填写“是”或“否”"));
                }
            }
            Label label = new Label(r.get(7), split(r.get(8)), r.get(9), r.get(10), r.get(11), r.get(12), r.get(13));
            try {
                label = ChemicalLabels.validate(label);
            } catch (DomainException bad) {
                for (DomainException.FieldError f : bad.fieldErrors()) {
                    errors.add(new RowError(r.rowNumber(), h.get(labelColumn(f.field())), f.defaultMessage()));
                }
            }
            if (errors.size() == before) {
                inputs.add(new ChemicalInput(name, cas.isEmpty() ? null : cas, r.get(2).isEmpty() ? null : r.get(2), classes, flags[1], flags[2], flags[0]));
                rowLabels.add(label);
            }
        }
        if (!errors.isEmpty()) {
            return rejected(rows.size(), errors);
        }
        int written = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ChemicalInput ci = inputs.get(i);
            RawRow r = rows.get(i);
            try {
                Optional<UUID> existing = ci.cas() == null ? Optional.empty() : lookup.chemicalByCas(ci.cas());
                UUID id = existing.isPresent() ? catalogue.update(user, existing.get(), ci).id() : catalogue.create(user, ci).id();
                labels.put(user, id, rowLabels.get(i));
                written++;
            } catch (DomainException bad) {
                errors.add(new RowError(r.rowNumber(), h.get(0), bad.fieldErrors().isEmpty() ? bad.getMessage() : bad.fieldErrors().get(0).defaultMessage()));
            }
        }
        if (!errors.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return rejected(rows.size(), errors);
        }
        audit.record("CHEMICALS_IMPORTED", "chemical", "import", null, Map.of("rows", rows.size(), "written", written));
        return new Result(rows.size(), written, List.of());
    }

    private static int labelColumn(String field) {
        return switch (field) {
            case "signalWord" -> 7;
            case "pictograms" -> 8;
            case "hazardStatements" -> 9;
            case "precautions" -> 10;
            case "firstAid" -> 11;
            case "fireFighting" -> 12;
            default -> 13;
        };
    }

    // ---- inventories ----

    private record UnitRows(int firstRow, EnterpriseSummary enterprise, String name, String kind, int people, Custodians custodians,
                            List<SubstanceInput> substances) {
    }

    @Transactional
    public Result importInventories(AnjianUser user, InputStream in) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.unit.forbidden", "only the enterprise and the district keep units");
        }
        List<String> h = ChemicalExcel.INVENTORY;
        List<RawRow> rows = read(in, h.size());
        List<RowError> errors = new ArrayList<>();
        Map<String, UnitRows> grouped = new LinkedHashMap<>();
        for (RawRow r : rows) {
            int before = errors.size();
            EnterpriseSummary enterprise = null;
            String credit = r.get(0).toUpperCase(java.util.Locale.ROOT);
            if (credit.isEmpty()) {
                errors.add(new RowError(r.rowNumber(), h.get(0), "请填写统一社会信用代码"));
            } else {
                enterprise = enterprises.findByCreditCode(credit).filter(e -> enterprises.inScope(user.scope(), e.id())).orElse(null);
                if (enterprise == null) {
                    errors.add(new RowError(r.rowNumber(), h.get(0), "未找到该统一社会信用代码的企业（或不在您的管辖范围内）：" + credit));
                }
            }
            String unitName = r.get(1);
            if (unitName.isEmpty() || unitName.length() > 200) {
                errors.add(new RowError(r.rowNumber(), h.get(1), "请填写单元名称（200字以内）"));
            }
            String kind = switch (r.get(2)) {
                case "生产", "生产单元", "PRODUCTION" -> "PRODUCTION";
                case "储存", "储存单元", "STORAGE" -> "STORAGE";
                default -> null;
            };
            if (kind == null) {
                errors.add(new RowError(r.rowNumber(), h.get(2), "单元类型为“生产”或“储存”"));
            }
            Integer people = null;
            try {
                people = Integer.valueOf(r.get(3));
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            if (people == null || people < 0) {
                errors.add(new RowError(r.rowNumber(), h.get(3), "500米内人数须为0或正整数"));
            }
            String substance = r.get(4);
            String cas = r.get(5);
            if (substance.isEmpty() && cas.isEmpty()) {
                errors.add(new RowError(r.rowNumber(), h.get(4), "请填写危险化学品名称或CAS号"));
            }
            if (!cas.isEmpty() && !CasNumber.isValid(cas)) {
                errors.add(new RowError(r.rowNumber(), h.get(5), "CAS号格式或校验位不正确：" + cas));
            }
            BigDecimal tonnes = null;
            try {
                tonnes = new BigDecimal(r.get(7));
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            if (tonnes == null || tonnes.signum() < 0) {
                errors.add(new RowError(r.rowNumber(), h.get(7), "最大存量须为0或正数（吨）：" + r.get(7)));
            }
            SubstanceInput si = new SubstanceInput(substance.isEmpty() ? null : substance, cas.isEmpty() ? null : cas,
                    r.get(6).isEmpty() ? null : r.get(6), tonnes);
            if (errors.size() == before) {
                List<DomainException.FieldError> known = new ArrayList<>();
                assessment.stocks(List.of(si), "s", known);
                for (DomainException.FieldError f : known) {
                    errors.add(new RowError(r.rowNumber(), h.get(f.field().endsWith("hazardClass") ? 6 : 4),
                            f.defaultMessage() == null ? "未知的危险化学品" : f.defaultMessage()));
                }
            }
            if (errors.size() == before) {
                String key = enterprise.id() + "\u0000" + unitName;
                UnitRows unit = grouped.get(key);
                if (unit == null) {
                    unit = new UnitRows(r.rowNumber(), enterprise, unitName, kind, people,
                            new Custodians(person(r.get(8)), person(r.get(9)), person(r.get(10))), new ArrayList<>());
                    grouped.put(key, unit);
                } else if (!unit.kind().equals(kind) || unit.people() != people) {
                    errors.add(new RowError(r.rowNumber(), h.get(unit.kind().equals(kind) ? 3 : 2),
                            "同一单元的类型和500米内人数须与第" + unit.firstRow() + "行一致"));
                    continue;
                }
                unit.substances().add(si);
            }
        }
        if (!errors.isEmpty()) {
            return rejected(rows.size(), errors);
        }
        int written = 0;
        for (UnitRows u : grouped.values()) {
            UnitInput input = new UnitInput(u.enterprise().id(), u.name(), u.kind(), u.people(), u.custodians(), u.substances());
            try {
                Optional<UnitView> existing = units.ofEnterprise(u.enterprise().id()).stream().filter(v -> v.name().equals(u.name())).findFirst();
                if (existing.isPresent()) {
                    units.update(user, existing.get().id(), input);
                } else {
                    units.create(user, input);
                }
                written++;
            } catch (DomainException bad) {
                for (DomainException.FieldError f : bad.fieldErrors().isEmpty() ? List.of(new DomainException.FieldError("", "", bad.getMessage()))
                        : bad.fieldErrors()) {
                    errors.add(new RowError(u.firstRow(), h.get(f.field().startsWith("custodians") ? 8 : 4), f.defaultMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return rejected(rows.size(), errors);
        }
        audit.record("CHEMICAL_INVENTORIES_IMPORTED", "chemical-unit", "import", null, Map.of("rows", rows.size(), "units", written));
        return new Result(rows.size(), written, List.of());
    }

    private static Custodian person(String name) {
        return name.isEmpty() ? null : new Custodian(name, null);
    }

    private static Result rejected(int rows, List<RowError> errors) {
        return new Result(rows, 0, List.copyOf(errors));
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split("[；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** 是 / 否, Y / N, blank as 否; anything else is null (an error). */
    private static Boolean yesNo(String cell) {
        return switch (cell.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "", "否", "N", "NO", "FALSE" -> false;
            case "是", "Y", "YES", "TRUE" -> true;
            default -> null;
        };
    }
}
