package org.anjian.inspection;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The inspection module's rooms (issue 10): the domain knows no Spring and no shared web error, the
 * services that run the life cycles hold no SQL (their repositories do), and the controllers reach
 * the data only through the services.
 */
class InspectionLayersTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.anjian.inspection");

    @Test
    void theDomainIsFreeOfSpring() {
        noClasses().that().resideInAPackage("org.anjian.inspection.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.anjian.shared.error..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void theLifeCycleServicesHoldNoSql() {
        noClasses().that().haveFullyQualifiedName("org.anjian.inspection.internal.InspectionService")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.EnforcementDocuments")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.InspectionPlans")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.Leads")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.OnSiteDocuments")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    /** Issue 10: the on-site, archive, indicator, draw, expert and numbering services left their SQL to repositories too. */
    @Test
    void theCleanedServicesHoldNoSql() {
        noClasses().that().haveFullyQualifiedName("org.anjian.inspection.internal.DocumentNumbers")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.OnSiteEvidence")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.InspectionExperts")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.RandomDrawService")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.Exams")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.InspectionArchive")
                .or().haveFullyQualifiedName("org.anjian.inspection.internal.EnforcementIndicators")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void controllersDoNotCallRepositories() {
        noClasses().that().resideInAPackage("org.anjian.inspection.web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }
}
