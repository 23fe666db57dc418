package dev.syncshift.emulator.cognitosync;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer direction: wire → rules → store, each on core; extras (fault, fixture, junit) beside them. */
@AnalyzeClasses(packages = "dev.syncshift.emulator.cognitosync", importOptions = ImportOption.DoNotIncludeTests.class)
class CognitoSyncArchitectureTest {

    private static final String ROOT = "dev.syncshift.emulator.cognitosync";

    @ArchTest
    static final ArchRule storeAppliesNoRulesAndSpeaksNoWire = noClasses().that().resideInAPackage(ROOT + ".store..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".rules..", ROOT + ".wire..",
                    "org.eclipse.jetty..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule rulesImportNeitherJettyNorJackson = noClasses().that().resideInAPackage(ROOT + ".rules..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".wire..", "org.eclipse.jetty..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule wireReachesTheStoreOnlyForItsRecords = noClasses().that().resideInAPackage(ROOT + ".wire..")
            .should().dependOnClassesThat(
                    resideInAPackage(ROOT + ".store..").and(not(simpleNameStartingWith("Stored"))))
            .because("handlers call rules; only the store's immutable Stored* records may travel up to the wire");

    @ArchTest
    static final ArchRule wireTypesNeverGoBelowTheWire = noClasses().that()
            .resideInAnyPackage(ROOT + ".rules..", ROOT + ".store..", "dev.syncshift.core..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".wire..");

    @ArchTest
    static final ArchRule faultsHookInThroughTheGateOnly = noClasses().that().resideInAPackage(ROOT + ".fault..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".wire..", ROOT + ".fixture..",
                    "org.eclipse.jetty..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule fixturesGoStraightToTheStore = noClasses().that().resideInAPackage(ROOT + ".fixture..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".wire..", ROOT + ".fault..",
                    "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule onlyTheJunitPackageKnowsJunitAndTheSdkClients = noClasses().that()
            .resideOutsideOfPackage(ROOT + ".junit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "software.amazon.awssdk.services..")
            .because("JUnit and the SDK clients are provided-scope: the emulator itself must run without them");

    @ArchTest
    static final ArchRule signaturesAreCheckedOnTheWireByTheSharedVerifier = noClasses().that()
            .resideOutsideOfPackage(ROOT + ".wire..")
            .should().dependOnClassesThat().resideInAPackage("dev.syncshift.emulator.sigv4..")
            .because("SigV4 is checked once, in the wire, by the project's one verifier");

    @ArchTest
    static final ArchRule nothingUsesSdkInternals = noClasses().should().dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..internal..");

    @ArchTest
    static final ArchRule layersKnowNoExtras = noClasses().that()
            .resideInAnyPackage(ROOT + ".wire..", ROOT + ".rules..", ROOT + ".store..", "dev.syncshift.core..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".fault..", ROOT + ".fixture..")
            .because("extras plug in through rules.OperationGate and the store interfaces, wired by the entry point");
}
