package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.inspection.ViolationCategory;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two years of the demo district's earlier inspections (2024 to last month), so that the
 * violation–penalty–accident analysis (ENF-9) has a history to read. They stand for records
 * migrated from the paper era: finished, their findings categorised and long rectified, so they
 * publish no events and make no hazards. The focus areas of the plan are found most often, as in
 * the district's own enforcement statistics. Only on an empty history, never under prod.
 */
@Component
class DemoViolationHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoViolationHistory.class);
    /** Weights per category, focus areas first; the same order as {@link ViolationCategory}. */
    private static final int[] WEIGHTS = {14, 12, 13, 12, 8, 7, 10, 9, 8, 5, 2};
    private static final String[][] TEXT = {
            {"主要负责人未组织制定本单位安全生产规章制度和操作规程", "主要负责人未按规定组织开展隐患排查治理"},
            {"电工作业人员未取得特种作业操作证上岗", "焊接作业人员特种作业操作证过期"},
            {"动火作业未办理作业审批", "有限空间作业未审批、未安排监护人"},
            {"冲压设备检修未停机断电挂牌", "行车制动器磨损未及时检修"},
            {"外包检修单位未签订安全管理协议", "未对外包作业人员进行安全交底"},
            {"重大危险源监测监控系统报警未处置", "储罐区液位计失效"},
            {"新员工未经三级安全教育上岗", "安全培训档案不全"},
            {"员工未按规定佩戴防护用品作业", "叉车司机违章载人"},
            {"传动部位防护罩缺失", "配电箱门未关闭、无漏电保护"},
            {"未按规定开展应急演练", "应急器材过期"},
            {"安全警示标志缺失", "台账记录不规范"}};

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final Clock clock;

    private final ZoneId zone;
    DemoViolationHistory(JdbcClient jdbc, EnterpriseLookup enterprises, UserDirectory users, Clock clock,
                         DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public void load(List<UUID> enterpriseIds) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = LocalDate.of(today.getYear() - 2, 1, 1);
        LocalDate end = today.withDayOfMonth(1).minusMonths(1);
        if (jdbc.sql("select count(*) from inspection_inspection where planned_on < ?").param(start.plusYears(2)).query(Long.class).single() > 0) {
            return;
        }
        List<UUID> team = users.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enforcementCertNo() != null)
                .map(org.anjian.identity.UserSummary::id).sorted().toList();
        if (team.size() < 2) {
            return;
        }
        Random rnd = new Random(20230301L);
        int inspections = 0;
        int findings = 0;
        long days = end.toEpochDay() - start.toEpochDay();
        for (int n = 1; n <= enterpriseIds.size(); n += 2 + rnd.nextInt(3)) {
            Optional<EnterpriseSummary> found = enterprises.find(enterpriseIds.get(n - 1));
            if (found.isEmpty()) {
                continue;
            }
            EnterpriseSummary e = found.get();
            int visits = 1 + rnd.nextInt(2);
            for (int v = 0; v < visits; v++) {
                LocalDate on = start.plusDays(rnd.nextLong(days));
                UUID id = UUID.randomUUID();
                int a = rnd.nextInt(team.size());
                int b = (a + 1 + rnd.nextInt(team.size() - 1)) % team.size();
                OffsetDateTime at = on.atTime(9 + rnd.nextInt(6), rnd.nextInt(60)).atZone(zone).toOffsetDateTime();
                jdbc.sql("""
                        insert into inspection_inspection (id, enterprise_id, town_id, park_id, sector, inspector_ids, planned_on, state, started_at,
                          finished_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'DONE', ?, ?, 'demo', ?)""")
                        .params(id, e.id(), e.townId(), e.parkId(), e.sector().name(), new UUID[] {team.get(a), team.get(b)}, on, at, at.plusHours(2),
                                at.minusDays(7)).update();
                inspections++;
                int k = rnd.nextInt(4);   // a quarter of the visits find nothing
                for (int f = 0; f < k; f++) {
                    ViolationCategory c = pick(rnd);
                    String[] texts = TEXT[c.ordinal()];
                    OffsetDateTime recorded = at.plusMinutes(10 + 20L * f);
                    jdbc.sql("""
                            insert into inspection_finding (id, inspection_id, place, description, major, criterion_code, legal_basis, deadline,
                              recorded_by, recorded_at, resolved_at, category) values (?, ?, ?, ?, ?, null, null, ?, '历史记录', ?, ?, ?)""")
                            .params(UUID.randomUUID(), id, "生产现场", texts[rnd.nextInt(texts.length)], c == ViolationCategory.MAJOR_HAZARD_SOURCE
                                    && rnd.nextInt(3) == 0, on.plusDays(30), recorded, recorded.plusDays(20 + rnd.nextInt(20)), c.name()).update();
                    findings++;
                }
            }
        }
        log.info("Demo district: {} earlier inspections ({} to {}) with {} categorised findings", inspections, start, end, findings);
    }

    private static ViolationCategory pick(Random rnd) {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return ViolationCategory.values()[i];
            }
        }
        return ViolationCategory.OTHER;
    }
}
