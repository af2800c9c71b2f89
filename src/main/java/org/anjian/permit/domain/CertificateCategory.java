package org.anjian.permit.domain;

/**
 * Categories of the operator certificates a special work asks for: the 特种作业操作证 categories of
 * 《特种作业人员安全技术培训考核管理规定》 (令第30号, Appendix 目录) and, for crane operators, the
 * 特种设备作业人员证 (起重机械).
 */
public enum CertificateCategory {
    /** 电工作业. */
    ELECTRICAL("电工作业"),
    /** 焊接与热切割作业. */
    WELDING_AND_THERMAL_CUTTING("焊接与热切割作业"),
    /** 高处作业. */
    WORK_AT_HEIGHT("高处作业"),
    /** 危险化学品安全作业. */
    HAZARDOUS_CHEMICALS("危险化学品安全作业"),
    /** 特种设备作业人员证（起重机械）. */
    CRANE_OPERATION("起重机械作业");

    private final String label;

    CertificateCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
