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
            List<Stock> unitStocks = new ArrayList<>();
            stocks.add(unitStocks);
            if (unit == null) {
                errors.add(new FieldError(at, "chemical.assessment.noSubstances", "单元没有危险化学品"));
                continue;
            }
            if (unit.peopleWithin500m() == null || unit.peopleWithin500m() < 0) {
                errors.add(new FieldError(at + ".peopleWithin500m", "chemical.assessment.people", "500米范围内人数须为0或正整数"));
            }
            if (unit.substances() == null || unit.substances().isEmpty()) {
                errors.add(new FieldError(at + ".substances", "chemical.assessment.noSubstances", "单元没有危险化学品"));
                continue;
            }
            for (int i = 0; i < unit.substances().size(); i++) {
                SubstanceInput in = unit.substances().get(i);
                String field = at + ".substances[" + i + "]";
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
                    unitStocks.add(new Stock(criterion, in.tonnes()));
                }
            }
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
}
