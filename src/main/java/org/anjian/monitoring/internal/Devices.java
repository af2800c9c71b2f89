package org.anjian.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.monitoring.internal.DeviceRepository.Device;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device accounts of an enterprise for MQTT (MON-2): the broker lets a device publish only to its
 * own enterprise's topic. The secret is shown once when the account is made and kept as a hash.
 */
@Service
public class Devices {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeviceRepository repository;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;
    private final Clock clock;

    Devices(DeviceRepository repository, EnterpriseLookup enterprises, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    public record DeviceInput(UUID enterpriseId, String username) {
    }

    public record DeviceView(UUID id, UUID enterpriseId, String username, Instant createdAt) {
    }

    /** The new account with its secret, which is not kept and cannot be shown again. */
    public record NewDevice(UUID id, UUID enterpriseId, String username, String secret, String topic) {
    }

    @Transactional
    public NewDevice create(AnjianUser user, DeviceInput in, String topicPrefix) {
        Sensors.requireKeeper(user);
        if (in == null || in.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "monitoring.device.enterprise", "请选择企业");
        }
        if (!enterprises.inScope(user.scope(), in.enterpriseId())) {
            throw DomainException.notFound("enterprise");
        }
        String username = in.username() == null ? "" : in.username().strip();
        if (!username.matches("[A-Za-z0-9_.-]{3,64}")) {
            throw DomainException.invalid("username", "monitoring.device.username", "设备账号为3到64位字母、数字或 _ . -");
        }
        if (repository.taken(username)) {
            throw DomainException.invalid("username", "monitoring.device.taken", "设备账号已存在");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Device d = new Device(UUID.randomUUID(), in.enterpriseId(), username, sha256(secret), clock.instant());
        repository.insert(d);
        audit.record("MONITORING_DEVICE_CREATED", "monitoring-device", d.id(), null, new DeviceView(d.id(), d.enterpriseId(), username, d.createdAt()));
        return new NewDevice(d.id(), d.enterpriseId(), username, secret, topicPrefix + "/" + d.enterpriseId());
    }

    public List<DeviceView> ofEnterprise(AnjianUser user, UUID enterpriseId) {
        Sensors.requireReader(user);
        if (!enterprises.inScope(user.scope(), enterpriseId)) {
            throw DomainException.notFound("enterprise");
        }
        return repository.ofEnterprise(enterpriseId).stream().map(d -> new DeviceView(d.id(), d.enterpriseId(), d.username(), d.createdAt())).toList();
    }

    /** The enterprise of a device whose secret matches, for the broker's authentication. */
    Optional<UUID> authenticate(String username, byte[] password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return repository.byUsername(username)
                .filter(d -> MessageDigest.isEqual(d.secretSha256().getBytes(StandardCharsets.US_ASCII),
                        sha256(new String(password, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII)))
                .map(Device::enterpriseId);
    }

    Optional<UUID> enterpriseOf(String username) {
        return username == null ? Optional.empty() : repository.byUsername(username).map(Device::enterpriseId);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
