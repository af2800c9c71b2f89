package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.InspectionPreparation;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the inspection module what an inspector checks (一体化: the same major-hazard criteria the
 * enterprise checks itself against, plus the general duties) and the hazards still open.
 */
@Component
@Transactional(readOnly = true)
class InspectionPreparationAdapter implements InspectionPreparation {

    /** The duties every enterprise is checked on, whatever its sector. */
    private static final List<String> GENERAL = List.of(
            "全员安全生产责任制建立并落实（《安全生产法》第二十二条）",
            "主要负责人、安全生产管理人员安全生产知识和管理能力考核合格（《安全生产法》第二十七条）",
            "特种作业人员持证上岗（《安全生产法》第三十条）",
            "安全风险分级管控和隐患排查治理双重预防机制运行，隐患如实记录并通报（《安全生产法》第四十一条）",
            "危险作业（动火、有限空间、吊装等）审批并安排专人现场管理（《安全生产法》第四十三条）",
            "生产安全事故应急救援预案制定并定期演练（《安全生产法》第八十一条）");

    private final JdbcClient jdbc;
    private final MajorHazardCriteria criteria;
    private final ZoneId zone;

    InspectionPreparationAdapter(JdbcClient jdbc, MajorHazardCriteria criteria, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.criteria = criteria;
    }

    @Override
    public List<OpenHazard> openHazards(UUID enterpriseId) {
        return jdbc.sql("""
                select id, place, description, grade, state, deadline from hazard_hazard
                where enterprise_id = ? and state <> 'CLOSED' order by grade = 'MAJOR' desc, deadline""").param(enterpriseId)
                .query((rs, n) -> new OpenHazard(rs.getObject("id", UUID.class), rs.getString("place"), rs.getString("description"),
                        "MAJOR".equals(rs.getString("grade")), rs.getString("state"),
                        LocalDate.ofInstant(rs.getObject("deadline", OffsetDateTime.class).toInstant(), zone))).list();
    }

    @Override
    public List<String> checklistItems(Sector sector) {
        List<String> items = new ArrayList<>(GENERAL);
        if (sector != null) {
            criteria.search(sector.name(), null).forEach(c -> items.add(c.code() + " " + c.text()));
        }
        return items;
    }
}
