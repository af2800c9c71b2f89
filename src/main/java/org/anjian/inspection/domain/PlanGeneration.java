package org.anjian.inspection.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 年度执法计划 (ENF-1): how many visits each enterprise gets and in which months, "根据企业风险等级和
 * 监管力量配备情况合理确定执法频次".
 *
 * <ol>
 * <li>Visits: the class's inspections per year (the classification rule set), plus one for an
 * enterprise of a priority sector, plus each campaign's extra visits for its sector; at most 12.</li>
 * <li>Spread: n visits fall in months {@code o + floor(k·12/n)} (k = 0…n−1), about 12/n months apart;
 * enterprises with the most visits are placed first (then by id) and each takes the offset
 * {@code o < ceil(12/n)} whose months carry the least load so far, the lowest offset on a tie —
 * so months come out balanced and the same inputs always give the same plan.</li>
 * <li>Capacity: a month over its capacity gives visits to the nearest month with room where the
 * enterprise has no visit yet; visits that are not priority move first, priority visits (every visit
 * of a class-A or priority-sector enterprise, and a campaign's own visits) only within their quarter. What still does not fit is the month's
 * shortfall: reported, never dropped.</li>
 * </ol>
 */
public final class PlanGeneration {

    public static final int MAX_VISITS = 12;

    private PlanGeneration() {
    }

    /** An enterprise in production as the plan needs it; {@code baseVisits} comes from its class. */
    public record Candidate(UUID enterpriseId, String sector, boolean classA, int baseVisits) {
    }

    public record Campaign(String name, String sector, int extraInspections) {
    }

    public enum Basis { CLASS, PRIORITY_SECTOR, CAMPAIGN }

    /** One planned visit; {@code month} 1…12 after balancing, {@code generatedMonth} before it. */
    public record Visit(UUID enterpriseId, int month, int generatedMonth, Basis basis, String campaign, boolean priority) {
    }

    public record Result(List<Visit> visits, int[] load, int monthlyCapacity, int[] shortfall) {
        public int totalShortfall() {
            int s = 0;
            for (int x : shortfall) {
                s += x;
            }
            return s;
        }
    }

    /** Monthly capacity: certified inspectors × inspections each can do a month ÷ 2 (执法必须两人以上). */
    public static int monthlyCapacity(int certifiedInspectors, int perInspectorMonth) {
        return Math.max(0, certifiedInspectors) * Math.max(0, perInspectorMonth) / 2;
    }

    public static Result generate(List<Candidate> candidates, Set<String> prioritySectors, List<Campaign> campaigns, int monthlyCapacity) {
        record Demand(Candidate c, List<Basis> bases, List<String> campaignNames, boolean priority) {
        }
        List<Demand> demands = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Basis> bases = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < Math.max(0, c.baseVisits()); i++) {
                bases.add(Basis.CLASS);
                names.add(null);
            }
            boolean prioritySector = prioritySectors.contains(c.sector());
            if (prioritySector) {
                bases.add(Basis.PRIORITY_SECTOR);
                names.add(null);
            }
            for (Campaign k : campaigns) {
                if (k.sector() != null && k.sector().equals(c.sector())) {
                    for (int i = 0; i < Math.max(0, k.extraInspections()); i++) {
                        bases.add(Basis.CAMPAIGN);
                        names.add(k.name());
                    }
                }
            }
            int n = Math.min(MAX_VISITS, bases.size());
            if (n > 0) {
                demands.add(new Demand(c, bases.subList(0, n), names.subList(0, n), c.classA() || prioritySector));
            }
        }
        demands.sort(Comparator.comparingInt((Demand d) -> -d.bases().size()).thenComparing(d -> d.c().enterpriseId().toString()));

        int[] load = new int[12];
        List<int[]> months = new ArrayList<>(); // per demand, 0-based months
        for (Demand d : demands) {
            int n = d.bases().size();
            int offsets = (12 + n - 1) / n;
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int o = 0; o < offsets; o++) {
                long cost = 0;
                for (int k = 0; k < n; k++) {
                    cost += load[(o + k * 12 / n) % 12];
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = o;
                }
            }
            int[] ms = new int[n];
            for (int k = 0; k < n; k++) {
                ms[k] = (best + k * 12 / n) % 12;
                load[ms[k]]++;
            }
            months.add(ms);
        }

        List<MutableVisit> visits = new ArrayList<>();
        for (int i = 0; i < demands.size(); i++) {
            Demand d = demands.get(i);
            for (int k = 0; k < d.bases().size(); k++) {
                visits.add(new MutableVisit(d.c().enterpriseId(), months.get(i)[k], d.bases().get(k), d.campaignNames().get(k),
                        d.priority() || d.bases().get(k) == Basis.CAMPAIGN));
            }
        }
        int[] generated = visits.stream().mapToInt(v -> v.month).toArray();
        balance(visits, load, monthlyCapacity);

        int[] shortfall = new int[12];
        for (int m = 0; m < 12; m++) {
            shortfall[m] = Math.max(0, load[m] - monthlyCapacity);
        }
        List<Visit> out = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            MutableVisit v = visits.get(i);
            out.add(new Visit(v.enterpriseId, v.month + 1, generated[i] + 1, v.basis, v.campaign, v.priority));
        }
        out.sort(Comparator.comparingInt(Visit::month).thenComparing(v -> v.enterpriseId().toString()));
        return new Result(List.copyOf(out), load, monthlyCapacity, shortfall);
    }

    private static final class MutableVisit {
        final UUID enterpriseId;
        int month;
        final Basis basis;
        final String campaign;
        final boolean priority;

        MutableVisit(UUID enterpriseId, int month, Basis basis, String campaign, boolean priority) {
            this.enterpriseId = enterpriseId;
            this.month = month;
            this.basis = basis;
            this.campaign = campaign;
            this.priority = priority;
        }
    }

    private static void balance(List<MutableVisit> visits, int[] load, int capacity) {
        Map<UUID, Set<Integer>> taken = new java.util.HashMap<>();
        for (MutableVisit v : visits) {
            taken.computeIfAbsent(v.enterpriseId, k -> new HashSet<>()).add(v.month);
        }
        for (int m = 0; m < 12; m++) {
            if (load[m] <= capacity) {
                continue;
            }
            final int month = m;
            List<MutableVisit> here = visits.stream().filter(v -> v.month == month)
                    .sorted(Comparator.comparing((MutableVisit v) -> v.priority).thenComparing(v -> v.enterpriseId.toString(), Comparator.reverseOrder()))
                    .toList();
            for (MutableVisit v : here) {
                if (load[m] <= capacity) {
                    break;
                }
                int target = -1;
                for (int t = 0; t < 12; t++) {
                    if (t == m || load[t] >= capacity || taken.get(v.enterpriseId).contains(t) || (v.priority && t / 3 != m / 3)) {
                        continue;
                    }
                    if (target < 0 || Math.abs(t - m) < Math.abs(target - m)) {
                        target = t;
                    }
                }
                if (target >= 0) {
                    taken.get(v.enterpriseId).remove(m);
                    taken.get(v.enterpriseId).add(target);
                    v.month = target;
                    load[m]--;
                    load[target]++;
                }
            }
        }
    }
}
