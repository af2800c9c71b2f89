package org.anjian.permit.domain;

import java.math.BigDecimal;

/**
 * One reading of a gas analysis.
 *
 * @param kind      combustible, oxygen or toxic
 * @param substance what was measured (e.g. 甲烷, 硫化氢); for oxygen "氧气"
 * @param value     combustible and oxygen in % (v/v); toxic in the unit of its limit (mg/m³)
 * @param lel       combustible only: the substance's lower explosive limit in % (v/v)
 * @param limit     toxic only: the occupational exposure limit of GBZ 2.1 in the same unit as the value
 */
public record GasReading(Kind kind, String substance, BigDecimal value, BigDecimal lel, BigDecimal limit) {

    public enum Kind {
        COMBUSTIBLE, OXYGEN, TOXIC
    }

    public GasReading {
        if (kind == null || value == null || value.signum() < 0) {
            throw PermitViolation.invalid("permit.gas.reading", "气体分析读数不完整或为负数");
        }
        if (kind == Kind.COMBUSTIBLE && (lel == null || lel.signum() <= 0)) {
            throw PermitViolation.invalid("permit.gas.lel", "可燃气体须填写其爆炸下限（%，体积分数）");
        }
        if (kind == Kind.TOXIC && (limit == null || limit.signum() <= 0)) {
            throw PermitViolation.invalid("permit.gas.limit", "有毒气体须填写其职业接触限值（GBZ 2.1）");
        }
    }

    public static GasReading combustible(String substance, String percentVol, String lelPercentVol) {
        return new GasReading(Kind.COMBUSTIBLE, substance, new BigDecimal(percentVol), new BigDecimal(lelPercentVol), null);
    }

    public static GasReading oxygen(String percentVol) {
        return new GasReading(Kind.OXYGEN, "氧气", new BigDecimal(percentVol), null, null);
    }

    public static GasReading toxic(String substance, String value, String limit) {
        return new GasReading(Kind.TOXIC, substance, new BigDecimal(value), null, new BigDecimal(limit));
    }
}
