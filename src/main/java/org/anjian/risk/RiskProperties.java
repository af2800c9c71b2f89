package org.anjian.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.risk.*}: the LS matrix's grade thresholds (see {@code RiskMatrix}). The default is
 * 1–3 低, 4–8 一般, 9–16 较大, 20–25 重大; set {@code ls-general-max=9} for the variant that grades 9 一般.
 *
 * @param cjkFont        a TrueType/OpenType font with Chinese glyphs for the printed cards; for a
 *                       collection name the face like {@code /path/NotoSansCJK-Regular.ttc,2}. Empty:
 *                       the usual Debian/Ubuntu/CentOS locations are searched.
 * @param demoEnterprises how many demo enterprises ({@code demo-enterprise:1…n}) get demo risk points
 */
@ConfigurationProperties("anjian.risk")
public record RiskProperties(@DefaultValue("3") int lsLowMax, @DefaultValue("8") int lsGeneralMax, @DefaultValue("16") int lsHighMax,
                             @DefaultValue("") String cjkFont, @DefaultValue("300") int demoEnterprises) {
}
