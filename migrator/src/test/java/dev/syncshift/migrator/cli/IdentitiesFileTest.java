package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run enumerated from an identities file, as an export of a user database gives it: comments, blanks, repeats. */
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

            Cli.Result run = Cli.run("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table",
                    LocalAws.TABLE, "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                    aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir", work.toString(),
                    "--report", work.resolve("run.json").toString(), "--threads", "4", "--progress", "off",
                    "--identities-file", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            long records = SourceTruth.assertStoreEqualsSource(aws);
            JsonNode counts = new ObjectMapper().readTree(work.resolve("run.json").toFile()).path("counts");
            assertThat(counts.path("identities").asLong()).isEqualTo(ids.size()).isEqualTo(30);
            assertThat(counts.path("records").asLong()).isEqualTo(records);
            assertThat(counts.path("recordsWritten").asLong()).isEqualTo(records);
        }
    }
}
