package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.Cutover;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code check} against the emulators: the AppSync control plane through the SDK's AppSyncClient. */
class CheckCommandTest {

    static Cutover cutover;

    @BeforeAll
    static void start() {
        cutover = Cutover.start();
    }

    @AfterAll
    static void stop() {
        cutover.close();
    }

    @Test
    void aDeployedApiThatIsSyncshiftsPassesEveryCheck() {
        Cli.Result result = Cli.run(args(cutover.tableName(), "--api-id", cutover.appSync().apiId()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ok: pool " + cutover.pool().value(), "has the store layout",
                "uses AWS_IAM", "schema declares every type and field",
                "every Query, Mutation and Subscription field has an APPSYNC_JS resolver",
                "EvaluateCode: readRecords computes the store's sort keys", "estimate: ListIdentities at 5.0/s");
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

    private static String[] args(String table, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--identity-pool-id", cutover.pool().value(),
                "--table", table, "--cognito-endpoint", cutover.cognito().endpoint().toString(),
                "--dynamodb-endpoint", cutover.dynamoDb().endpoint().toString(), "--appsync-endpoint",
                cutover.appSync().controlPlaneEndpoint().toString(), "--region", "us-east-1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
