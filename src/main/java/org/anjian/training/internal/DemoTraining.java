package org.anjian.training.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.crypto.FieldCipher;
import org.anjian.training.SpecialOperationCategory;
import org.anjian.training.TrainingDemo;
import org.anjian.training.domain.CertificateKind;
import org.anjian.training.domain.CertificateRules;
import org.anjian.training.domain.TrainingKind;
import org.anjian.training.domain.WarningVideo;
import org.anjian.training.internal.TrainingRecords.Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.util.List;

/**
 * Certificates and training records for the first 600 producing demo enterprises, fixed seed: special
 * operators by the sector's trades, principals and safety managers of the larger ones, some engineers;
 * issued over the last seven years and mostly reviewed on time, so that some are due for review, some
 * expire soon, a few lapsed. Only on an empty register.
 */
@Component
class DemoTraining implements TrainingDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoTraining.class);
    private static final long SEED = 20261205L;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静强磊军洋勇艳杰涛明超秀霞平刚桂英华";

    private final TrainingRepository repository;
    private final TrainingService service;
    private final EnterpriseLookup enterprises;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    DemoTraining(TrainingRepository repository, TrainingService service, EnterpriseLookup enterprises, FieldCipher cipher, AuditTrail audit) {
        this.repository = repository;
        this.service = service;
        this.enterprises = enterprises;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (repository.hasAny()) {
            return;
        }
        Random rnd = new Random(SEED);
        LocalDate today = service.today();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int certificates = 0;
        int trainings = 0;
        int seen = 0;
        for (UUID id : demoEnterprises) {
            if (seen >= 600) {
                break;
            }
            Optional<EnterpriseSummary> found = enterprises.find(id);
            if (found.isEmpty() || found.get().status() != OperatingStatus.PRODUCING) {
                continue;
            }
            EnterpriseSummary e = found.get();
            seen++;
            int operators = e.scale() == Scale.ABOVE_SIZE ? 2 + rnd.nextInt(5) : rnd.nextInt(3);
            for (int i = 0; i < operators; i++) {
                insert(e, CertificateKind.SPECIAL_OPERATION, category(rnd, e), rnd, today, now);
                certificates++;
            }
            if (e.scale() != Scale.SMALL_MICRO || e.sector() != Sector.INDUSTRY_TRADE) {
                insert(e, CertificateKind.PRINCIPAL, null, rnd, today, now);
                insert(e, CertificateKind.SAFETY_MANAGER, null, rnd, today, now);
                certificates += 2;
            }
            if (e.scale() == Scale.ABOVE_SIZE && rnd.nextInt(3) == 0) {
                insert(e, CertificateKind.REGISTERED_ENGINEER, null, rnd, today, now);
                certificates++;
            }
            int sessions = 1 + rnd.nextInt(4);
            for (int i = 0; i < sessions; i++) {
                TrainingKind kind = TrainingKind.values()[rnd.nextInt(TrainingKind.values().length)];
                WarningVideo video = kind == TrainingKind.WARNING_VIDEO ? WarningVideo.values()[rnd.nextInt(WarningVideo.values().length)] : null;
                LocalDate held = today.minusDays(rnd.nextInt(330));
                repository.insert(new TrainingRecords.Training(UUID.randomUUID(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(), kind.name(),
                        video == null ? null : video.name(), topic(kind, video), held, BigDecimal.valueOf(kind == TrainingKind.THREE_LEVEL ? 24 : 2 + rnd.nextInt(6)),
                        5 + rnd.nextInt(kind == TrainingKind.LECTURE ? 200 : 40), kind == TrainingKind.LECTURE ? "区应急管理局" : "企业安全管理部", now));
                trainings++;
            }
        }
        audit.record("DEMO_TRAINING_GENERATED", "certificate", null, null, Map.of("certificates", certificates, "trainings", trainings, "seed", SEED));
        log.info("Demo training: {} certificates, {} training records", certificates, trainings);
    }

    private static String topic(TrainingKind kind, WarningVideo video) {
        return switch (kind) {
            case THREE_LEVEL -> "新入职员工厂级、车间级、班组级安全教育";
            case NEW_HIRE -> "新员工岗位安全操作规程";
            case RETRAINING -> "年度全员安全再培训";
            case TRANSFER -> "转岗人员岗位风险与操作规程";
            case LECTURE -> "工贸安全大讲堂：有限空间作业与粉尘防爆";
            case WARNING_VIDEO -> "警示教育：" + switch (video) {
                case ELECTRIC_SHOCK -> "触电事故";
                case FALL -> "高处坠落";
                case POISONING -> "中毒窒息";
                case MACHINERY -> "机械伤害";
                case VEHICLE -> "车辆伤害";
            };
        };
    }

    private static SpecialOperationCategory category(Random rnd, EnterpriseSummary e) {
        return switch (e.sector()) {
            case HAZCHEM -> rnd.nextBoolean() ? SpecialOperationCategory.HAZARDOUS_CHEMICALS : SpecialOperationCategory.ELECTRICAL;
            case NON_COAL_MINE -> rnd.nextBoolean() ? SpecialOperationCategory.METAL_NONMETAL_MINE : SpecialOperationCategory.ELECTRICAL;
            case FIREWORKS -> SpecialOperationCategory.FIREWORKS;
            case INDUSTRY_TRADE -> switch (rnd.nextInt(5)) {
                case 0, 1 -> SpecialOperationCategory.ELECTRICAL;
                case 2 -> SpecialOperationCategory.WELDING_AND_THERMAL_CUTTING;
                case 3 -> SpecialOperationCategory.WORK_AT_HEIGHT;
                default -> SpecialOperationCategory.REFRIGERATION_AND_AIR_CONDITIONING;
            };
        };
    }

    private void insert(EnterpriseSummary e, CertificateKind kind, SpecialOperationCategory category, Random rnd, LocalDate today, Instant now) {
        int span = kind == CertificateKind.SPECIAL_OPERATION ? 6 * 365 + 60 : 3 * 365 + 40;
        LocalDate issued = today.minusDays(rnd.nextInt(span));
        LocalDate validUntil = kind == CertificateKind.REGISTERED_ENGINEER ? issued.plusYears(5).minusDays(1) : CertificateRules.validUntil(kind, issued);
        LocalDate reviewDue = CertificateRules.firstReviewDue(kind, issued);
        LocalDate reviewed = null;
        // nine in ten reviews are done in time, within the 60 days before they are due
        if (reviewDue != null && reviewDue.isBefore(today) && rnd.nextInt(10) > 0) {
            reviewed = reviewDue.minusDays(rnd.nextInt(50));
            reviewDue = CertificateRules.nextReviewDue(reviewDue, validUntil);
        }
        String name = "" + SURNAMES.charAt(rnd.nextInt(SURNAMES.length())) + GIVEN.charAt(rnd.nextInt(GIVEN.length()))
                + (rnd.nextBoolean() ? "" + GIVEN.charAt(rnd.nextInt(GIVEN.length())) : "");
        String idNumber = "500116" + (1965 + rnd.nextInt(35)) + "%02d%02d".formatted(1 + rnd.nextInt(12), 1 + rnd.nextInt(28)) + "%03d".formatted(rnd.nextInt(1000)) + rnd.nextInt(10);
        String prefix = switch (kind) {
            case SPECIAL_OPERATION -> "T";
            case PRINCIPAL -> "ZY";
            case SAFETY_MANAGER -> "AG";
            case REGISTERED_ENGINEER -> "ZA";
        };
        String number = prefix + idNumber.substring(0, 14) + "%04d".formatted(rnd.nextInt(10_000));
        if (repository.certificateByNumber(number).isPresent()) {
            return;
        }
        String issuer = kind == CertificateKind.REGISTERED_ENGINEER ? "应急管理部" : "重庆市应急管理局";
        Certificate c = new Certificate(UUID.randomUUID(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(), kind,
                category == null ? null : category.name(), name, FieldCipher.maskNumber(idNumber), number, issuer, issued, validUntil, reviewDue, reviewed, null, 0);
        repository.insert(c, cipher.encrypt(idNumber), now);
    }
}
