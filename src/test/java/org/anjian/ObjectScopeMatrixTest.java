package org.anjian;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, "make it impossible to come back": every {@code /api/v1} endpoint with an object id in its
 * path, read or write, as every role whose data scope is narrower than the district (a town, a
 * department, an enterprise, an agency), from the other side of {@link TwoScopes}, with the ids of
 * side A's objects. Nothing answers 2xx: 0 leaks. The endpoints come from the OpenAPI document, the
 * objects from the database (every table with an {@code enterprise_id}, and the rows that refer to
 * those), so a module added later is covered without being named here.
 *
 * <p>How an id finds its endpoints: an endpoint's ids are those the district administrator can read
 * at the same path, or at the path's GET prefix for a write ({@code POST /x/{id}/y} takes the ids
 * {@code GET /x/{id}} answers); a write with no readable prefix is tried with every id of A. Literal
 * path segments written as {@code {action:a|b}} are tried with each alternative. Bodies are built from
 * the documented schema. Figures go to {@code target/object-scope-matrix.txt}.
 */
@AnjianIntegrationTest
class ObjectScopeMatrixTest {

    /**
     * Ids that are public by design: anyone signed in may read them whatever their scope. Keep this
     * short and say why for each.
     */
    static final Set<String> PUBLIC_BY_DESIGN = Set.of(
            // the region tree is the district's reference data (towns appear in the pool for the writes below)
            "GET /api/v1/regions/{id}");

    /** Roles whose scope is narrower than the district; the others see the whole district by design. */
    static final List<Role> SCOPED = List.of(Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER, Role.AGENCY_USER);

