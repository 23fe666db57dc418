package dev.syncshift.emulator.appsync;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House style: wire → rules → store, and no wire technology below wire; rules run resolver code through js, which
 * depends on none of the emulator's other packages.
 */
class LayerDependencyTest {

    private static final String BASE = "dev.syncshift.emulator.appsync";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void layersDependInwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Entry").definedBy(BASE, BASE + ".junit..")
                .layer("Template").definedBy(BASE + ".template..")
                .layer("Wire").definedBy(BASE + ".wire..")
                .layer("Rules").definedBy(BASE + ".rules..")
                .layer("Js").definedBy(BASE + ".js..")
                .layer("Store").definedBy(BASE + ".store..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wire").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Template").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Entry", "Wire", "Template")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Entry", "Rules", "Template")
                .whereLayer("Js").mayOnlyBeAccessedByLayers("Rules")
                .check(classes);
    }

    @Test
    void jsUsesNoOtherPackageOfTheEmulator() {
        noClasses().that().resideInAPackage(BASE + ".js..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".rules..", BASE + ".store..",
                        BASE + ".wire..", BASE + ".template..")
                .check(classes);
    }

    @Test
    void onlyJsRunsGraalJs() {
        noClasses().that().resideOutsideOfPackage(BASE + ".js..")
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..")
                .check(classes);
    }

    @Test
    void rulesAndStoreUseNoJetty() {
        noClasses().that().resideInAnyPackage(BASE + ".rules..", BASE + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void rulesAndTemplateUseNoJackson() {
        noClasses().that().resideInAnyPackage(BASE + ".rules..", BASE + ".template..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(classes);
    }
}
