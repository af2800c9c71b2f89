package org.anjian.enterprise.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fireworks retail outlets against the 布点规划 (ENT-8): an outlet must sit on a planned point, and a
 * town may not have more licensed outlets than its quota. Every outlet beyond the quota (in order
 * of licensing) is flagged, so the newest ones are the ones to review.
 */
public final class OutletLayout {

    public enum Flag { OUTSIDE_PLAN, OVER_QUOTA }

    public record Outlet(UUID id, UUID townId, String planPointCode, java.time.LocalDate licensedOn) {
    }

    private OutletLayout() {
    }

    public static Map<UUID, List<Flag>> check(List<Outlet> outlets, java.util.Set<String> planPoints, Map<UUID, Integer> quotaByTown) {
        Map<UUID, List<Flag>> flags = new HashMap<>();
        Map<UUID, Integer> counted = new HashMap<>();
        List<Outlet> ordered = new ArrayList<>(outlets);
        ordered.sort(java.util.Comparator.comparing(Outlet::licensedOn, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        for (Outlet o : ordered) {
            List<Flag> f = new ArrayList<>();
            if (o.planPointCode() == null || !planPoints.contains(o.planPointCode())) {
                f.add(Flag.OUTSIDE_PLAN);
            }
            int n = counted.merge(o.townId(), 1, Integer::sum);
            Integer quota = quotaByTown.get(o.townId());
            if (quota != null && n > quota) {
                f.add(Flag.OVER_QUOTA);
            }
            flags.put(o.id(), f);
        }
        return flags;
    }
}
