package org.anjian.credit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.credit.*}: the minimum period, in months from the listing decision, before an entry's
 * enterprise may apply for early removal by credit repair (信用修复), per kind of entry, and the largest
 * proof of rectification accepted.
 * <ul>
 * <li>{@code repair-minimum-months-blacklist} (12): 安全生产严重失信主体名单 — 列入满 12 个月 may apply for
 * 提前移出 (应急管理部令第11号《安全生产严重失信主体名单管理办法》, 2023; management term 3 years).</li>
 * <li>{@code repair-minimum-months-bad-record} (12): a bad record (不良记录). The national rule for an
 * ordinary dishonesty's penalty information (发改委令第58号, 2023: 最短公示期 3 months) is from memory and
 * not confirmed, so the default stays with the 12 months this module used for every entry; a district
 * that confirms the shorter period sets it here.</li>
 * </ul>
 */
@ConfigurationProperties("anjian.credit")
public record CreditProperties(@DefaultValue("12") int repairMinimumMonthsBlacklist,
                               @DefaultValue("12") int repairMinimumMonthsBadRecord,
                               @DefaultValue("10485760") long repairProofMaxBytes) {

    /** The minimum months for an entry of this kind. */
    public int minimumMonths(String kind) {
        return "BLACKLIST".equals(kind) ? repairMinimumMonthsBlacklist : repairMinimumMonthsBadRecord;
    }
}
