package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile} signs every call with the named profile's credentials (the source verifies signatures here, so
 * a profile with a wrong secret is refused although the default chain's credentials would pass), and
 * {@code --log-format json} turns every log line into one JSON object.
 */
class ProfileAndLogFormatTest {

    static LocalAws aws;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        aws = LocalAws.start(config -> config.generate(4).identityPoolId(LocalAws.POOL.value()).seed(3)
                .strictAuth(true).developerKey("AKIDDEVELOPER", "developer-secret")
                .developerKey("AKIDPROFILE", "profile-secret"));
        Files.writeString(dir.resolve("credentials"), """
                [syncshift]
                aws_access_key_id = AKIDPROFILE
                aws_secret_access_key = profile-secret

                [wrong]
                aws_access_key_id = AKIDPROFILE
                aws_secret_access_key = not-the-secret
                """);
        Files.writeString(dir.resolve("config"), "");
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void theNamedProfilesCredentialsSignEveryCall() {
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        try {
            Cli.Result wrong = Cli.run(args("wrong", "--profile", "wrong"));
            Cli.Result missing = Cli.run(args("missing", "--profile", "nosuch"));
            Cli.Result right = Cli.run(args("right", "--profile", "syncshift"));

            assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
            assertThat(wrong.err()).contains("source:").doesNotContain("\tat ");
            assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
            assertThat(missing.err()).startsWith("migrate: --profile 'nosuch' is in neither the AWS config file nor "
                    + "the credentials file").doesNotContain("\tat ");
            assertThat(right.exitCode()).as(right.err()).isZero();
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void jsonLogsAreOneObjectPerLine() throws Exception {
        Path log = dir.resolve("json.log");
        List<String> arguments = new ArrayList<>(List.of(args("json", "--log-format", "json")));
        Process child = ChildMigrator.start(log, arguments);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the run ended").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();

        List<JsonNode> logLines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                logLines.add(new ObjectMapper().readTree(line));
            } else {
                assertThat(line).as("a text log line").doesNotContainPattern("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
            }
        }
        assertThat(logLines).isNotEmpty().allSatisfy(json -> {
            assertThat(json.path("@timestamp").asText()).isNotEmpty();
            assertThat(json.path("log").path("level").asText()).isNotEmpty();
        });
        assertThat(logLines).anySatisfy(json -> assertThat(json.path("message").asText()).startsWith("Starting run"));
    }

    private static String[] args(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(),
                "--table", LocalAws.TABLE, "--cognito-endpoint", aws.cognito().endpoint().toString(),
                "--dynamodb-endpoint", aws.dynamoDb().endpoint().toString(), "--region", "us-east-1", "--work-dir",
                dir.resolve(name).toString(), "--progress", "off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
