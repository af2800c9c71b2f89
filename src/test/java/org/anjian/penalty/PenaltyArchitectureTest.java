package org.anjian.penalty;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The penalty module's rules live in its domain, free of Spring; the service holds no SQL; pages and the API go through the service. */
class PenaltyArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.anjian.penalty");

    @Test
    void theDomainKnowsNoSpringAndNoHttpError() {
        noClasses().that().resideInAPackage("org.anjian.penalty.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.anjian.shared.error..", "org.anjian.penalty.internal..")
                .check(CLASSES);
    }

    @Test
    void theServiceHoldsNoSql() {
        noClasses().that().haveSimpleName("PenaltyCaseService")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void controllersCallNoRepository() {
        noClasses().that().resideInAPackage("org.anjian.penalty.web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }
}
