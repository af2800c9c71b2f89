package org.anjian;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The conventions of STYLE.md that a compiler does not check. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.anjian");

    @Test
    void controllersLiveInWebPackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..").check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
    }

    @Test
    void noLegacyDates() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Timestamp").check(CLASSES);
    }

    @Test
    void noPrintingToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(CLASSES);
    }

    @Test
    void domainPackagesDoNotKnowTheWeb() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .allowEmptyShould(true).check(CLASSES);
    }

    /**
     * STYLE.md: domain packages are Spring-free, so their rules are tested without a context.
     */
    @Test
    void domainPackagesAreSpringFree() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void eventsAreRecords() {
        classes().that().haveSimpleNameEndingWith("Recorded").or().haveSimpleNameEndingWith("Registered")
                .or().haveSimpleNameEndingWith("Closed").should().beRecords().allowEmptyShould(true).check(CLASSES);
    }
}
