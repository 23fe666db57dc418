package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's arguments; StandaloneJarIT runs the whole demo from the packaged jar. */
class DemoCommandTest {

    @TempDir
    Path work;

    @Test
    void aMissingTemplateIsAUsageError() {
        Cli.Result result = Cli.run("demo", "--template", work.resolve("nope.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--template").contains("cannot be read");
    }

    @Test
    void aWorkDirThatIsAFileIsAUsageErrorOfTheDemo() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "");

        Cli.Result result = Cli.run("demo", "--template", "../config/syncshift-appsync.yaml", "--work-dir",
                file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("demo: --work-dir " + file + " is not a folder");
        assertThat(result.out()).isEmpty();
    }
}
