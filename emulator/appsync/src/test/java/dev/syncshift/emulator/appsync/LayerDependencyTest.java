package dev.syncshift.emulator.appsync;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House style: wire → rules → store, and no wire technology below wire; rules run resolver code through js, which
 * depends on none of the emulator's other packages. Beside rules: auth (SigV4), control (the control plane, built by
 * rules) and fault (injected faults, applied by wire); under everything, api (definitions and HTTP-level errors).
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
                .layer("Auth").definedBy(BASE + ".auth..")
                .layer("Control").definedBy(BASE + ".control..")
                .layer("Fault").definedBy(BASE + ".fault..")
                .layer("Js").definedBy(BASE + ".js..")
                .layer("Store").definedBy(BASE + ".store..")
                .layer("Api").definedBy(BASE + ".api..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wire").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Template").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Entry", "Wire")
                .whereLayer("Auth").mayOnlyBeAccessedByLayers("Entry", "Wire", "Rules")
                .whereLayer("Control").mayOnlyBeAccessedByLayers("Entry", "Wire", "Rules")
                .whereLayer("Fault").mayOnlyBeAccessedByLayers("Entry", "Wire")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Entry", "Rules", "Auth", "Template")
                .whereLayer("Js").mayOnlyBeAccessedByLayers("Rules", "Control")
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Entry", "Template", "Wire", "Rules", "Auth", "Control",
                        "Fault")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // the root package (the entry point) is in no slice: it may use junit's package and be used by it
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void apiAndStoreUseNoOtherPackageOfTheEmulator() {
        for (String bottom : List.of(".api..", ".store..")) {
            noClasses().that().resideInAPackage(BASE + bottom)
                    .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                            .and(resideOutsideOfPackage(BASE + bottom)))
                    .check(classes);
        }
    }

    @Test
    void jsUsesNoOtherPackageOfTheEmulator() {
        noClasses().that().resideInAPackage(BASE + ".js..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".rules..", BASE + ".store..",
                        BASE + ".wire..", BASE + ".template..", BASE + ".api..", BASE + ".auth..",
                        BASE + ".control..", BASE + ".fault..")
                .check(classes);
    }

    @Test
    void onlyJsRunsGraalJs() {
        noClasses().that().resideOutsideOfPackage(BASE + ".js..")
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..")
                .check(classes);
    }

    @Test
    void onlyWireAndTheEntryPointUseJetty() {
        noClasses().that().resideInAnyPackage(BASE + ".rules..", BASE + ".store..", BASE + ".api..", BASE + ".auth..",
                        BASE + ".control..", BASE + ".fault..", BASE + ".js..", BASE + ".template..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void rulesAndTheirNeighboursUseNoJackson() {
        noClasses().that().resideInAnyPackage(BASE + ".rules..", BASE + ".template..", BASE + ".api..",
                        BASE + ".auth..", BASE + ".control..", BASE + ".fault..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(classes);
    }
}
