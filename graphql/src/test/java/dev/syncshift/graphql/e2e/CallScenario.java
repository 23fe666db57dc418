package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.List;
import java.util.Map;

/**
 * One table row of calls made as one fresh identity: the calls made before, the call under test, and JSON pointer →
 * expected JSON text ({@link Expectations}).
 */
record CallScenario(String name, List<Step> given, Step when, Map<String, String> expected) {

    /** A row must expect something beyond the HTTP 200, or it could not fail. */
    CallScenario {
        if (expected.isEmpty()) {
            throw new IllegalArgumentException(name + ": a scenario needs at least one expectation");
        }
    }

    /** Runs the row as a fresh identity against {@code emulator} and checks the answer (an HTTP 200). */
    void verify(AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller me = SyncshiftApi.freshUser();
        given.forEach(step -> step.run(api, me));

        Answer answer = when.run(api, me);

        assertThat(answer.status()).isEqualTo(200);
        Expectations.check(answer.body(), expected, me);
    }

    @Override
    public String toString() {
        return name;
    }
}
