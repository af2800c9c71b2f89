package org.anjian.governance.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.governance.AccountabilityDocumentKind;
import org.anjian.governance.ProblemDemo;
import org.anjian.governance.ProblemOwnerKind;
import org.anjian.governance.ProblemState;
import org.anjian.governance.TaskState;
import org.anjian.governance.domain.Problem;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo district's 八张问题清单 (problems in every state, some overdue and escalated, a 举一反三
 * family across towns), its 挂图作战 board of twenty tasks in the seed's quarterly rhythm, responsibility
 * lists, 明查暗访 records and a few numbered documents. Written once, straight through the repositories.
 */
@Component
class DemoProblems implements ProblemDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoProblems.class);
    private static final String BY = "区安委办 管理员";

    private final ProblemRepository problems;
    private final TaskRepository tasks;
    private final AccountabilityRepository accountability;
    private final ProblemDeadlines deadlines;
    private final ProblemService service;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final Clock clock;

    DemoProblems(ProblemRepository problems, TaskRepository tasks, AccountabilityRepository accountability, ProblemDeadlines deadlines,
                 ProblemService service, EnterpriseLookup enterprises, OrganizationDirectory organization, Clock clock) {
        this.problems = problems;
        this.tasks = tasks;
        this.accountability = accountability;
        this.deadlines = deadlines;
        this.service = service;
        this.enterprises = enterprises;
        this.organization = organization;
        this.clock = clock;
    }

    /** One problem of the demo: list, title, owner (enterprise index or town name), deadline from today, and how far it got. */
    private record Seed(String list, String title, String description, Integer enterprise, String town, int deadlineDays, ProblemState state) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("MAJOR_HAZARD", "液氨制冷车间未设置泄漏报警装置", "速冻库液氨制冷机房未按规定设置氨气泄漏报警和自动联锁装置。", 0, null, 20, ProblemState.RECTIFYING),
            new Seed("MAJOR_HAZARD", "粉尘爆炸危险场所使用非防爆电气", "抛光车间除尘器周边照明及开关为非防爆型。", 1, null, -3, ProblemState.RECTIFYING),
            new Seed("ENFORCEMENT", "有限空间作业未执行审批制度", "污水处理池清淤作业未办理有限空间作业审批，未安排监护人。", 2, null, 10, ProblemState.PENDING_VERIFICATION),
            new Seed("ENFORCEMENT", "特种作业人员无证上岗", "焊接作业人员未持有效特种作业操作证。", 3, null, -12, ProblemState.REGISTERED),
            new Seed("SUPERVISION", "暗访发现消防通道堵塞", "成品仓库消防通道堆放货物，疏散指示标志损坏。", 4, null, 5, ProblemState.REGISTERED),
            new Seed("SUPERVISION", "镇街安全监管人员配备不足", "暗访发现镇街应急办专职安全监管人员不足 3 人。", null, "德感街道", -5, ProblemState.RECTIFYING),
            new Seed("PUBLIC_REPORT", "群众举报夜间违规动火作业", "举报反映夜间在厂房内进行切割作业，未办理动火作业票。", 5, null, 7, ProblemState.CLOSED),
            new Seed("ACCIDENT", "机械伤害事故暴露安全防护缺失", "冲压设备光电保护装置失效，事故调查发现长期未检修。", 6, null, 15, ProblemState.PENDING_VERIFICATION),
            new Seed("MONITORING", "可燃气体报警长期未处置", "储罐区可燃气体探测器多次报警未及时处置复位。", 7, null, -1, ProblemState.RECTIFYING),
            new Seed("CAMPAIGN", "城镇燃气用户未安装报警器", "餐饮场所使用燃气未安装可燃气体报警装置。", null, "几江街道", 30, ProblemState.REGISTERED),
            new Seed("CAMPAIGN", "自建房改变用途未经安全鉴定", "自建房改为经营场所未进行房屋安全鉴定。", null, "双福街道", 25, ProblemState.RECTIFYING),
            new Seed("HIGHER_LEVEL", "市级督导反馈：隐患整改台账不完整", "部分企业隐患排查治理台账缺少整改验收记录。", 8, null, -20, ProblemState.RECTIFYING),
            new Seed("HIGHER_LEVEL", "市级督导反馈：应急预案未演练", "企业生产安全事故应急预案年度未组织演练。", 9, null, 12, ProblemState.CLOSED));

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (problems.hasProblems()) {
            return;
        }
        LocalDate today = service.today();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] photo = photo();
        List<EnterpriseSummary> es = new ArrayList<>();
        for (UUID id : demoEnterprises.subList(0, Math.min(12, demoEnterprises.size()))) {
            enterprises.find(id).ifPresent(es::add);
        }
        int made = 0;
        UUID visitOrigin = null;
        for (Seed s : SEEDS) {
            ProblemService.Owner owner = owner(s, es);
            if (owner == null) {
                continue;
            }
            UUID id = insert(s.list(), s.title(), s.description(), owner, today.plusDays(s.deadlineDays()), null, now.minus(40, ChronoUnit.DAYS));
            advance(id, s.state(), photo, now);
            if (s.list().equals("SUPERVISION") && visitOrigin == null) {
                visitOrigin = id;
            }
            made++;
        }
        made += family(es, today, now, photo);
        deadlines.escalateOverdue();
        board(today, now);
        duties(now);
        visits(today, now, visitOrigin);
        documents(today, now);
        log.info("Demo governance: {} problems on the lists, {} tasks on the board", made, tasks.count(today.getYear()));
    }

    private ProblemService.Owner owner(Seed s, List<EnterpriseSummary> es) {
        if (s.enterprise() != null) {
            if (s.enterprise() >= es.size()) {
                return null;
            }
            EnterpriseSummary e = es.get(s.enterprise());
            return new ProblemService.Owner(ProblemOwnerKind.ENTERPRISE, e.name(), e.id(), e.townId(), e.parkId(), e.sector().name(), null);
        }
        return organization.regionByName(s.town()).or(() -> organization.towns().stream().findFirst())
                .map(t -> new ProblemService.Owner(ProblemOwnerKind.TOWN, t.name(), null, t.id(), null, null, null)).orElse(null);
    }

    private UUID insert(String list, String title, String description, ProblemService.Owner o, LocalDate deadline, UUID origin, Instant at) {
        Problem p = Problem.registered(UUID.randomUUID(), o.kind(), deadline);
        problems.insert(new ProblemRecord(p, list, null, title, description, o.name(), o.enterpriseId(), o.townId(), o.parkId(), o.sector(),
                o.departmentId(), origin, null, BY, at, null, 0));
        problems.addStep(p.id(), origin == null ? "register" : "follow-up", null, ProblemState.REGISTERED, BY, at, null);
        return p.id();
    }

    /** Takes a registered problem as far as the state given, through the aggregate's own steps. */
    private void advance(UUID id, ProblemState target, byte[] photo, Instant now) {
        if (target == ProblemState.REGISTERED) {
            return;
        }
        ProblemRecord r = problems.find(id).orElseThrow();
        Problem p = r.problem();
        UUID owner = UUID.nameUUIDFromBytes(("owner:" + id).getBytes());
        UUID district = UUID.nameUUIDFromBytes("demo-district".getBytes());
        Instant at = now.minus(20, ChronoUnit.DAYS);
        p.start();
        problems.addStep(id, "start", ProblemState.REGISTERED, p.state(), r.ownerName(), at, null);
        if (target != ProblemState.RECTIFYING) {
            problems.addEvidence(UUID.randomUUID(), id, "整改后照片.png", "image/png", photo, r.ownerName(), at.plus(5, ChronoUnit.DAYS));
            p.submit("已按要求完成整改，整改前后照片见佐证材料。", 1, owner, at.plus(5, ChronoUnit.DAYS));
            problems.addStep(id, "submit", ProblemState.RECTIFYING, p.state(), r.ownerName(), at.plus(5, ChronoUnit.DAYS), p.measures());
        }
        if (target == ProblemState.CLOSED) {
            p.verify(district, true, at.plus(8, ChronoUnit.DAYS));
            problems.addStep(id, "verify", ProblemState.PENDING_VERIFICATION, p.state(), "张执法", at.plus(8, ChronoUnit.DAYS), null);
        }
        problems.save(p, r.version(), null);
    }

    /** 举一反三: a closed dust problem of one enterprise, with the same check in four other towns. */
    private int family(List<EnterpriseSummary> es, LocalDate today, Instant now, byte[] photo) {
        if (es.isEmpty()) {
            return 0;
        }
        EnterpriseSummary e = es.get(es.size() - 1);
        UUID origin = insert("MAJOR_HAZARD", "粉尘涉爆企业除尘系统未按规定清灰",
                "干式除尘系统灰斗积尘未按规定周期清理，存在粉尘爆炸风险。",
                new ProblemService.Owner(ProblemOwnerKind.ENTERPRISE, e.name(), e.id(), e.townId(), e.parkId(), e.sector().name(), null),
                today.minusDays(10), null, now.minus(50, ChronoUnit.DAYS));
        advance(origin, ProblemState.CLOSED, photo, now);
        List<Region> others = organization.towns().stream().filter(t -> !t.id().equals(e.townId())).limit(4).toList();
        ProblemState[] states = {ProblemState.CLOSED, ProblemState.PENDING_VERIFICATION, ProblemState.RECTIFYING, ProblemState.REGISTERED};
        int n = 1;
        for (int i = 0; i < others.size(); i++) {
            Region t = others.get(i);
            UUID id = insert("MAJOR_HAZARD", "举一反三：粉尘涉爆企业除尘系统未按规定清灰",
                    "由问题「粉尘涉爆企业除尘系统未按规定清灰」（" + e.name() + "）举一反三：请对照排查辖区粉尘涉爆企业是否存在同类问题并整改。",
                    new ProblemService.Owner(ProblemOwnerKind.TOWN, t.name(), null, t.id(), null, null, null),
                    i == 3 ? today.minusDays(2) : today.plusDays(15), origin, now.minus(30, ChronoUnit.DAYS));
            advance(id, states[i], photo, now);
            n++;
        }
        problems.addStep(origin, "follow-ups", ProblemState.CLOSED, ProblemState.CLOSED, BY, now.minus(30, ChronoUnit.DAYS), Integer.toString(n - 1));
        return n;
    }

    private static final String[][] TASKS = {
            {"1", "制定年度安全生产工作要点和责任清单", "区安委办"}, {"1", "签订年度安全生产目标责任书", "区安委办"},
            {"1", "节后复工复产安全检查", "区应急局"}, {"1", "编制年度监督检查计划", "区应急局"},
            {"1", "部署重大事故隐患专项排查整治", "区安委办"},
            {"2", "安全生产月和安全宣传五进活动", "区应急局"}, {"2", "汛期地质灾害和防汛安全防范", "区水利局"},
            {"2", "粉尘涉爆企业专项整治", "区经济信息委"}, {"2", "危险化学品安全风险集中治理", "区应急局"},
            {"2", "工贸企业安全生产标准化建设", "区应急局"},
            {"3", "城镇燃气安全专项整治", "区住房城乡建委"}, {"3", "道路交通安全百日攻坚", "区交通局"},
            {"3", "经营性自建房安全专项整治", "区住房城乡建委"}, {"3", "非煤矿山机械化改造", "区应急局"},
            {"3", "明查暗访全覆盖", "区安委办"},
            {"4", "年度安全生产目标考核", "区安委办"}, {"4", "岁末年初安全防范", "区应急局"},
            {"4", "烟花爆竹打非治违", "区应急局"}, {"4", "八张问题清单销号清零", "区安委办"},
            {"4", "党政领导干部安全生产述职评议", "区安委办"}};

    private void board(LocalDate today, Instant now) {
        int current = (today.getMonthValue() - 1) / 3 + 1;
        for (int i = 0; i < TASKS.length; i++) {
            int q = Integer.parseInt(TASKS[i][0]);
            TaskState state = q < current ? (i % 7 == 3 ? TaskState.DELAYED : TaskState.DONE)
                    : q == current ? (i % 2 == 0 ? TaskState.IN_PROGRESS : TaskState.NOT_STARTED) : TaskState.NOT_STARTED;
            tasks.insert(new TaskRepository.Task(UUID.randomUUID(), today.getYear(), q, TASKS[i][1], null, TASKS[i][2], state,
                    state == TaskState.DELAYED ? "进度滞后，已约谈责任单位" : null, i, now, 0));
        }
    }

    private void duties(Instant now) {
        String[][] duties = {
                {"LEADER", "区委书记", "党政同责", "对本区安全生产工作负总责，定期研究安全生产重大问题。"},
                {"LEADER", "区长", "党政同责", "组织实施安全生产法律法规，健全安全生产责任体系。"},
                {"LEADER", "分管应急管理副区长", "一岗双责", "协助区长抓好安全生产综合监管，组织开展隐患排查治理和明查暗访。"},
                {"LEADER", "分管工业副区长", "一岗双责", "抓好分管行业领域安全生产工作，落实“三管三必须”。"},
                {"OFFICE", "区安委会危险化学品专项办公室", "齐抓共管", "统筹危险化学品安全风险集中治理，督办重大隐患整改。"},
                {"OFFICE", "区安委会道路交通专项办公室", "齐抓共管", "统筹道路交通安全整治，通报重点车辆违法情况。"},
                {"OFFICE", "区安委办", "失职追责", "对工作落实不力、事故防控不佳的单位实施通报、约谈、挂牌督办和移送问责。"}};
        for (int i = 0; i < duties.length; i++) {
            accountability.insertDuty(new AccountabilityRepository.Duty(UUID.randomUUID(), duties[i][0], duties[i][1], duties[i][2], duties[i][3], i), now);
        }
    }

    private void visits(LocalDate today, Instant now, UUID linkedProblem) {
        accountability.insertVisit(new AccountabilityRepository.Visit(UUID.randomUUID(), today.minusDays(45), "OPEN", "德感工业园区", "区安委办第一督查组",
                "园区内 2 家企业安全管理制度不落实。", BY, now.minus(45, ChronoUnit.DAYS)));
        AccountabilityRepository.Visit covert = new AccountabilityRepository.Visit(UUID.randomUUID(), today.minusDays(20), "COVERT", "双福街道商业综合体",
                "区安委办暗访组", "消防通道堵塞，疏散指示标志损坏；燃气用户未安装报警器。", BY, now.minus(20, ChronoUnit.DAYS));
        accountability.insertVisit(covert);
        accountability.insertVisit(new AccountabilityRepository.Visit(UUID.randomUUID(), today.minusDays(6), "COVERT", "几江街道餐饮集中区",
                "区应急局暗访组", "3 家餐饮场所使用醇基燃料未落实安全措施。", BY, now.minus(6, ChronoUnit.DAYS)));
        if (linkedProblem != null) {
            problems.linkVisit(linkedProblem, covert.id());
        }
    }

    private void documents(LocalDate today, Instant now) {
        Object[][] docs = {
                {AccountabilityDocumentKind.WARNING_LETTER, "重庆双福机械制造有限公司", "关于粉尘涉爆场所隐患整改不力的警示函",
                        "经明查暗访，你单位抛光车间除尘系统积尘严重，隐患整改不力。\n请于收到本函之日起 15 日内完成整改，并将整改情况书面报区安委办。"},
                {AccountabilityDocumentKind.SUPERVISION_LETTER, "德感街道办事处", "关于督办镇街安全监管力量配备问题的函",
                        "你街道应急办专职安全监管人员配备不足，请于 30 日内配齐并报送人员名单。"},
                {AccountabilityDocumentKind.CIRCULAR, "各镇街、区级有关部门", "关于三季度八张问题清单整改情况的通报",
                        "三季度全区八张问题清单共登记问题 16 项，已销号 4 项，逾期未整改 4 项。\n现将逾期单位予以通报。"},
                {AccountabilityDocumentKind.INTERVIEW, "区经济信息委", "关于粉尘涉爆企业专项整治进度滞后的约谈通知",
                        "定于下周三上午 9 时在区应急局三楼会议室约谈你单位分管负责人，请准时参加。"}};
        for (Object[] d : docs) {
            AccountabilityDocumentKind kind = (AccountabilityDocumentKind) d[0];
            int seq = accountability.nextSeq(kind, today.getYear());
            accountability.insertDocument(new AccountabilityRepository.Document(UUID.randomUUID(), kind, today.getYear(), seq,
                    AccountabilityService.number("津安委办", kind, today.getYear(), seq), (String) d[1], (String) d[2], (String) d[3],
                    today.minusDays(10), BY, now));
        }
    }

    private static byte[] photo() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 160, 120));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.drawLine(4, 40, 60, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
