package org.anjian.hazard.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardSource;
import org.anjian.hazard.HazardState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.anjian.hazard.HazardState.CLOSED;
import static org.anjian.hazard.HazardState.PLANNED;
import static org.anjian.hazard.HazardState.RECTIFIED;
import static org.anjian.hazard.HazardState.RECTIFYING;
import static org.anjian.hazard.HazardState.REPORTED;
import static org.anjian.hazard.HazardState.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The closed loop of DP-3/DP-4: every allowed and every forbidden step, and the rules for major hazards. */
class HazardTest {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    static final Actor RECTIFIER = new Actor(UUID.randomUUID(), "企业整改人", false);
    static final Actor SAFETY_OFFICER = new Actor(UUID.randomUUID(), "企业安全员", false);
    static final Actor INSPECTOR = new Actor(UUID.randomUUID(), "执法人员", true);
    static final FiveAssurances FIVE = new FiveAssurances("张厂长", "更换除尘系统", new BigDecimal("120000"), LocalDate.of(2026, 12, 31), "停产撤人预案");
    static final DualReport DUAL = new DualReport(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28));

    /** The actions of the loop, each as the API names it, with the state it leads to. */
    static final Map<String, Consumer<Hazard>> ACTIONS = Map.of(
            "plan", h -> h.plan("整改方案", FIVE, DUAL),
            "start", Hazard::start,
            "complete", h -> h.complete(RECTIFIER, NOW),
            "verify", h -> h.verify(INSPECTOR, NOW),
            "reject", h -> h.reject(INSPECTOR),
            "close", h -> h.close(NOW));
    static final Map<String, List<HazardState>> ALLOWED_FROM = Map.of(
            "plan", List.of(REPORTED, PLANNED),
            "start", List.of(PLANNED),
            "complete", List.of(RECTIFYING),
            "verify", List.of(RECTIFIED),
            "reject", List.of(RECTIFIED),
            "close", List.of(VERIFIED));
    static final Map<String, HazardState> LEADS_TO = Map.of(
            "plan", PLANNED, "start", RECTIFYING, "complete", RECTIFIED, "verify", VERIFIED, "reject", RECTIFYING, "close", CLOSED);

    static Hazard hazard(HazardGrade grade, HazardSource source) {
        return Hazard.found(UUID.randomUUID(), UUID.randomUUID(), grade, source, false, NOW.plus(Duration.ofDays(10)));
    }

    /** A general hazard walked along the loop to the given state. */
    static Hazard in(HazardState state) {
        Hazard h = hazard(HazardGrade.GENERAL, HazardSource.SELF_CHECK);
        List<String> path = List.of("plan", "start", "complete", "verify", "close");
        for (String step : path) {
            if (h.state() == state) {
                break;
            }
            ACTIONS.get(step).accept(h);
        }
        assertThat(h.state()).isEqualTo(state);
        return h;
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (HazardState s : HazardState.values()) {
            for (String a : ACTIONS.keySet()) {
                cases.add(Arguments.of(s, a));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndAction")
    void eachActionIsAllowedOnlyFromItsStates(HazardState from, String action) {
        Hazard h = in(from);
        if (ALLOWED_FROM.get(action).contains(from)) {
            ACTIONS.get(action).accept(h);
            assertThat(h.state()).isEqualTo(LEADS_TO.get(action));
        } else {
            assertThatThrownBy(() -> ACTIONS.get(action).accept(h)).isInstanceOf(HazardRuleViolation.class)
                    .extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.transition.illegal");
            assertThat(h.state()).isEqualTo(from);
        }
    }

    @Test
    void aMajorHazardDoesNotStartWithoutTheFiveAssurances() {
        Hazard h = hazard(HazardGrade.MAJOR, HazardSource.SELF_CHECK);
        h.plan("方案", new FiveAssurances("张厂长", "措施", new BigDecimal("1000"), LocalDate.of(2026, 12, 1), " "), DUAL);
        assertThatThrownBy(h::start).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.major.fiveAssurances");
        h.plan("方案", new FiveAssurances("张厂长", "措施", null, LocalDate.of(2026, 12, 1), "预案"), DUAL);
        assertThatThrownBy(h::start).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.major.fiveAssurances");
        assertThat(h.state()).isEqualTo(PLANNED);
    }

    @Test
    void aMajorHazardDoesNotStartWithoutBothReports() {
        Hazard h = hazard(HazardGrade.MAJOR, HazardSource.SELF_CHECK);
        h.plan("方案", FIVE, new DualReport(LocalDate.of(2026, 11, 28), null));
        assertThatThrownBy(h::start).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.major.dualReport");
        h.plan("方案", null, new DualReport(null, LocalDate.of(2026, 11, 28)));
        assertThatThrownBy(h::start).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.major.dualReport");
        h.plan("方案", null, DUAL);
        h.start();
        assertThat(h.state()).isEqualTo(RECTIFYING);
    }

    @Test
    void aGeneralHazardStartsWithoutThem() {
        Hazard h = hazard(HazardGrade.GENERAL, HazardSource.SELF_CHECK);
        h.plan("方案", null, null);
        h.start();
        assertThat(h.state()).isEqualTo(RECTIFYING);
    }

    @Test
    void nobodyVerifiesTheirOwnRectification() {
        Hazard h = in(RECTIFIED);
        assertThatThrownBy(() -> h.verify(RECTIFIER, NOW)).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.verify.self");
        assertThatThrownBy(() -> h.reject(RECTIFIER)).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.verify.self");
        h.verify(SAFETY_OFFICER, NOW);
        assertThat(h.state()).isEqualTo(VERIFIED);
    }

    @Test
    void aMajorHazardIsVerifiedByARegulatorOrExpert() {
        Hazard h = hazard(HazardGrade.MAJOR, HazardSource.SELF_CHECK);
        h.plan("方案", FIVE, DUAL);
        h.start();
        h.complete(RECTIFIER, NOW);
        assertThatThrownBy(() -> h.verify(SAFETY_OFFICER, NOW)).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.verify.major");
        h.verify(INSPECTOR, NOW);
        h.close(NOW);
        assertThat(h.state()).isEqualTo(CLOSED);
        assertThat(h.closedAt()).isEqualTo(NOW);
    }

    @Test
    void aRejectedRectificationGoesBackAndIsCounted() {
        Hazard h = in(RECTIFIED);
        h.reject(INSPECTOR);
        assertThat(h.state()).isEqualTo(RECTIFYING);
        assertThat(h.rejections()).isEqualTo(1);
        assertThat(h.rectifiedBy()).isNull();
        h.complete(RECTIFIER, NOW);
        h.verify(INSPECTOR, NOW);
        assertThat(h.state()).isEqualTo(VERIFIED);
    }

    @Test
    void selfReportedAndUnreportedMarksForEnforcement() {
        assertThat(hazard(HazardGrade.MAJOR, HazardSource.SELF_CHECK).selfReported()).isTrue();
        assertThat(hazard(HazardGrade.MAJOR, HazardSource.SELF_CHECK).unreported()).isFalse();
        assertThat(hazard(HazardGrade.MAJOR, HazardSource.INSPECTION).unreported()).isTrue();
        assertThat(Hazard.found(UUID.randomUUID(), UUID.randomUUID(), HazardGrade.MAJOR, HazardSource.INSPECTION, true, NOW).unreported()).isFalse();
        assertThat(hazard(HazardGrade.GENERAL, HazardSource.INSPECTION).unreported()).isFalse();
        assertThat(hazard(HazardGrade.GENERAL, HazardSource.SELF_CHECK).selfReported()).isFalse();
    }

    @Test
    void overdueMeansPastTheDeadlineAndNotYetRectified() {
        Hazard h = hazard(HazardGrade.GENERAL, HazardSource.SELF_CHECK);
        Instant deadline = h.deadline();
        assertThat(h.isOverdue(deadline)).isFalse();
        assertThat(h.isOverdue(deadline.plusSeconds(1))).isTrue();
        h.plan("方案", null, null);
        h.start();
        h.complete(RECTIFIER, NOW);
        assertThat(h.isOverdue(deadline.plusSeconds(1))).isFalse();
    }

    @Test
    void onlyAnOpenMajorHazardIsPutUnderListedSupervision() {
        ListedSupervision town = new ListedSupervision(ListedSupervision.Level.TOWN, "双福街道安办 李主任", LocalDate.of(2026, 12, 15));
        assertThatThrownBy(() -> hazard(HazardGrade.GENERAL, HazardSource.INSPECTION).listSupervision(town))
                .extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.supervision.notMajor");
        Hazard major = hazard(HazardGrade.MAJOR, HazardSource.INSPECTION);
        assertThatThrownBy(() -> major.listSupervision(new ListedSupervision(ListedSupervision.Level.DISTRICT, " ", LocalDate.of(2026, 12, 15))))
                .extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.supervision.incomplete");
        major.listSupervision(town);
        assertThat(major.listedSupervision()).isEqualTo(town);
    }

    @Test
    void aPlanIsRequired() {
        Hazard h = hazard(HazardGrade.GENERAL, HazardSource.SELF_CHECK);
        assertThatThrownBy(() -> h.plan(" ", null, null)).extracting(e -> ((HazardRuleViolation) e).reason()).isEqualTo("hazard.plan.required");
        assertThat(h.state()).isEqualTo(REPORTED);
    }
}
