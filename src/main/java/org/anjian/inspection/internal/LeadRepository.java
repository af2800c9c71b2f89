package org.anjian.inspection.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.inspection.domain.Lead;
import org.anjian.inspection.domain.LeadState;
import org.anjian.shared.crypto.FieldCipher;
import org.anjian.shared.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leads ({@code inspection_lead}), the reporter's name and phone encrypted at rest with {@link FieldCipher} (SM4-GCM). */
@Repository
class LeadRepository {

    /** A stored lead and when it was entered. */
    record Stored(Lead lead, Instant createdAt) {
    }

    private static final String WHERE = " where (cast(? as varchar) is null or state = ?) and (cast(? as varchar) is null or kind = ?)";
    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    LeadRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insert(Lead lead, String createdBy, Instant createdAt) {
        Lead.Report r = lead.report();
        jdbc.sql("""
                insert into inspection_lead (id, kind, enterprise_id, site_name, site_address, town_id, sector, description, received_on, source,
                  reporter_name, reporter_phone, state, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lead.id(), r.kind(), r.enterpriseId(), r.siteName(), r.siteAddress(), r.townId(), r.sector(), r.description(), r.receivedOn(),
                        r.source(), cipher.encrypt(r.reporterName()), cipher.encrypt(r.reporterPhone()), lead.state().name(), createdBy,
                        InspectionRepository.utc(createdAt)).update();
    }

    void save(Lead lead) {
        jdbc.sql("""
                update inspection_lead set state = ?, inspection_id = ?, inspector_ids = ?, outcome = ?, result = ?, closed_by = ?, closed_at = ?,
                  reward_yuan = ?, reward_paid_on = ? where id = ?""")
                .params(lead.state().name(), lead.inspectionId(), lead.inspectorIds().toArray(UUID[]::new), lead.outcome(), lead.result(), lead.closedBy(),
                        InspectionRepository.utc(lead.closedAt()), lead.rewardYuan(), lead.rewardPaidOn(), lead.id()).update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from inspection_lead where id = ?").param(id).query(this::map).optional();
    }

    Optional<Lead> load(UUID id) {
        return find(id).map(Stored::lead);
    }

    /** Leads newest first, of a state and a kind when given. */
    List<Stored> list(String state, String kind, PageRequest page) {
        return jdbc.sql("select * from inspection_lead" + WHERE + " order by received_on desc, created_at desc limit ? offset ?")
                .params(state, state, kind, kind, page.size(), page.offset()).query(this::map).list();
    }

    long count(String state, String kind) {
        return jdbc.sql("select count(*) from inspection_lead" + WHERE).params(state, state, kind, kind).query(Long.class).single();
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        Array team = rs.getArray("inspector_ids");
        long reward = rs.getLong("reward_yuan");
        Long rewardYuan = rs.wasNull() ? null : reward;
        Lead.Report report = new Lead.Report(rs.getString("kind"), rs.getObject("enterprise_id", UUID.class), rs.getString("site_name"),
                rs.getString("site_address"), rs.getObject("town_id", UUID.class), rs.getString("sector"), rs.getString("description"),
                rs.getObject("received_on", LocalDate.class), rs.getString("source"), cipher.decrypt(rs.getBytes("reporter_name")),
                cipher.decrypt(rs.getBytes("reporter_phone")));
        Lead lead = new Lead(rs.getObject("id", UUID.class), report, LeadState.valueOf(rs.getString("state")), rs.getObject("inspection_id", UUID.class),
                team == null ? List.of() : Arrays.asList((UUID[]) team.getArray()), rs.getString("outcome"), rs.getString("result"),
                rs.getString("closed_by"), InspectionRepository.instant(rs, "closed_at"), rewardYuan, rs.getObject("reward_paid_on", LocalDate.class));
        return new Stored(lead, InspectionRepository.instant(rs, "created_at"));
    }
}
