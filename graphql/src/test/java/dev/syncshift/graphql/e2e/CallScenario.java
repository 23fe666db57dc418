package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
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

    /**
     * Runs the row as a fresh identity against {@code emulator}: every {@code given} call must succeed (HTTP 200, no
     * errors) or, when marked {@link Step#refused}, fail with its errorType, so a row cannot pass on a setup that went
     * otherwise; then checks the answer (an HTTP 200).
     */
    void verify(AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller me = SyncshiftApi.freshUser();
        for (int i = 0; i < given.size(); i++) {
            Step step = given.get(i);
            Answer setup = step.run(api, me);
            String description = name + ": given step " + (i + 1) + " answered " + setup.body();
            if (step.refusedWith() == null) {
                assertThat(setup.ok()).as(description).isTrue();
            } else {
                assertThat(setup.error().path("errorType").asText()).as(description).isEqualTo(step.refusedWith());
            }
        }

        Answer answer = when.run(api, me);

        assertThat(answer.status()).isEqualTo(200);
        Expectations.check(answer.body(), expected, me);
    }

    @Override
    public String toString() {
        return name;
    }
}
