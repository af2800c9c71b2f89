package org.anjian.expert.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.expert.ExpertDemo;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.Field;
import org.anjian.expert.ServiceKind;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's expert pool: 30 experts across the fields, two of them employed by demo
 * enterprises (so the conflict rule shows), three whose certificates have expired, the demo user
 * {@code expert} linked to 孙国强, and this year's services with ratings so that the evaluation table
 * shows every result. Runs before the demo inspections (order 80) so they can take experts along.
 * Once (keyed on the first demo expert's id), never under the prod profile.
 */
@Component
class DemoExperts implements ExpertDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoExperts.class);

    private final JdbcClient jdbc;
    private final ExpertRepository repository;
    private final UserDirectory users;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DemoExperts(JdbcClient jdbc, ExpertRepository repository, UserDirectory users, EnterpriseLookup enterprises, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.repository = repository;
        this.users = users;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    /** name, title, employer, fields, profile: E excellent, Q qualified, U unqualified, N not assessed, X expired certificate. */
    static final String[][] EXPERTS = {
            {"孙国强", "高级工程师", "重庆市安全生产科学研究院", "HAZARDOUS_CHEMICALS,ELECTRICAL", "E"},
            {"王建华", "正高级工程师", "重庆化工设计研究院", "HAZARDOUS_CHEMICALS,FIRE", "E"},
            {"李明远", "高级工程师", "重庆大学资源与安全学院", "MINE,EMERGENCY_RESCUE", "E"},
            {"张卫东", "注册安全工程师", "重庆安元安全技术咨询有限公司", "INDUSTRY_TRADE,DUST_EXPLOSION", "Q"},
            {"刘德胜", "高级工程师", "江津区消防救援大队（退休）", "FIRE,CONSTRUCTION", "Q"},
            {"陈志刚", "高级工程师", "中煤科工集团重庆研究院", "MINE,DUST_EXPLOSION", "Q"},
            {"杨秀英", "副教授", "重庆科技大学安全工程学院", "OCCUPATIONAL_HEALTH,CONFINED_SPACE", "Q"},
            {"赵永平", "高级工程师", "重庆特种设备检测研究院", "SPECIAL_EQUIPMENT,ELECTRICAL", "Q"},
            {"黄海涛", "工程师", "重庆渝安安全评价有限公司", "INDUSTRY_TRADE,CONFINED_SPACE", "U"},
            {"周建军", "高级工程师", "重庆钢铁集团安环部（退休）", "METALLURGY,INDUSTRY_TRADE", "Q"},
            {"吴晓梅", "注册安全工程师", "重庆华信安全技术服务有限公司", "HAZARDOUS_CHEMICALS,OCCUPATIONAL_HEALTH", "Q"},
            {"徐长江", "高级工程师", "重庆烟花爆竹行业协会", "FIREWORKS", "E"},
            {"孙立平", "工程师", "江津区应急管理局专家组", "FIREWORKS,FIRE", "N"},
            {"胡振宇", "高级工程师", "重庆建工集团安全管理部", "CONSTRUCTION,SPECIAL_EQUIPMENT", "Q"},
            {"朱红霞", "高级工程师", "重庆冷链物流协会", "AMMONIA_REFRIGERATION,HAZARDOUS_CHEMICALS", "U"},
            {"高文斌", "正高级工程师", "重庆矿山安全技术中心", "MINE", "Q"},
            {"林志强", "工程师", "重庆电力设计院", "ELECTRICAL,FIRE", "N"},
            {"何俊峰", "高级工程师", "重庆市职业病防治院", "OCCUPATIONAL_HEALTH", "Q"},
            {"郭丽娟", "注册安全工程师", "重庆正信安全咨询有限公司", "DUST_EXPLOSION,CONFINED_SPACE", "E"},
            {"马国庆", "高级工程师", "中国石化重庆江津油库（退休）", "HAZARDOUS_CHEMICALS,EMERGENCY_RESCUE", "Q"},
            {"罗永红", "高级技师", "重庆应急救援总队", "EMERGENCY_RESCUE,CONFINED_SPACE", "Q"},
            {"梁思成", "工程师", "重庆交通大学土木学院", "CONSTRUCTION", "N"},
            {"宋志伟", "高级工程师", "重庆有色金属研究院", "METALLURGY,DUST_EXPLOSION", "U"},
            {"郑海燕", "注册安全工程师", "重庆安通安全评价有限公司", "INDUSTRY_TRADE,ELECTRICAL", "Q"},
            {"谢文军", "高级工程师", "", "INDUSTRY_TRADE,DUST_EXPLOSION,CONFINED_SPACE", "Q"},
            {"韩冬梅", "工程师", "", "INDUSTRY_TRADE,SPECIAL_EQUIPMENT", "Q"},
            {"唐建新", "高级工程师", "重庆化工职业学院", "HAZARDOUS_CHEMICALS", "X"},
            {"冯玉兰", "工程师", "重庆消防技术服务中心", "FIRE", "X"},
            {"董少华", "高级工程师", "重庆江津区矿业协会", "MINE,FIREWORKS", "X"},
            {"曹国栋", "高级工程师", "重庆市建筑安全监督站（退休）", "CONSTRUCTION,FIRE", "N"}};

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (jdbc.sql("select count(*) from expert_expert where id = ?").param(id(0)).query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        UUID expertUser = users.usersWithRole(Role.EXPERT).stream().filter(u -> u.username().equals("expert")).map(UserSummary::id).findFirst()
                .orElse(null);
        Random random = new Random(2026);
        int employed = 0;
        int services = 0;
        for (int i = 0; i < EXPERTS.length; i++) {
            String[] row = EXPERTS[i];
            UUID id = id(i);
            Set<Field> fields = EnumSet.noneOf(Field.class);
            for (String f : row[3].split(",")) {
                fields.add(Field.valueOf(f));
            }
            // two experts work for demo enterprises: they are never selected to inspect their own employer
            String employerName = row[2];
            UUID employerId = null;
            if (employerName.isEmpty()) {
                int n = 1 + employed++;
                var e = n < demoEnterprises.size() ? enterprises.find(demoEnterprises.get(n)) : java.util.Optional.<EnterpriseSummary>empty();
                employerId = e.map(EnterpriseSummary::id).orElse(null);
                employerName = e.map(EnterpriseSummary::name).orElse("重庆江津区某机械制造有限公司");
            }
            boolean expired = row[4].equals("X");
            List<Expert.Qualification> qualifications = new ArrayList<>();
            qualifications.add(new Expert.Qualification(row[1].equals("注册安全工程师") ? "注册安全工程师执业资格" : "安全生产专家聘书",
                    "渝津应急专〔" + (2021 + i % 4) + "〕" + String.format("%03d", i + 1) + "号",
                    expired ? today.minusDays(20 + i) : today.plusDays(i == 3 ? 12 : 200 + 30L * i)));
            if (i % 3 == 0 && !expired) {
                qualifications.add(new Expert.Qualification("职称证书（" + row[1] + "）", "渝职称" + (10230 + i), today.plusYears(5)));
            }
            String phone = "1" + (35 + i % 4) + String.format("%08d", 23000000 + i * 7919);
            ExpertStatus status = i == 29 ? ExpertStatus.RETIRED : ExpertStatus.ACTIVE;
            repository.insert(new Expert(id, row[0], i == 0 ? expertUser : null, fields, row[1], qualifications, employerName, employerId, phone,
                    status, 0, 0), now);
            services += services(id, row[4], today, now, random);
        }
        audit.recordAs("system", null, "DEMO_DATA_GENERATED", "expert", "demo", null, Map.of("experts", EXPERTS.length, "services", services));
        log.info("Demo district: {} experts with {} services this year", EXPERTS.length, services);
    }

    static UUID id(int n) {
        return UUID.nameUUIDFromBytes(("demo-expert:" + n).getBytes(StandardCharsets.UTF_8));
    }

    private int services(UUID expertId, String profile, LocalDate today, Instant now, Random random) {
        int n = switch (profile) {
            case "E" -> 7 + random.nextInt(3);
            case "Q" -> 3 + random.nextInt(4);
            case "U" -> 3 + random.nextInt(2);
            case "N" -> random.nextInt(2);
            default -> 0;
        };
        ServiceKind[] kinds = ServiceKind.values();
        String[] summaries = {"检查发现除尘系统未设置锁气卸灰装置，建议按 GB 15577 整改", "核查液化烃储罐区紧急切断阀联锁，确认重大隐患已整改到位",
                "指导企业完善有限空间作业审批与监护制度", "评审动火作业专项方案，提出 3 条修改意见", "参与事故调查，分析直接原因与管理原因"};
        int dayOfYear = Math.max(1, today.getDayOfYear() - 1);
        for (int k = 0; k < n; k++) {
            LocalDate date = LocalDate.of(today.getYear(), 1, 1).plusDays(random.nextInt(dayOfYear));
            ServiceKind kind = kinds[random.nextInt(kinds.length)];
            UUID sid = UUID.nameUUIDFromBytes(("demo-expert-service:" + expertId + ":" + k).getBytes(StandardCharsets.UTF_8));
            repository.insertService(new ServiceRecord(sid, expertId, kind, date, null, null, BigDecimal.valueOf(5L * (2 + random.nextInt(13)), 1),
                    summaries[kind.ordinal()], List.of(), "区应急局", now, null));
            int[] stars = switch (profile) {
                case "E" -> new int[] {5, 4 + (k % 4 == 0 ? 0 : 1), 5};
                case "Q" -> new int[] {3 + random.nextInt(2), 4, 3 + random.nextInt(3)};
                case "U" -> k == 0 ? new int[] {2, 3, 1} : new int[] {3, 3, 2 + random.nextInt(2)};
                default -> new int[] {4, 4, 4};
            };
            // the last service of the year is left for rating on the page
            if (k < n - 1 || profile.equals("U")) {
                repository.rate(sid, new ServiceRecord.Rating(stars[0], stars[1], stars[2], stars[2] == 1 ? "未按约定时间到场，延误检查" : "意见具体，可操作性强",
                        "区应急局", now), null);
            }
        }
        return n;
    }
}
