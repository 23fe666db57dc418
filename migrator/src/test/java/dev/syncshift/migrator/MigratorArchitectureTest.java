package dev.syncshift.migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The migrator's packages depend inward: cli on everything, the job on the parts, the parts on core. */
@AnalyzeClasses(packages = "dev.syncshift.migrator", importOptions = ImportOption.DoNotIncludeTests.class)
class MigratorArchitectureTest {

    @ArchTest
    static final ArchRule SOURCE_KNOWS_ONLY_COGNITO = noClasses().that().resideInAPackage("..migrator.source..")
            .should().dependOnClassesThat().resideInAnyPackage("..migrator.target..", "..migrator.job..",
                    "..migrator.cli..", "..migrator.report..", "..migrator.verify..", "..migrator.demo..",
                    "..migrator.config..", "software.amazon.awssdk.services.dynamodb..");

    @ArchTest
    static final ArchRule TARGET_KNOWS_NO_RUN = noClasses().that().resideInAPackage("..migrator.target..")
            .should().dependOnClassesThat().resideInAnyPackage("..migrator.job..", "..migrator.cli..",
                    "..migrator.report..", "..migrator.verify..", "..migrator.demo..", "..migrator.config..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule ONLY_THE_CLI_STARTS_THINGS = noClasses().that().resideOutsideOfPackage("..migrator.cli..")
            .should().dependOnClassesThat().resideInAPackage("..migrator.cli..");

    @ArchTest
    static final ArchRule THE_JOB_AND_REPORT_KNOW_NO_DEMO = noClasses().that()
            .resideInAnyPackage("..migrator.job..", "..migrator.report..", "..migrator.verify..",
                    "..migrator.config..")
            .should().dependOnClassesThat().resideInAPackage("..migrator.demo..");

    @ArchTest
    static final ArchRule ONLY_THE_DEMO_USES_EMULATORS = noClasses().that()
            .resideOutsideOfPackage("..migrator.demo..")
            .should().dependOnClassesThat().resideInAPackage("dev.syncshift.emulator..");

    @ArchTest
    static final ArchRule REPORT_KNOWS_NO_JOB = noClasses().that().resideInAPackage("..migrator.report..")
            .should().dependOnClassesThat().resideInAnyPackage("..migrator.job..", "..migrator.verify..");
}
