package org.anjian.governance;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.governance.internal.AccountabilityRepository;
import org.anjian.governance.internal.AccountabilityService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Each kind of accountability document is numbered 〔year〕N号 in its own sequence, safely under concurrency, and printed with the embedded CJK font. */
@AnjianIntegrationTest
class AccountabilityDocumentTest {

    @Autowired MockMvc mvc;
    @Autowired AccountabilityService service;

    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
    final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    String issue(AccountabilityDocumentKind kind, String addressee) throws Exception {
        return mvc.perform(post("/api/v1/accountability/documents").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"%s","addressee":"%s","subject":"关于重大事故隐患整改不力的%s","body":"经明查暗访，你单位存在下列问题。\\n请于十五日内整改到位并书面报告。"}"""
                        .formatted(kind, addressee, kind.title())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyKindHasItsOwnConsecutiveNumbersAndAPdfWithTheEmbeddedFontAndTheChineseText() throws Exception {
        for (AccountabilityDocumentKind kind : AccountabilityDocumentKind.values()) {
            String first = issue(kind, "重庆德感化工有限公司");
            String second = issue(kind, "德感街道办事处");
            int seq = JsonPath.read(first, "$.seq");
            assertThat((Integer) JsonPath.read(second, "$.seq")).isEqualTo(seq + 1);
            assertThat((String) JsonPath.read(first, "$.number")).isEqualTo("津安委办" + kind.code() + "〔" + year + "〕" + seq + "号");
            assertThat((String) JsonPath.read(second, "$.number")).isEqualTo("津安委办" + kind.code() + "〔" + year + "〕" + (seq + 1) + "号");

            var response = mvc.perform(get("/api/v1/accountability/documents/" + JsonPath.read(second, "$.id") + "/pdf").with(as(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentType()).isEqualTo("application/pdf");
            assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
            byte[] pdf = response.getContentAsByteArray();
            String raw = new String(pdf, StandardCharsets.ISO_8859_1);
            assertThat(raw).as(kind.name()).contains("/FontFile").doesNotContain("Helvetica");
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf)).getTextFromPage(1)
                    .replaceAll("\\s+", "");
            assertThat(text).as(kind.name()).contains(kind.title(), "津安委办" + kind.code() + "〔" + year + "〕" + (seq + 1) + "号", "德感街道办事处",
                    "江津区安全生产委员会办公室", "请于十五日内整改到位并书面报告");
        }
        // the page lists them with their numbers and a link to each PDF
        String page = mvc.perform(get("/accountability").param("tab", "documents").with(as(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"document-table\"", "〔" + year + "〕", ".pdf");
    }

    @Test
    void twelveDocumentsIssuedAtOnceGetTwelveDistinctConsecutiveNumbers() throws Exception {
        int before = service.documents(admin, AccountabilityDocumentKind.REFERRAL, year, new org.anjian.shared.web.PageRequest(0, 200)).items().stream()
                .mapToInt(AccountabilityRepository.Document::seq).max().orElse(0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<AccountabilityRepository.Document>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                calls.add(() -> service.issue(admin, new AccountabilityService.NewDocument(AccountabilityDocumentKind.REFERRAL, "区纪委监委",
                        "关于移送问责线索的函（" + n + "）", "现将有关问题线索移送，请依规依纪处理。")));
            }
            List<Integer> seqs = new ArrayList<>();
            for (Future<AccountabilityRepository.Document> f : pool.invokeAll(calls)) {
                seqs.add(f.get().seq());
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                expected.add(before + i);
            }
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dutiesAndVisitsAreKeptByTheDistrictWithFieldErrorsForBadInput() throws Exception {
        mvc.perform(post("/api/v1/accountability/duties").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holderKind\":\"LEADER\",\"holder\":\"分管副区长\",\"principle\":\"一岗双责\",\"duty\":\"督促分管行业落实安全监管责任\"}"))
                .andExpect(status().isCreated());
        String bad = mvc.perform(post("/api/v1/accountability/duties").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holderKind\":\"LEADER\",\"holder\":\"区长\",\"principle\":\"随便\",\"duty\":\"\"}")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(bad, "$.errors[*].field")).containsExactlyInAnyOrder("principle", "duty");
        mvc.perform(post("/api/v1/accountability/duties").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holderKind\":\"LEADER\",\"holder\":\"x\",\"principle\":\"一岗双责\",\"duty\":\"y\"}")).andExpect(status().isForbidden());
        String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        mvc.perform(post("/api/v1/accountability/supervision-visits").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"visitedOn\":\"%s\",\"mode\":\"COVERT\",\"place\":\"x\",\"team\":\"y\",\"findings\":\"z\"}".formatted(future)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/accountability/supervision-visits").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"visitedOn\":\"%s\",\"mode\":\"COVERT\",\"place\":\"白沙镇餐饮街\",\"team\":\"暗访组\",\"findings\":\"燃气未装报警器\"}"
                        .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")))))
                .andExpect(status().isCreated());
        assertThat(mvc.perform(get("/accountability").param("tab", "visits").with(as(admin))).andReturn().getResponse().getContentAsString())
                .contains("白沙镇餐饮街", "暗访");
    }
}
