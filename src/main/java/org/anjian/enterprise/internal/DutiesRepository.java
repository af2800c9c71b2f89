package org.anjian.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.internal.DutiesService.Licence;
import org.anjian.enterprise.internal.DutiesService.Person;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An enterprise's licences (安全生产许可证, 安责险) and key persons (主要负责人, 安全管理人员 …). */
@Repository
class DutiesRepository {

    private final JdbcClient jdbc;

    DutiesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A licence on the due list with its enterprise's name. */
    record DueLicence(Licence licence, String enterpriseName) {
    }

    List<Licence> licencesOf(UUID enterpriseId) {
        return jdbc.sql("select * from ent_licence where enterprise_id = ? order by kind, valid_to desc").param(enterpriseId)
                .query((rs, n) -> licence(rs)).list();
    }

    void insertLicence(Licence l, Instant now) {
        jdbc.sql("""
                insert into ent_licence (id, enterprise_id, kind, number, scope, issuer, valid_from, valid_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.id(), l.enterpriseId(), l.kind(), l.number(), l.scope(), l.issuer(), l.validFrom(), l.validTo(),
                        EnterpriseRepository.ts(now)).update();
    }

    void deleteLicence(UUID licenceId) {
        jdbc.sql("delete from ent_licence where id = ?").param(licenceId).update();
    }

    List<Person> personsOf(UUID enterpriseId) {
        return jdbc.sql("select * from ent_key_person where enterprise_id = ? order by role, name").param(enterpriseId)
                .query((rs, n) -> new Person(rs.getObject("id", UUID.class), enterpriseId, rs.getString("role"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("certificate_no"), rs.getObject("appointed_on", LocalDate.class),
                        rs.getObject("assessed_on", LocalDate.class))).list();
    }

    void insertPerson(Person p, Instant now) {
        jdbc.sql("""
                insert into ent_key_person (id, enterprise_id, role, name, phone, certificate_no, appointed_on, assessed_on, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.enterpriseId(), p.role(), p.name(), p.phone(), p.certificateNo(), p.appointedOn(), p.assessedOn(),
                        EnterpriseRepository.ts(now)).update();
    }

    void deletePerson(UUID personId) {
        jdbc.sql("delete from ent_key_person where id = ?").param(personId).update();
    }

    /**
     * The latest licence of each kind of the open enterprises in scope (alias {@code e}) that expires between {@code oldest} and
     * {@code horizon}, soonest first: a licence already replaced by a newer one of the same kind is not due. Town, name (a
     * substring) and kind filter when not null.
     */
    PageResult<DueLicence> due(ScopeConditions.Condition scope, LocalDate oldest, LocalDate horizon, UUID townId, String name, String kind,
                               PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder("""
                 from ent_licence l join ent_enterprise e on e.id = l.enterprise_id
                where (%s) and l.valid_to <= :horizon and l.valid_to >= :oldest and e.status <> 'CLOSED'
                  and not exists (select 1 from ent_licence n where n.enterprise_id = l.enterprise_id and n.kind = l.kind and n.valid_to > l.valid_to)
                """.formatted(scope.sql()));
        params.put("horizon", horizon);
        params.put("oldest", oldest);
        if (townId != null) {
            where.append(" and e.town_id = :town");
            params.put("town", townId);
        }
        if (name != null) {
            where.append(" and e.name ilike :name");
            params.put("name", "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (kind != null) {
            where.append(" and l.kind = :kind");
            params.put("kind", kind);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<DueLicence> items = jdbc.sql("select l.*, e.name as enterprise_name" + where + " order by l.valid_to, e.name, l.id limit :limit offset :offset")
                .params(params).query((rs, n) -> new DueLicence(licence(rs), rs.getString("enterprise_name"))).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Every licence in force on {@code day}, by enterprise (number, scope and issuer left out: the gap rules do not read them). */
    Map<UUID, List<Licence>> licencesInForce(LocalDate day) {
        Map<UUID, List<Licence>> licences = new HashMap<>();
        jdbc.sql("select id, enterprise_id, kind, valid_from, valid_to from ent_licence where valid_from <= ? and valid_to >= ?").params(day, day).query(rs -> {
            UUID eid = rs.getObject("enterprise_id", UUID.class);
            licences.computeIfAbsent(eid, k -> new ArrayList<>()).add(new Licence(rs.getObject("id", UUID.class), eid, rs.getString("kind"),
                    null, null, null, rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
        });
        return licences;
    }

    /** Every key person, by enterprise (phone and certificate left out: the gap rules do not read them). */
    Map<UUID, List<Person>> keyPersons() {
        Map<UUID, List<Person>> persons = new HashMap<>();
        jdbc.sql("select id, enterprise_id, role, name, appointed_on, assessed_on from ent_key_person").query(rs -> {
            UUID eid = rs.getObject("enterprise_id", UUID.class);
            persons.computeIfAbsent(eid, k -> new ArrayList<>()).add(new Person(rs.getObject("id", UUID.class), eid, rs.getString("role"),
                    rs.getString("name"), null, null, rs.getObject("appointed_on", LocalDate.class), rs.getObject("assessed_on", LocalDate.class)));
        });
        return persons;
    }

    private static Licence licence(ResultSet rs) throws SQLException {
        return new Licence(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("kind"), rs.getString("number"),
                rs.getString("scope"), rs.getString("issuer"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }
}
