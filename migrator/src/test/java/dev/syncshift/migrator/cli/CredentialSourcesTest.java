package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials the AWS SDK gets from STS, as operators and platforms give them: a profile that assumes a role
 * ({@code role_arn} with {@code source_profile}), and a web identity ({@code AWS_WEB_IDENTITY_TOKEN_FILE} with
 * {@code AWS_ROLE_ARN}, what EKS sets for the service account of {@code config/deploy/kubernetes}). The emulator
 * serves STS and checks every signature (strict auth), the child migrator has no other credentials, and STS is
 * reached through {@code AWS_ENDPOINT_URL_STS}, as a private endpoint would be.
 */
class CredentialSourcesTest {

    private static final int IDENTITIES = 12;
    private static final String ROLE = "arn:aws:iam::123456789012:role/syncshift-migrator";

    @TempDir
    Path home;
    private LocalAws aws;

    @BeforeEach
    void start() {
        aws = LocalAws.start(config -> config.generate(IDENTITIES).identityPoolId(LocalAws.POOL.value()).seed(7)
                .strictAuth(true).developerKey("AKIDDEVELOPER", "developer-secret"));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aProfileThatAssumesARoleMigrates() throws Exception {
        Files.writeString(home.resolve("config"), String.join("\n",
                "[profile operator]",
                "aws_access_key_id = AKIDDEVELOPER",
                "aws_secret_access_key = developer-secret",
                "",
                "[profile migrator]",
                "role_arn = " + ROLE,
                "source_profile = operator",
                "region = us-east-1",
                ""));
        Path work = home.resolve("work");
        List<String> args = new ArrayList<>(ChildMigrator.migrate(aws, work));
        args.addAll(List.of("--profile", "migrator"));

        runToTheEnd(args, Map.of("AWS_ENDPOINT_URL_STS", aws.cognito().endpoint().toString()));

        ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
    }

    @Test
    void aWebIdentityMigrates() throws Exception {
        Path token = Files.writeString(home.resolve("token"),
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6c3luY3NoaWZ0In0.c2lnbmF0dXJl");
        Path work = home.resolve("work");

        runToTheEnd(ChildMigrator.migrate(aws, work), Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(),
                "AWS_ROLE_ARN", ROLE, "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_STS", aws.cognito().endpoint().toString()));

        ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
    }

    /** An IAM Identity Center profile whose user has not signed in (no token cached): one line each, exit 3. */
    @Test
    void aProfileOfIamIdentityCenterWithoutASignInIsNamed() throws Exception {
        Files.writeString(home.resolve("config"), String.join("\n",
                "[profile corp]",
                "sso_session = corp",
                "sso_account_id = 123456789012",
                "sso_role_name = SyncshiftMigrator",
                "region = us-east-1",
                "",
                "[sso-session corp]",
                "sso_start_url = https://example.awsapps.com/start",
                "sso_region = us-east-1",
                ""));

        assertCheckRefuses(List.of("--profile", "corp"), Map.of(), "the credentials of profile 'corp' cannot be had:"
                + " no valid AWS IAM Identity Center (SSO) sign-in: run 'aws sso login --profile corp'"
                + " (Unable to load SSO token)");
    }

    /**
     * Profiles the SDK cannot get credentials from: each gets one line for the source and one for the target, naming
     * the profile and the SDK's reason, and exit code 3 (misconfigured), where most ended as a bug (exit code 1).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableProfiles")
    void aProfileTheSdkCannotUseIsNamedWithWhy(String properties, String why) throws Exception {
        Files.writeString(home.resolve("config"), "[profile p]\n" + properties + "\n");

        assertCheckRefuses(List.of("--profile", "p"), Map.of(), "the credentials of profile 'p' cannot be had: " + why);
    }

    /**
     * The same through {@code AWS_PROFILE}, which the SDK's default chain reads among its other sources: the
     * profile's own reason is given, where the chain's failure said no credentials were found at all.
     */
    @Test
    void aProfileNamedByAwsProfileThatTheSdkCannotUseIsNamedWithWhy() throws Exception {
        Files.writeString(home.resolve("config"), "[profile p]\nrole_arn = " + ROLE + "\nsource_profile = p\n");

        assertCheckRefuses(List.of(), Map.of("AWS_PROFILE", "p"), "the credentials of profile 'p' (AWS_PROFILE)"
                + " cannot be had: Invalid profile file: Circular relationship detected with profiles [p].");
        assertCheckRefuses(List.of(), Map.of("AWS_PROFILE", "nosuch"), "the credentials of profile 'nosuch'"
                + " (AWS_PROFILE) cannot be had: neither the AWS config file nor the credentials file holds it");
    }

    /**
     * The default profile, which the chain reads when nothing names another: its own reason is given where it holds
     * a way to credentials that fails (before: "no AWS credentials found", as if it held none); a default profile
     * holding none (a region alone) still gets the chain's line.
     */
    @Test
    void aDefaultProfileThatTheSdkCannotUseIsNamedWithWhy() throws Exception {
        Files.writeString(home.resolve("config"), "[default]\ncredential_process = /bin/false\n");
        assertCheckRefuses(List.of(), Map.of(), "the credentials of profile 'default' cannot be had: Failed to refresh"
                + " process-based credentials. (Command returned non-zero exit value (1) with error message:)");

        Files.writeString(home.resolve("config"), "[default]\nregion = us-east-1\n");
        assertCheckRefuses(List.of(), Map.of(), "no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones), pass --profile, or run where a "
                + "role provides them");
    }

    /** {@code check} with {@code options} ends with exit code 3 and {@code problem} for the source and the target. */
    private void assertCheckRefuses(List<String> options, Map<String, String> environment, String problem)
            throws Exception {
        Path log = home.resolve("check.log");
        List<String> args = new ArrayList<>(List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table",
                LocalAws.TABLE, "--region", "us-east-1", "--cognito-endpoint", aws.cognito().endpoint().toString(),
                "--dynamodb-endpoint", aws.dynamoDb().endpoint().toString()));
        args.addAll(options);
        Files.deleteIfExists(log);
        Process child = ChildMigrator.startWithoutCredentials(log, home, args, environment);

        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("check ended").isTrue();
        String printed = Files.readString(log);
        assertThat(child.exitValue()).as(printed).isEqualTo(3);
        assertThat(printed.lines().filter(line -> line.startsWith("problem: ")).toList()).as(printed)
                .containsExactlyInAnyOrder("problem: source: " + problem, "problem: target: " + problem);
        assertThat(printed).doesNotContain("ProfileFile(", "\tat ");
    }

