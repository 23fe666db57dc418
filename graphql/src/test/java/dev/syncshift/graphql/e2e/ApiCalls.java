package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.List;
import java.util.stream.IntStream;

/** The benchmark's calls through the emulator, checked, keeping the counts a device would keep. */
final class ApiCalls {

    private final SyncOperations api;
    private final Caller caller;
    private final int records;
    private final int pushed;
    private long datasetSyncCount = 1;
    private final long[] counts;

    /** Pushes change {@code pushed} consecutive records of the {@code records} the dataset holds. */
    ApiCalls(SyncOperations api, Caller caller, int records, int pushed) {
        this.api = api;
        this.caller = caller;
        this.records = records;
        this.pushed = pushed;
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
        JsonNode change = checked(api.updateRecords(caller, "bench", patches(round, "update ")), "updateRecords");
        counted(round, change.path("datasetSyncCount").asLong());
    }

    void sync(int round) {
        Answer answer = api.syncDataset(caller, "bench", datasetSyncCount,
                patches(round, "sync ").toArray(Patch[]::new));
        JsonNode change = checked(answer, "syncDataset");
        if (change.path("changes").path("records").size() != pushed) {
            throw new AssertionError(answer.body().toString());
        }
        counted(round, change.path("datasetSyncCount").asLong());
    }

    /** The records a push of {@code round} changes, both sides alike: {@code pushed} consecutive ones, wrapping. */
    static List<Integer> changed(int round, int pushed, int records) {
        return IntStream.range(0, pushed).mapToObj(i -> (round * pushed + i) % records).toList();
    }

    private List<Patch> patches(int round, String prefix) {
        return changed(round, pushed, records).stream()
                .map(r -> Patch.put("r" + r, prefix + round, counts[r])).toList();
    }

    private void counted(int round, long count) {
        changed(round, pushed, records).forEach(r -> counts[r] = count);
        datasetSyncCount = count;
    }

    private static JsonNode checked(Answer answer, String field) {
        if (!answer.ok()) {
            throw new AssertionError(answer.body().toString());
        }
        return answer.data(field);
    }
}
