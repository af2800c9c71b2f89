package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.anjian.chemical.domain.MajorHazardIdentification;
import org.anjian.chemical.domain.MajorHazardIdentification.Stock;
import org.anjian.chemical.domain.MajorHazardIdentification.UnitAssessment;
import org.anjian.chemical.domain.MajorHazardIdentification.UnknownSubstance;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.springframework.stereotype.Service;

/**
 * Assesses units given as substances and quantities against GB 18218-2018: the calculator page and
 * the API call this one method, which names every field that cannot be measured.
 */
@Service
public class MajorHazardAssessment {

    private final MajorHazardIdentification identification;

    MajorHazardAssessment(MajorHazardIdentification identification) {
        this.identification = identification;
    }

    public record SubstanceInput(String name, String cas, String hazardClass, BigDecimal tonnes) {
    }

    public record UnitInput(List<SubstanceInput> substances, Integer peopleWithin500m) {
    }

    public List<UnitAssessment> assess(List<UnitInput> units) {
        List<FieldError> errors = new ArrayList<>();
        if (units == null || units.isEmpty()) {
            throw DomainException.invalid("units", "chemical.assessment.noUnits", "至少一个单元");
        }
        List<List<Stock>> stocks = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            UnitInput unit = units.get(u);
            String at = "units[" + u + "]";
            if (unit == null) {
                errors.add(new FieldError(at, "chemical.assessment.noSubstances", "单元没有危险化学品"));
                stocks.add(List.of());
                continue;
            }
            people(unit.peopleWithin500m(), at + ".peopleWithin500m", errors);
            stocks.add(stocks(unit.substances(), at + ".substances", errors));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<UnitAssessment> result = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            result.add(identification.assess(stocks.get(u), units.get(u).peopleWithin500m()));
        }
        return result;
    }

    /** Adds an error naming {@code field} unless {@code people} is zero or more. */
    void people(Integer people, String field, List<FieldError> errors) {
        if (people == null || people < 0) {
            errors.add(new FieldError(field, "chemical.assessment.people", "500米范围内人数须为0或正整数"));
        }
    }

    /** The stocks measured against the standard, with an error naming {@code at[i].field} for each that cannot be. */
    List<Stock> stocks(List<SubstanceInput> substances, String at, List<FieldError> errors) {
        List<Stock> result = new ArrayList<>();
        if (substances == null || substances.isEmpty()) {
            errors.add(new FieldError(at, "chemical.assessment.noSubstances", "单元没有危险化学品"));
            return result;
        }
        for (int i = 0; i < substances.size(); i++) {
            SubstanceInput in = substances.get(i);
            String field = at + "[" + i + "]";
            if (in == null) {
                errors.add(new FieldError(field, "chemical.assessment.unknownSubstance", "未知的危险化学品"));
                continue;
            }
            MajorHazardIdentification.Criterion criterion = null;
            try {
                criterion = identification.criterion(in.name(), in.cas(), in.hazardClass());
            } catch (UnknownSubstance e) {
                String code = "hazardClass".equals(e.field()) ? "chemical.assessment.unknownClass" : "chemical.assessment.unknownSubstance";
                errors.add(new FieldError(field + "." + e.field(), code, e.getMessage()));
            }
            if (in.tonnes() == null || in.tonnes().signum() < 0) {
                errors.add(new FieldError(field + ".tonnes", "chemical.assessment.tonnes", "数量须为0或正数（吨）"));
            } else if (criterion != null) {
                result.add(new Stock(criterion, in.tonnes()));
            }
        }
        return result;
    }

    UnitAssessment assess(List<Stock> stocks, int people) {
        return identification.assess(stocks, people);
    }

    String tablesVersion() {
        return identification.tables().version();
    }
}
