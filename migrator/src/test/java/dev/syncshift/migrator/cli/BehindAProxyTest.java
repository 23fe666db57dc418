package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.ForwardProxy;
import dev.syncshift.migrator.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator run where the only way out is an HTTP proxy that asks for a user and password, as on a company
 * network: named by {@code HTTP_PROXY}, {@code HTTPS_PROXY} or their lower-case names, as the AWS CLI takes them,
 * it carries every call, Cognito's and DynamoDB's.
 */
class BehindAProxyTest {

    static final int IDENTITIES = 12;

    static LocalAws aws;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(IDENTITIES);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void aRunThroughAProxyAskingForThePasswordHttpProxyGivesCopiesEverything() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("migrator:s3cret")) {
            String named = "http://migrator:s3cret@" + proxy.uri().getAuthority();

            String log = run(ChildMigrator.migrate(aws, work), Map.of("HTTP_PROXY", named), 0);

            ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
            assertThat(proxy.seen()).as(log)
                    .anyMatch(seen -> seen.startsWith("POST " + aws.cognito().endpoint()))
                    .anyMatch(seen -> seen.startsWith("POST " + aws.dynamoDb().endpoint()));
        }
    }

    @Test
    void aProxyAskingForAPasswordItWasNotGivenStopsTheRunBeforeAnythingIsWritten() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("migrator:s3cret")) {
            String log = run(ChildMigrator.migrate(aws, work), failingOnce(proxy.uri().toString()), 3);

            assertThat(log.lines()).as(log).contains("syncshift-migrator: source: " + refused(proxy),
                    "syncshift-migrator: target: " + refused(proxy));
            assertThat(proxy.seen()).as("requests the proxy let through").isEmpty();
        }
    }

    /**
     * AWS's endpoints are https, which a proxy carries through a tunnel ({@code CONNECT}): the user and password pass
     * it, and the proxy refuses a tunnel without them in the same words. The emulators speak plain http, so what
     * follows a tunnel fails (exit code 3); that the proxy let the tunnels through is what is checked.
     */
    @Test
    void theTunnelsToHttpsEndpointsPassWithThePasswordAndAreRefusedWithout() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("migrator:s3cret")) {
            List<String> command = ChildMigrator.migrate(aws, work).stream()
                    .map(arg -> arg.replace("http://", "https://")).toList();

            String withoutPassword = run(command, failingOnce(proxy.uri().toString()), 3);
            assertThat(proxy.seen()).as(withoutPassword).isEmpty();
            run(command, failingOnce("http://migrator:s3cret@" + proxy.uri().getAuthority()), 3);

            assertThat(withoutPassword.lines()).as(withoutPassword).contains(
                    "syncshift-migrator: source: " + refused(proxy), "syncshift-migrator: target: " + refused(proxy));
            assertThat(proxy.seen()).contains("CONNECT " + aws.cognito().endpoint().getAuthority(),
                    "CONNECT " + aws.dynamoDb().endpoint().getAuthority());
        }
    }

    /**
     * The lower-case variables, which Linux machines often set alone, as the AWS CLI reads them: {@code http_proxy}
     * carries the calls to an http endpoint, and a host {@code no_proxy} names (here the DynamoDB endpoint, written
     * {@code localhost}) is called direct.
     */
    @Test
    void lowerCaseVariablesNameTheProxyAndNoProxyTheHostsCalledDirect() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("migrator:s3cret")) {
            String dynamoDb = "http://localhost:" + aws.dynamoDb().endpoint().getPort();
            List<String> command = ChildMigrator.migrate(aws, work).stream()
                    .map(arg -> arg.equals(aws.dynamoDb().endpoint().toString()) ? dynamoDb : arg).toList();

            String log = run(command, Map.of("http_proxy", "http://migrator:s3cret@" + proxy.uri().getAuthority(),
                    "no_proxy", "example.org, localhost"), 0);

            ChildMigrator.assertRunOneCopiedEverything(aws, work, IDENTITIES);
            assertThat(proxy.seen()).as(log).anyMatch(seen -> seen.startsWith("POST " + aws.cognito().endpoint()))
                    .noneMatch(seen -> seen.contains(":" + aws.dynamoDb().endpoint().getPort()));
        }
    }

    /** {@code check} says which proxy each side's calls go through, and as whom, never with the password. */
    @Test
    void checkSaysWhichProxyEachSideGoesThrough() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("migrator:s3cret")) {
            List<String> command = List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table",
                    LocalAws.TABLE, "--region", "us-east-1", "--cognito-endpoint", aws.cognito().endpoint().toString(),
                    "--dynamodb-endpoint", "http://localhost:" + aws.dynamoDb().endpoint().getPort());

            String log = run(command, Map.of("http_proxy", "http://migrator:s3cret@" + proxy.uri().getAuthority(),
                    "no_proxy", "localhost"), 0);

            assertThat(log.lines()).as(log).contains("ok: calls to Cognito go through the HTTP proxy "
                    + proxy.uri().getAuthority() + " (http_proxy), as migrator")
                    .noneMatch(line -> line.contains("calls to DynamoDB"));
            assertThat(log).doesNotContain("s3cret");
        }
    }

    /**
     * {@code HTTPS_PROXY} carries the calls to https endpoints (AWS's own), through tunnels, where {@code HTTP_PROXY}
     * names another proxy (here one that cannot be reached).
     */
    @Test
    void httpsProxyCarriesTheTunnelsToHttpsEndpoints() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy("migrator:s3cret")) {
            List<String> command = ChildMigrator.migrate(aws, work).stream()
                    .map(arg -> arg.replace("http://", "https://")).toList();

            String log = run(command, Map.of("HTTPS_PROXY", "http://migrator:s3cret@" + proxy.uri().getAuthority(),
                    "HTTP_PROXY", "http://127.0.0.1:" + ChildMigrator.closedPort(),
                    "SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS", "1"), 3);

            assertThat(proxy.seen()).as(log).contains("CONNECT " + aws.cognito().endpoint().getAuthority(),
                    "CONNECT " + aws.dynamoDb().endpoint().getAuthority());
        }
    }

    /** A proxy variable that names no proxy is a usage error, in one line, before anything is called. */
    @Test
    void aProxyVariableThatNamesNoProxyIsRefusedInOneLine() throws Exception {
        String log = run(ChildMigrator.migrate(aws, work), Map.of("HTTPS_PROXY", "garbage:::x"), 2);

        assertThat(log.strip()).isEqualTo("syncshift-migrator: HTTPS_PROXY 'garbage:::x' is not a proxy such as "
                + "http://host:port or http://user:password@host:port");
    }

    /** A proxy that cannot be reached is named as the proxy, with the variable that named it. */
    @Test
    void aProxyThatCannotBeReachedIsNamed() throws Exception {
        String address = "127.0.0.1:" + ChildMigrator.closedPort();

        String log = run(ChildMigrator.migrate(aws, work), failingOnce("http://" + address), 3);

        assertThat(log.lines()).as(log)
                .anyMatch(line -> line.startsWith("syncshift-migrator: source: unreachable through the HTTP proxy "
                        + address + " (HTTP_PROXY): "))
                .anyMatch(line -> line.startsWith("syncshift-migrator: target: unreachable through the HTTP proxy "
                        + address + " (HTTP_PROXY): "));
    }

    /** The line for {@code proxy}'s refusal of a run whose HTTP_PROXY named it without a user it accepts. */
    private static String refused(ForwardProxy proxy) {
        return "the HTTP proxy " + proxy.uri().getAuthority() + " asks for a user and password (HTTP 407) and was "
                + "given none it accepts: name them in HTTP_PROXY (http://user:password@host:port)";
    }

    /**
     * The environment of a run meant to fail: {@code HTTP_PROXY} set to {@code proxy}, and one attempt per call, as a
     * tunnel that fails is retried like any broken connection (with the default 10 attempts, about a minute).
     */
    private static Map<String, String> failingOnce(String proxy) {
        return Map.of("HTTP_PROXY", proxy, "SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS", "1");
    }

    /** Runs {@code command} with {@code environment}; its log, once it exited with {@code exitCode}. */
    private String run(List<String> command, Map<String, String> environment, int exitCode) throws Exception {
        Path log = work.resolve("child.log");
        Process child = ChildMigrator.start(log, command, environment);
        boolean ended = child.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(exitCode);
        return output;
    }
}
