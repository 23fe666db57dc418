package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real template in the emulator called as Python code calls AppSync, in {@code test/boto3/boto3_appsync_test.py}
 * under {@code unittest} (one Python process): the control-plane operations of the migrator's {@code check} through
 * {@code boto3.client('appsync')} (GetGraphqlApi, GetIntrospectionSchema, ListResolvers' paginator, EvaluateCode,
 * NotFoundException) and the reads an operator makes (ListGraphqlApis, ListDataSources, GetDataSource,
 * GetGraphqlApiEnvironmentVariables, GetResolver, GetFunction, ListTypes, GetType, ListTagsForResource and their
 * refusals), and {@code POST /graphql} signed by botocore's {@code SigV4Auth} with a Cognito identity's temporary
 * credentials: a mutation and the query reading it back, a conflict, bad input (a nextToken of another dataset,
 * of another generation of it or none at all, a dataset name over 128 characters: InvalidParameterException), and
 * refused signatures. The SDL botocore returned is compared here with {@code schema.graphql} as
 * {@link ControlPlaneTest} does. boto3 is Debian's {@code python3-boto3}, installed by
 * {@code scripts/ensure-boto3.sh} when missing; skipped, with the reason, where it cannot be. Runs on the emulator
 * the other end-to-end tests share ({@link SharedCredentialsTest} covers the credentials the Cognito Sync emulator
 * issues, and the Cognito module's {@code Boto3IT} boto3's calls to it).
 */
class Boto3IT {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    private static final Path ENSURE_BOTO3 = SyncshiftApi.MODULE.resolve("../scripts/ensure-boto3.sh").normalize();
    private static final Path SCHEMA_OUT = SyncshiftApi.MODULE.resolve("target/e2e/boto3-introspected.graphql");
    private static final long TIMEOUT_MINUTES = 5;
    private static final int SKIPPED = 77;

    @Test
    void pythonCallsTheApiThroughBoto3(AppSyncEmulator emulator) throws Exception {
        Caller device = SyncshiftApi.freshUser();
        Files.deleteIfExists(SCHEMA_OUT);

        String output = runPython(Map.of("APPSYNC_GRAPHQL", emulator.endpoint().toString(),
                "APPSYNC_CONTROL", emulator.controlPlaneEndpoint().toString(), "APPSYNC_API_ID", emulator.apiId(),
                "OPERATOR_KEY", SyncshiftApi.OPERATOR.accessKeyId(),
                "OPERATOR_SECRET", SyncshiftApi.OPERATOR.secretAccessKey(),
                "DEVICE", new ObjectMapper().writeValueAsString(Map.of("accessKeyId", device.accessKeyId(),
                        "secretAccessKey", device.secretAccessKey(), "sessionToken",
                        String.valueOf(device.sessionToken()), "identityId", String.valueOf(device.identityId()))),
                "SCHEMA_OUT", SCHEMA_OUT.toString()));

        assertThat(output).contains("Ran 12 tests").containsPattern("(?m)^OK");
        assertThat(ControlPlaneTest.print(Files.readString(SCHEMA_OUT)))
                .isEqualTo(ControlPlaneTest.print(Files.readString(SyncshiftApi.MODULE.resolve("schema.graphql"))));
    }

    private static String runPython(Map<String, String> environment) throws Exception {
        ProcessBuilder python = new ProcessBuilder(List.of("sh", ENSURE_BOTO3.toString(),
                "-W", "ignore::ResourceWarning", "-m", "unittest", "-v", "boto3_appsync_test"))
                .directory(SyncshiftApi.MODULE.resolve("test/boto3").toFile()).redirectErrorStream(true);
        python.environment().putAll(environment);
        python.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("boto3 checks finished").isTrue();
        System.out.println(output);
        Assumptions.assumeTrue(process.exitValue() != SKIPPED, output::strip);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
