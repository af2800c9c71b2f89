package org.anjian.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.domain.OutletLayout.Flag;
import org.anjian.enterprise.domain.OutletLayout.Outlet;
import org.junit.jupiter.api.Test;

class OutletLayoutTest {

    @Test
    void outletsOffThePlanAndBeyondTheQuotaAreFlagged() {
        UUID town = UUID.randomUUID();
        Outlet first = new Outlet(UUID.randomUUID(), town, "P1", LocalDate.of(2025, 1, 1));
        Outlet second = new Outlet(UUID.randomUUID(), town, "P2", LocalDate.of(2025, 2, 1));
        Outlet third = new Outlet(UUID.randomUUID(), town, "X9", LocalDate.of(2025, 3, 1));
        Map<UUID, List<Flag>> flags = OutletLayout.check(List.of(third, first, second), Set.of("P1", "P2"), Map.of(town, 2));
        assertThat(flags.get(first.id())).isEmpty();
        assertThat(flags.get(second.id())).as("the quota itself is allowed").isEmpty();
        assertThat(flags.get(third.id())).containsExactly(Flag.OUTSIDE_PLAN, Flag.OVER_QUOTA);
    }
}
