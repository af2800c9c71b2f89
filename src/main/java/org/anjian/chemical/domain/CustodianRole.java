package org.anjian.chemical.domain;

/**
 * The three 包保责任人 of a major hazard source (《危险化学品企业重大危险源安全包保责任制办法（试行）》,
 * 应急厅〔2021〕12号, Art. 3) and how often each must check it: the technical person at least once a
 * quarter (Art. 5(5)), the operational person at least once a week (Art. 6); the principal's duties
 * (Art. 4) set no period.
 */
public enum CustodianRole {

    PRINCIPAL(null),
    TECHNICAL(DutyCadence.QUARTERLY),
    OPERATIONAL(DutyCadence.WEEKLY);

    private final DutyCadence cadence;

    CustodianRole(DutyCadence cadence) {
        this.cadence = cadence;
    }

    /** The least frequent check the role allows; {@code null} where the 办法 sets none. */
    public DutyCadence cadence() {
        return cadence;
    }

    public enum DutyCadence {
        WEEKLY, QUARTERLY
    }
}
