package dev.syncshift.emulator.cognitosync;

import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/** One dataset of one identity, driven through the real SDK the way AWS's sync clients do (pull, then push). */
record SyncDataset(CognitoSyncClient sync, String poolId, String identityId, String name) {

    ListRecordsResponse list(long lastSyncCount) {
        return sync.listRecords(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(name)
                .lastSyncCount(lastSyncCount));
    }

    ListRecordsResponse listPage(long lastSyncCount, int maxResults, @Nullable String nextToken) {
        return sync.listRecords(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(name)
                .lastSyncCount(lastSyncCount).maxResults(maxResults).nextToken(nextToken));
    }

    List<Record> push(RecordPatch... patches) {
        return pushWithToken(list(0).syncSessionToken(), patches);
    }

    List<Record> pushWithToken(@Nullable String token, RecordPatch... patches) {
        return sync.updateRecords(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(name)
                .syncSessionToken(token).recordPatches(patches)).records();
    }

    /** Writes {@code count} records {@code k0..} with one-character values in one push. */
    void pushAll(int count, long syncCount) {
        push(IntStream.range(0, count).mapToObj(i -> replace("k" + i, "v", syncCount)).toArray(RecordPatch[]::new));
    }

    Dataset describe() {
        return sync.describeDataset(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(name))
                .dataset();
    }

    Dataset delete() {
        return sync.deleteDataset(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(name))
                .dataset();
    }

    List<String> datasetNames() {
        return sync.listDatasets(r -> r.identityPoolId(poolId).identityId(identityId)).datasets().stream()
                .map(Dataset::datasetName).toList();
    }

    SyncDataset other(String datasetName) {
        return new SyncDataset(sync, poolId, identityId, datasetName);
    }

    SyncDataset inPool(String otherPoolId) {
        return new SyncDataset(sync, otherPoolId, identityId, name);
    }

    static RecordPatch replace(String key, String value, long syncCount) {
        return RecordPatch.builder().op(Operation.REPLACE).key(key).value(value).syncCount(syncCount).build();
    }

    static RecordPatch remove(String key, long syncCount) {
        return RecordPatch.builder().op(Operation.REMOVE).key(key).syncCount(syncCount).build();
    }
}
