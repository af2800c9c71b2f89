package org.anjian.risk;

/** The four risk grades and their colours on the four-colour map (四色图). */
public enum RiskLevel {
    /** 重大风险, red. */
    MAJOR("#e3000f"),
    /** 较大风险, orange. */
    HIGH("#ff7f00"),
    /** 一般风险, yellow. */
    GENERAL("#ffd800"),
    /** 低风险, blue. */
    LOW("#0070c0");

    private final String colour;

    RiskLevel(String colour) {
        this.colour = colour;
    }

    public String colour() {
        return colour;
    }
}
