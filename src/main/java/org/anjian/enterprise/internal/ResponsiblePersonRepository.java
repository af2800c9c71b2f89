package org.anjian.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.Check;
import org.anjian.enterprise.domain.ResponsiblePersonCompliance.SpecialPeriod;
import org.anjian.enterprise.internal.ResponsiblePersonService.CheckRecord;
import org.anjian.enterprise.internal.ResponsiblePersonService.Person;
import org.anjian.organization.ScopeConditions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The 三个责任人 tables: persons, their postings to enterprises, their checks and the district's special periods. */
@Repository
class ResponsiblePersonRepository {

    private final JdbcClient jdbc;

    ResponsiblePersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A posted person with one enterprise of theirs in the caller's scope (a department person appears once per enterprise). */
    record Posting(Person person, UUID enterpriseId) {
    }

    List<Person> personsOf(UUID enterpriseId) {
        return jdbc.sql("""
                select p.* from ent_responsible_person p join ent_responsible_assignment a on a.person_id = p.id
                where a.enterprise_id = ? order by case p.kind when 'ENTERPRISE_PRINCIPAL' then 0 when 'DEPARTMENT' then 1 else 2 end, p.name""")
                .param(enterpriseId).query((rs, n) -> person(rs)).list();
    }

    Optional<Person> person(UUID id) {
        return jdbc.sql("select * from ent_responsible_person where id = ?").param(id).query((rs, n) -> person(rs)).optional();
    }

    void insert(Person p, Instant now) {
        jdbc.sql("insert into ent_responsible_person (id, kind, name, post, phone, town_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.kind(), p.name(), p.post(), p.phone(), p.townId(), EnterpriseRepository.ts(now)).update();
    }

    void assign(UUID personId, UUID enterpriseId) {
        jdbc.sql("insert into ent_responsible_assignment (person_id, enterprise_id) values (?, ?) on conflict do nothing")
                .params(personId, enterpriseId).update();
    }

    void unassign(UUID personId, UUID enterpriseId) {
        jdbc.sql("delete from ent_responsible_assignment where person_id = ? and enterprise_id = ?").params(personId, enterpriseId).update();
    }

    void insertCheck(CheckRecord c, Instant now) {
        jdbc.sql("""
                insert into ent_responsible_check (id, person_id, enterprise_id, checked_on, place, findings, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.personId(), c.enterpriseId(), c.checkedOn(), c.place(), c.findings(), EnterpriseRepository.ts(now))
                .update();
    }

    /** The enterprise's latest 100 checks, newest first. */
    List<CheckRecord> checks(UUID enterpriseId) {
        return jdbc.sql("select * from ent_responsible_check where enterprise_id = ? order by checked_on desc limit 100").param(enterpriseId)
                .query((rs, n) -> new CheckRecord(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), enterpriseId,
                        rs.getObject("checked_on", LocalDate.class), rs.getString("place"), rs.getString("findings"))).list();
    }

    /** Every check made from {@code from} to {@code to}, both included. */
    List<PersonCheck> checksBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("select person_id, enterprise_id, checked_on from ent_responsible_check where checked_on >= ? and checked_on <= ?")
                .params(from, to)
                .query((rs, n) -> new PersonCheck(rs.getObject(1, UUID.class), new Check(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class))))
                .list();
    }

    record PersonCheck(UUID personId, Check check) {
    }

    /** Postings of persons to the open enterprises the condition selects (alias {@code e}), by town, kind and name. */
    List<Posting> postings(ScopeConditions.Condition scope) {
        return jdbc.sql("""
                select p.*, a.enterprise_id from ent_responsible_person p join ent_responsible_assignment a on a.person_id = p.id
                join ent_enterprise e on e.id = a.enterprise_id where (%s) and e.status <> 'CLOSED' order by p.town_id, p.kind, p.name"""
                .formatted(scope.sql())).params(scope.params())
                .query((rs, n) -> new Posting(person(rs), rs.getObject("enterprise_id", UUID.class))).list();
    }

    void insertPeriod(UUID id, SpecialPeriod p, String kind, Instant now) {
        jdbc.sql("insert into ent_special_period (id, name, kind, starts_on, ends_on, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, p.name(), kind, p.startsOn(), p.endsOn(), EnterpriseRepository.ts(now)).update();
    }

    /** Special periods that end on or after {@code from}. */
    List<SpecialPeriod> periodsEndingFrom(LocalDate from) {
        return jdbc.sql("select * from ent_special_period where ends_on >= ? order by starts_on").param(from)
                .query((rs, n) -> period(rs)).list();
    }

    /** Special periods that overlap {@code from} … {@code to}. */
    List<SpecialPeriod> periodsOverlapping(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from ent_special_period where ends_on >= ? and starts_on <= ? order by starts_on")
                .params(from, to).query((rs, n) -> period(rs)).list();
    }

    private static SpecialPeriod period(ResultSet rs) throws SQLException {
        return new SpecialPeriod(rs.getString("name"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class));
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"), rs.getString("post"), rs.getString("phone"),
                rs.getObject("town_id", UUID.class));
    }
}
