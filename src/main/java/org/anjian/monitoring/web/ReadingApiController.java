package org.anjian.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.anjian.monitoring.internal.Ingestion;
import org.anjian.monitoring.internal.Ingestion.BatchResult;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.monitoring.internal.IngestionQueue;
import org.anjian.monitoring.internal.MonitoringProperties;
import org.anjian.monitoring.internal.ReadingsPayload;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP ingestion (MON-2). The sender is a signed-in account: an enterprise's device account
 * (role 企业用户, scope its enterprise, bearer token from {@code /api/v1/auth/token}) sends its own
 * sensors' readings, by id or by code; the district may send any sensor's by id. The answer comes
 * after the batch is committed (group commit, {@link IngestionQueue}): a 200 means every reading
 * marked accepted is stored.
 */
@RestController
@Tag(name = "monitoring", description = "监测预警: 传感器、读数、报警")
class ReadingApiController {

    private final Ingestion ingestion;
    private final IngestionQueue queue;
    private final MonitoringProperties properties;

    ReadingApiController(Ingestion ingestion, IngestionQueue queue, MonitoringProperties properties) {
        this.ingestion = ingestion;
        this.queue = queue;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/readings", consumes = "application/json")
    @Operation(summary = "A batch of readings {\"readings\":[{\"sensor\":id or code,\"at\":ISO-8601,\"value\":n,\"unit\":\"m\"}]}; "
            + "each gets a result (accepted, or refused: MALFORMED, UNKNOWN_SENSOR, NOT_OWNED, WRONG_UNIT, FUTURE, TOO_OLD); "
            + "the accepted ones are committed together before the answer")
    BatchResult ingest(@RequestBody(required = false) byte[] body) {
        AnjianUser user = CurrentUser.require();
        if (!user.hasAnyRole(Role.ENTERPRISE_USER, Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.readings.forbidden", "只有企业设备账号和区应急局可以上报读数");
        }
        Sender sender = user.scope().kind() == ScopeKind.ENTERPRISE
                ? new Sender("http", user.scope().id(), e -> e.equals(user.scope().id()))
                : new Sender("http", null, e -> user.scope().isDistrict());
        List<ReadingInput> readings;
        try {
            readings = ReadingsPayload.parse(body, properties.maxBatch());
        } catch (ReadingsPayload.Malformed e) {
            ingestion.refuseMalformed(sender, e.getMessage());
            throw DomainException.invalid("readings", "monitoring.readings.malformed", "读数格式错误：" + e.getMessage());
        }
        // group commit with other requests and MQTT messages; answered after the commit
        return queue.ingest(Ingestion.Submission.of(sender, readings));
    }
}
