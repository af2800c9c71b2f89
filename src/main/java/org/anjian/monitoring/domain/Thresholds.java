package org.anjian.monitoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A sensor's alarm set points 高高/高/低/低低 (HH/H/L/LL). Any may be absent; those given must be in
 * order LL &lt; L &lt; H &lt; HH. The set points come from the enterprise's DCS/SIS; no national numbers.
 */
public record Thresholds(Double hh, Double h, Double l, Double ll) {

    public static final Thresholds NONE = new Thresholds(null, null, null, null);

    /** The fields that break the order, empty when the set points are consistent. */
    public List<String> disorder() {
        List<String> wrong = new ArrayList<>();
        Double[] ordered = {ll, l, h, hh};
        String[] names = {"ll", "l", "h", "hh"};
        Double previous = null;
        for (int i = 0; i < ordered.length; i++) {
            Double v = ordered[i];
            if (v == null) {
                continue;
            }
            if (v.isNaN() || v.isInfinite() || previous != null && v <= previous) {
                wrong.add(names[i]);
            } else {
                previous = v;
            }
        }
        return wrong;
    }

    /** The most severe high level the value reaches, or null. */
    public AlarmLevel high(double value) {
        if (hh != null && value >= hh) {
            return AlarmLevel.HH;
        }
        if (h != null && value >= h) {
            return AlarmLevel.H;
        }
        return null;
    }

    /** The most severe low level the value reaches, or null. */
    public AlarmLevel low(double value) {
        if (ll != null && value <= ll) {
            return AlarmLevel.LL;
        }
        if (l != null && value <= l) {
            return AlarmLevel.L;
        }
        return null;
    }

    public Double limit(AlarmLevel level) {
        return switch (level) {
            case HH -> hh;
            case H -> h;
            case L -> l;
            case LL -> ll;
            default -> null;
        };
    }
}
