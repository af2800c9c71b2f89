package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.ViolationRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Findings as violation facts; the day is the Shanghai day the finding was recorded on. */
@Component
@Transactional(readOnly = true)
class ViolationFacts implements ViolationRecords {

    private final JdbcClient jdbc;

    private final ZoneId zone;
    ViolationFacts(JdbcClient jdbc, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
    }

    @Override
    public List<ViolationFact> found(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("""
                select f.id, f.inspection_id, i.enterprise_id, f.category, f.major, f.recorded_at from inspection_finding f
                join inspection_inspection i on i.id = f.inspection_id
                where f.recorded_at >= ? and f.recorded_at < ? order by f.recorded_at, f.id""").params(start, end)
                .query((rs, n) -> new ViolationFact(rs.getObject("id", UUID.class), rs.getObject("inspection_id", UUID.class),
                        rs.getObject("enterprise_id", UUID.class), ViolationCategory.valueOf(rs.getString("category")), rs.getBoolean("major"),
                        LocalDate.ofInstant(rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), zone)))
                .list();
    }
}
