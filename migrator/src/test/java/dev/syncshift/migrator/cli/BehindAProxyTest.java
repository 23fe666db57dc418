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
 * network: named by {@code HTTP_PROXY}, as the AWS CLI takes it, it carries every call, Cognito's and DynamoDB's.
 */
class BehindAProxyTest {

    static final int IDENTITIES = 12;
    static final String REFUSED = "the HTTP proxy asks for a user and password (HTTP 407) and was given none it "
            + "accepts: name them in HTTP_PROXY (http://user:password@host:port)";

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

            assertThat(log.lines()).as(log).contains("syncshift-migrator: source: " + REFUSED,
                    "syncshift-migrator: target: " + REFUSED);
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

            String refused = run(command, failingOnce(proxy.uri().toString()), 3);
            assertThat(proxy.seen()).as(refused).isEmpty();
            run(command, failingOnce("http://migrator:s3cret@" + proxy.uri().getAuthority()), 3);

            assertThat(refused.lines()).as(refused).contains("syncshift-migrator: source: " + REFUSED,
                    "syncshift-migrator: target: " + REFUSED);
            assertThat(proxy.seen()).contains("CONNECT " + aws.cognito().endpoint().getAuthority(),
                    "CONNECT " + aws.dynamoDb().endpoint().getAuthority());
        }
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
