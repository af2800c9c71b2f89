package org.anjian.inspection.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's enforcement: a published random draw of industry-and-trade enterprises, and
 * three inspections planned for the demo inspectors (张执法, 李执法) to work on the phone. Only on an
 * empty database, never under the prod profile.
 */
@Component
@Profile("!prod & !production")
@ConditionalOnProperty(name = "anjian.demo.enabled", havingValue = "true", matchIfMissing = true)
@Order(80)
class DemoInspections implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInspections.class);
    private final JdbcClient jdbc;
    private final RandomDrawService draws;
    private final InspectionService inspections;
    private final UserDirectory users;
    private final Clock clock;

    DemoInspections(JdbcClient jdbc, RandomDrawService draws, InspectionService inspections, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.draws = draws;
        this.inspections = inspections;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from inspection_inspection").query(Long.class).single() > 0) {
            return;
        }
        List<UUID> team = users.usersWithRole(Role.INSPECTOR).stream()
                .filter(u -> u.username().equals("inspector") || u.username().equals("inspector2")).map(UserSummary::id).toList();
        if (team.size() < 2) {
            return;
        }
        AnjianUser district = new AnjianUser(UUID.nameUUIDFromBytes("demo-district-office".getBytes(StandardCharsets.UTF_8)), "system",
                "区应急局", EnumSet.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT, null, true, false);
        try {
            draws.draw(district, new RandomDrawService.Request("2026 年第四季度工贸行业双随机抽查（演示）",
                    new RandomDrawService.Pool(Sector.INDUSTRY_TRADE, null, null), 12, "2026-Q4-江津-演示"));
        } catch (RuntimeException e) {
            log.warn("demo random draw skipped: {}", e.getMessage());
        }
        LocalDate today = LocalDate.now(clock.withZone(InspectionService.SHANGHAI));
        for (int n = 1; n <= 3; n++) {
            UUID enterprise = UUID.nameUUIDFromBytes(("demo-enterprise:" + n).getBytes(StandardCharsets.UTF_8));
            try {
                inspections.plan(district, new InspectionService.NewInspection(enterprise, team, today.plusDays(n - 1), null));
            } catch (RuntimeException e) {
                log.warn("demo inspection of {} skipped: {}", enterprise, e.getMessage());
            }
        }
        log.info("Demo district: a published random draw and 3 planned inspections for inspector and inspector2");
    }
}
