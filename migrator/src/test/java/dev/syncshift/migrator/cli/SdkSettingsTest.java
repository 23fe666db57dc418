package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK's own settings, which the SDK reads as it builds a client: one it refuses is a usage error, in one line
 * that names it, before anything is called. Before, each stopped the command as an internal error (exit code 1), some
 * in words that named nothing ({@code For input string: "abc"}). Set here as the {@code aws.*} system properties the
 * SDK reads before the {@code AWS_*} variables.
 */
class SdkSettingsTest {

    static final List<String> PROPERTIES = List.of("aws.maxAttempts", "aws.defaultsMode", "aws.useFipsEndpoint");

    @TempDir
    Path work;

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void aNumberOfAttemptsThatIsNoneIsNamed() {
        System.setProperty("aws.maxAttempts", "abc");

        Cli.Result result = Cli.run(check());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("syncshift-migrator: AWS_MAX_ATTEMPTS (or -Daws.maxAttempts) is 'abc', "
                + "not a whole number of 1 or more (the migrator's own calls take SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aValueTheSdkRefusesIsAUsageErrorInItsWords() {
        System.setProperty("aws.useFipsEndpoint", "maybe");
        Cli.Result fips = Cli.run(check());
        clear();
        System.setProperty("aws.defaultsMode", "bogus");
        Cli.Result mode = Cli.run("migrate", "--identity-pool-id", "us-east-1:00000000-0000-4000-8000-000000000000",
                "--table", "Table1", "--cognito-endpoint", "http://127.0.0.1:9", "--dynamodb-endpoint",
                "http://127.0.0.1:9", "--work-dir", work.toString());

        String refused = "syncshift-migrator: the AWS SDK refuses its settings (AWS_* variables, aws.* system "
                + "properties, the profile in the AWS config file): ";
        assertThat(fips.exitCode()).as(fips.err()).isEqualTo(2);
        assertThat(fips.err()).isEqualTo(refused + "Environment variable 'AWS_USE_FIPS_ENDPOINT' or system property "
                + "'aws.useFipsEndpoint' was defined as 'maybe', but should be 'false' or 'true'\n");
        assertThat(mode.exitCode()).as(mode.err()).isEqualTo(2);
        assertThat(mode.err()).isEqualTo(refused + "The provided value is not a valid defaults mode bogus\n");
    }

    private static String[] check() {
        return new String[] {"check", "--identity-pool-id", "us-east-1:00000000-0000-4000-8000-000000000000",
            "--table", "Table1", "--cognito-endpoint", "http://127.0.0.1:9", "--dynamodb-endpoint",
            "http://127.0.0.1:9"};
    }
}
