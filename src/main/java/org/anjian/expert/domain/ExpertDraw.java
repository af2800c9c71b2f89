package org.anjian.expert.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.expert.Field;
import org.anjian.shared.random.DrawStream;

/**
 * Who goes along on an inspection (执法+专家). The caller hands in only the experts who may go (active,
 * qualified today, not employed by the inspected enterprise); this rule spreads the work: for each
 * field in its declared order it takes {@code count} experts one at a time from those with the
 * fewest services this year, choosing among them with the seeded stream. Candidates are ordered by
 * id first, so the same seed over the same pool always gives the same experts.
 */
public final class ExpertDraw {

    private ExpertDraw() {
    }

    /** An expert who may be selected, with the services done this year. */
    public record Candidate(UUID id, Set<Field> fields, long load) {
    }

    public record Pick(UUID expertId, Field field) {
    }

    /** Fewer experts of a field are available than were asked for. */
    public static final class Shortage extends RuntimeException {
        private final Field field;
        private final int available;

        public Shortage(Field field, int available) {
            super("only " + available + " expert(s) available in " + field);
            this.field = field;
            this.available = available;
        }

        public Field field() {
            return field;
        }

        public int available() {
            return available;
        }
    }

    public static List<Pick> draw(List<Candidate> candidates, Set<Field> fields, int count, String seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        List<Candidate> pool = new ArrayList<>(candidates);
        pool.sort(Comparator.comparing(c -> c.id().toString()));
        DrawStream stream = new DrawStream(seed);
        Set<UUID> taken = new HashSet<>();
        List<Pick> picks = new ArrayList<>();
        for (Field field : Field.values()) {
            if (!fields.contains(field)) {
                continue;
            }
            List<Candidate> open = new ArrayList<>(pool.stream().filter(c -> c.fields().contains(field) && !taken.contains(c.id())).toList());
            if (open.size() < count) {
                throw new Shortage(field, open.size());
            }
            for (int i = 0; i < count; i++) {
                long least = open.stream().mapToLong(Candidate::load).min().orElseThrow();
                List<Candidate> ties = open.stream().filter(c -> c.load() == least).toList();
                Candidate chosen = ties.get(stream.below(ties.size()));
                open.remove(chosen);
                taken.add(chosen.id());
                picks.add(new Pick(chosen.id(), field));
            }
        }
        return picks;
    }
}
