package dev.syncshift.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

@AnalyzeClasses(packages = "dev.syncshift.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoIoFrameworkOrSdk = classes().that().resideInAPackage("dev.syncshift.core..")
            .should().onlyDependOnClassesThat(resideInAnyPackage(
                    "dev.syncshift.core..", "java.lang..", "java.util..", "java.time..", "java.math..",
                    "java.nio.charset..", "org.jspecify.annotations..")
                    .or(belongToAnyOf(MessageDigest.class, NoSuchAlgorithmException.class)))
            .because("core is the contract as code: no I/O, no framework, no SDK (docs/architecture.md); the layout"
                    + " hashes long record keys with SHA-256, a pure computation");
}
