package org.anjian.monitoring.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-enterprise device accounts for the MQTT broker: a username and the SHA-256 of its secret. */
@Repository
class DeviceRepository {

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Device(UUID id, UUID enterpriseId, String username, String secretSha256, Instant createdAt) {
    }

    void insert(Device d) {
        jdbc.sql("""
                insert into monitoring_device (id, enterprise_id, username, secret_sha256, created_at)
                values (:id, :e, :u, :s, :at)""")
                .param("id", d.id()).param("e", d.enterpriseId()).param("u", d.username()).param("s", d.secretSha256())
                .param("at", SensorRepository.at(d.createdAt())).update();
    }

    boolean taken(String username) {
        return jdbc.sql("select exists (select 1 from monitoring_device where username = :u)").param("u", username).query(Boolean.class).single();
    }

    Optional<Device> byUsername(String username) {
        return jdbc.sql("select * from monitoring_device where username = :u").param("u", username).query(DeviceRepository::map).optional();
    }

    List<Device> ofEnterprise(UUID enterpriseId) {
        return jdbc.sql("select * from monitoring_device where enterprise_id = :e order by username").param("e", enterpriseId)
                .query(DeviceRepository::map).list();
    }

    private static Device map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Device(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("username"),
                rs.getString("secret_sha256"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
