package org.anjian.inspection.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.anjian.shared.random.DrawStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ENF-2: reproducible from seed and pools, uniform, conflict-free, evenly spread, all or nothing. */
class RandomDrawTest {

    static List<UUID> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8))).toList();
    }

    static final BiPredicate<UUID, UUID> NO_CONFLICTS = (inspector, enterprise) -> false;

    @Test
    void theSameSeedAndPoolsGiveTheSameDrawWhateverTheirOrder() {
        List<UUID> pool = ids("e", 40);
        List<UUID> inspectors = ids("i", 8);
        RandomDraw.Outcome a = RandomDraw.draw(pool, 10, inspectors, NO_CONFLICTS, 2, "2026-11-双随机-01");
        List<UUID> shuffledPool = new ArrayList<>(pool);
        Collections.reverse(shuffledPool);
        List<UUID> shuffledInspectors = new ArrayList<>(inspectors);
        Collections.shuffle(shuffledInspectors, new java.util.Random(1));
        RandomDraw.Outcome b = RandomDraw.draw(shuffledPool, 10, shuffledInspectors, NO_CONFLICTS, 2, "2026-11-双随机-01");
        assertThat(b).isEqualTo(a);
        assertThat(RandomDraw.draw(pool, 10, inspectors, NO_CONFLICTS, 2, "2026-11-双随机-02")).isNotEqualTo(a);
    }

    @Test
    void everyEnterpriseOfThePoolIsEquallyLikelyToBeDrawn() {
        // 10,000 draws of 5 from 20: each enterprise is expected 2,500 times. Chi-square with 19 degrees of
        // freedom stays below 43.82 with probability 0.999 when the draw is uniform.
        List<UUID> pool = ids("e", 20);
        Map<UUID, Integer> seen = new HashMap<>();
        for (int s = 0; s < 10_000; s++) {
            for (RandomDraw.Assignment a : RandomDraw.draw(pool, 5, ids("i", 2), NO_CONFLICTS, 2, "seed-" + s).assignments()) {
                seen.merge(a.enterpriseId(), 1, Integer::sum);
            }
        }
        double expected = 10_000 * 5 / 20.0;
        double chiSquare = pool.stream().mapToDouble(e -> Math.pow(seen.getOrDefault(e, 0) - expected, 2) / expected).sum();
        assertThat(chiSquare).isLessThan(43.82);
    }

    @Test
    void theStreamIsUniformBelowABound() {
        DrawStream stream = new DrawStream("uniform");
        int[] counts = new int[6];
        for (int i = 0; i < 60_000; i++) {
            counts[stream.below(6)]++;
        }
        double chiSquare = IntStream.of(counts).mapToDouble(c -> Math.pow(c - 10_000, 2) / 10_000).sum();
        assertThat(chiSquare).isLessThan(20.52); // 5 degrees of freedom, p = 0.001
        assertThat(new DrawStream("x").below(1)).isZero();
        assertThatThrownBy(() -> new DrawStream("x").below(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noDrawnPairHasADeclaredConflict() {
        List<UUID> pool = ids("e", 50);
        List<UUID> inspectors = ids("i", 10);
        Set<String> conflicts = new HashSet<>();
        java.util.Random r = new java.util.Random(7);
        for (UUID e : pool) {
            for (UUID i : inspectors) {
                if (r.nextInt(4) == 0) {
                    conflicts.add(i + "/" + e);
                }
            }
        }
        BiPredicate<UUID, UUID> conflict = (i, e) -> conflicts.contains(i + "/" + e);
        for (int s = 0; s < 200; s++) {
            RandomDraw.Outcome o = RandomDraw.draw(pool, 20, inspectors, conflict, 2, "c" + s);
            assertThat(o.drawn()).isTrue();
            for (RandomDraw.Assignment a : o.assignments()) {
                assertThat(a.inspectorIds()).hasSize(2).doesNotHaveDuplicates();
                a.inspectorIds().forEach(i -> assertThat(conflicts).doesNotContain(i + "/" + a.enterpriseId()));
            }
        }
    }

    @Test
    void theWorkIsSpreadEvenlyOverTheInspectors() {
        RandomDraw.Outcome o = RandomDraw.draw(ids("e", 30), 30, ids("i", 6), NO_CONFLICTS, 2, "even");
        Map<UUID, Integer> load = new HashMap<>();
        o.assignments().forEach(a -> a.inspectorIds().forEach(i -> load.merge(i, 1, Integer::sum)));
        assertThat(load).hasSize(6);
        assertThat(load.values()).allMatch(n -> n == 10);
        RandomDraw.Outcome odd = RandomDraw.draw(ids("e", 7), 7, ids("i", 4), NO_CONFLICTS, 2, "odd");
        Map<UUID, Integer> oddLoad = new HashMap<>();
        odd.assignments().forEach(a -> a.inspectorIds().forEach(i -> oddLoad.merge(i, 1, Integer::sum)));
        assertThat(Collections.max(oddLoad.values()) - Collections.min(oddLoad.values())).isLessThanOrEqualTo(1);
    }

    @Test
    void anEnterpriseWithFewerThanTwoEligibleInspectorsStopsTheWholeDraw() {
        List<UUID> pool = ids("e", 3);
        List<UUID> inspectors = ids("i", 3);
        UUID blocked = pool.get(1);
        // two of the three inspectors have a conflict with the blocked enterprise
        BiPredicate<UUID, UUID> conflict = (i, e) -> e.equals(blocked) && !i.equals(inspectors.get(0));
        RandomDraw.Outcome o = RandomDraw.draw(pool, 3, inspectors, conflict, 2, "short");
        assertThat(o.drawn()).isFalse();
        assertThat(o.assignments()).isEmpty();
        assertThat(o.shortages()).containsExactly(new RandomDraw.Shortage(blocked, 1));
    }

    @Test
    void theCountMustFitThePool() {
        assertThatThrownBy(() -> RandomDraw.draw(ids("e", 3), 4, ids("i", 2), NO_CONFLICTS, 2, "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RandomDraw.draw(ids("e", 3), 0, ids("i", 2), NO_CONFLICTS, 2, "s")).isInstanceOf(IllegalArgumentException.class);
    }
}
