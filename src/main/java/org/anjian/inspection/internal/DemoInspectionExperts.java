package org.anjian.inspection.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.expert.Field;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 执法+专家 in the demo district: experts selected, with published seeds, for the first two demo
 * inspections (after the demo pool at 75 and the demo inspections at 80). Only while no inspection has
 * an expert, never under the prod profile.
 */
@Component
class DemoInspectionExperts {

    private static final Logger log = LoggerFactory.getLogger(DemoInspectionExperts.class);
    private final JdbcClient jdbc;
    private final InspectionExperts experts;

    DemoInspectionExperts(JdbcClient jdbc, InspectionExperts experts) {
        this.jdbc = jdbc;
        this.experts = experts;
    }

    void load(List<UUID> enterpriseIds) {
        if (jdbc.sql("select count(*) from inspection_expert").query(Long.class).single() > 0) {
            return;
        }
        AnjianUser district = new AnjianUser(UUID.nameUUIDFromBytes("demo-district-office".getBytes(StandardCharsets.UTF_8)), "system",
                "区应急局", EnumSet.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT, null, true, false);
        List<UUID> inspections = jdbc.sql("select id from inspection_inspection where state <> 'DONE' order by planned_on, created_at limit 2")
                .query(UUID.class).list();
        List<List<Field>> fields = List.of(List.of(Field.INDUSTRY_TRADE, Field.DUST_EXPLOSION), List.of(Field.CONFINED_SPACE));
        for (int i = 0; i < inspections.size(); i++) {
            try {
                experts.select(district, inspections.get(i), new InspectionExperts.Request(fields.get(i), 1, "2026-Q4-江津-专家-" + (i + 1)));
            } catch (RuntimeException e) {
                log.warn("demo expert selection skipped: {}", e.getMessage());
            }
        }
        log.info("Demo district: experts selected for {} inspections", inspections.size());
    }
}
