package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run enumerated from an identities file, as an export of a user database gives it: comments, blanks, repeats, and
 * identities that have left the pool since; and the files no run can take (naming no identity, a folder, not UTF-8),
 * refused before anything starts.
 */
class IdentitiesFileTest {

    @TempDir
    Path work;

    @Test
    void anIdentityTheFileNamesMoreThanOnceIsMigratedAndCountedOnce() throws IOException {
        try (LocalAws aws = LocalAws.start(30)) {
            List<String> ids = new ArrayList<>();
            aws.identityClient().listIdentities(r -> r.identityPoolId(LocalAws.POOL.value()).maxResults(60))
                    .identities().forEach(identity -> ids.add(identity.identityId()));
            List<String> lines = new ArrayList<>(List.of("# exported twice, then once more in part", ""));
            lines.addAll(ids);
            lines.addAll(ids);
            lines.addAll(ids.subList(0, 7));
            Path file = work.resolve("identities.txt");
            Files.write(file, lines);

            Cli.Result run = run("migrate", aws, file);

            assertThat(run.exitCode()).as(run.err()).isZero();
            long records = SourceTruth.assertStoreEqualsSource(aws);
            JsonNode counts = new ObjectMapper().readTree(work.resolve("migrate.json").toFile()).path("counts");
            assertThat(counts.path("identities").asLong()).isEqualTo(ids.size()).isEqualTo(30);
            assertThat(counts.path("records").asLong()).isEqualTo(records);
            assertThat(counts.path("recordsWritten").asLong()).isEqualTo(records);
        }
    }

    /**
     * A sorted export names an identity on lines in a row (once per device, say): it is migrated and counted once, by
     * {@code verify} too.
     */
    @Test
    void anIdentityNamedOnLinesInARowIsCountedOnce() throws IOException {
        try (LocalAws aws = LocalAws.start(30)) {
            List<String> lines = new ArrayList<>();
            aws.identityClient().listIdentities(r -> r.identityPoolId(LocalAws.POOL.value()).maxResults(60))
                    .identities().stream().map(identity -> identity.identityId()).sorted()
                    .forEach(id -> lines.addAll(List.of(id, id, id)));
            Path file = work.resolve("sorted.txt");
            Files.write(file, lines);

            Cli.Result migrated = run("migrate", aws, file);
            Cli.Result verified = run("verify", aws, file);

            assertThat(migrated.exitCode()).as(migrated.err()).isZero();
            assertThat(verified.exitCode()).as(verified.err()).isZero();
            long records = SourceTruth.assertStoreEqualsSource(aws);
            for (String report : List.of("migrate.json", "verify.json")) {
                JsonNode counts = new ObjectMapper().readTree(work.resolve(report).toFile()).path("counts");
                assertThat(counts.path("identities").asLong()).as(report).isEqualTo(30);
                assertThat(counts.path("records").asLong()).as(report).isEqualTo(records);
            }
        }
    }

    @Test
    void identitiesTheFileNamesThatLeftThePoolArePassedOverWithOneLookOfThePoolNotOneEach() throws IOException {
        try (LocalAws aws = LocalAws.start(10)) {
            List<String> lines = new ArrayList<>();
            aws.identityClient().listIdentities(r -> r.identityPoolId(LocalAws.POOL.value()).maxResults(60))
                    .identities().forEach(identity -> lines.add(identity.identityId()));
            for (int i = 0; i < 25; i++) {
                lines.add("us-east-1:" + UUID.nameUUIDFromBytes(("gone " + i).getBytes(StandardCharsets.UTF_8)));
            }
            Path file = work.resolve("old-export.txt");
            Files.write(file, lines);

            Cli.Result run = run("migrate", aws, file);

            assertThat(run.exitCode()).as(run.err()).isZero();
            SourceTruth.assertStoreEqualsSource(aws);
            JsonNode report = new ObjectMapper().readTree(work.resolve("migrate.json").toFile());
            assertThat(report.path("counts").path("identitiesPassedOver").asLong()).isEqualTo(25);
            // The preflight's look, and one when the first identity turned out gone.
            assertThat(report.path("calls").path("DescribeIdentityPool").path("calls").asLong()).isEqualTo(2);
            assertThat(report.path("calls").path("ListDatasets").path("failedAfterRetries").asLong())
                    .as("Cognito's answer that an identity is gone is expected, not a call that failed").isZero();
        }
    }

    /**
     * A file that names no identity (empty, or blank lines and comments only: an export that went wrong) is refused
     * as a usage error, as an unreadable one is, rather than run a pass of nothing that completes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "\uFEFF# exported from nowhere\r\n\r\n"})
    void aFileThatNamesNoIdentityIsRefusedInOneLine(String text) throws IOException {
        Path file = Files.writeString(work.resolve("ids.txt"), text);

        assertRefusedInOneLine(file, "migrate: --identities-file " + file + " names no identity");
    }

    @Test
    void aFolderIsRefusedInOneLineAsAFileThatCannotBeReadIs() {
        assertRefusedInOneLine(work, "migrate: --identities-file " + work + " is a folder");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedInOneLine() throws IOException {
        Path file = Files.write(work.resolve("latin-1.txt"), new byte[] {'u', 's', '-', (byte) 0xE9, '\n'});

        assertRefusedInOneLine(file, "migrate: --identities-file " + file + " is not UTF-8 text");
    }

    /**
     * {@code migrate} of {@code file} is refused with {@code line} and makes no work dir; a command that were not
     * refused would find no service at its endpoints, which are on this machine.
     */
    private void assertRefusedInOneLine(Path file, String line) {
        Path workDir = work.resolve("work");
        Cli.Result result = Cli.run("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                "--cognito-endpoint", "http://127.0.0.1:9", "--dynamodb-endpoint", "http://127.0.0.1:9",
                "--work-dir", workDir.toString(), "--identities-file", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err().lines()).containsExactly(line, "Try 'syncshift-migrator migrate --help'.");
        assertThat(workDir).doesNotExist();
    }

    /**
     * Runs {@code command} ({@code migrate}, {@code verify}) on the identities {@code file} names; its report is
     * {@code <command>.json} in the work dir.
     */
    private Cli.Result run(String command, LocalAws aws, Path file) {
        return Cli.run(command, "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
                "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
                "--report", work.resolve(command + ".json").toString(), "--threads", "4", "--progress", "off",
                "--identities-file", file.toString());
    }
}
