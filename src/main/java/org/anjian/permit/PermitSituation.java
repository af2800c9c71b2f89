package org.anjian.permit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/** Special work permits as the command view (一张图) reads them: the work under way (作业中, 暂停) in a scope. */
public interface PermitSituation {

    /** A permit under way where the work is (its own position, else absent: the enterprise's applies). */
    record UnderWay(UUID id, String number, UUID enterpriseId, UUID townId, String sector, String type, String grade, String state,
                    String location, Double latitude, Double longitude, Instant validTo) {
    }

    /** The permits in the scope in state IN_PROGRESS or SUSPENDED. */
    List<UnderWay> underWay(DataScope scope);

    /** The live-update topic on which permit changes are published (shared.live). */
    String LIVE_TOPIC = "permit";
}
