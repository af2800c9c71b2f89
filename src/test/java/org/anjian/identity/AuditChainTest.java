package org.anjian.identity;

import java.util.Map;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.anjian.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ORG-3: the SM3 chain exposes a changed, re-hashed or deleted entry. Each test tampers inside its
 * own transaction, which is rolled back, so the shared chain stays intact for other tests.
 */
@AnjianIntegrationTest
@Transactional
class AuditChainTest {

    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    long first;

    @BeforeEach
    void appendThreeEntries() {
        UUID id = UUID.randomUUID();
        audit.recordAs("tester", null, "TEST_CREATED", "test-record", id, null, Map.of("name", "一号", "count", 1));
        audit.recordAs("tester", null, "TEST_UPDATED", "test-record", id, Map.of("count", 1), Map.of("count", 2));
        audit.recordAs("tester", null, "TEST_UPDATED", "test-record", id, Map.of("count", 2), Map.of("count", 3));
        first = last() - 2;
    }

    long last() {
        return jdbc.sql("select max(seq) from identity_audit_entry").query(Long.class).single();
    }

    @Test
    void anUntouchedChainVerifies() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").value(last()));
    }

    @Test
    void aChangedEntryIsReportedAtItsSequenceNumber() throws Exception {
        long middle = first + 1;
        jdbc.sql("update identity_audit_entry set after_json = '{\"count\":20}' where seq = ?").param(middle).update();
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.brokenSeq").value(middle))
                .andExpect(jsonPath("$.problem").value("CONTENT_CHANGED"))
                .andExpect(jsonPath("$.entries").value(middle - 1));
    }

    @Test
    void aChangedActorIsDetectedToo() throws Exception {
        jdbc.sql("update identity_audit_entry set actor = 'someone-else' where seq = ?").param(first).update();
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.brokenSeq").value(first))
                .andExpect(jsonPath("$.problem").value("CONTENT_CHANGED"));
    }

    @Test
    void aRehashedEntryBreaksTheLinkOfTheNextOne() throws Exception {
        // a forger who also recomputes the hash of the changed row is caught by the next row's link
        jdbc.sql("update identity_audit_entry set hash = repeat('a', 64) where seq = ?").param(first).update();
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.brokenSeq").value(first))
                .andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void aDeletedEntryIsReportedAsMissing() throws Exception {
        jdbc.sql("delete from identity_audit_entry where seq = ?").param(first + 1).update();
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.brokenSeq").value(first + 1))
                .andExpect(jsonPath("$.problem").value("ENTRY_MISSING"));
    }

    @Test
    void deletingTheNewestEntryIsDetectedByTheHead() throws Exception {
        long newest = last();
        jdbc.sql("delete from identity_audit_entry where seq = ?").param(newest).update();
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.brokenSeq").value(newest))
                .andExpect(jsonPath("$.problem").value("ENTRIES_REMOVED_AT_END"));
    }

    @Test
    void onlyTheAuditorMayVerify() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void theAuditorFiltersByRecordAndAction() throws Exception {
        mvc.perform(get("/api/v1/audit").param("action", "TEST_UPDATED").param("actor", "tester").with(as(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("TEST_UPDATED"))
                .andExpect(jsonPath("$.items[0].after").value("{\"count\":3}"))
                .andExpect(jsonPath("$.items[0].before").value("{\"count\":2}"));
    }
}
