package org.anjian.penalty.domain;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.anjian.inspection.ViolationCategory;

/**
 * The Chinese names documents and the public disclosure print. Official documents are always in
 * Chinese, whatever language the person issuing them reads the pages in.
 */
public final class Labels {

    private static final Map<ViolationCategory, String> CATEGORIES = Map.ofEntries(
            Map.entry(ViolationCategory.PRINCIPAL_DUTIES, "主要负责人未履行安全生产职责"),
            Map.entry(ViolationCategory.SPECIAL_OPERATORS, "特种作业人员未持证上岗"),
            Map.entry(ViolationCategory.HAZARDOUS_WORK_APPROVAL, "危险作业未审批"),
            Map.entry(ViolationCategory.MAINTENANCE, "设备设施检维修违规"),
            Map.entry(ViolationCategory.OUTSOURCING, "外包作业安全管理不到位"),
            Map.entry(ViolationCategory.MAJOR_HAZARD_SOURCE, "重大危险源管控不到位"),
            Map.entry(ViolationCategory.TRAINING, "安全教育培训不到位"),
            Map.entry(ViolationCategory.UNSAFE_OPERATION, "违章指挥、违章作业"),
            Map.entry(ViolationCategory.SAFETY_FACILITIES, "安全设施、防护装置缺失或失效"),
            Map.entry(ViolationCategory.EMERGENCY, "应急管理不到位"),
            Map.entry(ViolationCategory.OTHER, "其他违法行为"));

    private static final Map<Measure, String> MEASURES = Map.of(Measure.WARNING, "警告", Measure.FINE, "罚款", Measure.CONFISCATION, "没收违法所得",
            Measure.SUSPENSION, "责令停产停业", Measure.LICENCE_REVOCATION, "吊销有关许可证", Measure.CLOSURE, "关闭");

    private Labels() {
    }

    public static String categories(Collection<ViolationCategory> categories) {
        return categories.stream().sorted().map(CATEGORIES::get).collect(Collectors.joining("；"));
    }

    /** The penalty as a document states it: 警告；罚款人民币30,000元；责令停产停业. */
    public static String penalty(Collection<Measure> measures, long fineYuan) {
        return measures.stream().sorted().map(m -> m == Measure.FINE ? "罚款人民币" + yuan(fineYuan) + "元" : MEASURES.get(m))
                .collect(Collectors.joining("；"));
    }

    public static String yuan(long amount) {
        return String.format("%,d", amount);
    }
}
