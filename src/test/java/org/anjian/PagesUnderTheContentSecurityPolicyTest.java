package org.anjian;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages as served: the policy allows no inline script, the pages hold none and no event-handler attribute,
 * and the JSON blocks that carry their data parse as JSON (they are read with JSON.parse, never executed).
 */
@AnjianIntegrationTest
class PagesUnderTheContentSecurityPolicyTest {

    static final List<String> PAGES = List.of("/", "/enterprises", "/enterprises/map", "/enterprises/due", "/enterprises/compliance",
            "/enterprises/outlets", "/enterprises/rules", "/enterprises/new", "/risk/map", "/risk/calculator", "/hazards", "/hazards/new",
            "/hazards/dashboard", "/checks", "/inspections", "/inspections/plans", "/inspections/leads", "/inspections/indicators",
            "/penalty-cases", "/experts", "/experts/evaluations", "/accidents", "/accidents/statistics", "/accidents/violations",
            "/accidents/new", "/credit-records", "/organization", "/admin/users", "/account/password");
    static final Pattern JSON_BLOCK = Pattern.compile("<script type=\"application/json\" id=\"([^\"]+)\">(.*?)</script>", Pattern.DOTALL);

    @Autowired MockMvc mvc;
    JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePolicyAllowsScriptsFromTheApplicationOnly() throws Exception {
        String policy = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe-inline'; connect").doesNotContain("unsafe-eval");
        assertThat(policy.replaceAll(".*script-src ([^;]*);.*", "$1")).isEqualTo("'self'");
    }

    @Test
    void everyPageHoldsNoInlineScriptAndItsDataBlocksAreJson() throws Exception {
        List<String> found = new ArrayList<>();
        int blocks = 0;
        for (String page : PAGES) {
            MvcResult r = mvc.perform(get(page).with(as(Role.DISTRICT_ADMIN))).andReturn();
            assertThat(r.getResponse().getStatus()).as(page).isEqualTo(200);
            String html = r.getResponse().getContentAsString();
            found.addAll(NoInlineScriptTests.inlineScripts(page, html));
            found.addAll(NoInlineScriptTests.inlineHandlers(page, html));
            Matcher m = JSON_BLOCK.matcher(html);
            while (m.find()) {
                blocks++;
                assertThat(json.readTree(m.group(2)).isObject()).as(page + " #" + m.group(1)).isTrue();
            }
        }
        assertThat(found).isEmpty();
        assertThat(blocks).as("pages with charts carry their data in JSON blocks").isGreaterThanOrEqualTo(4);
    }

    /** What a data block does with hostile text: it stays inside the block and comes back unchanged from JSON.parse. */
    @Test
    void textInADataBlockCannotCloseItAndParsesBack() throws Exception {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        String hostile = "</script><img src=x onerror=alert(1)>'\"\\ \u2028 <!-- 镇";
        Context context = new Context();
        context.setVariable("rows", List.of(Map.of("key", hostile, "count", 3)));
        context.setVariable("name", hostile);
        String html = engine.process("<script type=\"application/json\" id=\"d\" th:inline=\"javascript\">"
                + "{\"rows\": /*[[${rows}]]*/ [], \"name\": /*[[${name}]]*/ \"x\"}</script>", context);
        String body = html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));
        assertThat(body).doesNotContain("</");
        var tree = json.readTree(body);
        assertThat(tree.get("name").asString()).isEqualTo(hostile);
        assertThat(tree.get("rows").get(0).get("key").asString()).isEqualTo(hostile);
        assertThat(tree.get("rows").get(0).get("count").asInt()).isEqualTo(3);
    }
}
