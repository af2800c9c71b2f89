package org.anjian.inspection.domain;

/** Where a 责令限期整改指令书 stands: open until its re-inspection closes or escalates it, once. */
public enum OrderState {
    /** 待复查. */
    OPEN,
    /** 复查合格，已销号. */
    CLOSED,
    /** 复查未整改，移交立案. */
    ESCALATED
}
