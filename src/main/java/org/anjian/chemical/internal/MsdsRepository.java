package org.anjian.chemical.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.internal.MsdsFiles.MsdsFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Safety data sheets in SQL; the newest of a chemical or a product is the one in force. */
@Repository
class MsdsRepository {

    private final JdbcClient jdbc;

    MsdsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID chemicalId, UUID productId, String name, byte[] content, Instant now, UUID by) {
        jdbc.sql("""
                insert into chemical_msds (id, chemical_id, product_id, file_name, size_bytes, content, uploaded_at, uploaded_by)
                values (:id, :chemical, :product, :name, :size, :content, :now, :by)""")
                .param("id", id).param("chemical", chemicalId).param("product", productId).param("name", name).param("size", content.length)
                .param("content", content).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", by).update();
    }

    Optional<MsdsFile> latestOfChemical(UUID chemicalId) {
        return jdbc.sql("select * from chemical_msds where chemical_id = :id order by uploaded_at desc, id limit 1").param("id", chemicalId)
                .query(this::map).optional();
    }

    Optional<MsdsFile> latestOfProduct(UUID productId) {
        return jdbc.sql("select * from chemical_msds where product_id = :id order by uploaded_at desc, id limit 1").param("id", productId)
                .query(this::map).optional();
    }

    private MsdsFile map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MsdsFile(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getInt("size_bytes"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getBytes("content"));
    }
}
