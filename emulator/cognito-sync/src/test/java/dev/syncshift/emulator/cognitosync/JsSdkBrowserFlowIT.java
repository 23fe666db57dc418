package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
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
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * A browser app's flow (GetId with a user-pool login, credentials from the identity pool,
 * ListRecords then UpdateRecords with the record's SyncCount) run by the real AWS SDK for JavaScript v3 in Node
 * against the emulator with strict auth, so the JS SDK's own signatures (which leave {@code x-amz-content-sha256}
 * out) are verified; a developer's DeleteIdentities then DescribeIdentity; and a developer's LookupDeveloperIdentity,
 * UnlinkDeveloperIdentity, then the same lookup refused. Needs {@code node} and {@code npm};
 * skipped, with the reason, without them.
 */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class JsSdkBrowserFlowIT {

    private static final Path SCRIPTS = Path.of("src/test/js");
    private static final long NPM_TIMEOUT_MINUTES = 5;

    @BeforeAll
    static void installJsSdk() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are not on the PATH");
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/@aws-sdk/client-cognito-sync"))
                || !Files.isDirectory(SCRIPTS.resolve("node_modules/jsdom"))) {
            Result installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"), NPM_TIMEOUT_MINUTES);
            Assumptions.assumeTrue(installed.exitCode() == 0, "npm ci failed: " + installed.output());
        }
    }

    @Test
    void theSeedFlowStoresAndReadsThroughTheJsSdk(CognitoSyncEmulator emulator, CognitoIdentityClient identity)
            throws Exception {
        String pool = identity.createIdentityPool(p -> p.identityPoolName("seed")
                .allowUnauthenticatedIdentities(false)).identityPoolId();

        Result flow = run(List.of("node", "--no-warnings", "browser-flow.mjs", emulator.endpoint().toString(), pool),
                1);

        assertThat(flow.exitCode()).as(flow.output()).isZero();
        JsonNode seen = new ObjectMapper().readTree(flow.output().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(seen.get("firstSyncCount").asLong()).isEqualTo(1);
        assertThat(seen.get("secondSyncCount").asLong()).isEqualTo(2);
        assertThat(seen.get("secondDeviceValue").asText()).isEqualTo("blue");
        assertThat(seen.get("datasetSyncCount").asLong()).isEqualTo(2);
        assertThat(seen.get("datasetExists").asBoolean()).isTrue();
        assertThat(seen.get("lastModifiedDateIsDate").asBoolean()).isTrue();
        assertThat(seen.get("conflict").get("name").asText()).isEqualTo("ResourceConflictException");
        assertThat(seen.get("conflict").get("status").asInt()).isEqualTo(409);
        assertThat(seen.get("identityError").get("name").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(seen.get("identityError").get("status").asInt()).isEqualTo(400);
        assertThat(seen.get("identityError").get("message").asText()).contains("not found");
        assertThat(seen.get("conflict").get("message").asText())
                .isEqualTo("Current SyncCount for: background-color is: 2 not: 1");
    }

    @Test
    void aPageOfAnotherOriginPassesTheBrowsersCorsChecks(CognitoSyncEmulator emulator, CognitoIdentityClient identity)
            throws Exception {
        String pool = identity.createIdentityPool(p -> p.identityPoolName("page")
                .allowUnauthenticatedIdentities(true)).identityPoolId();

        Result calls = run(List.of("node", "--no-warnings", "page-calls.mjs", emulator.endpoint().toString(), pool),
                1);

        assertThat(calls.exitCode()).as(calls.output()).isZero();
        JsonNode seen = new ObjectMapper().readTree(calls.output().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(seen.get("getIdStatus").asInt()).isEqualTo(200);
        assertThat(seen.get("identityId").asText()).startsWith("us-east-1:");
        assertThat(seen.get("credentialsStatus").asInt()).isEqualTo(200);
        assertThat(seen.get("accessKeyId").asText()).isNotBlank();
        assertThat(seen.get("refusedStatus").asInt()).isEqualTo(403);
        assertThat(seen.get("refusedErrorType").asText()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aDeveloperDeletesAnIdentityThatIsThenNotFound(CognitoSyncEmulator emulator, CognitoIdentityClient identity)
            throws Exception {
        String pool = identity.createIdentityPool(p -> p.identityPoolName("deletions")
                .allowUnauthenticatedIdentities(true)).identityPoolId();

        Result deletion = run(List.of("node", "--no-warnings", "delete-identity.mjs", emulator.endpoint().toString(),
                pool), 1);

        assertThat(deletion.exitCode()).as(deletion.output()).isZero();
        JsonNode seen = new ObjectMapper().readTree(deletion.output().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(seen.get("unprocessed").isArray()).isTrue();
        assertThat(seen.get("unprocessed")).isEmpty();
        assertThat(seen.get("describeError").get("name").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(seen.get("describeError").get("status").asInt()).isEqualTo(400);
        assertThat(seen.get("describeError").get("message").asText())
                .isEqualTo("Identity '" + seen.get("identityId").asText() + "' not found.");
    }

    @Test
    void aDeveloperLooksUpAUserThenUnlinksIt(CognitoSyncEmulator emulator, CognitoIdentityClient identity)
            throws Exception {
        String pool = identity.createIdentityPool(p -> p.identityPoolName("unlinks")
                .allowUnauthenticatedIdentities(false).developerProviderName("login.js")).identityPoolId();

        Result unlink = run(List.of("node", "--no-warnings", "unlink-developer.mjs", emulator.endpoint().toString(),
                pool, "login.js"), 1);

        assertThat(unlink.exitCode()).as(unlink.output()).isZero();
        JsonNode seen = new ObjectMapper().readTree(unlink.output().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(seen.get("found").asText()).isEqualTo(seen.get("identityId").asText());
        assertThat(seen.get("users")).extracting(JsonNode::asText).containsExactly("js-user");
        assertThat(seen.get("lookupError").get("name").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(seen.get("lookupError").get("status").asInt()).isEqualTo(400);
        assertThat(seen.get("lookupError").get("message").asText())
                .isEqualTo("Developer user 'js-user' not found for developer provider 'login.js'.");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, long timeoutMinutes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DEVELOPER_KEY", CognitoSyncEmulatorExtension.DEVELOPER.accessKeyId(),
                "DEVELOPER_SECRET", CognitoSyncEmulatorExtension.DEVELOPER.secretAccessKey()));
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, command + " timed out");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
