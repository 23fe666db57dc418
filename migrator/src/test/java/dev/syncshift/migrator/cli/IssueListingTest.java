package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with many issues, as the jar prints it: a {@code verify} of a pool not copied yet, without {@code --report}.
 * Every dataset differs; the console logs the first ten and says where the others are, the summary lists twenty and
 * counts the rest, and the report the run writes in its work dir by default lists every one.
 */
class IssueListingTest {

    private static final int IDENTITIES = 30;

    @TempDir
    Path work;

    @Test
    void aVerifyOfAPoolNotCopiedLogsTenMismatchesAndWritesEveryOneToTheDefaultReport() throws Exception {
        try (LocalAws aws = LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value())
                .generateShape(SyntheticPool.Shape.parse("2x3")))) {
            List<String> args = new ArrayList<>(ChildMigrator.migrate(aws, work));
            int report = args.indexOf("--report");
            args.subList(report, report + 2).clear();
            args.set(0, "verify");
            Path log = work.resolve("verify.log");
            Process verify = ChildMigrator.start(log, args);
            assertThat(verify.waitFor(2, TimeUnit.MINUTES)).as("verify ends").isTrue();
            String output = Files.readString(log);

            assertThat(verify.exitValue()).as(output).isEqualTo(5);
            assertThat(output.lines().filter(line -> line.contains("WARN  IssueLog  - Mismatch: us-east-1:")))
                    .as(output).hasSize(10);
            assertThat(output).contains("WARN  IssueLog  - More than 10 datasets differ: the others are in the "
                    + "run's report, not here (LOGGING_LEVEL_DEV_SYNCSHIFT_MIGRATOR_JOB=DEBUG logs each)");
            assertThat(output.lines().filter(line -> line.startsWith("  MISMATCH us-east-1:"))).hasSize(20);
            assertThat(output).contains("  and " + (2 * IDENTITIES - 20) + " more in the report\n");
            Matcher named = Pattern.compile("\n  report +(\\S+)\n").matcher(output);
            assertThat(named.find()).as(output).isTrue();
            Path file = Path.of(named.group(1));
            assertThat(file.getParent()).isEqualTo(work.resolve("reports"));
            assertThat(file.getFileName().toString()).matches("verify-\\d{8}-\\d{6}\\.json");
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            assertThat(json.path("counts").path("mismatches").asLong()).isEqualTo(2 * IDENTITIES);
            assertThat(json.path("issues")).hasSize(2 * IDENTITIES)
                    .allSatisfy(issue -> assertThat(issue.path("kind").asText()).isEqualTo("MISMATCH"));
        }
    }
}
