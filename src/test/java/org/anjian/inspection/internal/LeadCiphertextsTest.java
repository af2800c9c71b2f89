package org.anjian.inspection.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.crypto.FieldCipher;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One encryption (issue 14): a lead stored before the move, its reporter AES-256-GCM under the old
 * development key exactly as the old LeadCipher wrote it, still reads after the startup conversion; the
 * table then holds SM4 values only and no plaintext; a second run converts nothing.
 */
@AnjianIntegrationTest
class LeadCiphertextsTest {

    @Autowired JdbcClient jdbc;
    @Autowired LeadCiphertexts ciphertexts;
    @Autowired MockMvc mvc;

    /** What the removed LeadCipher stored: IV ‖ ciphertext ‖ tag under SHA-256("anjian-dev-lead-key"). */
    static byte[] oldAes(String plain) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(LeadCiphertexts.sha256(LeadCiphertexts.OLD_DEV_SEED), "AES"), new GCMParameterSpec(128, iv));
        byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
    }

    @Test
    void anOldAesReporterStillReadsAfterTheMoveAndTheTableHoldsSm4Only() throws Exception {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection_lead (id, kind, site_name, description, received_on, source, reporter_name, reporter_phone, state,
                  created_by, created_at) values (?, 'ILLEGAL_ACTIVITY', '迁移测试作坊', '夜间非法生产', ?, 'HOTLINE', ?, ?, 'NEW', 'test', ?)""")
                .params(id, LocalDate.now().minusDays(1), oldAes("赵迁移"), oldAes("13800001111"), OffsetDateTime.now()).update();

        assertThat(ciphertexts.reencrypt()).isGreaterThanOrEqualTo(2);

        byte[] name = jdbc.sql("select reporter_name from inspection_lead where id = ?").param(id).query(byte[].class).single();
        byte[] phone = jdbc.sql("select reporter_phone from inspection_lead where id = ?").param(id).query(byte[].class).single();
        assertThat(FieldCipher.isSm4(name)).isTrue();
        assertThat(FieldCipher.isSm4(phone)).isTrue();
        String row = jdbc.sql("select t::text from inspection_lead t where id = ?").param(id).query(String.class).single();
        assertThat(row).doesNotContain("赵迁移").doesNotContain("13800001111");
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain("13800001111");

        mvc.perform(get("/api/v1/inspection-leads/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reporterName").value("赵迁移")).andExpect(jsonPath("$.reporterPhone").value("13800001111"));
        mvc.perform(get("/api/v1/inspection-leads/" + id).with(as(Role.INSPECTOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reporterName").value("赵**")).andExpect(jsonPath("$.reporterPhone").value("138****1111"));

        // nothing left to convert
        assertThat(ciphertexts.reencrypt()).isZero();
        assertThat(jdbc.sql("select reporter_name from inspection_lead where id = ?").param(id).query(byte[].class).single()).isEqualTo(name);
    }

    @Test
    void aNewLeadIsStoredAsSm4() throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/inspection-leads")
                        .with(as(Role.DISTRICT_ADMIN)).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                        {"kind":"ILLEGAL_ACTIVITY","siteName":"新线索作坊","description":"非法储存","receivedOn":"%s","source":"HOTLINE",
                         "reporterName":"钱新","reporterPhone":"13900002222"}""".formatted(LocalDate.now().minusDays(1))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        byte[] name = jdbc.sql("select reporter_name from inspection_lead where id = ?::uuid").param(id).query(byte[].class).single();
        assertThat(FieldCipher.isSm4(name)).isTrue();
        assertThat(FieldCipher.development().decrypt(name)).isEqualTo("钱新");
    }
}
