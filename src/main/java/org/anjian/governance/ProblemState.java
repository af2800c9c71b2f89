package org.anjian.governance;

/** Where a problem of the 八张问题清单 stands in its closed loop. */
public enum ProblemState {
    /** 登记: put on a list, with an owner and a deadline. */
    REGISTERED("登记"),
    /** 整改中: the owner is rectifying (again, after a 退回). */
    RECTIFYING("整改中"),
    /** 待核查: the owner reported it rectified, with evidence; the district verifies. */
    PENDING_VERIFICATION("待核查"),
    /** 已销号: verified by the district and closed. */
    CLOSED("已销号");

    private final String label;

    ProblemState(String label) {
        this.label = label;
    }

    /** The Chinese name, as the rule book and the 409 messages say it. */
    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED;
    }
}
