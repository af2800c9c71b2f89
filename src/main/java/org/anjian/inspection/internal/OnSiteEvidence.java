package org.anjian.inspection.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence taken on site (ENF-3): photos of each finding and the signatures of the inspectors and
 * of the enterprise's representative, kept in the database with their SHA-256 so that the
 * full-process archive (ENF-7) can prove them unchanged.
 */
@Service
@Transactional
public class OnSiteEvidence {

    static final int MAX_PHOTOS_PER_FINDING = 9;
    static final int MAX_SIGNATURE_BYTES = 200 * 1024;
    private static final String PNG_DATA_URL = "data:image/png;base64,";

    private final EvidenceRepository evidence;
    private final InspectionService inspections;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxPhotoBytes;

    OnSiteEvidence(EvidenceRepository evidence, InspectionService inspections, AuditTrail audit, Clock clock,
                   InspectionProperties properties) {
        this.evidence = evidence;
        this.inspections = inspections;
        this.audit = audit;
        this.clock = clock;
        this.maxPhotoBytes = properties.photo().maxBytes();
    }

    public record PhotoInfo(UUID id, UUID findingId, String contentType, int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    public record Photo(PhotoInfo info, byte[] content) {
    }

    public record SignatureInfo(UUID id, String role, UUID signerId, String name, String sha256, String signedBy, Instant signedAt) {
    }

    public record Signature(SignatureInfo info, byte[] png) {
    }

    public long maxPhotoBytes() {
        return maxPhotoBytes;
    }

    public PhotoInfo addPhoto(AnjianUser user, UUID inspectionId, UUID findingId, byte[] content) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        InspectionService.requireOnTeam(user, i);
        if (i.findings().stream().noneMatch(f -> f.id().equals(findingId))) {
            throw DomainException.notFound("finding");
        }
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "inspection.photo.empty", "请选择照片");
        }
        if (content.length > maxPhotoBytes) {
            throw DomainException.invalid("file", "inspection.photo.tooLarge", "照片不能超过 " + (maxPhotoBytes / 1024 / 1024) + " MB");
        }
        String type = imageType(content).orElseThrow(() -> DomainException.invalid("file", "inspection.photo.type", "只能上传 JPEG 或 PNG 格式的照片"));
        long count = evidence.countPhotos(findingId);
        if (count >= MAX_PHOTOS_PER_FINDING) {
            throw DomainException.conflict("inspection.photo.tooMany", "每个问题最多上传 9 张照片");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String sha = sha256(content);
        PhotoInfo info = new PhotoInfo(id, findingId, type, content.length, sha, user.getUsername(), now);
        evidence.insertPhoto(inspectionId, info, content);
        audit.record("INSPECTION_PHOTO_ADDED", "inspection", inspectionId, null,
                Map.of("photoId", id, "findingId", findingId, "sha256", sha, "size", content.length));
        return info;
    }

    @Transactional(readOnly = true)
    public List<PhotoInfo> photos(UUID inspectionId) {
        return evidence.photos(inspectionId);
    }

    @Transactional(readOnly = true)
    public Optional<Photo> photo(AnjianUser user, UUID inspectionId, UUID photoId) {
        inspections.get(user, inspectionId);
        return evidence.photo(inspectionId, photoId);
    }

    /** The photos with their bytes, for the archive. */
    @Transactional(readOnly = true)
    List<Photo> photoContents(UUID inspectionId) {
        return evidence.photoContents(inspectionId);
    }

    /**
     * A signature drawn on the phone. An inspector signs only for themselves; the enterprise's
     * representative signs on an inspector's phone, so the caller is always one of the team.
     */
    public SignatureInfo sign(AnjianUser user, UUID inspectionId, String role, String name, String dataUrl) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        if (!i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection collect signatures");
        }
        String signerName = name == null ? "" : name.trim();
        UUID signerId = null;
        if ("INSPECTOR".equals(role)) {
            if (!user.hasRole(Role.INSPECTOR) || (!signerName.isEmpty() && !signerName.equals(user.displayName()))) {
                throw new DomainException(HttpStatus.FORBIDDEN, "inspection.signature.self", "执法人员只能本人签名");
            }
            signerName = user.displayName();
            signerId = user.id();
        } else if ("ENTERPRISE".equals(role)) {
            if (signerName.isEmpty() || signerName.length() > 64) {
                throw DomainException.invalid("name", "inspection.signature.name", "请填写被检查单位负责人姓名");
            }
        } else {
            throw DomainException.invalid("role", "inspection.signature.role", "签名人须为执法人员或被检查单位负责人");
        }
        byte[] png = signaturePng(dataUrl);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String sha = sha256(png);
        SignatureInfo info = new SignatureInfo(id, role, signerId, signerName, sha, user.getUsername(), now);
        evidence.insertSignature(inspectionId, info, png);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("signatureId", id);
        after.put("role", role);
        after.put("name", signerName);
        after.put("sha256", sha);
        audit.record("INSPECTION_SIGNED", "inspection", inspectionId, null, after);
        return info;
    }

    /** Every signature taken, oldest first. */
    @Transactional(readOnly = true)
    public List<Signature> signatures(UUID inspectionId) {
        return evidence.signatures(inspectionId);
    }

    /** The newest signature of an inspector, if they signed. */
    @Transactional(readOnly = true)
    public Optional<Signature> inspectorSignature(UUID inspectionId, UUID inspectorId) {
        return signatures(inspectionId).stream().filter(s -> inspectorId.equals(s.info().signerId())).reduce((a, b) -> b);
    }

    /** The newest signature of the enterprise's representative, if one signed. */
    @Transactional(readOnly = true)
    public Optional<Signature> enterpriseSignature(UUID inspectionId) {
        return signatures(inspectionId).stream().filter(s -> "ENTERPRISE".equals(s.info().role())).reduce((a, b) -> b);
    }

    private static byte[] signaturePng(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith(PNG_DATA_URL)) {
            throw DomainException.invalid("png", "inspection.signature.png", "签名须为 PNG 图片");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()).trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("png", "inspection.signature.png", "签名须为 PNG 图片");
        }
        if (png.length > MAX_SIGNATURE_BYTES) {
            throw DomainException.invalid("png", "inspection.signature.tooLarge", "签名图片不能超过 200 KB");
        }
        if (!"image/png".equals(imageType(png).orElse(null))) {
            throw DomainException.invalid("png", "inspection.signature.png", "签名须为 PNG 图片");
        }
        if (!inked(png)) {
            throw DomainException.invalid("png", "inspection.signature.empty", "签名为空，请重新签名");
        }
        return png;
    }

    /** Whether the image has strokes: enough pixels that are neither transparent nor near white. */
    static boolean inked(byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (img == null) {
            return false;
        }
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (a > 32 && (r + g + b) < 600 && ++inked >= 20) {
                    return true;
                }
            }
        }
        return false;
    }

    /** JPEG or PNG that decodes, judged by content rather than by the name or the type the client declares (the shared upload check). */
    static Optional<String> imageType(byte[] b) {
        return org.anjian.shared.web.Uploads.imageType(b);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
