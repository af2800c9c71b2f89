package org.anjian.permit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.permit.PermitDemo;
import org.anjian.permit.domain.ApprovalLevel;
import org.anjian.permit.domain.CertificateCategory;
import org.anjian.permit.domain.GasReading;
import org.anjian.permit.domain.HotWorkGrade;
import org.anjian.permit.domain.PermitAction;
import org.anjian.permit.domain.PermitState;
import org.anjian.permit.domain.WorkType;
import org.anjian.permit.internal.PermitService.ActionInput;
import org.anjian.permit.internal.PermitService.NewGasAnalysis;
import org.anjian.permit.internal.PermitService.NewPermit;
import org.anjian.permit.internal.PermitService.NewReading;
import org.anjian.permit.internal.PermitService.NewWorker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo permits at the demo district's hazchem enterprises (found through the registry's lookup): at the
 * first one a permit in every state, at the others work under way of several types, so that the
 * district's "work under way" list, counts and map show something. Goes through the service, so every
 * demo permit obeys GB 30871-2022 like a real one.
 */
@Component
class DemoPermits implements PermitDemo {

    private static final String ACTOR = "demo";

    private final PermitService service;
    private final PermitRepository permits;
    private final EnterpriseLookup enterprises;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoPermits(PermitService service, PermitRepository permits, EnterpriseLookup enterprises, JdbcClient jdbc, Clock clock) {
        this.service = service;
        this.permits = permits;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(List<UUID> demoEnterprises) {
        List<EnterpriseSummary> hazchem = demoEnterprises.stream().map(enterprises::find).flatMap(java.util.Optional::stream)
                .filter(e -> e.sector() == Sector.HAZCHEM).limit(6).toList();
        if (hazchem.isEmpty()) {
            return;
        }
        EnterpriseSummary first = hazchem.get(0);
        // once: the showcase enterprise with permits means the demo ran before
        if (jdbc.sql("select exists (select 1 from permit_work_permit where enterprise_id = ?)").param(first.id()).query(Boolean.class).single()) {
            return;
        }
        for (PermitState s : PermitState.values()) {
            hotWorkIn(first, s);
        }
        WorkType[] types = {WorkType.CONFINED_SPACE, WorkType.WORK_AT_HEIGHT, WorkType.LIFTING, WorkType.TEMPORARY_POWER, WorkType.EXCAVATION,
                WorkType.BLIND_PLATE, WorkType.ROAD_CLOSURE};
        int i = 0;
        for (EnterpriseSummary e : hazchem) {
            other(e, types[i++ % types.length], PermitState.IN_PROGRESS);
            other(e, types[i++ % types.length], i % 2 == 0 ? PermitState.SUSPENDED : PermitState.APPROVED);
        }
    }

    private void hotWorkIn(EnterpriseSummary e, PermitState target) {
        Instant now = clock.instant();
        boolean expired = target == PermitState.EXPIRED;
        Instant from = expired ? now.minus(Duration.ofHours(10)) : now.minus(Duration.ofMinutes(10));
        NewPermit p = new NewPermit(e.id(), WorkType.HOT_WORK, null, HotWorkGrade.Site.HAZARD_AREA, false, 0, false, null, null, null,
                "罐区 T-10" + target.ordinal() + " 管线", "更换法兰垫片，焊接加固支架", from, from.plus(Duration.ofHours(8)), true, false, false, null,
                "赵申请", "钱负责", "孙监护", List.of(new NewWorker("李焊工", CertificateCategory.WELDING_AND_THERMAL_CUTTING, "T50011619880101" + target.ordinal(),
                LocalDate.now(clock).plusYears(2))), List.of("切断物料来源并加盲板隔离", "清除动火点周围可燃物", "配备灭火器两具", "动火点10m内可燃气体检测合格"),
                null);
        UUID id = create(e, p);
        drive(e, id, target, true);
    }

    private void other(EnterpriseSummary e, WorkType type, PermitState target) {
        Instant now = clock.instant().minus(Duration.ofMinutes(10));
        Duration validity = switch (type) {
            case CONFINED_SPACE -> Duration.ofHours(8);
            case WORK_AT_HEIGHT -> Duration.ofDays(2);
            case TEMPORARY_POWER -> Duration.ofDays(5);
            default -> Duration.ofDays(3);
        };
        CertificateCategory cert = switch (type) {
            case WORK_AT_HEIGHT -> CertificateCategory.WORK_AT_HEIGHT;
            case LIFTING -> CertificateCategory.CRANE_OPERATION;
            case TEMPORARY_POWER -> CertificateCategory.ELECTRICAL;
            default -> CertificateCategory.HAZARDOUS_CHEMICALS;
        };
        NewPermit p = new NewPermit(e.id(), type, null, null, null, null, null, type == WorkType.WORK_AT_HEIGHT ? new BigDecimal("12") : null, false,
                type == WorkType.LIFTING ? new BigDecimal("45") : null, "装置区 " + type.label() + "作业点", type.label() + "作业（检修）", now,
                now.plus(validity), type == WorkType.CONFINED_SPACE, false, false, null, "赵申请", "钱负责", "孙监护",
                List.of(new NewWorker("周作业", cert, "T5001162000" + type.ordinal(), LocalDate.now(clock).plusYears(3))),
                List.of("作业前安全交底", "设置警戒区域", "个体防护用品齐全"), null);
        UUID id = create(e, p);
        drive(e, id, target, type == WorkType.CONFINED_SPACE);
    }

    private UUID create(EnterpriseSummary e, NewPermit p) {
        // no grade asked: the service files 动火 at the grade 5.1 asks for (raised at night or on a rest day)
        return service.create(ACTOR, e, p).summary().id();
    }

    private void drive(EnterpriseSummary e, UUID id, PermitState target, boolean gas) {
        if (target == PermitState.DRAFT) {
            return;
        }
        if (target == PermitState.EXPIRED) {
            act(id, PermitAction.EXPIRE, ActionInput.NONE);
            return;
        }
        act(id, PermitAction.APPLY, ActionInput.NONE);
        if (target == PermitState.APPLIED) {
            return;
        }
        if (target == PermitState.CANCELLED) {
            act(id, PermitAction.CANCEL, new ActionInput(null, null, "检修计划调整", null));
            return;
        }
        int measures = permits.find(id).orElseThrow().permit().measures().size();
        for (int i = 0; i < measures; i++) {
            int index = i;
            PermitRepository.Stored s = permits.find(id).orElseThrow();
            PermitService.rules(() -> {
                s.permit().confirmMeasure(index, null, clock.instant());
                return null;
            });
            permits.save(s.permit(), s.place());
        }
        ApprovalLevel level = service.detail(permits.find(id).orElseThrow()).requiredApprovalLevel();
        act(id, PermitAction.APPROVE, new ActionInput("周主任", level, null, null));
        if (target == PermitState.APPROVED) {
            return;
        }
        if (gas) {
            service.recordGasAnalysis(permits.find(id).orElseThrow(), new NewGasAnalysis(clock.instant().minus(Duration.ofMinutes(5)), "作业点5m内",
                    "吴分析", List.of(new NewReading(GasReading.Kind.COMBUSTIBLE, "甲烷", new BigDecimal("0.1"), new BigDecimal("5.0"), null),
                    new NewReading(GasReading.Kind.OXYGEN, "氧气", new BigDecimal("20.9"), null, null),
                    new NewReading(GasReading.Kind.TOXIC, "硫化氢", new BigDecimal("1"), null, new BigDecimal("10")))));
        }
        act(id, PermitAction.START, ActionInput.NONE);
        if (target == PermitState.IN_PROGRESS) {
            return;
        }
        if (target == PermitState.SUSPENDED) {
            act(id, PermitAction.SUSPEND, new ActionInput(null, null, "监护人暂离，收回作业票", null));
            return;
        }
        act(id, PermitAction.COMPLETE, ActionInput.NONE);
        if (target == PermitState.CLOSED) {
            act(id, PermitAction.CLOSE, new ActionInput(null, null, null, "车间主任 郑交还"));
        }
    }

    private void act(UUID id, PermitAction action, ActionInput in) {
        service.act(permits.lock(id).orElseThrow(), action, in);
    }
}
