package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as the README runs it, from the project's folder: {@code java -jar
 * migrator/target/syncshift-migrator.jar demo}. DynamoDB Local comes from the class path file the build writes
 * beside the jar and runs in its own class loader; the AppSync emulator runs GraalJS from inside the jar.
 */
class StandaloneJarIT {

    @TempDir
    Path work;

    @Test
    void theReadmesDemoCommandSucceeds() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path log = work.resolve("demo.log");
        Process demo = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "migrator/target/syncshift-migrator.jar", "demo", "--identities", "30", "--work-dir",
                work.resolve("run").toString())).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();

        boolean ended = demo.waitFor(5, TimeUnit.MINUTES);

        assertThat(ended).as("the demo ended").isTrue();
        assertThat(demo.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("all equal to Cognito Sync", "demo: every step succeeded")
                .doesNotContain("\tat ");
    }
}
