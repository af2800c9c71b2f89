package org.anjian.risk.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.risk.ControlMeasureType;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskDemo;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.RiskProperties;
import org.anjian.risk.domain.Assessment;
import org.anjian.risk.domain.ControlLevels;
import org.anjian.risk.domain.LecAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo risk points and posts for the demo district: deterministic (fixed seed), so every fresh demo
 * database shows the same four-colour maps. Runs only outside production, only while the risk
 * tables are empty, and only for the demo enterprises that exist (the {@code demo} module hands over
 * their ids; the first is the demo enterprise user's own enterprise); until the enterprise demo data
 * exists it adds nothing, and tries again at the next start.
 */
@Component
class RiskDemoData implements RiskDemo {

    private static final Logger log = LoggerFactory.getLogger(RiskDemoData.class);
    static final long SEED = 20261129L;

    private final RiskService service;
    private final RiskRepository repository;
    private final EnterpriseLookup enterprises;
    private final int count;

    RiskDemoData(RiskService service, RiskRepository repository, EnterpriseLookup enterprises, RiskProperties properties) {
        this.service = service;
        this.repository = repository;
        this.enterprises = enterprises;
        this.count = properties.demoEnterprises();
    }

    /** A typical risk point of a sector: unit, name, kind, factors, possible accidents and one measure per type. */
    record Template(String unit, String name, RiskPointKind kind, List<String> factors, List<String> accidents, List<String> measures) {
    }

    static final Map<Sector, List<Template>> CATALOGUE = Map.of(
            Sector.INDUSTRY_TRADE, List.of(
                    new Template("抛光车间", "干式除尘系统", RiskPointKind.PLACE, List.of("铝镁粉尘积聚", "除尘器未设泄爆装置"), List.of("粉尘爆炸", "火灾"),
                            List.of("采用湿式除尘，设置泄爆片和隔爆阀", "每班清扫积尘并记录", "粉尘防爆专项培训", "穿防静电工作服", "起火时停机断电、撤离人员、干粉灭火")),
                    new Template("冷库", "液氨制冷机房", RiskPointKind.PLACE, List.of("液氨泄漏", "管道腐蚀"), List.of("中毒和窒息", "爆炸"),
                            List.of("设置氨气浓度报警与紧急切断联锁", "每日巡检压力表和阀门", "涉氨岗位持证上岗", "配备正压式空气呼吸器", "泄漏时启动喷淋、疏散下风向人员")),
                    new Template("熔炼车间", "中频炉熔炼", RiskPointKind.POST, List.of("高温熔融金属遇水", "冷却水中断"), List.of("爆炸", "灼烫"),
                            List.of("冷却水压力低报警并联锁停炉", "炉前地面保持干燥", "熔炼工岗前培训", "穿戴隔热服和面罩", "漏炉时撤离并用干砂覆盖")),
                    new Template("污水处理站", "集水井清淤", RiskPointKind.ACTIVITY, List.of("硫化氢积聚", "缺氧"), List.of("中毒和窒息"),
                            List.of("强制通风", "执行有限空间作业审批，先检测后作业", "有限空间作业培训", "佩戴供气式呼吸器", "设监护人，严禁盲目施救")),
                    new Template("装配车间", "行车吊装", RiskPointKind.ACTIVITY, List.of("钢丝绳断股", "限位失效"), List.of("起重伤害"),
                            List.of("安装起重量限制器", "班前检查吊具", "起重作业持证", "佩戴安全帽", "吊物坠落时拉警戒、送医")),
                    new Template("配电房", "低压配电柜", RiskPointKind.PLACE, List.of("绝缘老化"), List.of("触电"),
                            List.of("加装漏电保护", "停送电挂牌上锁", "电工持证上岗", "穿绝缘鞋戴绝缘手套", "触电时先断电再施救"))),
            Sector.HAZCHEM, List.of(
                    new Template("储罐区", "甲醇储罐", RiskPointKind.PLACE, List.of("易燃液体泄漏", "静电积聚"), List.of("火灾", "爆炸"),
                            List.of("设置可燃气体报警和紧急切断阀", "严格动火作业审批", "储罐区岗位培训", "穿防静电服", "泄漏时切断物料、围堵、启动应急预案")),
                    new Template("装卸区", "槽车装卸", RiskPointKind.ACTIVITY, List.of("软管破裂", "静电"), List.of("火灾", "中毒和窒息"),
                            List.of("装卸臂加装拉断阀", "装卸全程监护", "装卸工持证", "佩戴防毒面具", "泄漏时停止装卸、疏散")),
                    new Template("反应车间", "反应釜操作", RiskPointKind.POST, List.of("超温超压", "冷却失效"), List.of("爆炸", "灼烫"),
                            List.of("温度压力联锁与安全阀", "严格执行工艺卡", "操作工取证培训", "佩戴护目镜", "超温时紧急冷却、泄压、撤离"))),
            Sector.NON_COAL_MINE, List.of(
                    new Template("采场", "边坡", RiskPointKind.PLACE, List.of("边坡失稳", "雨季冲刷"), List.of("坍塌", "物体打击"),
                            List.of("边坡在线监测", "台阶高度与坡面角按设计", "安全教育培训", "佩戴安全帽", "发现裂缝立即撤人")),
                    new Template("爆破作业", "中深孔爆破", RiskPointKind.ACTIVITY, List.of("盲炮", "警戒不到位"), List.of("放炮"),
                            List.of("使用数码电子雷管", "爆破设计与警戒", "爆破员持证", "佩戴防护用品", "盲炮按规程处理")),
                    new Template("破碎车间", "破碎机", RiskPointKind.POST, List.of("转动部件无防护"), List.of("机械伤害"),
                            List.of("加装防护罩与急停", "检修挂牌上锁", "岗前培训", "佩戴防尘口罩", "受伤时停机送医"))),
            Sector.FIREWORKS, List.of(
                    new Template("药物总库", "黑火药储存", RiskPointKind.PLACE, List.of("超量储存", "静电和摩擦"), List.of("爆炸", "火灾"),
                            List.of("防雷防静电设施", "定员定量，出入库登记", "危险品从业人员培训", "穿防静电服", "起火时立即撤离，不得扑救")),
                    new Template("装药工房", "装药作业", RiskPointKind.POST, List.of("撞击摩擦", "人员超员"), List.of("爆炸"),
                            List.of("工房间设防护土堤", "定员定量", "持证上岗", "穿防静电服", "发生事故立即撤离"))));

    static final String[][] POSTS = {
            {"安全员", "安全管理部", "组织班前安全检查|督促隐患整改|记录日周月排查", "检查防护设施|核对作业审批|填写检查记录", "严禁无票作业|严禁脱岗",
                    "发现险情立即报告并组织撤离|协助救援", "企业应急电话 023-47520000|火警 119|急救 120"},
            {"操作工", "生产车间", "遵守岗位操作规程|班前检查设备|如实报告异常", "开机前检查防护装置|按工艺卡操作|停机后清理现场",
                    "严禁带病作业|严禁拆除安全装置", "设备异常时按急停|受伤时报告班长并送医", "班长 138-0000-0000|急救 120"}};

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (repository.countPoints() > 0) {
            return;
        }
        Random random = new Random(SEED);
        int filled = 0;
        for (int n = 1; n <= Math.min(count, demoEnterprises.size()); n++) {
            UUID id = demoEnterprises.get(n - 1);
            Optional<EnterpriseSummary> enterprise = enterprises.find(id);
            if (enterprise.isPresent()) {
                fill(enterprise.get(), random, n == 1);
                filled++;
            }
        }
        if (filled == 0) {
            log.info("risk demo data: no demo enterprises yet, nothing added (tried again at the next start)");
        } else {
            log.info("risk demo data: {} enterprises given risk points and posts", filled);
        }
    }

    private void fill(EnterpriseSummary e, Random random, boolean showcase) {
        List<UUID> posts = new ArrayList<>();
        for (String[] p : POSTS) {
            posts.add(service.createPostFor(e, new RiskService.PostInput(e.id(), p[0], p[1], split(p[2]), split(p[3]), split(p[4]),
                    split(p[5]), split(p[6]))).id());
        }
        List<Template> templates = CATALOGUE.getOrDefault(e.sector(), CATALOGUE.get(Sector.INDUSTRY_TRADE));
        int howMany = 2 + random.nextInt(templates.size() - 1);
        int start = random.nextInt(templates.size());
        for (int i = 0; i < howMany; i++) {
            Template t = templates.get((start + i) % templates.size());
            // the showcase enterprise's first point is major so that the demo user sees all four colours at work
            Assessment a = showcase && i == 0 ? Assessment.lec(new BigDecimal("3"), new BigDecimal("6"), new BigDecimal("40"))
                    : assessment(random);
            ResponsibleLevel level = ControlLevels.lowestAllowed(a.level());
            List<RiskService.MeasureInput> measures = new ArrayList<>();
            ControlMeasureType[] types = ControlMeasureType.values();
            for (int k = 0; k < types.length; k++) {
                measures.add(new RiskService.MeasureInput(types[k], t.measures().get(k)));
            }
            UUID post = t.kind() == RiskPointKind.POST ? posts.get(1) : null;
            service.createFor(e, new RiskService.RiskPointInput(e.id(), t.unit(), t.name(), t.kind(), post, t.factors(), t.accidents(),
                    a.method(), a.l(), a.e(), a.c(), a.likelihood(), a.severity(), measures, level,
                    level == ResponsibleLevel.COMPANY ? "主要负责人" : level == ResponsibleLevel.WORKSHOP ? "车间主任" : "班组长", null));
        }
    }

    /** Mostly low and general, some high, a few major, as assessments come out in practice. */
    private Assessment assessment(Random random) {
        if (random.nextBoolean()) {
            List<BigDecimal> l = LecAssessment.L_VALUES.subList(0, 5);
            List<BigDecimal> e = LecAssessment.E_VALUES.subList(1, 5);
            List<BigDecimal> c = LecAssessment.C_VALUES.subList(1, 6);
            return Assessment.lec(l.get(random.nextInt(l.size())), e.get(random.nextInt(e.size())), c.get(random.nextInt(c.size())));
        }
        return Assessment.ls(1 + random.nextInt(5), 1 + random.nextInt(4), service.matrix());
    }

    private static List<String> split(String s) {
        return List.of(s.split("\\|"));
    }
}