    /** A profile {@code p}'s properties (one a line), and the reason the migrator must give. */
    static Stream<Arguments> unusableProfiles() {
        String role = "role_arn = " + ROLE + "\n";
        return Stream.of(
                Arguments.of(role, "it holds no keys, and no role_arn with a source_profile or credential_source"),
                Arguments.of(role + "source_profile = p",
                        "Invalid profile file: Circular relationship detected with profiles [p]."),
                Arguments.of(role + "source_profile = q", "The source profile of 'p' was configured to be 'q', but"
                        + " that source profile has no credentials configured."),
                Arguments.of("sso_session = none\nsso_account_id = 123456789012\nsso_role_name = r",
                        "Sso-session section not found with sso-session title none."),
                Arguments.of("credential_process = /bin/false", "Failed to refresh process-based credentials."
                        + " (Command returned non-zero exit value (1) with error message:)"),
                Arguments.of("aws_access_key_id = AKIAHALFAKEY",
                        "Profile property 'aws_secret_access_key' was not configured for 'p'."));
    }

    private void runToTheEnd(List<String> args, Map<String, String> environment) throws Exception {
        Path log = home.resolve("migrate.log");
        Process child = ChildMigrator.startWithoutCredentials(log, home, args, environment);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("migrate ended").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
    }
}
