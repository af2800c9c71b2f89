package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.inspection.internal.OnSiteEvidence.Photo;
import org.anjian.inspection.internal.OnSiteEvidence.PhotoInfo;
import org.anjian.inspection.internal.OnSiteEvidence.Signature;
import org.anjian.inspection.internal.OnSiteEvidence.SignatureInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos of findings ({@code inspection_photo}) and signatures ({@code inspection_signature}) taken on site. */
@Repository
class EvidenceRepository {

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countPhotos(UUID findingId) {
        return jdbc.sql("select count(*) from inspection_photo where finding_id = ?").param(findingId).query(Long.class).single();
    }

    void insertPhoto(UUID inspectionId, PhotoInfo p, byte[] content) {
        jdbc.sql("""
                insert into inspection_photo (id, inspection_id, finding_id, content_type, size_bytes, content, sha256, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), inspectionId, p.findingId(), p.contentType(), p.sizeBytes(), content, p.sha256(), p.uploadedBy(),
                        InspectionRepository.utc(p.uploadedAt()))
                .update();
    }

    List<PhotoInfo> photos(UUID inspectionId) {
        return jdbc.sql("""
                select id, finding_id, content_type, size_bytes, sha256, uploaded_by, uploaded_at from inspection_photo
                where inspection_id = ? order by uploaded_at, id""").param(inspectionId).query((rs, n) -> photoInfo(rs)).list();
    }

    Optional<Photo> photo(UUID inspectionId, UUID photoId) {
        return jdbc.sql("select * from inspection_photo where id = ? and inspection_id = ?").params(photoId, inspectionId)
                .query((rs, n) -> new Photo(photoInfo(rs), rs.getBytes("content"))).optional();
    }

    List<Photo> photoContents(UUID inspectionId) {
        return jdbc.sql("select * from inspection_photo where inspection_id = ? order by uploaded_at, id").param(inspectionId)
                .query((rs, n) -> new Photo(photoInfo(rs), rs.getBytes("content"))).list();
    }

    void insertSignature(UUID inspectionId, SignatureInfo s, byte[] png) {
        jdbc.sql("""
                insert into inspection_signature (id, inspection_id, role, signer_id, name, png, sha256, signed_by, signed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), inspectionId, s.role(), s.signerId(), s.name(), png, s.sha256(), s.signedBy(), InspectionRepository.utc(s.signedAt()))
                .update();
    }

    /** Every signature taken, oldest first. */
    List<Signature> signatures(UUID inspectionId) {
        return jdbc.sql("select * from inspection_signature where inspection_id = ? order by signed_at, id").param(inspectionId)
                .query((rs, n) -> new Signature(new SignatureInfo(rs.getObject("id", UUID.class), rs.getString("role"), rs.getObject("signer_id", UUID.class),
                        rs.getString("name"), rs.getString("sha256"), rs.getString("signed_by"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant()), rs.getBytes("png"))).list();
    }

    private static PhotoInfo photoInfo(ResultSet rs) throws SQLException {
        return new PhotoInfo(rs.getObject("id", UUID.class), rs.getObject("finding_id", UUID.class), rs.getString("content_type"), rs.getInt("size_bytes"),
                rs.getString("sha256"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
