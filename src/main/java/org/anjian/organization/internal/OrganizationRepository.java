package org.anjian.organization.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.organization.SpecialOffice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository implements OrganizationDirectory {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Region district() {
        return jdbc.sql("select * from org_region where kind = 'DISTRICT' order by sort_order limit 1")
                .query(OrganizationRepository::region).single();
    }

    @Override
    public List<Region> regions() {
        return jdbc.sql("select * from org_region order by kind <> 'DISTRICT', sort_order, code").query(OrganizationRepository::region).list();
    }

    @Override
    public Optional<Region> region(UUID id) {
        return jdbc.sql("select * from org_region where id = ?").param(id).query(OrganizationRepository::region).optional();
    }

    @Override
    public Optional<Region> regionByName(String name) {
        return jdbc.sql("select * from org_region where name = ?").param(name).query(OrganizationRepository::region).optional();
    }

    @Override
    public Set<UUID> regionAndDescendants(UUID id) {
        return new HashSet<>(jdbc.sql("""
                with recursive tree as (
                  select id from org_region where id = ?
                  union all
                  select r.id from org_region r join tree t on r.parent_id = t.id)
                select id from tree""").param(id).query(UUID.class).list());
    }

    @Override
    public List<Region> towns() {
        return jdbc.sql("select * from org_region where kind = 'TOWN' order by sort_order, code").query(OrganizationRepository::region).list();
    }

    @Override
    public List<Department> departments() {
        return jdbc.sql("select * from org_department order by sort_order, code").query(OrganizationRepository::department).list();
    }

    @Override
    public Optional<Department> department(UUID id) {
        return jdbc.sql("select * from org_department where id = ?").param(id).query(OrganizationRepository::department).optional();
    }

    @Override
    public List<SpecialOffice> specialOffices() {
        return jdbc.sql("select * from org_special_office order by sort_order, code").query(OrganizationRepository::office).list();
    }

    Optional<SpecialOffice> specialOffice(UUID id) {
        return jdbc.sql("select * from org_special_office where id = ?").param(id).query(OrganizationRepository::office).optional();
    }

    boolean regionCodeTaken(String code, UUID except) {
        return jdbc.sql("select count(*) from org_region where code = ? and id <> ?").param(code).param(except).query(Long.class).single() > 0;
    }

    boolean departmentCodeTaken(String code, UUID except) {
        return jdbc.sql("select count(*) from org_department where code = ? and id <> ?").param(code).param(except).query(Long.class).single() > 0;
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from org_region").query(Long.class).single() == 0;
    }

    void upsertRegion(Region r) {
        jdbc.sql("""
                insert into org_region (id, code, name, kind, parent_id, latitude, longitude, sort_order)
                values (:id, :code, :name, :kind, :parent, :lat, :lon, :sort)
                on conflict (id) do update set code = :code, name = :name, kind = :kind, parent_id = :parent,
                  latitude = :lat, longitude = :lon, sort_order = :sort, updated_at = now()""")
                .param("id", r.id()).param("code", r.code()).param("name", r.name()).param("kind", r.kind().name())
                .param("parent", r.parentId()).param("lat", r.latitude()).param("lon", r.longitude()).param("sort", r.sortOrder())
                .update();
    }

    void upsertDepartment(Department d) {
        jdbc.sql("""
                insert into org_department (id, code, name, short_name, sectors, sort_order)
                values (:id, :code, :name, :short, :sectors, :sort)
                on conflict (id) do update set code = :code, name = :name, short_name = :short, sectors = :sectors,
                  sort_order = :sort, updated_at = now()""")
                .param("id", d.id()).param("code", d.code()).param("name", d.name()).param("short", d.shortName())
                .param("sectors", d.sectors().toArray(String[]::new)).param("sort", d.sortOrder())
                .update();
    }

    void upsertSpecialOffice(SpecialOffice o) {
        jdbc.sql("""
                insert into org_special_office (id, code, name, lead_department_id, sort_order)
                values (:id, :code, :name, :lead, :sort)
                on conflict (id) do update set code = :code, name = :name, lead_department_id = :lead,
                  sort_order = :sort, updated_at = now()""")
                .param("id", o.id()).param("code", o.code()).param("name", o.name()).param("lead", o.leadDepartmentId())
                .param("sort", o.sortOrder())
                .update();
    }

    private static Region region(ResultSet rs, int n) throws SQLException {
        return new Region(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                RegionKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", UUID.class),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getInt("sort_order"));
    }

    private static Department department(ResultSet rs, int n) throws SQLException {
        Array arr = rs.getArray("sectors");
        List<String> sectors = arr == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) arr.getArray()));
        return new Department(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("short_name"), sectors, rs.getInt("sort_order"));
    }

    private static SpecialOffice office(ResultSet rs, int n) throws SQLException {
        return new SpecialOffice(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getObject("lead_department_id", UUID.class), rs.getInt("sort_order"));
    }
}
