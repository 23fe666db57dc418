package dev.syncshift.graphql.e2e;

import static dev.syncshift.graphql.e2e.Patch.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A push whose TransactWriteItems is cancelled because another writer got there first, between its reads and its
 * write: the emulator reports the failed condition as AppSync documents it ({@code ConditionCheckFailed}), and the
 * caller gets {@code ResourceConflictException} with the reason to retry on, never DynamoDB's cancellation.
 */
class LostRaceTest {

    private static InterleavingDynamoDb interleaving;
    private static OwnTableApi served;
    private static SyncOperations api;

    @BeforeAll
    static void start() {
        served = new OwnTableApi(client -> {
            interleaving = new InterleavingDynamoDb(client);
            return interleaving.client();
        });
        api = served.api();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** The caller's push of {@code key} to {@code dataset} as the rival that gets there first; it must succeed. */
    private static void rivalPushes(Caller caller, String dataset, String key) {
        interleaving.beforeNextWrite(() -> assertThat(api.updateRecords(caller, dataset, put(key, "rival", 0)).ok())
                .isTrue());
    }

    private static void assertLost(Answer loser, String reason) {
        assertThat(loser.error().path("errorType").asText()).isEqualTo("ResourceConflictException");
        assertThat(loser.error().path("errorInfo").path("reason").asText()).isEqualTo(reason);
    }

    @Test
    void aPushOvertakenBeforeItsWriteIsAConcurrentUpdate() {
        Caller user = SyncshiftApi.freshUser();
        api.updateRecords(user, "shared", put("a", "1", 0));
        rivalPushes(user, "shared", "b");

        Answer loser = api.updateRecords(user, "shared", put("c", "3", 0));

        assertLost(loser, "ConcurrentUpdate");
        assertThat(api.updateRecords(user, "shared", put("c", "3", 0)).ok()).isTrue();
    }

    @Test
    void aDatasetCreatedWhileAnotherIsMayBePushedAgainAtOnce() {
        Caller user = SyncshiftApi.freshUser();
        rivalPushes(user, "first", "a");

        Answer loser = api.updateRecords(user, "second", put("b", "2", 0));

        assertLost(loser, "ConcurrentCreation");
        assertThat(api.updateRecords(user, "second", put("b", "2", 0)).ok()).isTrue();
    }
}
