package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.syncshift.migrator.Cutover;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.target.StoreTableShape;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} against the emulators: the AppSync control plane through the SDK's AppSyncClient. */
class CheckCommandTest extends CutoverScenario {

    private static final String TRIGGER = "arn:aws:lambda:us-east-1:123456789012:function:validate-sync";
    private static final String ROLE = "arn:aws:iam::123456789012:role/cognito-sync";
    private static final String PUSH_APP = "arn:aws:sns:us-east-1:123456789012:app/GCM/syncshift";

    @Test
    void aDeployedApiThatIsSyncshiftsPassesEveryCheck() {
        Cli.Result result = Cli.run(args(cutover.tableName(), "--api-id", cutover.appSync().apiId()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ok: pool " + cutover.pool().value(),
                "ok: devices of pool " + cutover.pool().value() + " act as "
                        + "arn:aws:iam::123456789012:role/Cognito_cutoverAuth_Role (signed-in users) and "
                        + "arn:aws:iam::123456789012:role/Cognito_cutoverUnauth_Role (guests): give each the API's "
                        + "user policy (the stack's AuthenticatedUserPolicyArn) before devices switch",
                "has the store layout",
                "uses AWS_IAM", "ok: the API's data source reads table " + cutover.tableName(),
                "schema declares every type and field",
                "every Query, Mutation and Subscription field has an APPSYNC_JS resolver",
                "EvaluateCode: readRecords computes the store's sort keys",
                "estimate: ListIdentities at 5/s lists 300 identities a second")
                .containsPattern("ok: table " + cutover.tableName() + " takes 4,000 write units a second \\(on "
                        + "demand, as a new table does\\); copying the pool's [0-9,]+ bytes costs at least [0-9,]+ ");
    }

    /** A small ListIdentities limit's estimate is written as the limits are: 0.6 identities a second, not 1. */
    @Test
    void theListingEstimateOfASmallOrLargeLimitKeepsItsFigures() {
        assertThat(CheckCommand.listingEstimate(null))
                .contains("ListIdentities at 5/s lists 300 identities a second (1,000,000 in 56 min)");
        assertThat(CheckCommand.listingEstimate(0.01))
                .contains("ListIdentities at 0.01/s lists 0.6 identities a second (1,000,000 in 27,778 min)");
        assertThat(CheckCommand.listingEstimate(1000.0))
                .contains("ListIdentities at 1,000/s lists 60,000 identities a second (1,000,000 in 0.28 min)");
    }

    @Test
    void anUnknownApiOrTableIsAProblemWithTheUnavailableCode() {
        Cli.Result api = Cli.run(args(cutover.tableName(), "--api-id", "nosuchapiid"));
        Cli.Result table = Cli.run(args("no-such-table"));

        assertThat(api.exitCode()).isEqualTo(3);
        assertThat(api.err()).startsWith("problem: appsync: ").doesNotContain("\tat ");
        assertThat(table.exitCode()).isEqualTo(3);
        assertThat(table.err()).contains("table no-such-table does not exist");
    }

    @Test
    void aTableTheApiDoesNotReadIsAProblem() {
        StoreTableShape.create(cutover.dynamoDbClient(), "Elsewhere");

        Cli.Result result = Cli.run(args("Elsewhere", "--api-id", cutover.appSync().apiId()));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("ok: table Elsewhere has the store layout");
        assertThat(result.err()).contains("problem: appsync: the API reads table " + cutover.tableName()
                + ", not Elsewhere: the migrator would copy the pool where the API does not read it");
    }

    @Test
    void whatTheSourcePoolRunsBesideItsDataIsReportedAsNotCarriedOver() {
        String pool = cutover.pool().value();
        Cli.Result plain = Cli.run(args(cutover.tableName()));
        cutover.syncClient().setCognitoEvents(r -> r.identityPoolId(pool).events(Map.of("SyncTrigger", TRIGGER)));
        cutover.syncClient().setIdentityPoolConfiguration(r -> r.identityPoolId(pool)
                .cognitoStreams(s -> s.streamName("sync-changes").roleArn(ROLE).streamingStatus("ENABLED"))
                .pushSync(p -> p.applicationArns(PUSH_APP).roleArn(ROLE)));
        try {
            Cli.Result configured = Cli.run(args(cutover.tableName()));

            assertThat(plain.exitCode()).as(plain.err()).isZero();
            assertThat(plain.out()).contains("ok: pool " + pool + " uses no sync trigger, stream or push sync");
            assertThat(plain.err()).doesNotContain("warning:");
            assertThat(configured.exitCode()).as(configured.err()).isZero();
            assertThat(configured.err()).contains(
                    "warning: Cognito Events: every sync runs Lambda " + TRIGGER,
                    "warning: Cognito Streams: every sync is sent to Kinesis stream sync-changes",
                    "warning: push sync: changes notify devices through 1 SNS platform application")
                    .doesNotContain("problem:");
        } finally {
            cutover.syncClient().setCognitoEvents(r -> r.identityPoolId(pool).events(Map.of()));
            cutover.syncClient().setIdentityPoolConfiguration(r -> r.identityPoolId(pool)
                    .cognitoStreams(s -> s.streamName("sync-changes").roleArn(ROLE).streamingStatus("DISABLED"))
                    .pushSync(p -> p.applicationArns(List.of())));
        }
    }

    @Test
    void aPoolWithoutRolesIsAWarningForItsDevicesGetNoCredentials() {
        String pool = cutover.pool().value();
        cutover.identityClient().setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Map.of()));
        try {
            Cli.Result result = Cli.run(args(cutover.tableName()));

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).contains("warning: pool " + pool + " has no roles: its devices get no AWS "
                    + "credentials, for Cognito Sync or AppSync");
        } finally {
            cutover.identityClient().setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Cutover.ROLES));
        }
    }

    /** A container gives {@code check} every setting in its environment, the API to check included. */
    @Test
    void everySettingMayComeFromTheEnvironment(@TempDir Path work) throws Exception {
        Path log = work.resolve("check.log");
        Process check = ChildMigrator.start(log, List.of("check"), Map.of(
                "SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID", cutover.pool().value(),
                "SYNCSHIFT_MIGRATOR_TABLE", cutover.tableName(),
                "SYNCSHIFT_MIGRATOR_COGNITO_ENDPOINT", cutover.cognito().endpoint().toString(),
                "SYNCSHIFT_MIGRATOR_DYNAMODB_ENDPOINT", cutover.dynamoDb().endpoint().toString(),
                "SYNCSHIFT_MIGRATOR_REGION", "us-east-1",
                "SYNCSHIFT_MIGRATOR_API_ID", cutover.appSync().apiId(),
                "SYNCSHIFT_MIGRATOR_APPSYNC_ENDPOINT", cutover.appSync().controlPlaneEndpoint().toString()));

        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("ok: pool " + cutover.pool().value(), "has the store layout",
                "schema declares every type and field", "EvaluateCode: readRecords computes the store's sort keys");
    }

    /**
     * The AWS SDK's own endpoint variables, which the AWS CLI takes too, name the endpoints where no option does; check
     * says so, as a developer's machine set up for DynamoDB Local would otherwise have the copy go there unseen.
     */
    @Test
    void theEndpointsTheAwsSdksVariablesNameAreTakenAndSaid(@TempDir Path work) throws Exception {
        Path log = work.resolve("check.log");
        String cognito = cutover.cognito().endpoint().toString();
        String dynamoDb = cutover.dynamoDb().endpoint().toString();
        Map<String, String> environment = Map.of(
                "SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID", cutover.pool().value(),
                "SYNCSHIFT_MIGRATOR_TABLE", cutover.tableName(), "SYNCSHIFT_MIGRATOR_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY", cognito, "AWS_ENDPOINT_URL_COGNITO_SYNC", cognito,
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb);
        Process check = ChildMigrator.start(log, List.of("check"), environment);

        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(check.exitValue()).as(output).isZero();
        String dynamoDbLine = "calls to DynamoDB go to " + dynamoDb + ", which the AWS SDK's endpoint settings name "
                + "(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB or the profile's endpoint_url)";
        assertThat(output.lines()).as(output).contains("ok: " + dynamoDbLine, "ok: calls to Cognito Sync go to "
                + cognito + ", which the AWS SDK's endpoint settings name (AWS_ENDPOINT_URL, "
                + "AWS_ENDPOINT_URL_COGNITO_SYNC or the profile's endpoint_url)");

        // a run says so too, before it starts: it writes there
        Path runLog = work.resolve("verify.log");
        Process verify = ChildMigrator.start(runLog, List.of("verify", "--work-dir", work.toString(), "--progress",
                "off"), environment);
        assertThat(verify.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(runLog);
        assertThat(printed.lines()).as(printed).contains("syncshift-migrator: " + dynamoDbLine);
    }

    /**
     * Endpoints nothing answers on are told after three attempts of each side's first call, not after the ten every
     * call of a run gets (with the SDK's growing back-off between them, about a minute).
     */
    @Test
    void anEndpointNothingAnswersOnIsToldAfterThreeAttempts() throws IOException {
        String closed = "http://127.0.0.1:" + ChildMigrator.closedPort();

        Cli.Result result = Cli.run("check", "--identity-pool-id", cutover.pool().value(), "--table",
                cutover.tableName(), "--cognito-endpoint", closed, "--dynamodb-endpoint", closed, "--region",
                "us-east-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().lines().filter(line -> line.startsWith("problem: ")).toList()).satisfiesExactly(
                source -> assertThat(source).startsWith("problem: source: unreachable: ")
                        .endsWith("Connection refused (SDK Attempt Count: 3)"),
                target -> assertThat(target).startsWith("problem: target: unreachable: ")
                        .endsWith("Connection refused (SDK Attempt Count: 3)"));
    }

    /**
     * A proxy's 502 for endpoints it cannot reach names no error of the service's: told after three attempts too, not
     * made again with every attempt as a service's own server error is.
     */
    @Test
    void aGatewaysBadGatewayIsToldAfterThreeAttempts() throws IOException {
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        gateway.start();
        try {
            String url = "http://127.0.0.1:" + gateway.getAddress().getPort();

            Cli.Result result = Cli.run("check", "--identity-pool-id", cutover.pool().value(), "--table",
                    cutover.tableName(), "--cognito-endpoint", url, "--dynamodb-endpoint", url, "--region",
                    "us-east-1");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err().lines().filter(line -> line.startsWith("problem: ")).toList()).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("502").endsWith("(SDK Attempt Count: 3)"));
        } finally {
            gateway.stop(0);
        }
    }

    private static String[] args(String table, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--identity-pool-id", cutover.pool().value(),
                "--table", table, "--cognito-endpoint", cutover.cognito().endpoint().toString(),
                "--dynamodb-endpoint", cutover.dynamoDb().endpoint().toString(), "--appsync-endpoint",
                cutover.appSync().controlPlaneEndpoint().toString(), "--region", "us-east-1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
