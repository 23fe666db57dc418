package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import dev.syncshift.migrator.cli.IamRequirements.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's {@code MigratorPolicy} against what the migrator really calls: every command ({@code check} with and
 * without {@code --api-id}, {@code migrate} full with {@code --create-table} and delta, {@code verify}) runs against
 * the emulators, then {@code migrate --mode write-back} after writes on AppSync, while {@link SdkCallRecorder} records
 * each SDK call of the migrator's code; each call is mapped to the
 * IAM actions and resources AWS authorizes it on ({@link IamRequirements}). The emulators evaluate no IAM policy, so
 * this is where a missing permission shows: every call must be allowed by the policy, and (least privilege) every
 * action the policy grants on each resource must be one a command called there, or be named below with the reason
 * AWS needs it.
 */
class MigratorPolicyTest extends CutoverScenario {

    private static final Path TEMPLATE = Path.of("..", "config", "syncshift-appsync.yaml").toAbsolutePath()
            .normalize();
    private static final String REGION = "us-east-1";
    private static final List<String> ADMIN_FIELDS = List.of("Query/fields/adminListDatasets",
            "Query/fields/adminListRecords", "Mutation/fields/adminImportDataset");

    @TempDir
    Path work;

    @Test
    void theMigratorRoleAllowsEveryCallOfEveryCommandAndGrantsNothingElse() {
        Device device = cutover.newDevice();
        // a value of two chunks, and a dataset whose copy takes more than one transaction
        device.cognitoPush(device.identityId(), "profile", Map.of("big", "x".repeat(70_000), "name", "Ada"));
        device.cognitoPush(device.identityId(), "many", manyRecords());
        Map<String, Set<Requirement>> byCommand = new LinkedHashMap<>();
        run(byCommand, "check", check());
        run(byCommand, "check --api-id", check("--api-id", cutover.appSync().apiId()));
        run(byCommand, "migrate --create-table", pass("migrate", "full.json", "--create-table"));
        device.cognitoPut("profile", "big", "small"); // the delta deletes the value's second chunk
        // re-created on Cognito: the delta copies it into a new generation, the metadata item checked until the last
        // transaction (a ConditionCheck)
        device.cognitoDelete("many");
        device.cognitoPush(device.identityId(), "many", manyRecords());
        run(byCommand, "migrate --mode delta", pass("migrate", "delta.json", "--mode", "delta"));
        run(byCommand, "verify", pass("verify", "verify.json"));
        // going back: a record and a deletion made on AppSync, written into Cognito Sync
        device.appSyncPut("profile", "name", "Ada Lovelace");
        device.appSyncDelete("many");
        run(byCommand, "migrate --mode write-back", pass("migrate", "back.json", "--mode", "write-back"));
        TemplatePolicy policy = TemplatePolicy.read(TEMPLATE, "MigratorPolicy", templateValues());

        List<String> refused = new ArrayList<>();
        byCommand.forEach((command, needs) -> needs.stream().filter(n -> !policy.allows(n.action(), n.resource()))
                .forEach(n -> refused.add(command + ": " + n)));
        assertThat(refused).as("calls MigratorPolicy does not allow").isEmpty();
        Set<Requirement> called = byCommand.values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Requirement, String> needed = neededThoughNotCalled();
        assertThat(unused(policy, called)).as("grants no command used, beside those AWS needs for a reason: %s",
                needed).containsExactlyInAnyOrderElementsOf(needed.keySet());
    }

    private static Map<String, String> manyRecords() {
        return IntStream.range(0, 150).boxed().collect(Collectors.toMap(i -> "key" + i, i -> "value" + i));
    }

    /**
     * Grants no migrator command calls, each with the reason it is needed on AWS: the role is the API's admin
     * ({@code SYNCSHIFT_ADMIN_ROLE_ARN}), whose operators call the admin fields with it; the migrator itself writes
     * the table directly.
     */
    private static Map<Requirement, String> neededThoughNotCalled() {
        Map<Requirement, String> needed = new LinkedHashMap<>();
        ADMIN_FIELDS.forEach(field -> needed.put(new Requirement("appsync:GraphQL", apiArn() + "/types/" + field),
                "the API's admin field, for operators of the admin role"));
        return needed;
    }

    /** Each action on each resource pattern of the policy that no recorded call needed. */
    private static List<Requirement> unused(TemplatePolicy policy, Set<Requirement> called) {
        List<Requirement> unused = new ArrayList<>();
        for (TemplatePolicy.Statement statement : policy.statements()) {
            for (String action : statement.actions()) {
                for (String resource : statement.resources()) {
                    if (called.stream().noneMatch(c -> TemplatePolicy.matches(action, c.action(), true)
                            && TemplatePolicy.matches(resource, c.resource(), false))) {
                        unused.add(new Requirement(action, resource));
                    }
                }
            }
        }
        return unused;
    }

    private static void run(Map<String, Set<Requirement>> byCommand, String name, String... args) {
        List<SdkCallRecorder.Call> calls = new ArrayList<>();
        Cli.Result result = SdkCallRecorder.recording(calls, () -> Cli.run(args));
        assertThat(result.exitCode()).as(name + ": " + result.err()).isZero();
        assertThat(calls).as(name + " calls AWS").isNotEmpty();
        byCommand.put(name, calls.stream().flatMap(call -> IamRequirements.of(call).stream())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** What the template's intrinsics stand for here: the emulators' account and region, the pool, table and API. */
    private static Map<String, String> templateValues() {
        return Map.of("AWS::Partition", "aws", "AWS::Region", REGION, "AWS::AccountId", IamRequirements.ACCOUNT,
                "IdentityPoolId", cutover.pool().value(), "Table.Arn", IamRequirements.table(REGION,
                        cutover.tableName()), "Api.Arn", apiArn());
    }

    private static String apiArn() {
        return "arn:aws:appsync:" + REGION + ":" + IamRequirements.ACCOUNT + ":apis/" + cutover.appSync().apiId();
    }

    private static String[] check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--appsync-endpoint",
                cutover.appSync().controlPlaneEndpoint().toString()));
        args.addAll(common());
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String[] pass(String command, String report, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--work-dir", work.toString(), "--report",
                work.resolve(report).toString(), "--threads", "4", "--progress", "off"));
        args.addAll(common());
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> common() {
        return List.of("--identity-pool-id", cutover.pool().value(), "--table", cutover.tableName(),
                "--cognito-endpoint", cutover.cognito().endpoint().toString(), "--dynamodb-endpoint",
                cutover.dynamoDb().endpoint().toString(), "--region", REGION);
    }
}
