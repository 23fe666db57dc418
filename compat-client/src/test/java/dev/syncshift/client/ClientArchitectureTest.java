package dev.syncshift.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client's layers: a pure engine, ports that speak the domain, adapters that stay apart. */
@AnalyzeClasses(packages = "dev.syncshift.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

    @ArchTest
    static final ArchRule engineIsPure = noClasses().that().resideInAPackage("dev.syncshift.client.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "software.amazon..",
                    "com.fasterxml..", "dev.syncshift.client.remote..", "dev.syncshift.client.cache..")
            .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, java.util.concurrent.Executor.class)
            .because("the engine is plain synchronous Java over the two ports (no threads, SQL, HTTP or SDK)");

    @ArchTest
    static final ArchRule portsSpeakTheDomain = noClasses().that().resideInAPackage("dev.syncshift.client.spi..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "software.amazon..", "com.fasterxml..",
                    "dev.syncshift.client.remote..", "dev.syncshift.client.cache..", "dev.syncshift.client.sync..");

    @ArchTest
    static final ArchRule cachesKnowNoRemote = noClasses().that().resideInAPackage("dev.syncshift.client.cache..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncshift.client.remote..", "software.amazon..",
                    "dev.syncshift.client.sync..");

    @ArchTest
    static final ArchRule remotesKnowNoCache = noClasses().that().resideInAPackage("dev.syncshift.client.remote..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.syncshift.client.cache..", "java.sql..",
                    "dev.syncshift.client.sync..");

    @ArchTest
    static final ArchRule cognitoAndAppSyncAdaptersStayApart = noClasses().that()
            .resideInAnyPackage("dev.syncshift.client.remote.cognito..", "dev.syncshift.client.remote.appsync..")
            .should().dependOnClassesThat().resideInAPackage("dev.syncshift.client.remote.cutover..");
}
