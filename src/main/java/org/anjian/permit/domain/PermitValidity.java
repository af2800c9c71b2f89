package org.anjian.permit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GB 30871-2022: how long one permit may run.
 * <ul>
 *   <li>5.1.5 动火: 特级 and 一级 at most 8 h; 二级 at most 72 h;</li>
 *   <li>6.10 受限空间: at most 24 h;</li>
 *   <li>8.2.11 高处: at most 7 days;</li>
 *   <li>10.8 临时用电: normally at most 15 days, never more than 30 days; when it powers 动火 or 受限空间
 *       work it runs for the same period as that work;</li>
 *   <li>7.11 盲板抽堵, 9 吊装, 11 动土, 12 断路: no time limit in the standard.</li>
 * </ul>
 */
public final class PermitValidity {

    static final Duration EIGHT_HOURS = Duration.ofHours(8);
    static final Duration SEVENTY_TWO_HOURS = Duration.ofHours(72);
    static final Duration TWENTY_FOUR_HOURS = Duration.ofHours(24);
    static final Duration SEVEN_DAYS = Duration.ofDays(7);
    static final Duration FIFTEEN_DAYS = Duration.ofDays(15);
    static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private PermitValidity() {
    }

    /** The longest a permit of this type and grade may be valid; empty when the standard sets no limit. */
    public static Optional<Duration> maximum(WorkType type, WorkGrade grade) {
        return switch (type) {
            case HOT_WORK -> Optional.of(grade == WorkGrade.SECOND ? SEVENTY_TWO_HOURS : EIGHT_HOURS);
            case CONFINED_SPACE -> Optional.of(TWENTY_FOUR_HOURS);
            case WORK_AT_HEIGHT -> Optional.of(SEVEN_DAYS);
            case TEMPORARY_POWER -> Optional.of(THIRTY_DAYS);
            case BLIND_PLATE, LIFTING, EXCAVATION, ROAD_CLOSURE -> Optional.empty();
        };
    }

    /** 10.8: the period a 临时用电 permit normally keeps within; longer (up to 30 days) needs a stated reason. */
    public static Duration normalTemporaryPower() {
        return FIFTEEN_DAYS;
    }

    /**
     * Checks the planned period of a permit.
     *
     * @param linkedWorkEnds for 临时用电 powering 动火 or 受限空间 work: the end of that work's permit, else null
     * @param reasonForLongerPower the reason a 临时用电 permit runs longer than 15 days, or null
     */
    public static void check(WorkType type, WorkGrade grade, Instant from, Instant to, Instant linkedWorkEnds, String reasonForLongerPower) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw PermitViolation.invalid("permit.validity.order", "作业票有效期的结束时间须晚于开始时间");
        }
        Duration planned = Duration.between(from, to);
        Optional<Duration> max = maximum(type, grade);
        if (max.isPresent() && planned.compareTo(max.get()) > 0) {
            throw PermitViolation.invalid("permit.validity.tooLong", "%s作业票有效期最长%s（GB 30871-2022 %s），申请的是%s".formatted(
                    type.label() + (type.isGraded() ? grade.label(type) : ""), describe(max.get()), clause(type), describe(planned)),
                    type.label(), describe(max.get()), clause(type));
        }
        if (type == WorkType.TEMPORARY_POWER) {
            if (linkedWorkEnds != null && to.isAfter(linkedWorkEnds)) {
                throw PermitViolation.invalid("permit.validity.powerBeyondLinkedWork",
                        "为动火、受限空间作业供电的临时用电作业票有效期须与该作业一致（GB 30871-2022 10.8）");
            }
            if (planned.compareTo(FIFTEEN_DAYS) > 0 && (reasonForLongerPower == null || reasonForLongerPower.isBlank())) {
                throw PermitViolation.invalid("permit.validity.powerReason", "临时用电作业票有效期一般不超过15天，超过时须说明理由（GB 30871-2022 10.8）");
            }
        }
    }

    static String clause(WorkType type) {
        return switch (type) {
            case HOT_WORK -> "5.1.5";
            case CONFINED_SPACE -> "6.10";
            case WORK_AT_HEIGHT -> "8.2.11";
            case TEMPORARY_POWER -> "10.8";
            case BLIND_PLATE -> "7.11";
            case LIFTING -> "9";
            case EXCAVATION -> "11";
            case ROAD_CLOSURE -> "12";
        };
    }

    static String describe(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0 && d.toDays() > 1 && d.compareTo(SEVENTY_TWO_HOURS) != 0) {
            return d.toDays() + "天";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + "小时";
        }
        return d.toMinutes() + "分钟";
    }
}
