package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, in this JVM (DynamoDB Local is on the test class path): every step succeeds. */
class DemoCommandTest {

    @TempDir
    Path work;

    @Test
    void theWholeCutoverRunsOnThisMachineAndEveryStepSucceeds() {
        Cli.Result result = Cli.run("demo", "--identities", "60", "--template", "../config/syncshift-appsync.yaml",
                "--work-dir", work.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("EvaluateCode: readRecords computes the store's sort keys",
                "syncshift full of", "syncshift delta of", "syncshift verify of", "all equal to Cognito Sync",
                "demo: every step succeeded");
        assertThat(work.resolve("report-verify.json")).exists();
    }

    @Test
    void aMissingTemplateIsAUsageError() {
        Cli.Result result = Cli.run("demo", "--template", work.resolve("nope.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--template").contains("cannot be read");
    }
}
