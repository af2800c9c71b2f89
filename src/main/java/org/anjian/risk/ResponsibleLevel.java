package org.anjian.risk;

/** Who controls a risk (管控层级), from the top: 公司级, 车间(部门)级, 班组级, 岗位级. */
public enum ResponsibleLevel {
    COMPANY,
    WORKSHOP,
    TEAM,
    POST
}
