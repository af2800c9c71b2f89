package org.anjian.enterprise.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.domain.MineGaps.PermitKind;
import org.anjian.enterprise.internal.MineService.MineProfile;
import org.anjian.enterprise.internal.MineService.Month;
import org.anjian.enterprise.internal.MineService.SlopeRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The non-coal mine tables: a mine's profile, its slopes and dumps, and its monthly presence reports. */
@Repository
class MineRepository {

    private final JdbcClient jdbc;

    MineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MineProfile> profile(UUID enterpriseId) {
        return jdbc.sql("select * from ent_mine where enterprise_id = ?").param(enterpriseId)
                .query((rs, n) -> new MineProfile(rs.getString("mineral"), rs.getString("permit_kind") == null ? null : PermitKind.valueOf(rs.getString("permit_kind")),
                        rs.getBigDecimal("output_mt_per_year"), (Integer) rs.getObject("permit_term_years"), rs.getBoolean("crusher_mechanized"))).optional();
    }

    /** The mine's slopes and dumps, highest first. */
    List<SlopeRecord> slopes(UUID enterpriseId) {
        return jdbc.sql("select * from ent_mine_slope where enterprise_id = ? order by height_m desc").param(enterpriseId)
                .query((rs, n) -> new SlopeRecord(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"), rs.getBigDecimal("height_m"),
                        rs.getBoolean("online_monitoring"), rs.getObject("last_stability_analysis", LocalDate.class))).list();
    }

    /** The latest twelve monthly reports, newest first. */
    List<Month> lastMonths(UUID enterpriseId) {
        return jdbc.sql("select * from ent_mine_month where enterprise_id = ? order by month desc limit 12").param(enterpriseId)
                .query((rs, n) -> new Month(YearMonth.from(rs.getObject("month", LocalDate.class)), (Integer) rs.getObject("controller_days"),
                        (Integer) rs.getObject("chief_engineer_days"), rs.getBoolean("principal_check_signed"))).list();
    }

    void upsertProfile(UUID enterpriseId, MineProfile p) {
        jdbc.sql("""
                insert into ent_mine (enterprise_id, mineral, permit_kind, output_mt_per_year, permit_term_years, crusher_mechanized)
                values (?, ?, ?, ?, ?, ?) on conflict (enterprise_id) do update set mineral = excluded.mineral, permit_kind = excluded.permit_kind,
                  output_mt_per_year = excluded.output_mt_per_year, permit_term_years = excluded.permit_term_years,
                  crusher_mechanized = excluded.crusher_mechanized""")
                .params(enterpriseId, p.mineral(), p.permitKind() == null ? null : p.permitKind().name(), p.outputMtPerYear(), p.permitTermYears(),
                        p.crusherMechanized()).update();
    }

    void insertSlope(UUID enterpriseId, SlopeRecord s) {
        jdbc.sql("""
                insert into ent_mine_slope (id, enterprise_id, kind, name, height_m, online_monitoring, last_stability_analysis)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), enterpriseId, s.kind(), s.name(), s.heightM(), s.onlineMonitoring(), s.lastStabilityAnalysis()).update();
    }

    void upsertMonth(UUID enterpriseId, Month m) {
        jdbc.sql("""
                insert into ent_mine_month (enterprise_id, month, controller_days, chief_engineer_days, principal_check_signed) values (?, ?, ?, ?, ?)
                on conflict (enterprise_id, month) do update set controller_days = excluded.controller_days,
                  chief_engineer_days = excluded.chief_engineer_days, principal_check_signed = excluded.principal_check_signed""")
                .params(enterpriseId, m.month().atDay(1), m.controllerDays(), m.chiefEngineerDays(), m.principalCheckSigned()).update();
    }
}
