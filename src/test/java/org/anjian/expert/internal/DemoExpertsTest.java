package org.anjian.expert.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.expert.domain.EvaluationResult;
import org.anjian.identity.UserDirectory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo pool (run here by hand: tests have no demo data) shows what the pages are for. */
@AnjianIntegrationTest
class DemoExpertsTest {

    @Autowired JdbcClient jdbc;
    @Autowired ExpertRepository repository;
    @Autowired ExpertService experts;
    @Autowired UserDirectory users;
    @Autowired EnterpriseLookup enterprises;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager txManager;

    @Test
    void thirtyExpertsThreeOfThemExpiredAndEveryEvaluationResult() {
        DemoExperts demo = new DemoExperts(jdbc, repository, users, enterprises, audit, clock, org.anjian.shared.config.DistrictProperties.jiangjin());
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> demo.load(java.util.List.of()));
        tx.executeWithoutResult(s -> demo.load(java.util.List.of())); // once only
        int year = experts.today().getYear();
        Map<UUID, ExpertService.Evaluation> byId = experts.evaluations(TestUsers.user(Role.AUDITOR), year).stream()
                .collect(Collectors.toMap(ExpertService.Evaluation::expertId, Function.identity()));
        List<ExpertService.Evaluation> demoRows = IntStream.range(0, DemoExperts.EXPERTS.length).mapToObj(i -> byId.get(DemoExperts.id(i))).toList();
        assertThat(demoRows).hasSize(30).doesNotContainNull();
        assertThat(demoRows).extracting(ExpertService.Evaluation::result)
                .contains(EvaluationResult.EXCELLENT, EvaluationResult.QUALIFIED, EvaluationResult.UNQUALIFIED, EvaluationResult.NOT_ASSESSED);
        long expired = IntStream.range(0, DemoExperts.EXPERTS.length).mapToObj(i -> repository.find(DemoExperts.id(i), year).orElseThrow())
                .filter(e -> !e.qualifiedOn(experts.today())).count();
        assertThat(expired).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from expert_expert where id = ?").param(DemoExperts.id(0)).query(Long.class).single()).isEqualTo(1);
    }
}
