package org.anjian;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Role × endpoint: every role against every endpoint of the foundation. "allowed" means the
 * request got past access control (2xx, or 400 for a deliberately empty body); everybody else
 * gets 403. Without a sign-in, the API answers 401 and pages redirect to the sign-in page.
 */
@AnjianIntegrationTest
class AccessMatrixTest {

    @Autowired MockMvc mvc;

    record Endpoint(HttpMethod method, String path, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> USER_ADMINS = EnumSet.of(Role.DISTRICT_ADMIN, Role.SECURITY_ADMIN);
    static final Set<Role> ORG_ADMINS = EnumSet.of(Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN);
    static final Set<Role> AUDITORS = EnumSet.of(Role.AUDITOR);
    /** Everybody who works with business records: not the system and security administrators. */
    static final Set<Role> BUSINESS = EnumSet.complementOf(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN));
    /** The expert pool: the district keeps it, inspectors and auditors read it (an expert reads only their own record). */
    /** The fireworks outlet layout: a district view of the regulators (and experts), not of enterprises or agencies. */
    static final Set<Role> OUTLET_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
            Role.EXPERT, Role.AUDITOR);
    static final Set<Role> EXPERT_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);

    static final Set<Role> ENFORCEMENT_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);
    /** Plans are read by the enforcement readers and, within their towns or sectors, by towns and departments. */
    static final Set<Role> PLAN_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL);

    /** Work permits: regulators within their scope, enterprises their own (PRM-1). */
    static final Set<Role> PERMIT_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.TOWN_OFFICIAL,
            Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER);

    /** Standardization: an enterprise applies for itself, its town or the district for it; the rates are the regulators'. */
    static final Set<Role> STD_APPLICANTS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.ENTERPRISE_USER);
    static final Set<Role> STD_RATE_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
            Role.EXPERT, Role.AUDITOR);

    /** Trusteeship: regulators, the enterprise its own contracts, the agency its own; not experts. */
    static final Set<Role> TRU_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
            Role.ENTERPRISE_USER, Role.AGENCY_USER, Role.AUDITOR);

    /** Training records and certificates: the enterprise, its town, its agency and the district keep them. */
    static final Set<Role> TRN_KEEPERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.ENTERPRISE_USER, Role.AGENCY_USER);

    /** The command view (一张图): regulators within their scope, and the auditors. */
    static final Set<Role> COMMAND_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR);
    /** Assessment and 五色图: the district's regulators and the auditor read every score, a town or department its own; the district admin keeps the scheme. */
    static final Set<Role> ASM_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR);
    /** 八张问题清单 (GOV-3): the government and the owners read within scope; the district, towns and departments register. */
    static final Set<Role> PROBLEM_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
            Role.ENTERPRISE_USER, Role.AUDITOR);
    static final Set<Role> PROBLEM_REGISTRARS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL);
    /** 挂图作战 (GOV-2) is read by the regulators, kept by the district; accountability (GOV-4) is the district's. */
    static final Set<Role> TASK_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR);
    static final Set<Role> ACCOUNTABILITY_READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/me", null, ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/regions", null, ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/regions/outlines", null, ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/departments", null, ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/special-offices", null, ALL),
            new Endpoint(HttpMethod.POST, "/api/v1/regions", "{}", ORG_ADMINS),
            new Endpoint(HttpMethod.POST, "/api/v1/departments", "{}", ORG_ADMINS),
            new Endpoint(HttpMethod.POST, "/api/v1/special-offices", "{}", ORG_ADMINS),
            new Endpoint(HttpMethod.GET, "/api/v1/users", null, USER_ADMINS),
            new Endpoint(HttpMethod.POST, "/api/v1/users", "{}", USER_ADMINS),
            new Endpoint(HttpMethod.GET, "/api/v1/audit", null, AUDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/verify", null, AUDITORS),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/lec", "{}", ALL),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/ls", "{}", ALL),
            new Endpoint(HttpMethod.POST, "/api/v1/accidents/grading", "{}", ALL),
            new Endpoint(HttpMethod.POST, "/api/v1/major-hazard-sources/assessment", "{}", ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/chemicals", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/chemicals", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/major-hazard-sources", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/major-hazard-sources/assessment", null, ALL),
            new Endpoint(HttpMethod.GET, "/major-hazard-sources", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/chemical-units", null, BUSINESS),
            // monitoring (MON-1/2): everybody with business records reads within scope; the enterprise and the district keep
            // sensors and device accounts; readings come from enterprise device accounts or the district
            new Endpoint(HttpMethod.GET, "/api/v1/sensors", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/sensors", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/alarms", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/readings", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.POST, "/api/v1/monitoring-devices", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/monitoring/alarms", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/monitoring/sensors", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/safety-commitments", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/safety-commitments", "{}", EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/custodian-duties", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/custodian-duties", "{}", EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/monitoring/indicators", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/video-spot-checks", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/video-spot-checks", "{}",
                    EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL)),
            new Endpoint(HttpMethod.GET, "/api/v1/monitoring/indicators/pdf", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/monitoring/bulletin", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/monitoring/duties", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/monitoring/duties/export.xlsx", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/monitoring/duties/new", null, EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/monitoring/spot-checks", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/monitoring/spot-checks/new", null,
                    EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL)),
            new Endpoint(HttpMethod.POST, "/api/v1/chemical-units", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/key-processes", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/enterprise-key-processes", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/enterprise-key-processes", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/storage-sites", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/storage-sites", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/pipelines", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/pipelines", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/fuel-users", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/fuel-users", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)),
            new Endpoint(HttpMethod.GET, "/chemical/key-processes", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemical/storage-gaps", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemical/pipelines", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemical/pipelines/data", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemical/fuel-users", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/chemical-products", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/chemical-products", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/chemical-products/export", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemical-products", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/chemicals/export", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/chemicals/import/template", null, EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/chemical-units/import/template", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/chemical-units/export", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/major-hazard-sources/map", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/major-hazard-sources/map", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemicals/import", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/major-hazard-sources/map/data", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemical-products/export.xlsx", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemicals/export.xlsx", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemicals/inventories.xlsx", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/chemicals/import/catalogue-template.xlsx", null, EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/chemicals/import/inventories-template.xlsx", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/hazards", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/check-tasks", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/hazard-criteria", null, ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/risk-points", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/hazards", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/hazards/dashboard", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/checks", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/checks/export.xlsx", null, BUSINESS),
            // issue 19 #2: the duty lists and their exports are business records (an enterprise or a town reads only its own
            // scope, see DutyListsPageTest); the outlet layout is the regulators' district view
            new Endpoint(HttpMethod.GET, "/enterprises/due", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/enterprises/due/export.xlsx", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/enterprises/due/export.xlsx?tab=gaps", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/enterprises/due-soon", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/enterprises/compliance", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/enterprises/compliance/export.xlsx", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/enterprises/responsible-compliance", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/enterprises/outlets", null, OUTLET_READERS),
            new Endpoint(HttpMethod.GET, "/enterprises/outlets/export.xlsx", null, OUTLET_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/enterprises/fireworks-outlets", null, OUTLET_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/random-draws", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/inspections", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT)),
            new Endpoint(HttpMethod.GET, "/inspections/export.xlsx", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT)),
            new Endpoint(HttpMethod.GET, "/api/v1/inspections", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT)),
            new Endpoint(HttpMethod.GET, "/api/v1/orders/overdue", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)),
            new Endpoint(HttpMethod.POST, "/api/v1/exam-questions", "[]", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/exam-questions", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)),
            new Endpoint(HttpMethod.GET, "/api/v1/inspection-plans", null, PLAN_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/inspection-plans", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/inspections/plans", null, PLAN_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/inspection-leads", null, ENFORCEMENT_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/inspection-leads", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/inspections/leads", null, ENFORCEMENT_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/enforcement-indicators", null, ENFORCEMENT_READERS),
            new Endpoint(HttpMethod.GET, "/inspections/indicators", null, ENFORCEMENT_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/penalty-cases", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.POST, "/api/v1/penalty-cases", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR)),
            new Endpoint(HttpMethod.GET, "/api/v1/penalty-discretion-rules", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)),
            new Endpoint(HttpMethod.PUT, "/api/v1/penalty-discretion-rules", "[]", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/penalty-cases", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/penalty-cases/new", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR)),
            new Endpoint(HttpMethod.GET, "/penalty-cases/export.xlsx", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/experts", null, EXPERT_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/experts", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/experts/export", null, EXPERT_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/experts/import/template", null, EXPERT_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/expert-evaluations", null, EXPERT_READERS),
            new Endpoint(HttpMethod.GET, "/experts/evaluations", null, EXPERT_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/inspections/00000000-0000-0000-0000-000000000000/experts", "{}",
                    EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR)),
            // issue 15: standardization (STD-1, STD-2)
            new Endpoint(HttpMethod.GET, "/api/v1/standardization/applications", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/standardization/applications", "{}", STD_APPLICANTS),
            new Endpoint(HttpMethod.GET, "/api/v1/standardization/rates", null, STD_RATE_READERS),
            new Endpoint(HttpMethod.GET, "/standardization", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/standardization/new", null, STD_APPLICANTS),
            new Endpoint(HttpMethod.GET, "/standardization/rates", null, STD_RATE_READERS),
            new Endpoint(HttpMethod.GET, "/standardization/export.csv", null, BUSINESS),
            // issue 15: trusteeship (SVC-1)
            new Endpoint(HttpMethod.GET, "/api/v1/trusteeship/agencies", null, TRU_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/trusteeship/agencies", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/trusteeship/contracts", null, TRU_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/trusteeship/contracts", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)),
            new Endpoint(HttpMethod.GET, "/trusteeship", null, TRU_READERS),
            new Endpoint(HttpMethod.GET, "/trusteeship/agencies", null, TRU_READERS),
            new Endpoint(HttpMethod.GET, "/trusteeship/export.csv", null, TRU_READERS),
            new Endpoint(HttpMethod.GET, "/trusteeship/contracts/new", null, EnumSet.of(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)),
            // issue 15: training and certificates (TRN-1, TRN-2)
            new Endpoint(HttpMethod.GET, "/api/v1/training/records", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/training/records", "{}", TRN_KEEPERS),
            new Endpoint(HttpMethod.GET, "/api/v1/training/certificates", null, BUSINESS),
            new Endpoint(HttpMethod.POST, "/api/v1/training/certificates", "{}", TRN_KEEPERS),
            new Endpoint(HttpMethod.GET, "/api/v1/training/figures", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/training/certificates/check?number=X", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/training/certificates/export", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/api/v1/training/certificates/import/template", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/training/certificates", null, BUSINESS),
            new Endpoint(HttpMethod.GET, "/training/records", null, BUSINESS),
            // issue 16 part A: targets, assessment and 五色图 (GOV-1, GOV-3)
            new Endpoint(HttpMethod.GET, "/api/v1/assessment/scores", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/assessment/periods", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/assessment/scheme", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/assessment/five-colour-bands", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/assessment/targets", null, ASM_READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessment/five-colour-bands", "[]", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessment/targets", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessment/scheme/indicators/ACCIDENTS", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessment/scheme/veto", "{\"vetoDeaths\":0}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.POST, "/api/v1/assessment/recompute", null, EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/assessment", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/assessment/map/data", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/assessment/scheme", null, ASM_READERS),
            new Endpoint(HttpMethod.GET, "/", null, ALL),
            new Endpoint(HttpMethod.GET, "/organization", null, ALL),
            new Endpoint(HttpMethod.GET, "/maps/outlines.geojson", null, ALL),
            new Endpoint(HttpMethod.GET, "/organization/regions/new", null, ORG_ADMINS),
            new Endpoint(HttpMethod.GET, "/organization/departments/new", null, ORG_ADMINS),
            new Endpoint(HttpMethod.GET, "/admin/users", null, USER_ADMINS),
            new Endpoint(HttpMethod.GET, "/admin/users/new", null, USER_ADMINS),
            new Endpoint(HttpMethod.GET, "/audit", null, AUDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/permits", null, PERMIT_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/permits/under-way", null, PERMIT_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/permits", "{}", EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/api/v1/permits/supervisions", null, PERMIT_READERS),
            new Endpoint(HttpMethod.GET, "/permits", null, PERMIT_READERS),
            new Endpoint(HttpMethod.GET, "/permits/export.xlsx", null, PERMIT_READERS),
            new Endpoint(HttpMethod.GET, "/permits/live", null, PERMIT_READERS),
            new Endpoint(HttpMethod.GET, "/permits/new", null, EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.POST, "/permits", null, EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.GET, "/account/password", null, ALL),
            new Endpoint(HttpMethod.GET, "/api/v1/public-reports", null, PLAN_READERS),
            new Endpoint(HttpMethod.GET, "/public-reports", null, PLAN_READERS),
            // issue 16 part B: problem lists, the task board, accountability
            new Endpoint(HttpMethod.GET, "/api/v1/problems", null, PROBLEM_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/problems/lists", null, PROBLEM_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/problems", "{}", PROBLEM_REGISTRARS),
            new Endpoint(HttpMethod.GET, "/problems", null, PROBLEM_READERS),
            new Endpoint(HttpMethod.GET, "/problems/export.csv", null, PROBLEM_READERS),
            new Endpoint(HttpMethod.GET, "/problems/export.xlsx", null, PROBLEM_READERS),
            new Endpoint(HttpMethod.GET, "/problems/new", null, PROBLEM_REGISTRARS),
            new Endpoint(HttpMethod.GET, "/api/v1/tasks", null, TASK_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/tasks", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/task-board", null, TASK_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/accountability/duties", null, ACCOUNTABILITY_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/accountability/duties", "{}", EnumSet.of(Role.DISTRICT_ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/accountability/supervision-visits", null, ACCOUNTABILITY_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/accountability/supervision-visits", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR)),
            new Endpoint(HttpMethod.GET, "/api/v1/accountability/documents", null, ACCOUNTABILITY_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/accountability/documents", "{}", EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR)),
            new Endpoint(HttpMethod.GET, "/accountability", null, ACCOUNTABILITY_READERS),
            // issue 14: credit repair — regulators, auditors and the enterprise read (within scope); the enterprise applies, the district decides
            new Endpoint(HttpMethod.GET, "/api/v1/credit-repairs", null, PERMIT_READERS),
            new Endpoint(HttpMethod.GET, "/credit-repairs", null, PERMIT_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/credit-records/00000000-0000-0000-0000-000000000000/repair-applications", null,
                    EnumSet.of(Role.ENTERPRISE_USER)),
            new Endpoint(HttpMethod.POST, "/api/v1/credit-repairs/00000000-0000-0000-0000-000000000000/approve", "{}",
                    EnumSet.of(Role.DISTRICT_ADMIN)),
            // issue 17: the command view (一张图, CMD-1/2) — the regulators within their scope and the auditors; never an enterprise,
            // an agency, an expert or the system and security administrators
            new Endpoint(HttpMethod.GET, "/command", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/screen", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/analysis", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/overview", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/layers/hazards", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/trends", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/live", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/command/bulletin.pdf", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/command/overview", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/command/layers/enterprises", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/command/trends", null, COMMAND_READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/command/live", null, COMMAND_READERS));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Role r : Role.values()) {
                cases.add(Arguments.of(e, r));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} → {0}")
    @MethodSource("matrix")
    void eachRoleReachesExactlyItsEndpoints(Endpoint e, Role role) throws Exception {
        var req = request(e.method(), e.path()).with(as(role)).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML);
        if (e.body() != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(e.body());
        }
        if (!e.path().startsWith("/api")) {
            req.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        }
        int status = mvc.perform(req).andReturn().getResponse().getStatus();
        if (e.allowed().contains(role)) {
            assertThat(status).as("%s may use %s", role, e).isIn(200, 201, 400);
        } else {
            assertThat(status).as("%s may not use %s", role, e).isEqualTo(403);
        }
    }

    @Test
    void withoutSignInTheApiAnswers401AndPagesRedirectToSignIn() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            var req = request(e.method(), e.path());
            if (e.body() != null) {
                req.contentType(MediaType.APPLICATION_JSON).content(e.body());
            }
            var response = mvc.perform(req).andReturn().getResponse();
            if (e.path().startsWith("/api")) {
                assertThat(response.getStatus()).as(e.toString()).isEqualTo(401);
            } else {
                assertThat(response.getStatus()).as(e.toString()).isIn(302, 403);
            }
        }
    }

    @Test
    void healthAndApiDocsArePublic() throws Exception {
        assertThat(mvc.perform(request(HttpMethod.GET, "/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/v3/api-docs")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/login")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/public/random-draws")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/public/random-draws")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/public/enforcement")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/public/penalty-decisions")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/public/report")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/public/report-rewards")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/public/report-enterprises").param("q", "有限公司")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        // 一企一品一码: the label page of a code is anyone's; a code never issued is a page saying so
        assertThat(mvc.perform(request(HttpMethod.GET, "/public/chemicals/AAAAAAAAAAAAAAAA")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
