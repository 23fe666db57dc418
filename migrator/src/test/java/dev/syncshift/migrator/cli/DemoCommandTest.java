package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's arguments, and the demo of a pool of three identities; StandaloneJarIT runs the whole demo (200
 * identities) from the packaged jar.
 */
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

    /**
     * A pool smaller than the default: the devices still on Cognito Sync write on the identities there are, passing
     * over the one at the limit of 20 datasets. Before, the demo took the sixth to eighth identities listed, and
     * failed with "toIndex = 8" for a pool of fewer than eight, or at the 20-datasets limit.
     */
    @Test
    void aDemoOfThreeIdentitiesSucceeds() {
        Cli.Result result = Cli.run("demo", "--identities", "3", "--template", "../config/syncshift-appsync.yaml",
                "--work-dir", work.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("devices still on Cognito Sync write: ")
                .contains("syncshift write-back of ", "Cognito Sync serves it: yes", "demo: every step succeeded");
    }
}
