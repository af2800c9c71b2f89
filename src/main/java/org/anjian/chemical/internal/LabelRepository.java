package org.anjian.chemical.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.internal.ChemicalLabels.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The label facts of catalogue chemicals, and the catalogue looked up by CAS or name, in SQL. */
@Repository
class LabelRepository {

    private final JdbcClient jdbc;

    LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Label> find(UUID chemicalId) {
        return jdbc.sql("select * from chemical_label where chemical_id = :id").param("id", chemicalId).query((rs, n) -> {
            java.sql.Array p = rs.getArray("pictograms");
            return new Label(rs.getString("signal_word"), p == null ? List.of() : List.of((String[]) p.getArray()),
                    rs.getString("hazard_statements"), rs.getString("precautions"), rs.getString("first_aid"), rs.getString("fire_fighting"),
                    rs.getString("leak_handling"));
        }).optional();
    }

    void upsert(UUID chemicalId, Label l, Instant now) {
        jdbc.sql("""
                insert into chemical_label (chemical_id, signal_word, pictograms, hazard_statements, precautions, first_aid, fire_fighting,
                  leak_handling, updated_at)
                values (:id, :signal, :pictograms, :hazards, :precautions, :aid, :fire, :leak, :now)
                on conflict (chemical_id) do update set signal_word = excluded.signal_word, pictograms = excluded.pictograms,
                  hazard_statements = excluded.hazard_statements, precautions = excluded.precautions, first_aid = excluded.first_aid,
                  fire_fighting = excluded.fire_fighting, leak_handling = excluded.leak_handling, updated_at = excluded.updated_at""")
                .param("id", chemicalId).param("signal", l.signalWord())
                .param("pictograms", (l.pictograms() == null ? List.<String>of() : l.pictograms()).toArray(String[]::new))
                .param("hazards", l.hazardStatements()).param("precautions", l.precautions()).param("aid", l.firstAid())
                .param("fire", l.fireFighting()).param("leak", l.leakHandling())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    Optional<UUID> chemicalByCas(String cas) {
        return jdbc.sql("select id from chemical_chemical where cas = :cas").param("cas", cas).query(UUID.class).optional();
    }

    /** Catalogue entries with exactly this name (names are not unique; the import asks for a CAS when two share one). */
    List<UUID> chemicalsByName(String name) {
        return jdbc.sql("select id from chemical_chemical where name = :name order by id").param("name", name).query(UUID.class).list();
    }
}
