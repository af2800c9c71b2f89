package org.anjian.publicreport.internal;

import java.time.LocalDate;
import java.util.List;
import org.anjian.publicreport.domain.PublicReport.TimeLimits;
import org.anjian.publicreport.domain.ReportingReward;
import org.anjian.publicreport.domain.WorkingDayCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.publicreport.*}: the time limits (acceptance in working days — the national measures
 * give none, so 5 is this district's choice; verification 60 days, extendable once by ≤ 30), the
 * holiday calendar ({@code holidays} off, {@code working-weekend-days} 调休), the reward amounts of
 * 安监总财〔2018〕19号 (15 %, 3,000–300,000 yuan; concealed accidents ≤ 300,000) which a district may
 * change, and the rate limits per client address (token buckets) of the intake and of its enterprise search.
 */
@ConfigurationProperties("anjian.publicreport")
public record PublicReportProperties(
        @DefaultValue("5") int acceptWorkingDays,
        @DefaultValue("60") int verifyDays,
        @DefaultValue("30") int maxExtensionDays,
        @DefaultValue List<LocalDate> holidays,
        @DefaultValue List<LocalDate> workingWeekendDays,
        @DefaultValue("15") int rewardFinePercent,
        @DefaultValue("3000") long rewardMinimumYuan,
        @DefaultValue("300000") long rewardMaximumYuan,
        @DefaultValue("300000") long rewardConcealedMaximumYuan,
        @DefaultValue("10") int rateLimitCapacity,
        @DefaultValue("10") int rateLimitPerMinute,
        @DefaultValue("30") int searchRateLimitCapacity,
        @DefaultValue("60") int searchRateLimitPerMinute) {

    public TimeLimits limits() {
        return new TimeLimits(acceptWorkingDays, verifyDays, maxExtensionDays);
    }

    public WorkingDayCalendar calendar() {
        return new WorkingDayCalendar(java.util.Set.copyOf(holidays), java.util.Set.copyOf(workingWeekendDays));
    }

    public ReportingReward reward() {
        return new ReportingReward(new ReportingReward.Schedule(rewardFinePercent, rewardMinimumYuan, rewardMaximumYuan, null,
                rewardConcealedMaximumYuan));
    }
}
