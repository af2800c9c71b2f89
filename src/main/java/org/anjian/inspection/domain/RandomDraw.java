package org.anjian.inspection.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.anjian.shared.random.DrawStream;

/**
 * 双随机、一公开 (ENF-2), as an algorithm anyone can re-run from the published seed, pool and
 * inspector pool:
 * <ol>
 *   <li>The pool's enterprise ids and the inspector ids are each sorted ascending (as strings).</li>
 *   <li>Enterprises: a partial Fisher–Yates shuffle of the sorted pool with {@link DrawStream}: for
 *       i = 0 … count−1, swap position i with position i + below(size − i); the first {@code count}
 *       are drawn, in that order.</li>
 *   <li>Inspectors, enterprise by enterprise in draw order: the eligible ones are those without a
 *       declared conflict with that enterprise; {@code perEnterprise} times, among the eligible not yet
 *       picked for it, those with the fewest assignments in this draw so far are the candidates and
 *       candidate below(number of candidates) is picked. So the work spreads evenly, by chance only
 *       among equals.</li>
 *   <li>If any drawn enterprise has fewer eligible inspectors than {@code perEnterprise}, nothing is
 *       drawn and each such enterprise is reported.</li>
 * </ol>
 */
public final class RandomDraw {

    public static final String ALGORITHM = "ANJIAN-DRAW-1 (SHA-256 counter stream; sorted ids; partial Fisher-Yates; "
            + "least-loaded eligible inspectors, ties by the stream)";

    private RandomDraw() {
    }

    public record Assignment(UUID enterpriseId, List<UUID> inspectorIds) {
    }

    /** An enterprise that could not get enough inspectors: how many were eligible. */
    public record Shortage(UUID enterpriseId, int eligibleInspectors) {
    }

    public record Outcome(List<Assignment> assignments, List<Shortage> shortages) {
        public boolean drawn() {
            return shortages.isEmpty();
        }
    }

    public static Outcome draw(List<UUID> pool, int count, List<UUID> inspectors, BiPredicate<UUID, UUID> conflict, int perEnterprise,
                               String seed) {
        if (count < 1 || count > pool.size()) {
            throw new IllegalArgumentException("count must be between 1 and the pool size " + pool.size());
        }
        DrawStream stream = new DrawStream(seed);
        List<UUID> shuffled = sorted(pool);
        for (int i = 0; i < count; i++) {
            int j = i + stream.below(shuffled.size() - i);
            UUID tmp = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, tmp);
        }
        List<UUID> drawn = shuffled.subList(0, count);
        List<UUID> people = sorted(inspectors);
        Map<UUID, Integer> load = new HashMap<>();
        List<Assignment> assignments = new ArrayList<>();
        List<Shortage> shortages = new ArrayList<>();
        for (UUID enterprise : drawn) {
            List<UUID> eligible = people.stream().filter(p -> !conflict.test(p, enterprise)).toList();
            if (eligible.size() < perEnterprise) {
                shortages.add(new Shortage(enterprise, eligible.size()));
                continue;
            }
            List<UUID> remaining = new ArrayList<>(eligible);
            List<UUID> picked = new ArrayList<>();
            for (int k = 0; k < perEnterprise; k++) {
                int least = remaining.stream().mapToInt(p -> load.getOrDefault(p, 0)).min().orElseThrow();
                List<UUID> candidates = remaining.stream().filter(p -> load.getOrDefault(p, 0) == least).toList();
                UUID chosen = candidates.get(stream.below(candidates.size()));
                picked.add(chosen);
                remaining.remove(chosen);
                load.merge(chosen, 1, Integer::sum);
            }
            assignments.add(new Assignment(enterprise, List.copyOf(picked)));
        }
        return shortages.isEmpty() ? new Outcome(assignments, List.of()) : new Outcome(List.of(), shortages);
    }

    private static List<UUID> sorted(List<UUID> ids) {
        List<UUID> copy = new ArrayList<>(ids);
        copy.sort(Comparator.comparing(UUID::toString));
        return copy;
    }
}
