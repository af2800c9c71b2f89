package org.anjian.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.accident.AccidentDemo;
import org.anjian.chemical.ChemicalDemo;
import org.anjian.chemical.ChemicalSupervisionDemo;
import org.anjian.credit.CreditDemo;
import org.anjian.enterprise.EnterpriseDemo;
import org.anjian.expert.ExpertDemo;
import org.anjian.hazard.HazardDemo;
import org.anjian.monitoring.MonitoringDemo;
import org.anjian.permit.PermitDemo;
import org.anjian.identity.UserManagement;
import org.anjian.inspection.InspectionDemo;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.penalty.PenaltyDemo;
import org.anjian.risk.RiskDemo;
import org.anjian.standardization.StandardizationDemo;
import org.anjian.trusteeship.TrusteeshipDemo;
import org.anjian.training.TrainingDemo;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a fresh database with the demo district, each module through its own demo facade, in this
 * order: the users (one per role), the enterprises every other part hangs off, their hazards,
 * accidents, credit entries, experts, then inspections and plans, penalty cases, the accidents that
 * follow enforcement, and the risk points. Prints where to sign in.
 */
@Component
@Profile("!prod & !production")
@ConditionalOnProperty(name = "anjian.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDistrict implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    /** The agency user's scope: the trusteeship demo gives its first agency this id. */
    static final UUID AGENCY = UUID.nameUUIDFromBytes("demo-agency:1".getBytes(StandardCharsets.UTF_8));

    private final UserManagement users;
    private final OrganizationDirectory organization;
    private final EnterpriseDemo enterprises;
    private final HazardDemo hazards;
    private final AccidentDemo accidents;
    private final CreditDemo credit;
    private final ExpertDemo experts;
    private final InspectionDemo inspections;
    private final PenaltyDemo penalties;
    private final RiskDemo risk;
    private final ChemicalDemo chemicals;
    private final ChemicalSupervisionDemo chemicalSupervision;
    private final PermitDemo permits;
    private final org.anjian.publicreport.PublicReportDemo publicReports;
    private final StandardizationDemo standardization;
    private final TrusteeshipDemo trusteeship;
    private final TrainingDemo training;
    private final MonitoringDemo monitoring;
    private final org.anjian.governance.GovernanceDemo governance;
    private final org.anjian.governance.ProblemDemo problems;
    private final DemoProperties properties;
    private final String password;
    private final Environment env;
    private final TransactionTemplate tx;

    DemoDistrict(UserManagement users, OrganizationDirectory organization, EnterpriseDemo enterprises, HazardDemo hazards,
                 AccidentDemo accidents, CreditDemo credit, ExpertDemo experts, InspectionDemo inspections, PenaltyDemo penalties,
                 RiskDemo risk, ChemicalDemo chemicals, PermitDemo permits, StandardizationDemo standardization, TrusteeshipDemo trusteeship, TrainingDemo training,
                 DemoProperties properties, Environment env,
                 PlatformTransactionManager txManager, org.anjian.publicreport.PublicReportDemo publicReports, ChemicalSupervisionDemo chemicalSupervision,
                 MonitoringDemo monitoring, org.anjian.governance.GovernanceDemo governance, org.anjian.governance.ProblemDemo problems) {
        this.governance = governance;
        this.problems = problems;
        this.publicReports = publicReports;
        this.chemicalSupervision = chemicalSupervision;
        this.tx = new TransactionTemplate(txManager);
        this.users = users;
        this.organization = organization;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.accidents = accidents;
        this.credit = credit;
        this.experts = experts;
        this.inspections = inspections;
        this.penalties = penalties;
        this.risk = risk;
        this.chemicals = chemicals;
        this.permits = permits;
        this.standardization = standardization;
        this.trusteeship = trusteeship;
        this.training = training;
        this.monitoring = monitoring;
        this.properties = properties;
        this.password = properties.password();
        this.env = env;
    }

    record DemoUser(String username, String displayName, Role role, ScopeKind scope, UUID scopeId, String certNo) {
    }

    List<DemoUser> demoUsers() {
        Region town = organization.regionByName("双福街道").orElseGet(() -> organization.towns().get(0));
        UUID department = organization.departments().stream().filter(d -> d.code().equals("JXW")).findFirst()
                .orElseGet(() -> organization.departments().get(0)).id();
        List<DemoUser> list = new ArrayList<>();
        list.add(new DemoUser("admin", "区安委办 管理员", Role.DISTRICT_ADMIN, ScopeKind.DISTRICT, null, null));
        list.add(new DemoUser("inspector", "张执法", Role.INSPECTOR, ScopeKind.DISTRICT, null, "渝应急执 500116-0001"));
        // 执法必须两人以上: the demo inspector's partner
        list.add(new DemoUser("inspector2", "李执法", Role.INSPECTOR, ScopeKind.DISTRICT, null, "渝应急执 500116-0002"));
        list.add(new DemoUser("town", "李镇街（双福）", Role.TOWN_OFFICIAL, ScopeKind.REGION, town.id(), null));
        list.add(new DemoUser("dept", "王行业（经信委）", Role.DEPARTMENT_OFFICIAL, ScopeKind.DEPARTMENT, department, null));
        list.add(new DemoUser("enterprise", "赵企业安全员", Role.ENTERPRISE_USER, ScopeKind.ENTERPRISE, enterprises.ids(1).get(0), null));
        list.add(new DemoUser("agency", "钱托管机构", Role.AGENCY_USER, ScopeKind.AGENCY, AGENCY, null));
        list.add(new DemoUser("expert", "孙专家", Role.EXPERT, ScopeKind.DISTRICT, null, null));
        list.add(new DemoUser("auditor", "周审计", Role.AUDITOR, ScopeKind.DISTRICT, null, null));
        return list;
    }

    /** How many certified inspectors the demo district has besides the two demo logins (about 1.6 per 100 enterprises). */
    static final int ENFORCEMENT_STAFF = 46;

    /**
     * The district's other certified enforcement staff (行政执法证), so that 检查强度 and the plan's 执法力量缺口 divide by a
     * plausible number of inspectors (48 for 3,000 enterprises) instead of the two demo logins (issue 19 #11).
     */
    static List<DemoUser> enforcementStaff() {
        String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁";
        String given = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志强海燕雪梅晓东";
        List<DemoUser> staff = new ArrayList<>();
        for (int i = 0; i < ENFORCEMENT_STAFF; i++) {
            String name = surnames.charAt(i % surnames.length()) + "" + given.charAt((i * 7) % given.length()) + given.charAt((i * 11 + 3) % given.length());
            staff.add(new DemoUser("inspector%02d".formatted(i + 3), name, Role.INSPECTOR, ScopeKind.DISTRICT, null,
                    "渝应急执 500116-%04d".formatted(i + 3)));
        }
        return staff;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureUsers();
        enterprises.load(properties.enterprises());
        List<UUID> ids = enterprises.ids(properties.enterprises());
        hazards.load(ids);
        // grades before the accidents: a death accident in a graded enterprise proposes revoking its grade
        standardization.load(ids);
        accidents.load(ids);
        credit.load();
        experts.load(ids);
        inspections.load(ids);
        penalties.load(ids);
        accidents.loadAfterEnforcement();
        risk.load(ids);
        chemicals.load(ids);
        chemicalSupervision.load(ids);
        permits.load(ids);
        monitoring.load(ids);
        credit.loadRepairs(ids);
        publicReports.load(ids);
        // agencies with the agency user's id, contracts, visits whose findings become the enterprises' hazards
        trusteeship.load(ids, AGENCY);
        training.load(ids);
        problems.load(ids);
        // last: the year's assessment targets and scores from the facts the modules' events brought
        governance.load();
    }

    private void ensureUsers() {
        tx.executeWithoutResult(status -> {
            for (DemoUser u : demoUsers()) {
                users.ensure(new NewUser(u.username(), u.displayName(), password, EnumSet.of(u.role()), u.scope(), u.scopeId(), null, u.certNo()));
            }
            for (DemoUser u : enforcementStaff()) {
                users.ensure(new NewUser(u.username(), u.displayName(), password, EnumSet.of(u.role()), u.scope(), u.scopeId(), null, u.certNo()));
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder sb = new StringBuilder("\n\n  安监 AnJian is running: http://localhost:").append(port).append("/\n")
                .append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n")
                .append("  Demo logins (password ").append(password.equals("Anjian@2023") ? "Anjian@2023" : "from ANJIAN_DEMO_PASSWORD").append("):\n");
        for (DemoUser u : demoUsers()) {
            sb.append(String.format("    %-10s %s%n", u.username(), u.role()));
        }
        log.info(sb.toString());
    }
}
