package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real template in the emulator, called by clients written for AppSync rather than by our own: Amplify JS v6
 * ({@code aws-amplify}, {@code generateClient()} with IAM: a query, a mutation and a subscription receiving it; a
 * query and a subscription signed with a wrong secret, which Amplify must read as a refusal not to try again; a
 * nextToken of another identity, which Amplify hands the app as InvalidParameterException) and a request signed with
 * the JS SDK's {@code @smithy/signature-v4}, in {@code test/amplify/amplify.e2e.mjs}; and the
 * control-plane operations of the migrator's {@code check} through the JS SDK v3's {@code @aws-sdk/client-appsync}, in
 * {@code test/amplify/control-plane.e2e.mjs}; and a web page of another origin calling the API through jsdom's
 * {@code XMLHttpRequest}, which enforces the browser's CORS checks, in {@code test/amplify/browser.e2e.mjs}. All under
 * {@code node --test}, with the versions the committed lock file pins. Skipped, with the reason, without node/npm.
 */
class AmplifyJsIT {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    private static final Path SCRIPTS = SyncshiftApi.MODULE.resolve("test/amplify");
    private static final long NPM_TIMEOUT_MINUTES = 8;
    private static final long TEST_TIMEOUT_MINUTES = 3;

    @BeforeAll
    static void installAmplify() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "SKIPPED Amplify JS checks: node/npm not on PATH");
        Path installed = SCRIPTS.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(SCRIPTS.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0) {
            Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(),
                    NPM_TIMEOUT_MINUTES);
            Assumptions.assumeTrue(ci.exitCode() == 0, "SKIPPED Amplify JS checks: npm ci failed: " + ci.output());
        }
    }

    @Test
    void amplifyAndTheJsSdkWorkAgainstTheEmulator(AppSyncEmulator emulator) throws Exception {
        String users = new ObjectMapper().writeValueAsString(Stream.of(SyncshiftApi.freshUser(),
                SyncshiftApi.freshUser()).map(user -> Map.of("accessKeyId", user.accessKeyId(),
                "secretAccessKey", user.secretAccessKey(), "sessionToken", String.valueOf(user.sessionToken()),
                "identityId", String.valueOf(user.identityId()))).toList());

        String operator = new ObjectMapper().writeValueAsString(Map.of("accessKeyId",
                SyncshiftApi.MIGRATOR.accessKeyId(), "secretAccessKey", SyncshiftApi.MIGRATOR.secretAccessKey()));

        Result checks = run(List.of("node", "--no-warnings", "--test", "amplify.e2e.mjs", "control-plane.e2e.mjs",
                "browser.e2e.mjs"),
                Map.of("APPSYNC_GRAPHQL", emulator.endpoint().toString(), "APPSYNC_USERS", users,
                        "APPSYNC_CONTROL", emulator.controlPlaneEndpoint().toString(), "APPSYNC_API_ID",
                        emulator.apiId(), "APPSYNC_OPERATOR", operator), TEST_TIMEOUT_MINUTES);

        assertThat(checks.exitCode()).as(checks.output()).isZero();
        assertThat(checks.output()).contains("# pass 16").contains("# fail 0");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment, long timeoutMinutes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, command + " timed out");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