    static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)(?::([^}]*))?}");
    static final Pattern LITERALS = Pattern.compile("[A-Za-z0-9_.-]+(\\|[A-Za-z0-9_.-]+)*");
    static final int MAX_BINDINGS = 40;
    static final int MAX_UNTYPED = 400;

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired UserManagement users;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final Map<String, Integer> adminProbes = new HashMap<>();
    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);

    @Test
    void noRoleOfAnotherScopeReachesAnObjectOutsideIt() throws Exception {
        TwoScopes scopes = new TwoScopes(mvc, organization);
        objectsOf(scopes.a);
        List<String> pool = pool(scopes);
        assertThat(pool).as("objects of side A").hasSizeGreaterThan(8);
        Map<String, List<String>> alternatives = literalAlternatives();

        List<OpenApiOperations.Operation> operations = OpenApiOperations.read(mvc).stream()
                .filter(op -> op.path().startsWith("/api/v1/") && !op.path().startsWith("/api/v1/public/") && !op.variables().isEmpty())
                .filter(op -> !PUBLIC_BY_DESIGN.contains(op.toString()))
                // reads first, so that a write that leaked cannot hide a read
                .sorted((x, y) -> Boolean.compare(x.isWrite(), y.isWrite()) != 0 ? Boolean.compare(x.isWrite(), y.isWrite())
                        : Boolean.compare(x.method() == HttpMethod.DELETE, y.method() == HttpMethod.DELETE))
                .toList();
        List<OpenApiOperations.Operation> reads = operations.stream().filter(op -> !op.isWrite()).toList();

        int tried = 0;
        int refused = 0;
        int endpointsWithObjects = 0;
        int inScopeReads = 0;
        List<String> leaks = new ArrayList<>();
        List<String> withoutObject = new ArrayList<>();
        List<String> perEndpoint = new ArrayList<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (OpenApiOperations.Operation op : operations) {
            List<Map<String, String>> bindings = bindings(op, reads, pool, alternatives);
            if (bindings.isEmpty()) {
                withoutObject.add(op.toString());
                continue;
            }
            endpointsWithObjects++;
            Map<Integer, Integer> answers = new java.util.TreeMap<>();
            if (!op.isWrite()) {
                // the control: A's own town reads A's objects, so a refusal below is the scope's doing, not a wrong id
                for (Map<String, String> binding : bindings) {
                    int s = perform(op, op.expand(binding::get), scopes.a.user(Role.TOWN_OFFICIAL), scopes);
                    inScopeReads += s >= 200 && s < 300 ? 1 : 0;
                }
            }
            for (Role role : SCOPED) {
                AnjianUser caller = scopes.b.user(role);
                for (Map<String, String> binding : bindings) {
                    String path = op.expand(binding::get);
                    int status = perform(op, path, caller, scopes);
                    tried++;
                    byStatus.merge(String.valueOf(status), 1, Integer::sum);
                    answers.merge(status, 1, Integer::sum);
                    if (status >= 200 && status < 300) {
                        leaks.add(role + " " + op.method() + " " + path + " → " + status);
                    } else {
                        refused++;
                    }
                }
            }
            perEndpoint.add(op + " × " + bindings.size() + " → " + answers);
        }
        String figures = """
                Object scope matrix (ObjectScopeMatrixTest)
                endpoints with an id in the document: %d; with an object of side A to try: %d
                roles tried (scoped to the other side): %s
                objects of side A in the pool: %d
                requests tried: %d, refused: %d, leaks: %d
                answers by status: %s
                control: reads of A's objects by A's own town official answered 2xx: %d
                """.formatted(operations.size(), endpointsWithObjects, SCOPED, pool.size(), tried, refused, leaks.size(), byStatus, inScopeReads);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/object-scope-matrix.txt"), figures + "\nleaks:\n" + String.join("\n", leaks)
                + "\n\nper endpoint (bindings → answers to the other side):\n" + String.join("\n", perEndpoint)
                + "\n\n400 answers (first per endpoint):\n" + String.join("\n", badRequests.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()).toList())
                + "\n\nno object of A to try (nothing of A's is named by these):\n" + String.join("\n", withoutObject) + "\n", StandardCharsets.UTF_8);
        System.out.println(figures);
        assertThat(endpointsWithObjects).as("endpoints that found an object of A").isGreaterThan(20);
        assertThat(inScopeReads).as("reads A's own town official may make").isGreaterThan(10);
        assertThat(leaks).as("2xx answers on objects outside the caller's scope").isEmpty();
    }

    // ---------------------------------------------------------------- the calls

    /** The first 400 answer of each endpoint: a validation before the scope check would hide a leak, so they are listed. */
    final Map<String, String> badRequests = new LinkedHashMap<>();

    int perform(OpenApiOperations.Operation op, String path, AnjianUser caller, TwoScopes scopes) throws Exception {
        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> req;
        List<String> types = op.bodyTypes();
        if (op.isWrite() && types.contains(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            MockMultipartHttpServletRequestBuilder multi = multipart(op.method(), path);
            Map<String, Object> schema = op.bodySchema(MediaType.MULTIPART_FORM_DATA_VALUE);
            propertiesOf(op, schema).forEach((name, property) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = op.resolve((Map<String, Object>) property);
                if ("binary".equals(p.get("format")) || "array".equals(p.get("type"))) {
                    multi.file(new MockMultipartFile(name, "evidence.png", MediaType.IMAGE_PNG_VALUE, PNG));
                } else {
                    multi.param(name, String.valueOf(sample(op, name, p, scopes, 0)));
                }
            });
            req = multi;
        } else {
            req = request(op.method(), path);
            if (op.isWrite()) {
                Object body = types.isEmpty() ? Map.of() : sample(op, "body", op.bodySchema(types.get(0)), scopes, 0);
                req.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
            }
        }
        var response = mvc.perform(req.with(as(caller)).accept(MediaType.ALL)).andReturn().getResponse();
        if (response.getStatus() == 400 && response.getContentAsString().contains("shared.unreadable") && !types.contains(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            // the documented schema did not fit the body the controller reads: an empty object still reaches it
            response = mvc.perform(request(op.method(), path).contentType(MediaType.APPLICATION_JSON).content("{}").with(as(caller))
                    .accept(MediaType.ALL)).andReturn().getResponse();
        }
        if (response.getStatus() == 400) {
            badRequests.putIfAbsent(op.toString(), response.getContentAsString());
        }
        return response.getStatus();
    }

    int adminGet(String path) {
        return adminProbes.computeIfAbsent(path, p -> {
            try {
                return mvc.perform(request(HttpMethod.GET, p).with(as(admin)).accept(MediaType.ALL)).andReturn().getResponse().getStatus();
            } catch (Exception e) {
                return 500;
            }
        });
    }

    // ---------------------------------------------------------------- which ids for which endpoint

    /** Variable bindings to try: each id variable bound to the ids its path (or the path's GET prefix) recognises. */
    List<Map<String, String>> bindings(OpenApiOperations.Operation op, List<OpenApiOperations.Operation> reads, List<String> pool,
                                       Map<String, List<String>> alternatives) {
        List<String> names = op.variables();
        List<Map<String, String>> partial = new ArrayList<>();
        partial.add(new LinkedHashMap<>());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String prefix = prefixThrough(op.path(), i);
            List<String> literal = alternatives.get(normalise(prefix) + "#" + i);
            Map<String, Object> schema = op.variableSchema(name);
            List<String> candidates;
            if (literal != null) {
                candidates = literal;
            } else if (schema.get("enum") instanceof List<?> values) {
                candidates = values.stream().map(String::valueOf).toList();
            } else if ("uuid".equals(schema.get("format")) || name.toLowerCase().endsWith("id")) {
                candidates = pool;
            } else {
                candidates = List.of("1");
            }
            boolean idVariable = candidates == pool;
            // the GET that reads what this variable names: the path itself for a read, else its prefix
            boolean readable = reads.stream().anyMatch(r -> normalise(r.path()).equals(normalise(prefix)));
            String probe = !op.isWrite() && i == names.size() - 1 ? op.path() : readable ? prefix : null;
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> bound : partial) {
                for (String value : candidates) {
                    Map<String, String> b = new LinkedHashMap<>(bound);
                    b.put(name, value);
                    if (probe != null && (idVariable || probe.equals(op.path()))) {
                        String probePath = expandPrefix(probe, b);
                        int s = adminGet(probePath);
                        if (s < 200 || s >= 300) {
                            continue;
                        }
                    }
                    next.add(b);
                    // a write with an id nobody could read is tried with every id of A
                    if (next.size() >= (probe == null ? MAX_UNTYPED : MAX_BINDINGS)) {
                        break;
                    }
                }
            }
            partial = next;
            if (partial.isEmpty()) {
                return List.of();
            }
        }
        return partial;
    }

    static String prefixThrough(String path, int variableIndex) {
        Matcher m = OpenApiOperations.VARIABLE.matcher(path);
        int seen = -1;
        while (m.find()) {
            if (++seen == variableIndex) {
                return path.substring(0, m.end());
            }
        }
        return path;
    }

    static String expandPrefix(String prefix, Map<String, String> binding) {
        Matcher m = OpenApiOperations.VARIABLE.matcher(prefix);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(binding.getOrDefault(m.group(1), "1")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String normalise(String path) {
        return VARIABLE.matcher(path).replaceAll("{}");
    }

    /**
     * Path variables that are literals in disguise ({@code {action:plan|start|close}}): the OpenAPI
     * document drops the pattern, the handler mapping keeps it. Keyed by the normalised prefix and
     * the variable's index.
     */
    Map<String, List<String>> literalAlternatives() {
        Map<String, List<String>> found = new HashMap<>();
        for (var info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                Matcher m = VARIABLE.matcher(pattern);
                int index = 0;
                while (m.find()) {
                    if (m.group(2) != null && LITERALS.matcher(m.group(2)).matches()) {
                        String prefix = normalise(pattern.substring(0, m.end()));
                        found.merge(prefix + "#" + index, List.of(m.group(2).split("\\|")),
                                (x, y) -> List.copyOf(new LinkedHashSet<>(concat(x, y))));
                    }
                    index++;
                }
            }
        }
        return found;
    }

    static List<String> concat(List<String> x, List<String> y) {
        List<String> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    // ---------------------------------------------------------------- the objects of side A

    static final byte[] PNG = png();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    AnjianUser inspector() {
        var s = users.create(new NewUser("mx" + UUID.randomUUID().toString().substring(0, 8), "矩阵执法", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 M1"));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    String created(MockHttpServletRequestBuilder req, AnjianUser who, String idPath) throws Exception {
        String body = mvc.perform(req.with(as(who))).andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, idPath);
    }

    static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** One object of each kind for side A's enterprise, through the API as the people who make them. */
    void objectsOf(TwoScopes.Side a) throws Exception {
        UUID e = a.enterpriseId();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String soon = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        AnjianUser inspectorA = inspector();
        AnjianUser inspectorB = inspector();
        String hazard = created(json("/api/v1/hazards", """
                {"enterpriseId":"%s","place":"仓库","description":"消防通道堵塞","grade":"GENERAL","deadline":"%s"}""".formatted(e, soon)), admin, "$.id");
        mvc.perform(multipart("/api/v1/hazards/" + hazard + "/photos").file(new MockMultipartFile("file", "p.png", "image/png", PNG)).with(as(admin)))
                .andExpect(status().isCreated());
        created(json("/api/v1/risk-points", """
                {"enterpriseId":"%s","unitName":"抛光车间","name":"干式抛光除尘系统","kind":"PLACE","hazardousFactors":["铝镁粉尘积聚"],
                 "possibleAccidents":["粉尘爆炸"],"method":"LEC","l":3,"e":6,"c":15,
                 "controlMeasures":[{"type":"ENGINEERING","description":"湿式除尘"},{"type":"MANAGEMENT","description":"每班清扫"},
                                    {"type":"EMERGENCY","description":"停机断电"}],
                 "responsibleLevel":"WORKSHOP","responsiblePerson":"王厂长","responsiblePhone":"023-47521234"}""".formatted(e)), admin, "$.id");
        created(json("/api/v1/accidents", """
                {"enterpriseId":"%s","type":"MACHINERY","place":"冲压车间","occurredAt":"%s","peopleInvolved":20,"deaths":0,"missing":0,
                 "seriousInjuries":1,"minorInjuries":1,"directLossYuan":10000,"summary":"冲床夹手"}"""
                .formatted(e, Instant.now().minus(Duration.ofHours(2)))), admin, "$.accident.id");
        created(json("/api/v1/credit-records", """
                {"subjectType":"UNIT","subjectName":"矩阵测试","enterpriseId":"%s","kind":"BAD_RECORD","cause":"OTHER","causeDetail":"测试",
                 "authority":"江津区应急管理局","decisionDate":"%s"}""".formatted(e, today)), admin, "$.id");
        // issue 14: a credit repair application of A (its entry decided two years ago, so the enterprise may apply)
        String repairable = created(json("/api/v1/credit-records", """
                {"subjectType":"UNIT","subjectName":"矩阵修复","enterpriseId":"%s","kind":"BAD_RECORD","cause":"OTHER","causeDetail":"测试",
                 "authority":"江津区应急管理局","decisionDate":"%s"}""".formatted(e, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(2))),
                admin, "$.id");
        mvc.perform(multipart("/api/v1/credit-records/" + repairable + "/repair-applications")
                .file(new MockMultipartFile("proof", "p.png", "image/png", PNG)).param("rectification", "已整改")
                .with(as(a.user(Role.ENTERPRISE_USER)))).andExpect(status().isCreated());
        String inspection = created(json("/api/v1/inspections", "{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}"
                .formatted(e, inspectorA.id(), inspectorB.id(), today)), inspectorA, "$.id");
        created(json("/api/v1/inspections/" + inspection + "/findings", """
                {"place":"污水池","description":"有限空间作业未审批","category":"HAZARDOUS_WORK_APPROVAL","legalBasis":"《工贸企业有限空间作业安全规定》",
                 "deadline":"%s"}""".formatted(soon)), inspectorA, "$.id");
        created(post("/api/v1/inspections/" + inspection + "/documents/rectification-order"), inspectorA, "$.id");
        // best effort: what fails to be made is simply not in the pool
        mvc.perform(json("/api/v1/enterprises/" + e + "/licences", """
                {"kind":"INSURANCE","number":"I-%s","issuer":"人保财险江津支公司","validFrom":"%s","validTo":"%s"}"""
                .formatted(e, today, soon)).with(as(admin)));
        mvc.perform(json("/api/v1/enterprises/" + e + "/key-persons", "{\"role\":\"CHIEF_ENGINEER\",\"name\":\"陈总工\",\"appointedOn\":\"2024-01-01\"}")
                .with(as(admin)));
        mvc.perform(json("/api/v1/inspection-leads", """
                {"kind":"WHISTLEBLOWER","siteName":"矩阵测试","enterpriseId":"%s","description":"举报","receivedOn":"%s","source":"HOTLINE"}"""
                .formatted(e, today)).with(as(admin)));
        mvc.perform(json("/api/v1/risk-points/posts", """
                {"enterpriseId":"%s","name":"抛光工","workshop":"抛光车间","duties":["遵守抛光岗位操作规程"],"operationSteps":["开机前确认除尘器运行"],
                 "prohibitions":["严禁动火"],"emergencyMeasures":["停机断电"],"emergencyContacts":["火警 119"]}""".formatted(e)).with(as(admin)));
        mvc.perform(json("/api/v1/check-lists", """
                {"enterpriseId":"%s","name":"抛光岗位每日检查","post":"抛光工","level":"POST","cadence":"DAILY",
                 "items":["除尘器运行正常"],"includeCriteria":false}""".formatted(e)).with(as(a.user(Role.ENTERPRISE_USER))));
        // issue 11 part 2: a key process, a tank farm with a gap, a pipeline with a hazard in the loop, a fuel user of A's town
        mvc.perform(json("/api/v1/enterprise-key-processes", """
                {"enterpriseId":"%s","processCode":"NITRATION","automated":false,"sis":false}""".formatted(e)).with(as(admin)));
        mvc.perform(json("/api/v1/storage-sites", """
                {"enterpriseId":"%s","name":"矩阵罐区","kind":"LIQUEFIED_HYDROCARBON","gasDetection":"ABSENT","video":"PRESENT",
                 "emergencyShutoff":"PRESENT","lightningWarning":"OUT_OF_ORDER",
                 "tanks":[{"name":"V-1","medium":"丙烯","capacityM3":200,"pressure":"PRESSURE"}]}""".formatted(e)).with(as(admin)));
        String lineA = "{\"type\":\"LineString\",\"coordinates\":[[%s,%s],[%s,%s]]}".formatted(a.town().longitude(), a.town().latitude(),
                a.town().longitude() + 0.01, a.town().latitude() + 0.01);
        String segment = created(json("/api/v1/pipelines", """
                {"name":"矩阵管道","operatorEnterpriseId":"%s","townId":"%s","medium":"NATURAL_GAS","pressureClass":"MEDIUM",
                 "diameterMm":200,"lengthKm":2,"geometry":%s}""".formatted(e, a.town().id(), lineA)), admin, "$.id");
        mvc.perform(json("/api/v1/pipelines/" + segment + "/hazards", """
                {"kind":"CORROSION","place":"阀井","description":"防腐层破损","grade":"GENERAL","deadline":"%s"}""".formatted(soon)).with(as(admin)));
        mvc.perform(json("/api/v1/fuel-users", """
                {"name":"矩阵饭店","enterpriseId":"%s","townId":"%s","fuel":"ALCOHOL_FUEL","usage":"CATERING","gasAlarm":false}"""
                .formatted(e, a.town().id())).with(as(admin)));
        // 一企一品一码: a product of A with its safety data sheet
        String chemical = created(json("/api/v1/chemicals", "{\"name\":\"矩阵测试醇\"}"), admin, "$.id");
        String product = created(json("/api/v1/chemical-products", """
                {"enterpriseId":"%s","chemicalId":"%s","productName":"矩阵测试醇","roles":["STORED"],"emergencyPhone":"023-47520000"}"""
                .formatted(e, chemical)), admin, "$.id");
        mvc.perform(multipart("/api/v1/chemical-products/" + product + "/msds").file(new MockMultipartFile("file", "m.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).with(as(admin))).andExpect(status().isCreated());
        created(json("/api/v1/penalty-cases", """
                {"source":"REPORT","enterpriseId":"%s","categories":["HAZARDOUS_WORK_APPROVAL"],"facts":"有限空间作业未审批，未安排监护人。",
                 "responsiblePerson":"张三","handlerIds":["%s","%s"]}""".formatted(e, inspectorA.id(), inspectorB.id())), inspectorA, "$.penaltyCase.id");
        // issue 15: a trusteeship contract of A with a visit, a finding and a monthly report (A is above size, so written directly)
        UUID agency = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        jdbc.sql("insert into tru_agency (id, name, credit_code, qualification, qualification_no, qualification_valid_until, contact, phone, created_at, updated_at)"
                        + " values (?, '矩阵托管机构', ?, '安全生产技术服务机构', 'M-1', current_date + 365, '黄', '023', now(), now())")
                .params(agency, ("M" + UUID.randomUUID().toString().replace("-", "")).substring(0, 18).toUpperCase()).update();
        jdbc.sql("insert into tru_contract (id, agency_id, enterprise_id, enterprise_name, town_id, sector, contract_no, start_on, end_on, service_scope,"
                        + " price_yuan, government_purchased, created_at, updated_at) values (?, ?, ?, '矩阵', ?, 'INDUSTRY_TRADE', 'M-C', current_date - 30,"
                        + " current_date + 300, '隐患排查', 1000, true, now(), now())")
                .params(contract, agency, e, a.town().id()).update();
        jdbc.sql("insert into tru_visit (id, contract_id, agency_id, enterprise_id, town_id, sector, visited_on, visitor_name, content, created_at)"
                        + " values (?, ?, ?, ?, ?, 'INDUSTRY_TRADE', current_date, '黄', '上门', now())").params(visit, contract, agency, e, a.town().id()).update();
        jdbc.sql("insert into tru_finding (id, visit_id, enterprise_id, hazard_id, place, description, grade, deadline)"
                        + " values (?, ?, ?, ?, '配电房', '未上锁', 'GENERAL', current_date + 10)").params(UUID.randomUUID(), visit, e, UUID.fromString(hazard)).update();
        // issue 15: a certificate and a training record of A
        created(json("/api/v1/training/certificates", """
                {"enterpriseId":"%s","kind":"SPECIAL_OPERATION","category":"ELECTRICAL","holderName":"矩阵","number":"M-%s","issuer":"重庆市应急管理局",
                 "issuedOn":"%s"}""".formatted(e, UUID.randomUUID(), today)), admin, "$.certificate.id");
        created(json("/api/v1/training/records", """
                {"enterpriseId":"%s","kind":"LECTURE","topic":"安全大讲堂","heldOn":"%s","hours":2,"trainees":30}""".formatted(e, today)), admin, "$.id");
        // issue 16 part B: a problem of A on a list, with evidence, and a 举一反三 check of it for A's own town
        String problem = created(json("/api/v1/problems", """
                {"listCode":"ENFORCEMENT","title":"矩阵问题","description":"配电箱未上锁","ownerKind":"ENTERPRISE","enterpriseId":"%s","deadline":"%s"}"""
                .formatted(e, soon)), admin, "$.id");
        mvc.perform(multipart("/api/v1/problems/" + problem + "/evidence").file(new MockMultipartFile("file", "p.png", "image/png", PNG)).with(as(admin)))
                .andExpect(status().isCreated());
        mvc.perform(json("/api/v1/problems/" + problem + "/follow-ups", """
                {"target":"SAME_SECTOR","deadline":"%s"}""".formatted(soon)).with(as(a.user(Role.TOWN_OFFICIAL)))).andExpect(status().isCreated());
        // issue 15: a standardization application of A
        created(json("/api/v1/standardization/applications", "{\"enterpriseId\":\"%s\",\"level\":\"LEVEL_3\",\"selfScore\":72}".formatted(e)),
                admin, "$.id");
    }

    /**
     * The ids of side A: every row of a table with an {@code enterprise_id} of A (and the enterprise),
     * then every row of a table that refers to one of those by a {@code *_id} column.
     */
    List<String> pool(TwoScopes scopes) {
        UUID a = scopes.a.enterpriseId();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(a.toString());
        // the town and department of A name things too (a town's fireworks outlet plan)
        ids.add(scopes.a.town().id().toString());
        ids.add(scopes.a.department().id().toString());
        List<String> owned = tablesWith("enterprise_id");
        for (String table : owned) {
            ids.addAll(jdbc.sql("select id::text from " + table + " where enterprise_id = ? order by id limit 5").param(a).query(String.class).list());
        }
        List<String> firstLevel = List.copyOf(ids);
        List<Map<String, Object>> refs = jdbc.sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                        where c.table_schema = 'public' and c.data_type = 'uuid' and c.column_name like '%\\_id' escape '\\'
                          and c.column_name not in ('enterprise_id', 'town_id', 'park_id', 'region_id', 'department_id', 'actor_id', 'user_id')
                          and exists (select 1 from information_schema.columns i where i.table_schema = 'public' and i.table_name = c.table_name
                                      and i.column_name = 'id' and i.data_type = 'uuid')""")
                .query().listOfRows();
        List<UUID> parents = firstLevel.stream().map(UUID::fromString).toList();
        for (Map<String, Object> ref : refs) {
            ids.addAll(jdbc.sql("select id::text from " + ref.get("table_name") + " where " + ref.get("column_name") + " = any(?) order by id limit 5")
                    .param(parents.toArray(UUID[]::new)).query(String.class).list());
        }
        return List.copyOf(ids);
    }

    List<String> tablesWith(String column) {
        return jdbc.sql("""
                        select c.table_name from information_schema.columns c where c.table_schema = 'public' and c.column_name = ?
                          and exists (select 1 from information_schema.columns i where i.table_schema = 'public' and i.table_name = c.table_name
                                      and i.column_name = 'id' and i.data_type = 'uuid')
                        order by 1""")
                .param(column).query(String.class).list();
    }

    // ---------------------------------------------------------------- bodies from the document

    @SuppressWarnings("unchecked")
    Map<String, Object> propertiesOf(OpenApiOperations.Operation op, Map<String, Object> schema) {
        return (Map<String, Object>) op.resolve(schema).getOrDefault("properties", Map.of());
    }

    /** A plausible value for a schema: the enterprise of A for an enterprise id, dates ahead, first enum values. */
    @SuppressWarnings("unchecked")
    Object sample(OpenApiOperations.Operation op, String name, Map<String, Object> raw, TwoScopes scopes, int depth) {
        Map<String, Object> schema = op.resolve(raw);
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "integer" -> 1;
            case "number" -> 1;
            case "boolean" -> false;
            case "array" -> depth > 3 ? List.of()
                    : List.of(sample(op, name, (Map<String, Object>) schema.getOrDefault("items", Map.of()), scopes, depth + 1));
            case "object" -> {
                Map<String, Object> value = new LinkedHashMap<>();
                if (depth <= 3) {
                    propertiesOf(op, schema).forEach((n, p) -> value.put(n, sample(op, n, (Map<String, Object>) p, scopes, depth + 1)));
                }
                yield value;
            }
            default -> switch (format) {
                case "uuid" -> name.toLowerCase().contains("enterprise") ? scopes.a.enterpriseId().toString() : UUID.randomUUID().toString();
                case "date" -> LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString();
                case "date-time" -> Instant.now().minus(Duration.ofHours(1)).toString();
                default -> "范围矩阵测试";
            };
        };
    }
}
