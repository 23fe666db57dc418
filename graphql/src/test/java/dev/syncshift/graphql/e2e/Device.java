package dev.syncshift.graphql.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import java.util.HashMap;
import java.util.Map;

/**
 * A device's local copy of one dataset, synchronized the way the Cognito Sync clients do it: pull the changes after
 * the last count it saw (applying every page), then push patches carrying each record's last seen count, and on
 * ResourceConflictException pull and push again. Not thread-safe: one device per thread.
 */
final class Device {

    /** A record as the device last saw it. */
    record Seen(String value, long syncCount) {
    }

    private final SyncOperations api;
    private final Caller caller;
    private final String dataset;
    private final Map<String, Seen> records = new HashMap<>();
    private final int pageSize;
    private long lastSyncCount;
    private int pages;

    Device(SyncOperations api, Caller caller, String dataset) {
        this(api, caller, dataset, 50);
    }

    Device(SyncOperations api, Caller caller, String dataset, int pageSize) {
        this.api = api;
        this.caller = caller;
        this.dataset = dataset;
        this.pageSize = pageSize;
    }

    /** Pulls every change after the last count seen, page by page. */
    void pull() {
        String next = null;
        long datasetSyncCount;
        do {
            Answer answer = api.listRecords(caller, dataset, lastSyncCount, pageSize, next);
            pages++;
            if (!answer.ok()) {
                throw new AssertionError("pull failed: " + answer.body());
            }
            JsonNode page = answer.data("listRecords");
            page.path("records").forEach(r -> records.put(r.path("key").asText(),
                    new Seen(r.path("value").asText(null), r.path("syncCount").asLong())));
            datasetSyncCount = page.path("datasetSyncCount").asLong();
            next = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
        } while (next != null);
        lastSyncCount = datasetSyncCount;
    }

    /** The value seen for {@code key}, or null. */
    String value(String key) {
        Seen seen = records.get(key);
        return seen == null ? null : seen.value();
    }

    /** A patch that replaces {@code key} on top of the version this device saw. */
    Patch put(String key, String value) {
        Seen seen = records.get(key);
        return Patch.put(key, value, seen == null ? 0 : seen.syncCount());
    }

    /** Pushes; returns the new dataset count, or -1 after a conflict (then pull and try again). */
    long push(Patch... patches) {
        Answer answer = api.updateRecords(caller, dataset, patches);
        if (answer.ok()) {
            return answer.data("updateRecords").path("datasetSyncCount").asLong();
        }
        if ("ResourceConflictException".equals(answer.error().path("errorType").asText())) {
            return -1;
        }
        throw new AssertionError("push failed: " + answer.body());
    }

    Map<String, Seen> records() {
        return Map.copyOf(records);
    }

    long lastSyncCount() {
        return lastSyncCount;
    }

    /** How many pages all pulls so far read. */
    int pages() {
        return pages;
    }
}
