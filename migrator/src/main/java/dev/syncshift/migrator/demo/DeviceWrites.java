package dev.syncshift.migrator.demo;

import dev.syncshift.core.SyncLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;

/**
 * What apps that have not switched yet do between two passes: on a few identities, change a record, remove one,
 * and create a dataset, through Cognito Sync's ListRecords then UpdateRecords, as AWS's clients push.
 */
final class DeviceWrites {

    private static final int WRITERS = 3;
    private static final int FIRST_WRITER = 5;

    private final CognitoSyncClient sync;
    private final String pool;

    DeviceWrites(CognitoSyncClient sync, String pool) {
        this.sync = sync;
        this.pool = pool;
    }

    /**
     * Writes on three identities (from the sixth listed on, round to the first), passing over those at the limit of
     * 20 datasets, where a device's new dataset is refused; returns what it did, in words.
     */
    String write(CognitoIdentityClient identity) {
        List<IdentityDescription> listed = identity.listIdentities(r -> r.identityPoolId(pool).maxResults(60))
                .identities();
        List<String> done = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < listed.size() && written < WRITERS; i++) {
            String id = listed.get((i + FIRST_WRITER) % listed.size()).identityId();
            List<Dataset> datasets = sync.listDatasets(r -> r.identityPoolId(pool).identityId(id)).datasets();
            if (datasets.size() >= SyncLimits.MAX_DATASETS_PER_IDENTITY) {
                continue;
            }
            datasets.stream().findFirst().ifPresent(dataset -> done.add(changeFirstTwo(id, dataset.datasetName())));
            push(id, "added-after-the-full-pass", Map.of("greeting", "hello from a device still on Cognito"));
            done.add(id + "/added-after-the-full-pass created");
            written++;
        }
        return String.join("; ", done);
    }

    private String changeFirstTwo(String identityId, String dataset) {
        ListRecordsResponse page = sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId)
                .datasetName(dataset));
        Map<String, String> changes = new HashMap<>();
        page.records().stream().filter(r -> r.value() != null).limit(2).forEach(record -> changes.put(record.key(),
                changes.isEmpty() ? "changed after the full pass" : null));
        push(identityId, dataset, changes);
        return identityId + "/" + dataset + " changed " + changes.size() + " records";
    }

    private void push(String identityId, String dataset, Map<String, String> changes) {
        ListRecordsResponse page = sync.listRecords(r -> r.identityPoolId(pool).identityId(identityId)
                .datasetName(dataset));
        Map<String, Long> counts = new HashMap<>();
        page.records().forEach(record -> counts.put(record.key(), record.syncCount()));
        List<RecordPatch> patches = changes.entrySet().stream().map(change -> RecordPatch.builder()
                .op(change.getValue() == null ? Operation.REMOVE : Operation.REPLACE).key(change.getKey())
                .value(change.getValue()).syncCount(counts.getOrDefault(change.getKey(), 0L)).build()).toList();
        sync.updateRecords(r -> r.identityPoolId(pool).identityId(identityId).datasetName(dataset)
                .syncSessionToken(page.syncSessionToken()).recordPatches(patches));
    }
}
