package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrator started where the SDK finds no credentials, as on an operator's machine not yet set up. */
class NoCredentialsTest {

    @TempDir
    Path home;

    @Test
    void missingCredentialsAreNamedInOneLine() throws Exception {
        Path log = home.resolve("check.log");
        Process child = ChildMigrator.startWithoutCredentials(log, home, List.of("check", "--identity-pool-id",
                "us-east-1:0a1b2c3d-0000-4000-8000-000000000001", "--table", "SyncStore", "--region", "us-east-1",
                "--cognito-endpoint", "http://127.0.0.1:1", "--dynamodb-endpoint", "http://127.0.0.1:1"));

        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("check ended").isTrue();
        String printed = Files.readString(log);
        assertThat(child.exitValue()).as(printed).isEqualTo(3);
        assertThat(printed.lines().filter(line -> line.contains("no AWS credentials found: set AWS_ACCESS_KEY_ID"))
                .toList()).as(printed).hasSize(2).anyMatch(line -> line.contains("source: "))
                .anyMatch(line -> line.contains("target: "));
        assertThat(printed).doesNotContain("ProviderChain", "unreachable", "\tat ");
    }
}
