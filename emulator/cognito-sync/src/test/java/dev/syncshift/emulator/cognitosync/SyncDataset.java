package dev.syncshift.emulator.cognitosync;

import java.util.List;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
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

    List<Record> push(RecordPatch... patches) {
        String token = list(0).syncSessionToken();
        return sync.updateRecords(r -> r.identityPoolId(poolId).identityId(identityId).datasetName(name)
                .syncSessionToken(token).recordPatches(patches)).records();
    }

    static RecordPatch replace(String key, String value, long syncCount) {
        return RecordPatch.builder().op(Operation.REPLACE).key(key).value(value).syncCount(syncCount).build();
    }

    static RecordPatch remove(String key, long syncCount) {
        return RecordPatch.builder().op(Operation.REMOVE).key(key).syncCount(syncCount).build();
    }
}
