package org.anjian.penalty.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseSource;
import org.anjian.penalty.domain.Measure;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's penalty cases, one or two in each state, handled by 张执法 and 李执法
 * (inspector, inspector2) with the district administrator as legal reviewer; the notices and
 * decisions are real numbered PDFs. Only on an empty table, never under the prod profile.
 */
@Component
class DemoPenalties {

    private static final Logger log = LoggerFactory.getLogger(DemoPenalties.class);
    private static final CaseFacts PLAIN = new CaseFacts(false, false, false, false, false, false, false, false);
    private static final CaseFacts HIDDEN = new CaseFacts(true, false, false, true, false, false, false, false);
    private static final String BASIS = "《中华人民共和国安全生产法》第一百零二条";

    private final JdbcClient jdbc;
    private final PenaltyCaseService cases;
    private final UserDirectory users;
    private final Clock clock;

    private final ZoneId zone;
    DemoPenalties(JdbcClient jdbc, PenaltyCaseService cases, UserDirectory users, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
        this.clock = clock;
    }

    void load(List<UUID> enterpriseIds) {
        if (jdbc.sql("select count(*) from penalty_case").query(Long.class).single() > 0) {
            return;
        }
        Optional<AnjianUser> a = user("inspector", Role.INSPECTOR);
        Optional<AnjianUser> b = user("inspector2", Role.INSPECTOR);
        Optional<AnjianUser> admin = user("admin", Role.DISTRICT_ADMIN);
        if (a.isEmpty() || b.isEmpty() || admin.isEmpty()) {
            return;
        }
        // the eleventh case is against the demo enterprise user's own enterprise (demo-enterprise:1), waiting for its hearing request
        if (enterpriseIds.size() < 30) {
            return;
        }
        List<UUID> enterprises = java.util.stream.IntStream.of(21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 1)
                .mapToObj(n -> enterpriseIds.get(n - 1)).toList();
        log.info("Demo district: {} penalty cases across the life cycle", seed(a.get(), b.get(), admin.get(), enterprises));
    }

    /** Eleven cases, one per enterprise given, from filed to closed, transferred and not penalised; answers how many were made. */
    int seed(AnjianUser a, AnjianUser b, AnjianUser admin, List<UUID> enterprises) {
        Demo demo = new Demo(a, b, admin);
        int made = 0;
        for (int n = 1; n <= 11 && n <= enterprises.size(); n++) {
            try {
                demo.make(n, enterprises.get(n - 1));
                made++;
            } catch (RuntimeException e) {
                log.warn("demo penalty case {} skipped: {}", n, e.getMessage());
            }
        }
        return made;
    }

    private Optional<AnjianUser> user(String username, Role role) {
        return users.usersWithRole(role).stream().filter(u -> u.username().equals(username)).findFirst().map(DemoPenalties::principal);
    }

    private static AnjianUser principal(UserSummary u) {
        return new AnjianUser(u.id(), u.username(), u.displayName(), u.roles(), u.scope(), null, true, false);
    }

    private final class Demo {
        final AnjianUser a;
        final AnjianUser b;
        final AnjianUser admin;

        Demo(AnjianUser a, AnjianUser b, AnjianUser admin) {
            this.a = a;
            this.b = b;
            this.admin = admin;
        }

        void make(int n, UUID enterprise) {
            CaseFacts facts = switch (n) {
                case 3, 6 -> HIDDEN;
                case 10 -> new CaseFacts(false, false, false, false, true, true, true, false);
                default -> PLAIN;
            };
            UUID id = cases.file(a, new PenaltyCaseService.NewCase(n % 2 == 0 ? CaseSource.REPORT : CaseSource.LEAD, null, null, enterprise,
                    EnumSet.of(n % 3 == 0 ? ViolationCategory.MAJOR_HAZARD_SOURCE : ViolationCategory.HAZARDOUS_WORK_APPROVAL, ViolationCategory.TRAINING),
                    switch (n % 3) {
                        case 0 -> "经查，你单位液氨储罐区重大危险源未按规定进行监测监控，且未如实记录、报告该重大事故隐患。";
                        case 1 -> "经查，你单位在污水池有限空间作业前未履行作业审批手续，未安排专人监护，作业人员未经专门安全培训。";
                        default -> "经查，你单位在车间动火作业未办理动火审批，现场未配置灭火器材，作业人员未经安全培训。";
                    }, "王建国", List.of(a.id(), b.id()), facts)).id();
            if (n == 1) {
                return;
            }
            cases.investigate(a, id, new PenaltyCaseService.NewInvestigationRecord("INQUIRY",
                    "询问笔录：当事人单位安全管理负责人承认上述事实，称因赶工期未履行审批手续。", clock.instant().minusSeconds(86_400)));
            cases.investigate(b, id, new PenaltyCaseService.NewInvestigationRecord("INSPECTION",
                    "现场勘验：现场照片 6 张，作业审批台账缺失相关记录。", clock.instant().minusSeconds(80_000)));
            switch (n) {
                case 2 -> {
                    return;
                }
                case 9 -> {
                    cases.transfer(a, id, new PenaltyCaseService.Transfer("重庆市公安局江津区分局", today(),
                            "作业现场发生人员中毒，当事人涉嫌重大责任事故罪，依法移送公安机关（行刑衔接）。"));
                    return;
                }
                case 10 -> {
                    cases.noPenalty(a, id, "初次违法且危害后果轻微，已当场改正（《行政处罚法》第三十三条第一款）。");
                    return;
                }
                default -> {
                }
            }
            long fine = switch (n) {
                case 3 -> 80_000;
                case 5 -> 30_000;
                case 6 -> 60_000;
                case 11 -> 50_000;
                case 7 -> 15_000;
                default -> 20_000;
            };
            EnumSet<Measure> measures = n == 5 ? EnumSet.of(Measure.FINE, Measure.SUSPENSION) : EnumSet.of(Measure.FINE);
            String reason = n == 3 || n == 6 || n == 11 ? "隐患隐瞒不报，且一年内同类违法两次，按从重幅度上浮。" : null;
            cases.propose(a, id, new PenaltyCaseService.Proposal(fine, measures, BASIS, reason, facts));
            boolean review = cases.rules().legalReviewRequired(fine, measures);
            if (review) {
                cases.submitReview(a, id);
                if (n == 3) {
                    return;
                }
                cases.decideReview(admin, id, true, "事实清楚，证据确实充分，适用依据正确，程序合法，裁量适当，同意。");
            }
            cases.notice(b, id);
            if (n == 4 || n == 11) {
                return;
            }
            if (n == 5) {
                cases.requestHearing(a, id);
                return;
            }
            // the statement period of these older cases has run: the notice was served ten days ago
            jdbc.sql("update penalty_case set notified_on = notified_on - 10 where id = ?").param(id).update();
            cases.decide(a, id);
            if (n == 7) {
                cases.pay(b, id, new PenaltyCaseService.Payment(5_000L, today(), "渝财非税 2026-0007"));
            } else if (n == 8) {
                cases.pay(b, id, new PenaltyCaseService.Payment(fine, today(), "渝财非税 2026-0008"));
                cases.close(b, id, null);
            }
        }

        private LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), zone);
        }
    }
}
