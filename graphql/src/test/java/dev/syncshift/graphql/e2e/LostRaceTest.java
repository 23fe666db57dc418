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

    /**
     * A syncDataset whose push is stored, then overtaken before its page is read by another device's longer value of
     * the pushed key (a value in pieces): the call succeeds, as its write stands. A caller that was up to date gets
     * the records it wrote; one that was behind gets no page ({@code changes} null: read the records), where the
     * page's read of the changed pieces failed the call after its write was stored.
     */
    @Test
    void aSyncDatasetOvertakenAfterItsWriteSucceeds() {
        Caller user = SyncshiftApi.freshUser();
        Answer first = api.updateRecords(user, "pieces", put("x", "1", 0));
        long count = first.data("updateRecords").path("datasetSyncCount").asLong();
        String mine = "m".repeat(65_546);
        String theirs = "t".repeat(196_618);
        interleaving.afterNextWrite(() -> assertThat(api.updateRecords(user, "pieces", put("k", theirs, count + 1))
                .ok()).isTrue());

        Answer upToDate = api.syncDataset(user, "pieces", count, put("k", mine, 0));

        assertThat(upToDate.ok()).as(upToDate.body().toString()).isTrue();
        assertThat(upToDate.data("syncDataset").path("changes").path("records").get(0).path("value").asText())
                .isEqualTo(mine);

        long now = count + 2;
        api.updateRecords(user, "pieces", put("y", "2", 0));
        interleaving.beforeTheReadAfterNextWrite(() -> assertThat(api.updateRecords(user, "pieces",
                put("j", theirs, now + 2)).ok()).isTrue());

        Answer behind = api.syncDataset(user, "pieces", now, put("j", mine, 0));

        assertThat(behind.ok()).as(behind.body().toString()).isTrue();
        assertThat(behind.data("syncDataset").path("datasetSyncCount").asLong()).isEqualTo(now + 2);
        assertThat(behind.data("syncDataset").path("changes").isNull()).isTrue();
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
