package org.anjian.risk;

import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/** Risk control as the command view (一张图) reads it: each enterprise's highest live risk level (四色), one query per scope. */
public interface RiskSituation {

    /** An enterprise with live risk points: the highest level among them and how many there are. */
    record EnterpriseRisk(UUID enterpriseId, UUID townId, String sector, RiskLevel highest, long points) {
    }

    /** The enterprises in the scope with at least one risk point not retired. */
    List<EnterpriseRisk> highestByEnterprise(DataScope scope);

    /** How many enterprises (as {@link #highestByEnterprise} counts them) have this highest level, per town and sector. */
    record LevelCount(UUID townId, String sector, RiskLevel highest, long enterprises) {
    }

    /** {@link #highestByEnterprise} counted by town, sector and level in the database: the overview's figures in a few rows. */
    List<LevelCount> highestByTownAndSector(DataScope scope);
}
