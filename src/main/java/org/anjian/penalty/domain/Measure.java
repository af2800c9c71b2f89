package org.anjian.penalty.domain;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of penalty of 安全生产法 and 行政处罚法 第九条 this district imposes. */
public enum Measure {
    /** 警告. */
    WARNING,
    /** 罚款. */
    FINE,
    /** 没收违法所得. */
    CONFISCATION,
    /** 责令停产停业. */
    SUSPENSION,
    /** 吊销许可证. */
    LICENCE_REVOCATION,
    /** 关闭. */
    CLOSURE;

    /** The measures that make a decision 重大 (legal review) and give a right to a hearing whatever the fine. */
    public static final Set<Measure> SEVERE = EnumSet.of(SUSPENSION, LICENCE_REVOCATION, CLOSURE);
}
