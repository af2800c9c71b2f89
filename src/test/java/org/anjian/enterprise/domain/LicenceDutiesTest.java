package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.domain.LicenceDuties.Facts;
import org.anjian.enterprise.domain.LicenceDuties.Gap;
import org.anjian.enterprise.domain.LicenceDuties.KeyPerson;
import org.junit.jupiter.api.Test;

class LicenceDutiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static List<Gap> gaps(Facts f) {
        return LicenceDuties.gaps(f, TODAY).stream().map(LicenceDuties.Finding::gap).toList();
    }

    @Test
    void anAboveSizeDustEnterpriseNeedsAChiefEngineerASmallOneDoesNot() {
        Facts big = new Facts(Sector.INDUSTRY_TRADE, SubSector.LIGHT_INDUSTRY, Scale.ABOVE_SIZE, Set.of(RiskFlag.DUST_EXPLOSION), false, false, List.of());
        assertThat(gaps(big)).containsExactly(Gap.CHIEF_ENGINEER_MISSING);
        Facts small = new Facts(Sector.INDUSTRY_TRADE, SubSector.LIGHT_INDUSTRY, Scale.SMALL_MICRO, Set.of(RiskFlag.DUST_EXPLOSION), false, false, List.of());
        assertThat(gaps(small)).isEmpty();
        Facts withChief = new Facts(Sector.INDUSTRY_TRADE, SubSector.LIGHT_INDUSTRY, Scale.ABOVE_SIZE, Set.of(RiskFlag.AMMONIA_REFRIGERATION), false, false,
                List.of(new KeyPerson("CHIEF_ENGINEER", "陈工", TODAY.minusYears(1), null)));
        assertThat(gaps(withChief)).isEmpty();
    }

    @Test
    void aMineNeedsPermitInsuranceAndChiefEngineer() {
        Facts mine = new Facts(Sector.NON_COAL_MINE, SubSector.OPEN_PIT, Scale.SMALL_MICRO, Set.of(), false, false, List.of());
        assertThat(gaps(mine)).containsExactly(Gap.SAFETY_PERMIT_MISSING, Gap.INSURANCE_MISSING, Gap.CHIEF_ENGINEER_MISSING);
    }

    @Test
    void hazchemTradeNeedsInsuranceAndChiefEngineerButNoProductionPermit() {
        Facts trade = new Facts(Sector.HAZCHEM, SubSector.HAZCHEM_TRADE, Scale.SMALL_MICRO, Set.of(), false, true, List.of());
        assertThat(gaps(trade)).containsExactly(Gap.CHIEF_ENGINEER_MISSING);
    }

    @Test
    void smeltingPrincipalMustBeAssessedWithinSixMonths() {
        LocalDate appointed = TODAY.minusMonths(6);
        KeyPerson onTheDeadline = new KeyPerson("PRINCIPAL", "刘总", appointed, null);
        Facts f = new Facts(Sector.INDUSTRY_TRADE, SubSector.METALLURGY, Scale.SMALL_MICRO, EnumSet.of(RiskFlag.METAL_SMELTING), false, true, List.of(onTheDeadline));
        assertThat(gaps(f)).as("the 6-month day itself is still in time").isEmpty();

        KeyPerson dayAfter = new KeyPerson("PRINCIPAL", "刘总", appointed.minusDays(1), null);
        Facts late = new Facts(Sector.INDUSTRY_TRADE, SubSector.METALLURGY, Scale.SMALL_MICRO, EnumSet.of(RiskFlag.METAL_SMELTING), false, true, List.of(dayAfter));
        assertThat(LicenceDuties.gaps(late, TODAY)).containsExactly(new LicenceDuties.Finding(Gap.ASSESSMENT_OVERDUE, "刘总"));

        KeyPerson assessed = new KeyPerson("SAFETY_MANAGER", "周安全", appointed.minusMonths(3), appointed);
        Facts ok = new Facts(Sector.INDUSTRY_TRADE, SubSector.METALLURGY, Scale.SMALL_MICRO, EnumSet.of(RiskFlag.METAL_SMELTING), false, true, List.of(assessed));
        assertThat(gaps(ok)).isEmpty();
    }

    @Test
    void smeltingWithoutInsuranceIsAGap() {
        Facts f = new Facts(Sector.INDUSTRY_TRADE, SubSector.NONFERROUS, Scale.SMALL_MICRO, EnumSet.of(RiskFlag.METAL_SMELTING), false, false, List.of());
        assertThat(gaps(f)).containsExactly(Gap.INSURANCE_MISSING);
    }

    @Test
    void assessmentIsNotRequiredOutsideSmelting() {
        KeyPerson p = new KeyPerson("PRINCIPAL", "王", TODAY.minusYears(2), null);
        Facts f = new Facts(Sector.INDUSTRY_TRADE, SubSector.MACHINERY, Scale.SMALL_MICRO, Set.of(), false, false, List.of(p));
        assertThat(gaps(f)).isEmpty();
    }
}
