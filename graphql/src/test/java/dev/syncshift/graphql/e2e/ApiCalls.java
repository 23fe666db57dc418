package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;

/** The benchmark's calls through the emulator, checked, keeping the counts a device would keep. */
final class ApiCalls {

    private final SyncOperations api;
    private final Caller caller;
    private final int records;
    private long datasetSyncCount = 1;
    private final long[] counts;

    ApiCalls(SyncOperations api, Caller caller, int records) {
        this.api = api;
        this.caller = caller;
        this.records = records;
        this.counts = new long[records];
        java.util.Arrays.fill(counts, 1);
    }

    void list() {
        Answer answer = api.listRecords(caller, "bench", 0);
        if (!answer.ok() || answer.data("listRecords").path("records").size() != records) {
            throw new AssertionError(answer.body().toString());
        }
    }

    void update(int round) {
        int r = round % records;
        Answer answer = api.updateRecords(caller, "bench", Patch.put("r" + r, "update " + round, counts[r]));
        counts[r] = checked(answer, "updateRecords").path("datasetSyncCount").asLong();
        datasetSyncCount = counts[r];
    }

    void sync(int round) {
        int r = round % records;
        Answer answer = api.syncDataset(caller, "bench", datasetSyncCount,
                Patch.put("r" + r, "sync " + round, counts[r]));
        JsonNode change = checked(answer, "syncDataset");
        if (change.path("changes").path("records").size() != 1) {
            throw new AssertionError(answer.body().toString());
        }
        counts[r] = change.path("datasetSyncCount").asLong();
        datasetSyncCount = counts[r];
    }

    private static JsonNode checked(Answer answer, String field) {
        if (!answer.ok()) {
            throw new AssertionError(answer.body().toString());
        }
        return answer.data(field);
    }
}
